#!/usr/bin/env python3
"""Scripted AirPlay (RAOP) client for shairport-sync: good sessions, bad and garbage requests."""
import base64, hashlib, os, random, socket, struct, sys, threading, time

HOST = "127.0.0.1"
PORT = int(sys.argv[1])
MODE = sys.argv[2]
LPORT = int(sys.argv[3])          # base of this client's local UDP ports (control, timing)
PASSWORD = sys.argv[4] if len(sys.argv) > 4 else ""
NTP_EPOCH = 0x83AA7E80

def ntp_now():
    t = time.time() + NTP_EPOCH
    return int(t) & 0xffffffff, int((t % 1) * 2**32) & 0xffffffff

class Rtsp:
    def __init__(self, ua=None):
        self.s = socket.create_connection((HOST, PORT), timeout=5)
        self.cseq = 0
        self.session = None
        self.ua = ua or random.choice(["iTunes/12.12.4 (Macintosh; OS X 12.6)", "AirPlay/550.10",
                                       "Music/1.2.5 (Macintosh; OS X 12.6)", "forked-daapd/28.5"])
        self.dacp = "%016X" % random.getrandbits(64)
        self.remote = str(random.randint(100000000, 4000000000))
        self.url = "rtsp://127.0.0.1/%d" % random.randint(1000000, 9999999)
        self.nonce = None

    def req(self, method, uri=None, headers=None, body=b"", ctype=None):
        self.cseq += 1
        uri = uri or self.url
        h = ["%s %s RTSP/1.0" % (method, uri), "CSeq: %d" % self.cseq, "User-Agent: " + self.ua,
             "DACP-ID: " + self.dacp, "Active-Remote: " + self.remote, "Client-Instance: " + self.dacp]
        if self.session:
            h.append("Session: " + self.session)
        if self.nonce and PASSWORD is not None:
            pw = self.pw
            ha1 = hashlib.md5(("iTunes:raop:%s" % pw).encode()).hexdigest()
            ha2 = hashlib.md5(("%s:%s" % (method, uri)).encode()).hexdigest()
            resp = hashlib.md5(("%s:%s:%s" % (ha1, self.nonce, ha2)).encode()).hexdigest()
            h.append('Authorization: Digest username="iTunes", realm="raop", nonce="%s", uri="%s", response="%s"' % (self.nonce, uri, resp))
        for k, v in (headers or {}).items():
            h.append("%s: %s" % (k, v))
        if body:
            h.append("Content-Length: %d" % len(body))
            if ctype:
                h.append("Content-Type: " + ctype)
        self.s.sendall(("\r\n".join(h) + "\r\n\r\n").encode() + body)
        return self.read()

    def read(self):
        data = b""
        while b"\r\n\r\n" not in data:
            c = self.s.recv(4096)
            if not c:
                return None, {}
            data += c
        head, rest = data.split(b"\r\n\r\n", 1)
        lines = head.decode(errors="replace").split("\r\n")
        hdr = {}
        for l in lines[1:]:
            if ":" in l:
                k, v = l.split(":", 1)
                hdr[k.strip().lower()] = v.strip()
        n = int(hdr.get("content-length", 0))
        while len(rest) < n:
            c = self.s.recv(4096)
            if not c:
                break
            rest += c
        code = int(lines[0].split()[1]) if len(lines[0].split()) > 1 else 0
        if code == 401 and "www-authenticate" in hdr:
            self.nonce = hdr["www-authenticate"].split('nonce="')[1].split('"')[0]
        return code, hdr

    def close(self):
        try:
            self.s.close()
        except Exception:
            pass

SDP = ("v=0\r\no=iTunes %s 0 IN IP4 127.0.0.1\r\ns=iTunes\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
       "m=audio 0 RTP/AVP 96\r\na=rtpmap:96 AppleLossless\r\n"
       "a=fmtp:96 352 0 16 40 10 14 2 255 0 0 44100\r\n")

def alac_frame(n=352, amp=3000, phase=[0]):
    bits = "001" + "0000" + "0" * 12 + "0" + "00" + "1"
    out = []
    import math
    for i in range(n):
        v = int(amp * math.sin(phase[0])) & 0xffff
        phase[0] += 2 * math.pi * 440 / 44100
        b = format(v, "016b")
        out.append(b + b)
    bits += "".join(out) + "111"
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")

class Udp:
    def __init__(self, rtsp, server_port, control_port, timing_port, ctl_sock, tim_sock):
        self.server_port, self.control_port = server_port, control_port
        self.ctl, self.tim = ctl_sock, tim_sock
        self.stop = False
        self.packets = {}
        self.answer_timing = True
        self.answer_resend = True
        threading.Thread(target=self.timing_loop, daemon=True).start()
        threading.Thread(target=self.control_loop, daemon=True).start()

    def timing_loop(self):
        self.tim.settimeout(0.2)
        while not self.stop:
            try:
                d, a = self.tim.recvfrom(2048)
            except socket.timeout:
                continue
            except OSError:
                return
            if len(d) >= 32 and d[1] & 0x7f == 0x52 and self.answer_timing:
                s, f = ntp_now()
                rep = bytes([0x80, 0xd3, 0x00, 0x07]) + b"\0" * 4 + d[24:32] + struct.pack(">IIII", s, f, s, f)
                try:
                    self.tim.sendto(rep, a)
                except OSError:
                    pass

    def control_loop(self):
        self.ctl.settimeout(0.2)
        while not self.stop:
            try:
                d, a = self.ctl.recvfrom(2048)
            except socket.timeout:
                continue
            except OSError:
                return
            if len(d) >= 8 and d[1] & 0x7f == 0x55 and self.answer_resend:
                first, count = struct.unpack(">HH", d[4:8])
                for q in range(first, first + count):
                    p = self.packets.get(q & 0xffff)
                    if p:
                        try:
                            self.ctl.sendto(bytes([0x80, 0xd6, 0, 1]) + p, (HOST, self.control_port))
                        except OSError:
                            pass

    def sync(self, rtp_now, first=False, latency=88200):
        s, f = ntp_now()
        pkt = bytes([0x90 if first else 0x80, 0xd4, 0x00, 0x07]) + struct.pack(">IIII", (rtp_now - latency) & 0xffffffff, s, f, rtp_now & 0xffffffff)
        self.ctl.sendto(pkt, (HOST, self.control_port))

    def stream(self, seconds, seq, rtp, drop=0.0, latency=88200, first=True):
        frame = alac_frame()
        ssrc = random.getrandbits(32)
        start = time.time()
        n = 0
        last_sync = -1
        while time.time() - start < seconds:
            if int(n / 125) != last_sync:
                last_sync = int(n / 125)
                self.sync(rtp, first and n == 0, latency)
            hdr = struct.pack(">BBHII", 0x80, 0xe0 if n == 0 else 0x60, seq & 0xffff, rtp & 0xffffffff, ssrc)
            pkt = hdr + frame
            self.packets[seq & 0xffff] = pkt
            if random.random() >= drop:
                self.ctl.sendto(pkt, (HOST, self.server_port))
            seq += 1
            rtp += 352
            n += 1
            target = start + n * 352 / 44100.0
            dt = target - time.time()
            if dt > 0:
                time.sleep(dt)
        return seq, rtp

def udp_socks():
    base = LPORT
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c.bind((HOST, base))
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); t.bind((HOST, base + 1))
    return c, t

def dmap(tag, data):
    return tag.encode() + struct.pack(">I", len(data)) + data

def track_meta():
    items = dmap("minm", ("Song %d" % random.randint(1, 99)).encode()) + \
            dmap("asar", random.choice(["The Testers", "Loopback Band", "Nobody"]).encode()) + \
            dmap("asal", b"Localhost Sessions") + dmap("asgn", b"Test") + \
            dmap("astm", struct.pack(">I", random.randint(100000, 300000))) + \
            dmap("mper", struct.pack(">Q", random.getrandbits(64)))
    return dmap("mlit", items)

def handshake(r, challenge=True):
    hdr = {}
    if challenge:
        hdr["Apple-Challenge"] = base64.b64encode(os.urandom(16)).decode().rstrip("=")
    code, h = r.req("OPTIONS", "*", hdr)
    if code == 401:
        code, h = r.req("OPTIONS", "*", hdr)
    return code

def session(seconds, drop=0.0, extras=True, teardown=True, wrong_pw=False, answer_timing=True):
    r = Rtsp()
    r.pw = ("wrong" + PASSWORD) if wrong_pw else PASSWORD
    code = handshake(r, random.random() < 0.7)
    if code != 200:
        r.close()
        return
    c, t = udp_socks()
    try:
        sdp = (SDP % random.randint(1, 10**9)).encode()
        r.req("ANNOUNCE", body=sdp, ctype="application/sdp")
        code, h = r.req("SETUP", headers={"Transport": "RTP/AVP/UDP;unicast;interleaved=0-1;mode=record;control_port=%d;timing_port=%d" % (LPORT, LPORT + 1)})
        tr = h.get("transport", "")
        r.session = h.get("session", "1")
        parts = dict(p.split("=", 1) for p in tr.split(";") if "=" in p)
        if "server_port" not in parts:
            return
        u = Udp(r, int(parts["server_port"]), int(parts["control_port"]), int(parts["timing_port"]), c, t)
        u.answer_timing = answer_timing
        seq, rtp = random.randint(0, 60000), random.getrandbits(32)
        r.req("RECORD", headers={"Range": "npt=0-", "RTP-Info": "seq=%d;rtptime=%d" % (seq, rtp)})
        r.req("SET_PARAMETER", body=("volume: %f\r\n" % random.uniform(-30, 0)).encode(), ctype="text/parameters")
        if extras:
            r.req("SET_PARAMETER", body=track_meta(), ctype="application/x-dmap-tagged", headers={"RTP-Info": "rtptime=%d" % rtp})
            r.req("SET_PARAMETER", body=b"\xff\xd8\xff\xe0" + os.urandom(200) + b"\xff\xd9", ctype="image/jpeg", headers={"RTP-Info": "rtptime=%d" % rtp})
            r.req("SET_PARAMETER", body=("progress: %d/%d/%d\r\n" % (rtp - 44100, rtp, rtp + 44100 * 180)).encode(), ctype="text/parameters")
        seq, rtp = u.stream(seconds * 0.6, seq, rtp, drop=drop)
        if extras:
            r.req("GET_PARAMETER", body=b"volume\r\n", ctype="text/parameters")
            r.req("SET_PARAMETER", body=("volume: %f\r\n" % random.choice([-144.0, -20.5, -5.0, 0.0])).encode(), ctype="text/parameters")
            r.req("POST", "/feedback")
            if random.random() < 0.6:
                r.req("FLUSH", headers={"RTP-Info": "seq=%d;rtptime=%d" % (seq, rtp)})
                seq += 10; rtp += 3520
        seq, rtp = u.stream(seconds * 0.4, seq, rtp, drop=drop, first=False)
        if teardown:
            r.req("TEARDOWN")
        u.stop = True
        time.sleep(0.3)
    except Exception as e:
        pass
    finally:
        c.close(); t.close(); r.close()

GARBAGE = [b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"\x00\x01\x02\x03garbage\r\n\r\n", b"HELLO\r\n\r\n",
           b"OPTIONS * RTSP/1.0\r\n\r\n", b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: -5\r\n\r\n",
           b"FOO rtsp://x/1 RTSP/1.0\r\nCSeq: 3\r\n\r\n", b"SETUP rtsp://x/1 RTSP/1.0\r\nCSeq: 2\r\nTransport: junk\r\n\r\n",
           b"RECORD rtsp://x/1 RTSP/1.0\r\nCSeq: 9\r\n\r\n", b"TEARDOWN rtsp://x/1 RTSP/1.0\r\nCSeq: 4\r\n\r\n",
           b"ANNOUNCE rtsp://x/1 RTSP/1.0\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: 20\r\n\r\nv=0\r\nm=video 0 x\r\n",
           b"SET_PARAMETER rtsp://x/1 RTSP/1.0\r\nCSeq: 5\r\nContent-Type: text/parameters\r\nContent-Length: 12\r\n\r\nvolume: abc\r\n",
           b"GET_PARAMETER rtsp://x/1 RTSP/1.0\r\nCSeq: 6\r\nContent-Type: text/parameters\r\nContent-Length: 8\r\n\r\nfoobar\r\n",
           b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nApple-Challenge: " + b"A" * 300 + b"\r\n\r\n",
           b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nApple-Challenge: !!!notbase64\r\n\r\n",
           b"POST /pair-setup RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 4\r\n\r\nabcd",
           b"GET /info RTSP/1.0\r\nCSeq: 1\r\n\r\n", b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nNoColonHeader\r\n\r\n",
           b"\r\n\r\n", b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 99999999\r\n\r\nx"]

def garbage(n):
    for _ in range(n):
        try:
            s = socket.create_connection((HOST, PORT), timeout=2)
            g = random.choice(GARBAGE)
            if random.random() < 0.2:
                g = os.urandom(random.randint(10, 300))
            s.sendall(g)
            try:
                s.recv(4096)
            except Exception:
                pass
            s.close()
        except Exception:
            pass
        time.sleep(random.random() * 0.2)
    # random UDP junk to the server's UDP range
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(n):
        u.sendto(os.urandom(random.randint(4, 64)), (HOST, 16510 + random.randint(0, 8)))
    u.close()

def abandon(seconds):
    """Start a session and vanish without TEARDOWN (peer dies)."""
    r = Rtsp(); r.pw = PASSWORD
    if handshake(r) != 200:
        return
    c, t = udp_socks()
    r.req("ANNOUNCE", body=(SDP % 1).encode(), ctype="application/sdp")
    code, h = r.req("SETUP", headers={"Transport": "RTP/AVP/UDP;unicast;interleaved=0-1;mode=record;control_port=%d;timing_port=%d" % (LPORT, LPORT + 1)})
    parts = dict(p.split("=", 1) for p in h.get("transport", "").split(";") if "=" in p)
    r.session = h.get("session", "1")
    if "server_port" in parts:
        u = Udp(r, int(parts["server_port"]), int(parts["control_port"]), int(parts["timing_port"]), c, t)
        r.req("RECORD", headers={"Range": "npt=0-", "RTP-Info": "seq=1;rtptime=1000"})
        u.stream(seconds, 1, 1000)
        u.stop = True
    c.close(); t.close()
    r.s.shutdown(socket.SHUT_RDWR); r.close()

if MODE == "session":
    session(float(sys.argv[5]) if len(sys.argv) > 5 else 4, drop=random.choice([0, 0, 0.02, 0.1]))
elif MODE == "short":
    session(1.5, extras=random.random() < 0.5, teardown=random.random() < 0.7)
elif MODE == "wrongpw":
    session(1, wrong_pw=True)
elif MODE == "notiming":
    session(3, answer_timing=False)
elif MODE == "abandon":
    abandon(2)
elif MODE == "garbage":
    garbage(int(sys.argv[5]) if len(sys.argv) > 5 else 15)
