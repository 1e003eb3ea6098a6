# Send hand-made (often malformed) pyzor protocol packets to pyzord.
import socket, sys, time, random, hashlib
sys.path.insert(0, "/usr/lib/python3/dist-packages")
import email.message
import pyzor.account

host, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
dig = hashlib.sha1(str(random.random()).encode()).hexdigest()

def msg(op, pv="2.1", user=None, key=None, t=None, extra=()):
    m = email.message.Message()
    m["Op"] = op
    m["Op-Digest"] = dig
    for k, v in extra:
        m[k] = v
    m["Thread"] = str(random.randint(1, 65535))
    if pv is not None:
        m["PV"] = pv
    if user:
        ts = int(t if t is not None else time.time())
        m["User"] = user
        m["Time"] = str(ts)
        m["Sig"] = pyzor.account.sign_msg(pyzor.account.hash_key(key, user), ts, m)
    return m.as_string().encode()

pkt = {
    "garbage": lambda: bytes(random.getrandbits(8) for _ in range(random.randint(5, 60))),
    "nopv": lambda: msg("check", pv=None),
    "badpv": lambda: msg("check", pv="two"),
    "oldpv": lambda: msg("check", pv="1.0"),
    "unknownop": lambda: msg("frobnicate"),
    "noop": lambda: b"Thread: 77\nPV: 2.1\n\n",
    "unknownuser": lambda: msg("check", user="nobody", key="00"),
    "badsig": lambda: msg("report", user="alice", key="deadbeef"),
    "oldtime": lambda: msg("check", user="alice", key=sys.argv[4] if len(sys.argv) > 4 else "00", t=time.time() - 100000),
    "badtime": lambda: b"Op: check\nOp-Digest: " + dig.encode() + b"\nUser: alice\nTime: yesterday\nSig: 00\nPV: 2.1\nThread: 5\n",
    "anonwl": lambda: msg("whitelist"),
    "empty": lambda: b"",
}[kind]()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.sendto(pkt, (host, port))
try:
    s.recvfrom(8192)
except Exception:
    pass
