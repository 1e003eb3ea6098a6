#!/usr/bin/env python3
"""Tiny SIP user agent for the round-10 workloads (UDP or TCP, digest auth, INVITE with a PCMU
RTP stream and RFC 2833 DTMF, callee mode, MESSAGE/OPTIONS/SUBSCRIBE/garbage).  Python stdlib only.
All sockets are bound on 127.0.0.1 to ports drawn from PORTS (a range given by the caller)."""
import hashlib
import os
import queue
import random
import re
import socket
import string
import struct
import threading
import time

PORTS = (15600, 15999)


def rnd(n=10):
    return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def bind_sock(kind):
    for _ in range(200):
        p = random.randint(*PORTS)
        s = socket.socket(socket.AF_INET, kind)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", p))
            return s, p
        except OSError:
            s.close()
    raise RuntimeError("no free port")


def md5(s):
    return hashlib.md5(s.encode()).hexdigest()


class Msg:
    def __init__(self, raw):
        head, _, self.body = raw.partition("\r\n\r\n")
        lines = head.split("\r\n")
        self.first = lines[0]
        self.headers = []
        for ln in lines[1:]:
            if ":" in ln:
                k, v = ln.split(":", 1)
                self.headers.append((k.strip(), v.strip()))
        parts = self.first.split(" ", 2)
        if parts[0].startswith("SIP/"):
            self.is_req = False
            self.code = int(parts[1])
            self.method = None
        else:
            self.is_req = True
            self.method = parts[0]
            self.uri = parts[1] if len(parts) > 1 else ""
            self.code = None

    def h(self, name, all_=False):
        short = {"via": "v", "from": "f", "to": "t", "call-id": "i", "cseq": "CSeq",
                 "contact": "m", "content-length": "l"}
        names = {name.lower(), short.get(name.lower(), "").lower()}
        vals = [v for k, v in self.headers if k.lower() in names]
        return vals if all_ else (vals[0] if vals else None)

    def cseq_method(self):
        c = self.h("CSeq") or "0 X"
        return c.split()[1]


class UA:
    def __init__(self, user, password, domain, server, transport="udp", display=None, ua_name=None):
        self.user, self.password, self.domain = user, password, domain
        self.server = server  # (host, port)
        self.transport = transport
        self.display = display
        self.ua_name = ua_name or random.choice(["pyphone/1.%d" % random.randint(0, 9), "Linphone/4.4",
                                                 "Zoiper rv2.10", "MicroSIP/3.21.%d" % random.randint(0, 5)])
        if transport == "udp":
            self.sock, self.port = bind_sock(socket.SOCK_DGRAM)
        else:
            self.sock, self.port = bind_sock(socket.SOCK_STREAM)
            self.sock.settimeout(3)
            self.sock.connect(server)
            self.sock.settimeout(None)
            self.buf = b""
        self.q = queue.Queue()
        self.callee = None  # behaviour when called: 'answer', 'busy', 'ring', 'decline'
        self.running = True
        self.cseq = random.randint(1, 500)
        self.reg_callid = rnd(16) + "@127.0.0.1"
        self.tag = rnd(8)
        self.calls_in = {}
        self.t = threading.Thread(target=self._reader, daemon=True)
        self.t.start()

    # ---- transport -------------------------------------------------------------------------------
    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        try:
            if self.transport == "udp":
                self.sock.sendto(data, self.server)
            else:
                self.sock.sendall(data)
        except OSError:
            pass

    def _reader(self):
        while self.running:
            try:
                if self.transport == "udp":
                    data, _ = self.sock.recvfrom(65535)
                    msgs = [data.decode(errors="replace")]
                else:
                    chunk = self.sock.recv(65535)
                    if not chunk:
                        break
                    self.buf += chunk
                    msgs = []
                    while b"\r\n\r\n" in self.buf:
                        head, rest = self.buf.split(b"\r\n\r\n", 1)
                        m = re.search(rb"(?im)^(content-length|l)\s*:\s*(\d+)", head)
                        n = int(m.group(2)) if m else 0
                        if len(rest) < n:
                            break
                        msgs.append((head + b"\r\n\r\n" + rest[:n]).decode(errors="replace"))
                        self.buf = rest[n:]
            except OSError:
                break
            for raw in msgs:
                if not raw.strip():
                    continue
                try:
                    m = Msg(raw)
                except Exception:
                    continue
                if m.is_req:
                    try:
                        self._handle_req(m)
                    except Exception:
                        pass
                else:
                    self.q.put(m)

    def close(self):
        self.running = False
        try:
            self.sock.close()
        except OSError:
            pass

    # ---- helpers ---------------------------------------------------------------------------------
    def via(self, branch=None):
        return "Via: SIP/2.0/%s 127.0.0.1:%d;rport;branch=z9hG4bK%s" % (
            self.transport.upper(), self.port, branch or rnd(12))

    def contact(self):
        t = "" if self.transport == "udp" else ";transport=tcp"
        return "<sip:%s@127.0.0.1:%d%s>" % (self.user, self.port, t)

    def from_hdr(self, tag=None):
        d = '"%s" ' % self.display if self.display else ""
        return "From: %s<sip:%s@%s>;tag=%s" % (d, self.user, self.domain, tag or self.tag)

    def build(self, method, uri, to, callid, cseq, extra=(), body="", ctype=None, branch=None,
              from_tag=None, to_tag=None):
        lines = ["%s %s SIP/2.0" % (method, uri), self.via(branch), "Max-Forwards: 70",
                 self.from_hdr(from_tag), "To: <%s>%s" % (to, ";tag=" + to_tag if to_tag else ""),
                 "Call-ID: %s" % callid, "CSeq: %d %s" % (cseq, method),
                 "Contact: %s" % self.contact(), "User-Agent: %s" % self.ua_name]
        lines += list(extra)
        if body:
            lines.append("Content-Type: %s" % (ctype or "application/sdp"))
        lines.append("Content-Length: %d" % len(body.encode()))
        return "\r\n".join(lines) + "\r\n\r\n" + body

    def wait(self, callid, timeout=5.0, method=None):
        end = time.time() + timeout
        while time.time() < end:
            try:
                m = self.q.get(timeout=max(0.05, end - time.time()))
            except queue.Empty:
                return None
            if m.h("Call-ID") == callid and (method is None or m.cseq_method() == method):
                return m
        return None

    def wait_final(self, callid, timeout=8.0, method=None, on_prov=None):
        end = time.time() + timeout
        while time.time() < end:
            m = self.wait(callid, end - time.time(), method)
            if m is None:
                return None
            if m.code >= 200:
                return m
            if on_prov:
                on_prov(m)
        return None

    def auth_header(self, chal_msg, method, uri, password=None):
        code = chal_msg.code
        chal = chal_msg.h("WWW-Authenticate" if code == 401 else "Proxy-Authenticate")
        if not chal:
            return None
        params = dict(re.findall(r'(\w+)="?([^",]*)"?', chal))
        realm, nonce = params.get("realm", ""), params.get("nonce", "")
        ha1 = md5("%s:%s:%s" % (self.user, realm, password if password is not None else self.password))
        ha2 = md5("%s:%s" % (method, uri))
        name = "Authorization" if code == 401 else "Proxy-Authorization"
        if "auth" in params.get("qop", ""):
            cn, nc = rnd(8), "00000001"
            resp = md5("%s:%s:%s:%s:auth:%s" % (ha1, nonce, nc, cn, ha2))
            return ('%s: Digest username="%s", realm="%s", nonce="%s", uri="%s", response="%s", '
                    'algorithm=MD5, cnonce="%s", qop=auth, nc=%s%s' % (
                        name, self.user, realm, nonce, uri, resp, cn, nc,
                        ', opaque="%s"' % params["opaque"] if "opaque" in params else ""))
        resp = md5("%s:%s:%s" % (ha1, nonce, ha2))
        return '%s: Digest username="%s", realm="%s", nonce="%s", uri="%s", response="%s", algorithm=MD5%s' % (
            name, self.user, realm, nonce, uri, resp, ', opaque="%s"' % params["opaque"] if "opaque" in params else "")

    # ---- requests --------------------------------------------------------------------------------
    def request(self, method, uri, to, extra=(), body="", ctype=None, timeout=6.0, password=None,
                callid=None):
        callid = callid or rnd(16) + "@127.0.0.1"
        self.cseq += 1
        self.send(self.build(method, uri, to, callid, self.cseq, extra, body, ctype))
        r = self.wait_final(callid, timeout)
        if r is not None and r.code in (401, 407):
            ah = self.auth_header(r, method, uri, password)
            self.cseq += 1
            self.send(self.build(method, uri, to, callid, self.cseq, list(extra) + [ah], body, ctype))
            r = self.wait_final(callid, timeout)
        return r.code if r is not None else None

    def register(self, expires=None, password=None):
        uri = "sip:%s" % self.domain
        expires = random.choice([60, 120, 300, 600, 3600]) if expires is None else expires
        return self.request("REGISTER", uri, "sip:%s@%s" % (self.user, self.domain),
                            ["Expires: %d" % expires], password=password, callid=self.reg_callid)

    def options(self, target=None):
        t = target or "sip:%s" % self.domain
        return self.request("OPTIONS", t, t, ["Accept: application/sdp"], timeout=4)

    def message(self, to_user, text):
        t = "sip:%s@%s" % (to_user, self.domain)
        return self.request("MESSAGE", t, t, body=text, ctype="text/plain", timeout=6)

    def subscribe(self, to_user, event="presence", expires=60):
        t = "sip:%s@%s" % (to_user, self.domain)
        acc = {"presence": "application/pidf+xml", "message-summary": "application/simple-message-summary",
               "dialog": "application/dialog-info+xml"}.get(event, "*/*")
        return self.request("SUBSCRIBE", t, t, ["Event: %s" % event, "Accept: %s" % acc, "Expires: %d" % expires])

    def garbage(self, kind=None):
        kind = kind if kind is not None else random.randint(0, 5)
        if kind == 0:
            data = os.urandom(random.randint(20, 300))
        elif kind == 1:
            data = ("INVITE sip:%s SIP/2.0\r\nVia: broken\r\n\r\n" % rnd(5)).encode()
        elif kind == 2:
            data = b"HELLO WORLD %d\r\n\r\n" % random.randint(0, 99999)
        elif kind == 3:  # missing headers
            data = ("OPTIONS sip:%s@%s SIP/2.0\r\nCall-ID: %s\r\nContent-Length: 0\r\n\r\n" % (
                rnd(4), self.domain, rnd(10))).encode()
        elif kind == 4:  # bad CSeq
            data = self.build("OPTIONS", "sip:%s" % self.domain, "sip:%s" % self.domain, rnd(12),
                              1).replace("CSeq: 1 OPTIONS", "CSeq: x%d BOGUS" % random.randint(1, 9)).encode()
        else:  # unknown method
            m = random.choice(["FOOBAR", "PING", "PUBLISH", "INFO", "UPDATE"])
            data = self.build(m, "sip:%s@%s" % (rnd(4), self.domain), "sip:x@%s" % self.domain, rnd(12),
                              random.randint(1, 99)).encode()
        self.send(data)

    # ---- calls -----------------------------------------------------------------------------------
    def sdp(self, rtp_port, codecs=None):
        codecs = codecs or [(0, "PCMU/8000"), (8, "PCMA/8000"), (101, "telephone-event/8000")]
        sess = random.randint(1000, 99999)
        lines = ["v=0", "o=%s %d %d IN IP4 127.0.0.1" % (self.user, sess, sess), "s=call",
                 "c=IN IP4 127.0.0.1", "t=0 0",
                 "m=audio %d RTP/AVP %s" % (rtp_port, " ".join(str(p) for p, _ in codecs))]
        for p, n in codecs:
            lines.append("a=rtpmap:%d %s" % (p, n))
        if any(p == 101 for p, _ in codecs):
            lines.append("a=fmtp:101 0-16")
        lines.append("a=sendrecv")
        return "\r\n".join(lines) + "\r\n"

    def call(self, to_user, hold=3.0, dtmf="", cancel_after=None, codecs=None, password=None,
             wait_bye=False, target_uri=None):
        """Place a call; returns final response code (or 'bye' if remote hung up)."""
        uri = target_uri or "sip:%s@%s" % (to_user, self.domain)
        callid = rnd(16) + "@127.0.0.1"
        rtp, rport = bind_sock(socket.SOCK_DGRAM)
        rtp.settimeout(0.02)
        body = self.sdp(rport, codecs)
        self.cseq += 1
        cseq = self.cseq
        branch = rnd(12)
        self.send(self.build("INVITE", uri, uri, callid, cseq, [], body, branch=branch))
        t0 = time.time()
        state = {}

        def prov(m):
            state["prov"] = m.code

        if cancel_after is not None:
            time.sleep(cancel_after)
            self.send(self.build("CANCEL", uri, uri, callid, cseq, [], branch=branch))
        r = self.wait_final(callid, 30, "INVITE", prov)
        if r is not None and r.code in (401, 407):
            self._ack(uri, callid, cseq, r, branch)
            ah = self.auth_header(r, "INVITE", uri, password)
            self.cseq += 1
            cseq = self.cseq
            branch = rnd(12)
            self.send(self.build("INVITE", uri, uri, callid, cseq, [ah], body, branch=branch))
            if cancel_after is not None:
                time.sleep(cancel_after)
                self.send(self.build("CANCEL", uri, uri, callid, cseq, [ah], branch=branch))
            r = self.wait_final(callid, 40, "INVITE", prov)
        if r is None:
            rtp.close()
            return None
        if r.code >= 300:
            self._ack(uri, callid, cseq, r, branch)
            rtp.close()
            return r.code
        # 2xx: ACK, media, BYE
        to_tag = (re.search(r"tag=([^;>\s]+)", r.h("To") or "") or [None, None])[1]
        contact = re.search(r"<([^>]+)>", r.h("Contact") or "") or None
        ruri = contact.group(1) if contact else uri
        rrs = []
        for v in r.h("Record-Route", True):
            rrs += [x.strip() for x in v.split(",") if x.strip()]
        route = ["Route: %s" % ", ".join(reversed(rrs))] if rrs else []
        self.send(self.build("ACK", ruri, uri, callid, cseq, route, to_tag=to_tag))
        m = re.search(r"m=audio (\d+)", r.body)
        c = re.search(r"c=IN IP4 ([\d.]+)", r.body)
        dest = (c.group(1) if c else "127.0.0.1", int(m.group(1))) if m else None
        self.bye_seen = False
        self.active_callid = callid
        end = time.time() + hold
        seq, ts, ssrc = random.randint(0, 60000), random.randint(0, 1 << 30), random.getrandbits(32)
        digits = list(dtmf)
        next_dtmf = time.time() + 1.0
        while time.time() < end and not (self.bye_seen and self.bye_callid == callid):
            if dest:
                seq = (seq + 1) & 0xFFFF
                ts = (ts + 160) & 0xFFFFFFFF
                pkt = struct.pack("!BBHII", 0x80, 0, seq, ts, ssrc) + b"\xff" * 160
                try:
                    rtp.sendto(pkt, dest)
                except OSError:
                    pass
                if digits and time.time() >= next_dtmf:
                    d = digits.pop(0)
                    ev = "0123456789*#".index(d) if d in "0123456789*#" else 0
                    for i in range(6):
                        endbit = 0x80 if i >= 3 else 0
                        seq = (seq + 1) & 0xFFFF
                        pl = struct.pack("!BBH", ev, endbit | 10, 160 * (i + 1))
                        pkt = struct.pack("!BBHII", 0x80, (0x80 if i == 0 else 0) | 101, seq, ts, ssrc) + pl
                        try:
                            rtp.sendto(pkt, dest)
                        except OSError:
                            pass
                        time.sleep(0.02)
                    next_dtmf = time.time() + 0.6
            try:
                rtp.recvfrom(2048)
            except OSError:
                pass
            time.sleep(0.02)
        rtp.close()
        if self.bye_seen and getattr(self, "bye_callid", None) == callid:
            return "bye"
        if wait_bye:
            return 200
        self.cseq += 1
        self.send(self.build("BYE", ruri, uri, callid, self.cseq, route, to_tag=to_tag))
        self.wait_final(callid, 4, "BYE")
        return 200

    def _ack(self, uri, callid, cseq, resp, branch):
        to = resp.h("To") or "<%s>" % uri
        lines = ["ACK %s SIP/2.0" % uri, self.via(branch), "Max-Forwards: 70", self.from_hdr(),
                 "To: %s" % to, "Call-ID: %s" % callid, "CSeq: %d ACK" % cseq, "Content-Length: 0"]
        self.send("\r\n".join(lines) + "\r\n\r\n")

    # ---- incoming requests -----------------------------------------------------------------------
    def reply(self, req, code, reason, extra=(), body="", to_tag=None):
        lines = ["SIP/2.0 %d %s" % (code, reason)]
        for v in req.h("Via", True):
            lines.append("Via: %s" % v)
        if req.method == "INVITE" and code > 100:  # mirror the proxy's Record-Route (RFC 3261 12.1.1)
            for v in req.h("Record-Route", True):
                lines.append("Record-Route: %s" % v)
        lines.append("From: %s" % req.h("From"))
        to = req.h("To") or ""
        if to_tag and "tag=" not in to:
            to += ";tag=" + to_tag
        lines += ["To: %s" % to, "Call-ID: %s" % req.h("Call-ID"), "CSeq: %s" % req.h("CSeq"),
                  "Contact: %s" % self.contact(), "User-Agent: %s" % self.ua_name]
        lines += list(extra)
        if body:
            lines.append("Content-Type: application/sdp")
        lines.append("Content-Length: %d" % len(body.encode()))
        self.send("\r\n".join(lines) + "\r\n\r\n" + body)

    def _handle_req(self, m):
        cid = m.h("Call-ID")
        if m.method == "OPTIONS":
            self.reply(m, 200, "OK", ["Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, NOTIFY"])
        elif m.method == "NOTIFY" or m.method == "MESSAGE":
            self.reply(m, 200, "OK")
        elif m.method == "BYE":
            self.bye_seen = True
            self.bye_callid = cid
            self.reply(m, 200, "OK")
            c = self.calls_in.pop(cid, None)
            if c:
                c["rtp"].close()
        elif m.method == "ACK":
            pass
        elif m.method == "CANCEL":
            self.reply(m, 200, "OK")
            c = self.calls_in.pop(cid, None)
            if c:
                c["cancelled"] = True
                self.reply(c["inv"], 487, "Request Terminated", to_tag=c["tag"])
        elif m.method == "INVITE":
            if cid in self.calls_in:
                return  # retransmission
            beh = self.callee or "answer"
            tag = rnd(8)
            c = {"inv": m, "tag": tag, "cancelled": False}
            self.reply(m, 100, "Trying")
            if beh == "busy":
                self.reply(m, 486, "Busy Here", to_tag=tag)
                return
            if beh == "decline":
                self.reply(m, 603, "Decline", to_tag=tag)
                return
            if beh == "unavail":
                self.reply(m, 480, "Temporarily Unavailable", to_tag=tag)
                return
            self.reply(m, 180, "Ringing", to_tag=tag)
            c["rtp"], c["port"] = bind_sock(socket.SOCK_DGRAM)
            self.calls_in[cid] = c
            if beh == "answer":
                def later():
                    time.sleep(random.uniform(0.3, 2.0))
                    if not c["cancelled"] and cid in self.calls_in:
                        self.reply(m, 200, "OK", body=self.sdp(c["port"]), to_tag=tag)
                threading.Thread(target=later, daemon=True).start()
            # 'ring': never answer (caller times out)
        else:
            self.reply(m, 405, "Method Not Allowed")


def raw_send(server, data, transport="udp"):
    if transport == "udp":
        s, _ = bind_sock(socket.SOCK_DGRAM)
        s.sendto(data, server)
        s.settimeout(1)
        try:
            s.recvfrom(4096)
        except OSError:
            pass
    else:
        s, _ = bind_sock(socket.SOCK_STREAM)
        s.settimeout(2)
        try:
            s.connect(server)
            s.sendall(data)
            s.recv(4096)
        except OSError:
            pass
    s.close()
