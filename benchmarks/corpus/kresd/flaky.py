#!/usr/bin/python3
"""A misbehaving authoritative server for zone flaky.test (Debian python3-dnslib), the second
upstream of the r12 kresd run. UDP and TCP on 127.0.0.1:PORT (default 20454).

The first label of the query name picks the behaviour:
  slow*     answer after 1.5-4 s          drop*    never answer
  fail*     SERVFAIL                       refused* REFUSED
  nx*       NXDOMAIN (with SOA)            trunc*   TC=1 over UDP, full answer over TCP
  garbage*  random bytes                   badid*   answer with a wrong message id
  formerr*  FORMERR                        big*     40 TXT records (truncates over UDP)
  cname*    CNAME into r12.test            private* A record in 10/8 or 192.168/16
  anything else: a normal answer (A, AAAA, TXT, MX) with a random TTL
"""
import os
import random
import socket
import socketserver
import struct
import sys
import threading
import time

from dnslib import DNSRecord, RR, QTYPE, RCODE, A, AAAA, TXT, MX, CNAME, SOA

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 20454
ZONE = "flaky.test."


def soa():
    return RR(ZONE, QTYPE.SOA, ttl=60, rdata=SOA("ns.flaky.test.", "hostmaster.flaky.test.",
                                                 (1, 3600, 600, 86400, 60)))


def answer(data, tcp):
    """Return reply bytes, or None to stay silent."""
    try:
        q = DNSRecord.parse(data)
    except Exception:
        return None
    qn = str(q.q.qname).lower()
    first = qn.split(".")[0]
    r = q.reply()
    r.header.ra = 0
    if not qn.endswith(ZONE):
        r.header.rcode = RCODE.REFUSED
        r.header.aa = 0
        return r.pack()
    if first.startswith("slow"):
        time.sleep(random.uniform(1.5, 4.0))
    elif first.startswith("drop"):
        return None
    elif first.startswith("fail"):
        r.header.rcode = RCODE.SERVFAIL
        return r.pack()
    elif first.startswith("refused"):
        r.header.rcode = RCODE.REFUSED
        return r.pack()
    elif first.startswith("formerr"):
        r.header.rcode = RCODE.FORMERR
        return r.pack()
    elif first.startswith("nx"):
        r.header.rcode = RCODE.NXDOMAIN
        r.add_auth(soa())
        return r.pack()
    elif first.startswith("garbage"):
        return os.urandom(random.randint(3, 60))
    elif first.startswith("badid"):
        r.header.id = (q.header.id + 1) & 0xffff
    elif first.startswith("trunc") and not tcp:
        r.header.tc = 1
        return r.pack()
    ttl = random.choice([5, 30, 60, 300, 600])
    qt = QTYPE[q.q.qtype]
    if first.startswith("cname"):
        r.add_answer(RR(qn, QTYPE.CNAME, ttl=ttl, rdata=CNAME(random.choice(
            ["www.r12.test.", "host%d.r12.test." % random.randint(1, 40), "missing.r12.test."]))))
    elif first.startswith("big"):
        for i in range(40):
            r.add_answer(RR(qn, QTYPE.TXT, ttl=ttl, rdata=TXT("record %d %s" % (i, "x" * 40))))
    elif first.startswith("private"):
        r.add_answer(RR(qn, QTYPE.A, ttl=ttl, rdata=A(random.choice(
            ["10.%d.%d.%d" % (random.randint(0, 255), random.randint(0, 255), random.randint(1, 254)),
             "192.168.%d.%d" % (random.randint(0, 255), random.randint(1, 254))]))))
    elif qt in ("A", "ANY"):
        for _ in range(random.randint(1, 3)):
            r.add_answer(RR(qn, QTYPE.A, ttl=ttl, rdata=A("198.51.100.%d" % random.randint(1, 254))))
    elif qt == "AAAA":
        r.add_answer(RR(qn, QTYPE.AAAA, ttl=ttl, rdata=AAAA("2001:db8:f1::%x" % random.randint(1, 65535))))
    elif qt == "TXT":
        r.add_answer(RR(qn, QTYPE.TXT, ttl=ttl, rdata=TXT("flaky %d" % random.randint(1, 10 ** 6))))
    elif qt == "MX":
        r.add_answer(RR(qn, QTYPE.MX, ttl=ttl, rdata=MX("mx%d.flaky.test." % random.randint(1, 9), 10)))
    else:
        r.add_auth(soa())      # NODATA
    return r.pack()


class UDPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        out = answer(data, False)
        if out is not None:
            sock.sendto(out, self.client_address)


class TCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(10)
        try:
            while True:
                hdr = self.request.recv(2)
                if len(hdr) < 2:
                    return
                ln = struct.unpack("!H", hdr)[0]
                data = b""
                while len(data) < ln:
                    chunk = self.request.recv(ln - len(data))
                    if not chunk:
                        return
                    data += chunk
                out = answer(data, True)
                if out is None:
                    return
                self.request.sendall(struct.pack("!H", len(out)) + out)
        except OSError:
            return


class TUDP(socketserver.ThreadingMixIn, socketserver.UDPServer):
    daemon_threads = True
    allow_reuse_address = True


class TTCP(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    u = TUDP(("127.0.0.1", PORT), UDPHandler)
    t = TTCP(("127.0.0.1", PORT), TCPHandler)
    threading.Thread(target=t.serve_forever, daemon=True).start()
    u.serve_forever()
