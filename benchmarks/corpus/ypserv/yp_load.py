"""Randomised NIS client load against our ypserv (run inside the r31k namespaces).

usage: yp_load.py PORT COUNT"""
import random, socket, sys, time
sys.path.insert(0, "/work/round31/ypserv")
import rpcclient as r

YPPROG = 100004
PORT = int(sys.argv[1])
COUNT = int(sys.argv[2])
DOM = "r31k.test"
MAPS = ["passwd.byname", "passwd.byuid", "group.byname", "group.bygid", "hosts.byname",
        "hosts.byaddr", "mail.aliases", "netgroup", "ypservers", "shadow.byname"]
BADMAPS = ["nosuch.map", "auto.master", "passwd.adjunct.byname", "../passwd.byname", "a/b", "protocols.bynumber"]
DOMS = [DOM] * 8 + ["empty.dom", "other.test", "nis", "..", "r31k.test/x", ""]
SRCS = ["127.0.0.1"] * 6 + ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.9"]
rnd = random.Random()


def key():
    c = rnd.random()
    if c < 0.55:
        return "user%d" % rnd.randint(1, 110)
    if c < 0.7:
        return str(rnd.randint(1995, 2110))
    if c < 0.8:
        return "host%d" % rnd.randint(1, 40)
    if c < 0.85:
        return "grp%d" % rnd.randint(0, 9)
    if c < 0.9:
        return "10.31.0.%d" % rnd.randint(1, 40)
    return rnd.choice(["postmaster", "abuse", "staff", "localhost", "root", "", "x" * rnd.randint(1, 60)])


def pick(lst, bad, p):
    return rnd.choice(bad) if rnd.random() < p else rnd.choice(lst)


def mapname():
    return pick(MAPS, BADMAPS, 0.12)


def dom():
    return rnd.choice(DOMS)


def src_port_call(src, proc, args, vers=2, reserved=False, tcp=False):
    """UDP call from a chosen source address (and sometimes a reserved source port)."""
    fam = socket.AF_INET
    if tcp:
        s = socket.socket(fam, socket.SOCK_STREAM)
    else:
        s = socket.socket(fam, socket.SOCK_DGRAM)
    s.settimeout(1.5)
    try:
        if reserved:
            for _ in range(20):
                try:
                    s.bind((src, rnd.randint(600, 1000)))
                    break
                except OSError:
                    continue
        else:
            s.bind((src, 0))
        _, raw = r.call_msg(YPPROG, vers, proc, args, r.auth_sys(uid=rnd.choice([0, 0, 1000, 2005])) if rnd.random() < 0.3 else None)
        if tcp:
            s.connect(("127.0.0.1", PORT))
            return r.stream_call(s, 0, 0, 0, raw=raw)
        s.sendto(raw, ("127.0.0.1", PORT))
        try:
            return r.Reply(s.recvfrom(65536)[0])
        except socket.timeout:
            return r.Reply(None)
    except OSError:
        return r.Reply(None)
    finally:
        s.close()


def call(proc, args, **kw):
    src = kw.pop("src", None) or rnd.choice(SRCS)
    return src_port_call(src, proc, args, tcp=rnd.random() < 0.15, reserved=rnd.random() < 0.25, **kw)


def a_null():
    call(0, b"", vers=rnd.choice([2, 2, 2, 1]))


def a_domain():
    call(rnd.choice([1, 1, 2]), r.string(dom()))


def a_match():
    call(3, r.string(dom()) + r.string(mapname()) + r.opaque(key()))


def a_first():
    call(4, r.string(dom()) + r.string(mapname()))


def a_next():
    call(5, r.string(dom()) + r.string(mapname()) + r.opaque(key()))


def a_walk():
    """first/next walk through a map, like ypcat over UDP."""
    d, m = DOM, rnd.choice(MAPS[:7])
    src = rnd.choice(SRCS[:6] + ["127.0.0.4"])
    rep = call(4, r.string(d) + r.string(m), src=src)
    n = rnd.randint(1, 12)
    k = b"user1"
    try:
        if rep.ok:
            st = rep.u()
            if st == 1:
                rep.opaque()
                k = rep.opaque()
    except ValueError:
        pass
    for _ in range(n):
        rep = call(5, r.string(d) + r.string(m) + r.opaque(k), src=src)
        try:
            if not rep.ok or rep.u() != 1:
                break
            rep.opaque()
            k = rep.opaque()
        except ValueError:
            break


def a_all():
    """YPPROC_ALL over TCP (ypserv forks a child for it)."""
    try:
        s = r.stream_connect("127.0.0.1", PORT, src=rnd.choice(SRCS))
    except OSError:
        return
    try:
        _, raw = r.call_msg(YPPROG, 2, 8, r.string(dom() if rnd.random() < 0.3 else DOM) + r.string(mapname()))
        s.sendall(r.u32(0x80000000 | len(raw)) + raw)
        if rnd.random() < 0.15:
            time.sleep(0.3)  # hang up early (give the forked child time to finish its output)
            return
        s.settimeout(2)
        while True:
            c = s.recv(65536)
            if not c:
                break
    except OSError:
        pass
    finally:
        s.close()
        time.sleep(0.05)


def a_master():
    call(9, r.string(dom()) + r.string(mapname()))


def a_order():
    call(10, r.string(dom()) + r.string(mapname()))


def a_maplist():
    call(11, r.string(dom()))


def a_clear():
    call(7, b"")


def a_xfr():
    d = dom() if rnd.random() < 0.4 else DOM
    m = mapname()
    owner = rnd.choice(["nis-master.r31k.test", "localhost", "evil.example", "127.0.0.1"])
    parms = r.string(d) + r.string(m) + r.u32(rnd.randint(1, 2 ** 31)) + r.string(owner)
    tid = rnd.getrandbits(31)
    if rnd.random() < 0.5:
        args = parms + r.u32(tid) + r.u32(rnd.choice([0x40000000, 100004])) + r.u32(rnd.randint(30900, 30999))
        proc = 6
    else:
        args = parms + r.u32(tid) + r.u32(rnd.choice([6, 17])) + r.string(rnd.choice(["localhost", "nis-master", ""]))
        proc = 12
    src = rnd.choice(SRCS)
    src_port_call(src, proc, args, reserved=rnd.random() < 0.5)


def a_garbage():
    c = rnd.random()
    if c < 0.3:
        call(rnd.choice([13, 14, 20, 99]), b"")
    elif c < 0.6:
        call(rnd.choice([3, 4, 5, 9, 10, 11]), bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 12))))
    elif c < 0.8:
        call(rnd.choice([0, 3]), b"", vers=rnd.choice([3, 5]))
    else:
        # a long key
        call(3, r.string(DOM) + r.string("passwd.byname") + r.opaque("u" * rnd.randint(200, 1000)))


ACTIONS = [a_null, a_domain, a_match, a_first, a_next, a_walk, a_all, a_master, a_order,
           a_maplist, a_clear, a_xfr, a_garbage]
weights = [rnd.choice([1, 2, 4, 8, 15]) for _ in ACTIONS]
weights[ACTIONS.index(a_match)] *= 3
for _ in range(COUNT):
    rnd.choices(ACTIONS, weights)[0]()
    if rnd.random() < 0.1:
        time.sleep(rnd.random() * 0.2)
