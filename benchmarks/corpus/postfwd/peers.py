#!/usr/bin/env python3
"""Peers postfwd2 talks to, all on 127.0.0.1 in our port range:
  DNS  (UDP 54053): answers MX/NS/A/TXT for the test domains; some names NXDOMAIN, some never answered
  SMTP (TCP 54025): for the mail() action; sometimes refuses the recipient
  policy (TCP 54046): delegation target of the ask() action; answers vary, sometimes garbage
usage: peers.py   (runs until killed)"""
import random, socket, socketserver, struct, threading

ZONE_MX = {"example.org": [(10, "mx1.example.org")], "example.net": [(10, "mx1.example.net"), (20, "mx2.example.net")],
           "lists.example.com": [(5, "mail.lists.example.com")], "localdomain": [(10, "localhost.localdomain")]}
ZONE_NS = {"example.org": ["ns1.example.org", "ns2.example.org"], "example.net": ["ns.example.net"],
           "lists.example.com": ["ns1.example.com"], "shop.invalid": ["ns.shop.invalid"]}
ZONE_A = {"mx1.example.org": "127.0.0.25", "mx1.example.net": "127.0.1.25", "mx2.example.net": "127.0.2.25",
          "mail.lists.example.com": "127.0.3.25", "ns1.example.org": "127.0.0.53", "ns2.example.org": "127.0.0.54",
          "ns.example.net": "127.0.1.53", "ns1.example.com": "127.0.3.53", "localhost.localdomain": "127.0.0.1",
          "mx1.example.org.": "127.0.0.25", "smtp.example.net": "127.0.1.26", "webmail.shop.invalid": "127.0.4.80",
          "relay.lists.example.com": "127.0.3.26", "localhost": "127.0.0.1"}
NXDOMAIN = {"spammer.test", "mail.spammer.test", "dsl-77-1.dyn.isp.test", "x"}
SILENT = {"mail.test", "ns.shop.invalid"}   # never answered -> resolver timeout

def name_enc(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.rstrip(".").split(".") if p) + b"\0"

def parse_q(data):
    i, labels = 12, []
    while data[i]:
        l = data[i]; labels.append(data[i + 1:i + 1 + l].decode(errors="replace")); i += 1 + l
    qtype, qclass = struct.unpack(">HH", data[i + 1:i + 5])
    return ".".join(labels).lower(), qtype, data[12:i + 5]

def answer(data):
    qid, flags = struct.unpack(">HH", data[:4])
    name, qtype, qraw = parse_q(data)
    if name in SILENT or random.random() < 0.03:
        return None
    rrs, rcode = [], 0
    if name in NXDOMAIN:
        rcode = 3
    elif qtype == 15:
        rrs = [(15, struct.pack(">H", p) + name_enc(h)) for p, h in ZONE_MX.get(name, [])]
    elif qtype == 2:
        rrs = [(2, name_enc(h)) for h in ZONE_NS.get(name, [])]
    elif qtype == 1 and name in ZONE_A:
        rrs = [(1, socket.inet_aton(ZONE_A[name]))]
    elif qtype == 16:
        rrs = [(16, bytes([len(t)]) + t) for t in [b"test record for " + name.encode()[:200]]]
    hdr = struct.pack(">HHHHHH", qid, 0x8180 | rcode, 1, len(rrs), 0, 0)
    body = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", t, 1, random.choice([60, 300, 3600]), len(d)) + d for t, d in rrs)
    return hdr + qraw + body

def dns():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 54053))
    while True:
        data, peer = s.recvfrom(4096)
        try:
            out = answer(data)
        except Exception:
            out = None
        if out:
            s.sendto(out, peer)

class SMTP(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda t: self.wfile.write(t.encode() + b"\r\n")
        w("220 peers.test ESMTP ready")
        refuse = random.random() < 0.3
        for line in self.rfile:
            cmd = line.decode(errors="replace").strip().upper()
            if cmd.startswith("RCPT"):
                w("550 5.1.1 no such user" if refuse else "250 ok")
            elif cmd == "DATA":
                w("354 go ahead")
            elif cmd.startswith("QUIT"):
                w("221 bye"); return
            elif cmd.startswith("SUBJECT:") or cmd == ".":
                if cmd == "." or cmd.endswith("."):
                    w("250 queued as %X" % random.getrandbits(32))
            else:
                w("250 ok")

class Policy(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            if line.strip() == b"":
                break
        k = random.random()
        if k < 0.35:
            self.wfile.write(b"action=REJECT 5.7.1 delegated peer says no\n\n")
        elif k < 0.6:
            self.wfile.write(b"action=DUNNO\n\n")
        elif k < 0.8:
            self.wfile.write(b"action=OK from peer\n\n")
        elif k < 0.9:
            self.wfile.write(b"hello, this is not a policy answer\n\n")
        # else: hang up without an answer

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True; daemon_threads = True

threading.Thread(target=dns, daemon=True).start()
threading.Thread(target=TS(("127.0.0.1", 54025), SMTP).serve_forever, daemon=True).start()
TS(("127.0.0.1", 54046), Policy).serve_forever()
