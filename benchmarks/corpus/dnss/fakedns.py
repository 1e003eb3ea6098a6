# Minimal upstream DNS server for the dnss workload (no logging of its own).
import sys, time, random
from dnslib import RR, QTYPE, RCODE, A, AAAA, TXT, MX, CNAME
from dnslib.server import DNSServer, BaseResolver, DNSLogger

class R(BaseResolver):
    def resolve(self, request, handler):
        reply = request.reply()
        q = request.q
        name = str(q.qname).lower()
        if name.startswith("slow."):
            time.sleep(12)
        if name.startswith("drop."):
            time.sleep(30)
            return None
        if name.startswith("fail."):
            reply.header.rcode = RCODE.SERVFAIL
            return reply
        if name.startswith("refused."):
            reply.header.rcode = RCODE.REFUSED
            return reply
        if name.startswith("nx.") or name.endswith(".invalid."):
            reply.header.rcode = RCODE.NXDOMAIN
            return reply
        if name.startswith("empty."):
            return reply
        n = random.randint(1, 3)
        if name.startswith("big."):
            n = random.randint(25, 40)
        for i in range(n):
            if q.qtype == QTYPE.AAAA:
                reply.add_answer(RR(q.qname, QTYPE.AAAA, rdata=AAAA("2001:db8::%x" % random.randint(1, 9999)), ttl=random.choice([5, 60, 300])))
            elif q.qtype == QTYPE.TXT:
                reply.add_answer(RR(q.qname, QTYPE.TXT, rdata=TXT("v=test%d" % i), ttl=60))
            elif q.qtype == QTYPE.MX:
                reply.add_answer(RR(q.qname, QTYPE.MX, rdata=MX("mx%d.example.test." % i), ttl=60))
            else:
                reply.add_answer(RR(q.qname, QTYPE.A, rdata=A("127.0.%d.%d" % (random.randint(0, 255), random.randint(1, 254))), ttl=random.choice([2, 5, 60, 300])))
        return reply

port = int(sys.argv[1])
logger = DNSLogger(log="-request,-reply,-truncated,-error,-recv,-send,-data", prefix=False)
servers = [DNSServer(R(), port=port, address="127.0.0.1", logger=logger),
           DNSServer(R(), port=port, address="127.0.0.1", tcp=True, logger=logger)]
for s in servers:
    s.start_thread()
while True:
    time.sleep(1)
