"""Randomised portmapper/rpcbind client load (run inside the r31k namespaces).

usage: pm_load.py COUNT   (a fake RPC service on UDP/TCP 30200-30201 answers forwarded calls)"""
import random, socket, sys, threading, time, struct
sys.path.insert(0, "/work/round31/rpcbind")
import rpcclient as r

PMAP = 100000
COUNT = int(sys.argv[1])
rnd = random.Random()
FAKEPROG = [200100, 200101, 300400, 100004, 100003, 100005, 390113, 0x20000099]
SRCS = ["127.0.0.1"] * 5 + ["127.0.0.2", "127.0.0.7"]
NETIDS = ["udp", "tcp", "udp6", "tcp6", "local", "ticotsord", "bogus", ""]
SOCK = "/run/rpcbind.sock"


def fake_server():
    """A tiny RPC service answering everything with SUCCESS (sometimes late, sometimes not at all)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 30200))
    while True:
        data, peer = s.recvfrom(65536)
        if len(data) < 4:
            continue
        c = rnd.random()
        if c < 0.15:
            continue  # drop it: the forwarded call times out
        if c < 0.2:
            data = b"\0\0\0\0"  # garbage reply
            s.sendto(data, peer)
            continue
        xid = data[:4]
        s.sendto(xid + r.u32(1) + r.u32(0) + r.u32(0) + r.u32(0) + r.u32(0) + r.opaque(b"fake-reply"), peer)


def pick_src():
    return rnd.choice(SRCS)


def udp(vers, proc, args=b"", src=None, cred=None):
    src = src or pick_src()
    host = "127.0.0.1" if rnd.random() < 0.8 else src
    return r.udp_call(host, 111, PMAP, vers, proc, args, cred=cred, src=src, timeout=1.5)


def tcp(vers, proc, args=b"", cred=None):
    return r.tcp_call("127.0.0.1", 111, PMAP, vers, proc, args, cred=cred, src=pick_src())


def local(vers, proc, args=b"", cred=None):
    return r.tcp_call(None, None, PMAP, vers, proc, args, cred=cred, path=SOCK)


def any_call(vers, proc, args=b"", cred=None):
    c = rnd.random()
    if c < 0.55:
        return udp(vers, proc, args, cred=cred)
    if c < 0.8:
        return tcp(vers, proc, args, cred=cred)
    return local(vers, proc, args, cred=cred)


def uaddr(port):
    return "127.0.0.1.%d.%d" % (port >> 8, port & 255)


def rpcb(prog, vers, netid, addr, owner):
    return r.u32(prog) + r.u32(vers) + r.string(netid) + r.string(addr) + r.string(owner)


def prog():
    return rnd.choice(FAKEPROG)


def p2_set():
    port = rnd.choice([30200, 30201, 30210 + rnd.randint(0, 50)])
    any_call(2, rnd.choice([1, 1, 2]), r.u32(prog()) + r.u32(rnd.randint(1, 4)) + r.u32(rnd.choice([17, 6, 17, 99])) + r.u32(port))


def p2_getport():
    any_call(2, 3, r.u32(prog()) + r.u32(rnd.randint(1, 4)) + r.u32(rnd.choice([17, 6, 17, 99])) + r.u32(0))


def p2_dump():
    any_call(2, 4)


def p2_null():
    any_call(rnd.choice([2, 3, 4]), 0)


def callit(vers, proc):
    p = rnd.choice([200100, 200100, 200101, 100000, 100004, 424242])
    args = r.u32(p) + r.u32(rnd.randint(1, 3)) + r.u32(rnd.randint(0, 5)) + r.opaque(bytes(rnd.randint(0, 40)))
    udp(vers, proc, args)


def p2_callit():
    callit(2, 5)


def p34_callit():
    callit(rnd.choice([3, 4]), 5)


def p4_indirect():
    callit(4, 10)


def p34_set():
    v = rnd.choice([3, 4])
    netid = rnd.choice(NETIDS)
    port = rnd.choice([30200, 30201, 30220 + rnd.randint(0, 50)])
    addr = rnd.choice([uaddr(port)] * 5 + ["::1.117.%d" % rnd.randint(0, 255), "/run/fake%d.sock" % rnd.randint(1, 9), "garbage", ""])
    owner = rnd.choice(["superuser", "0", "1000", "nobody", "r31k"])
    any_call(v, rnd.choice([1, 1, 2]), rpcb(prog(), rnd.randint(1, 4), netid, addr, owner),
             cred=r.auth_sys(uid=rnd.choice([0, 0, 1000])) if rnd.random() < 0.4 else None)


def p34_getaddr():
    v = rnd.choice([3, 4])
    netid = rnd.choice(NETIDS[:5] + ["udp", "tcp"])
    proc = 3 if rnd.random() < 0.7 or v == 3 else 9
    any_call(v, proc, rpcb(prog(), rnd.randint(1, 4), netid, rnd.choice(["", uaddr(111), "10.1.2.3.0.111"]), ""))


def p34_dump():
    any_call(rnd.choice([3, 4]), 4)


def p34_gettime():
    any_call(rnd.choice([3, 4]), 6)


def p34_uaddr2taddr():
    v = rnd.choice([3, 4])
    any_call(v, 7, r.string(rnd.choice([uaddr(30200), "::1.0.111", "not.an.address", "1.2.3"])))


def p34_taddr2uaddr():
    v = rnd.choice([3, 4])
    sa = struct.pack("<H", 2) + struct.pack(">H", rnd.randint(1, 65535)) + socket.inet_aton("127.0.0.1") + bytes(8)
    any_call(v, 8, r.u32(len(sa)) + r.opaque(rnd.choice([sa, b"\x01\x02", b""])))


def p4_addrlist():
    any_call(4, 11, rpcb(prog(), rnd.randint(1, 3), rnd.choice(NETIDS), "", ""))


def p4_stat():
    any_call(4, 12)


def garbage():
    c = rnd.random()
    if c < 0.3:
        any_call(rnd.choice([2, 3, 4]), rnd.choice([13, 17, 40]))
    elif c < 0.6:
        any_call(rnd.choice([2, 3, 4]), rnd.choice([1, 3, 7, 8, 9]), bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 9))))
    elif c < 0.8:
        any_call(rnd.choice([1, 5, 7]), 0)
    else:
        # not even an RPC call
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.sendto(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 30))), ("127.0.0.1", 111))
        s.close()


ACTIONS = [p2_set, p2_getport, p2_dump, p2_null, p2_callit, p34_callit, p4_indirect, p34_set,
           p34_getaddr, p34_dump, p34_gettime, p34_uaddr2taddr, p34_taddr2uaddr, p4_addrlist, p4_stat, garbage]
threading.Thread(target=fake_server, daemon=True).start()
time.sleep(0.2)
weights = [rnd.choice([1, 2, 3, 6, 12]) for _ in ACTIONS]
for name in (p2_getport, p34_getaddr, p34_set):
    weights[ACTIONS.index(name)] *= 2
for _ in range(COUNT):
    try:
        rnd.choices(ACTIONS, weights)[0]()
    except (OSError, ValueError):
        pass
