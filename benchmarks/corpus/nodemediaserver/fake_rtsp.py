#!/usr/bin/env python3
"""Tiny RTSP camera for the Node-Media-Server relay workload (127.0.0.1 only).

Serves an H.264 elementary stream over TCP-interleaved RTP. The URL path picks
a behaviour: /cam (digest auth, then stream), /open (no auth), /basic (Basic
auth), /notfound (404), /garbage (invalid status line), /badsdp, /nosdp,
/setupfail, /playfail, /bearer (unsupported auth scheme), /drop (stream a
little, then die), /nocseq (answers without CSeq).
"""
import base64
import hashlib
import random
import socket
import socketserver
import struct
import sys
import threading
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 31554
H264 = sys.argv[2] if len(sys.argv) > 2 else "v.h264"


def nals(path):
    data = open(path, "rb").read()
    out, i, n = [], 0, len(data)
    starts = []
    while True:
        j = data.find(b"\x00\x00\x01", i)
        if j < 0:
            break
        starts.append(j + 3)
        i = j + 3
    for k, s in enumerate(starts):
        e = starts[k + 1] - 3 if k + 1 < len(starts) else n
        nal = data[s:e].rstrip(b"\x00")
        if nal:
            out.append(nal)
    return out


NALS = nals(H264)
SPS = next(n for n in NALS if n[0] & 0x1F == 7)
PPS = next(n for n in NALS if n[0] & 0x1F == 8)


def sdp(path):
    sprop = base64.b64encode(SPS).decode() + "," + base64.b64encode(PPS).decode()
    lines = ["v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=fake", "c=IN IP4 127.0.0.1", "t=0 0",
             "a=control:*",
             "m=video 0 RTP/AVP 96", "a=rtpmap:96 H264/90000",
             "a=fmtp:96 packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets=" + sprop,
             "a=control:trackID=0"]
    if random.random() < 0.5:
        lines += ["m=audio 0 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=control:trackID=1"]
    if random.random() < 0.3:
        lines += ["m=application 0 RTP/AVP 107", "a=rtpmap:107 vnd.onvif.metadata/90000",
                  "a=control:trackID=2"]
    if random.random() < 0.2:
        lines += ["m=video", "a=rtpmap:xx", "a=fmtp:"]
    return "\r\n".join(lines) + "\r\n"


class Handler(socketserver.BaseRequestHandler):
    def send(self, code, reason, cseq, headers=None, body=""):
        h = "RTSP/1.0 %d %s\r\n" % (code, reason)
        if cseq is not None:
            h += "CSeq: %s\r\n" % cseq
        for k, v in (headers or {}).items():
            h += "%s: %s\r\n" % (k, v)
        if body:
            h += "Content-Length: %d\r\n" % len(body.encode())
        h += "\r\n" + body
        self.request.sendall(h.encode())

    def read_request(self):
        buf = b""
        while b"\r\n\r\n" not in buf:
            d = self.request.recv(4096)
            if not d:
                return None
            buf += d
        head, _, rest = buf.partition(b"\r\n\r\n")
        lines = head.decode(errors="replace").split("\r\n")
        method, uri, _ = (lines[0].split(" ") + ["", ""])[:3]
        hdr = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                hdr[k.strip().lower()] = v.strip()
        return method, uri, hdr

    def handle(self):
        self.request.settimeout(20)
        nonce = "%032x" % random.getrandbits(128)
        mode = None
        try:
            while True:
                r = self.read_request()
                if r is None:
                    return
                method, uri, hdr = r
                cseq = hdr.get("cseq")
                path = "/" + uri.split("/", 3)[3].split("/")[0] if uri.count("/") >= 3 else "/"
                mode = mode or path.split("?")[0]
                auth = hdr.get("authorization", "")
                if mode == "/garbage":
                    self.request.sendall(b"HTTP/1.1 200 OK\r\nServer: nope\r\n\r\n")
                    time.sleep(1)
                    return
                if mode == "/nocseq":
                    self.send(200, "OK", None)
                    time.sleep(2)
                    self.send(200, "OK", "999")
                    time.sleep(1)
                    return
                if method == "DESCRIBE":
                    if mode == "/notfound":
                        self.send(404, "Stream Not Found", cseq)
                        continue
                    if mode == "/cam" and not auth.startswith("Digest"):
                        self.send(401, "Unauthorized", cseq, {
                            "WWW-Authenticate": 'Digest realm="FakeCam", nonce="%s"' % nonce})
                        continue
                    if mode == "/basic" and not auth.startswith("Basic"):
                        self.send(401, "Unauthorized", cseq, {"WWW-Authenticate": 'Basic realm="FakeCam"'})
                        continue
                    if mode == "/bearer":
                        self.send(401, "Unauthorized", cseq, {"WWW-Authenticate": 'Bearer realm="x"'})
                        continue
                    if mode == "/badsdp":
                        self.send(200, "OK", cseq, {"Content-Type": "application/sdp"}, "garbage\r\nmore garbage\r\n")
                        continue
                    if mode == "/nosdp":
                        self.send(200, "OK", cseq, {"Content-Type": "application/sdp"}, "v=0\r\ns=x\r\n")
                        continue
                    self.send(200, "OK", cseq, {"Content-Type": "application/sdp",
                                                "Content-Base": uri.rstrip("/") + "/"}, sdp(mode))
                elif method == "SETUP":
                    if mode == "/setupfail" or ("trackID=1" in uri and random.random() < 0.3):
                        self.send(461, "Unsupported Transport", cseq)
                        continue
                    self.send(200, "OK", cseq, {"Session": "12345678;timeout=60",
                                                "Transport": hdr.get("transport", "")})
                elif method == "PLAY":
                    if mode == "/playfail":
                        self.send(454, "Session Not Found", cseq)
                        continue
                    self.send(200, "OK", cseq, {"Session": "12345678", "Range": "npt=0.000-"})
                    self.stream(mode)
                    return
                elif method == "TEARDOWN":
                    self.send(200, "OK", cseq)
                    return
                else:
                    self.send(200, "OK", cseq, {"Public": "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER"})
        except (OSError, ValueError):
            return

    def rtp(self, seq, ts, marker, payload, pt=96, ch=0):
        hdr = struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | pt, seq & 0xFFFF, ts & 0xFFFFFFFF, 0x1234)
        pkt = hdr + payload
        self.request.sendall(b"$" + bytes([ch]) + struct.pack("!H", len(pkt)) + pkt)

    def stream(self, mode):
        seconds = random.uniform(2, 5) if mode == "/drop" else random.uniform(5, 12)
        seq, ts, t0 = random.randint(0, 60000), random.randint(0, 1 << 30), time.time()
        frame = []
        i = 0
        skip_gap = mode == "/drop"
        while time.time() - t0 < seconds:
            nal = NALS[i % len(NALS)]
            i += 1
            t = nal[0] & 0x1F
            frame.append(nal)
            if t not in (1, 5):
                continue
            for k, n in enumerate(frame):
                last = k == len(frame) - 1
                if len(n) <= 1200:
                    self.rtp(seq, ts, last, n)
                    seq += 1
                else:
                    ind = (n[0] & 0xE0) | 28
                    body = n[1:]
                    chunks = [body[o:o + 1200] for o in range(0, len(body), 1200)]
                    for c, chunk in enumerate(chunks):
                        fu = (n[0] & 0x1F) | (0x80 if c == 0 else 0) | (0x40 if c == len(chunks) - 1 else 0)
                        if skip_gap and c == 1 and random.random() < 0.1:
                            seq += 1  # lose a fragment
                            continue
                        self.rtp(seq, ts, last and c == len(chunks) - 1, bytes([ind, fu]) + chunk)
                        seq += 1
            frame = []
            if random.random() < 0.05:
                # an RTCP sender report on channel 1
                sr = struct.pack("!BBHIIIIII", 0x80, 200, 6, 0x1234, 0, 0, ts, 0, 0)
                self.request.sendall(b"$\x01" + struct.pack("!H", len(sr)) + sr)
            ts += 3600
            time.sleep(0.04)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    srv = Server(("127.0.0.1", PORT), Handler)
    deadline = float(sys.argv[3]) if len(sys.argv) > 3 else 120
    threading.Timer(deadline, srv.shutdown).start()
    srv.serve_forever()
