# Sends DNS queries for the dnss workload: dnsclient.py PORT NAME QTYPE [udp|tcp|multi|edns]
import sys, socket
from dnslib import DNSRecord, DNSQuestion, QTYPE, EDNS0
port, name, qtype, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
q = DNSRecord.question(name, qtype)
if mode == "multi":
    q.add_question(DNSQuestion("second." + name, getattr(QTYPE, qtype)))
if mode == "edns":
    q.add_ar(EDNS0(udp_len=4096))
try:
    q.send("127.0.0.1", port, tcp=(mode == "tcp"), timeout=6)
except (socket.timeout, OSError, Exception):
    pass
