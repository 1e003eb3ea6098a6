#!/usr/bin/env python3
"""Hand-written BGP peer for the exabgp workload.
usage: bgp_speaker.py SCENARIO SRC_IP  (connects to 127.0.0.1:25110 from SRC_IP)
       bgp_speaker.py listen SRC_IP PORT SECONDS  (accepts exabgp's outgoing connections and plays a random scenario)"""
import os, random, socket, struct, sys, time

A_PORT = 25110

def msg(t, body=b""):
    return b"\xff" * 16 + struct.pack(">HB", 19 + len(body), t) + body

def open_msg(asn, hold=9, rid="10.9.9.9", caps=True):
    params = b""
    if caps:
        c = bytes([1, 4, 0, 1, 0, 1]) + bytes([65, 4]) + struct.pack(">I", asn) + bytes([2, 0])
        params = bytes([2, len(c)]) + c
    return msg(1, struct.pack(">BHH4s", 4, asn if asn < 65536 else 23456, hold, socket.inet_aton(rid)) + bytes([len(params)]) + params)

def keepalive():
    return msg(4)

def notification(code, sub, data=b""):
    return msg(3, bytes([code, sub]) + data)

def prefix(p):
    net, ln = p.split("/"); ln = int(ln)
    return bytes([ln]) + socket.inet_aton(net)[: (ln + 7) // 8]

def update(asn, prefixes, withdrawn=(), nexthop="127.0.0.3", extra=b""):
    wd = b"".join(prefix(p) for p in withdrawn)
    attrs = b""
    if prefixes:
        attrs += bytes([0x40, 1, 1, random.choice([0, 1, 2])])
        aspath = bytes([2, 2]) + struct.pack(">II", asn, random.randint(64512, 65000))
        attrs += bytes([0x40, 2, len(aspath)]) + aspath
        attrs += bytes([0x40, 3, 4]) + socket.inet_aton(nexthop)
        if random.random() < 0.5:
            attrs += bytes([0x80, 4, 4]) + struct.pack(">I", random.randint(0, 1000))
        attrs += extra
    nl = b"".join(prefix(p) for p in prefixes)
    return msg(2, struct.pack(">H", len(wd)) + wd + struct.pack(">H", len(attrs)) + attrs + nl)

def rand_prefixes(n):
    return ["172.%d.%d.0/24" % (random.randint(16, 31), random.randint(0, 255)) for _ in range(n)]

def recv_some(s, t=1.0):
    s.settimeout(t)
    try:
        return s.recv(4096)
    except OSError:
        return b""

def play(s, scenario, asn):
    if scenario == "good":
        s.sendall(open_msg(asn)); recv_some(s); s.sendall(keepalive()); recv_some(s)
        sent = []
        for _ in range(random.randint(1, 6)):
            ps = rand_prefixes(random.randint(1, 4)); sent += ps
            wd = [sent.pop(0)] if len(sent) > 3 and random.random() < 0.5 else []
            s.sendall(update(asn, ps, wd)); time.sleep(random.random() * 0.5)
            if random.random() < 0.4:
                s.sendall(keepalive())
        if random.random() < 0.3:
            s.sendall(msg(5, struct.pack(">HBB", 1, 0, 1)))  # route refresh
        if random.random() < 0.3:
            s.sendall(update(asn, rand_prefixes(1), extra=bytes([0xC0, 99, 3, 1, 2, 3])))  # unknown transitive attr
        time.sleep(random.random() * 2)
        end = random.choice(["cease", "close", "hold", "admin"])
        if end == "cease":
            s.sendall(notification(6, 2, b"going away"))
        elif end == "admin":
            s.sendall(notification(6, 4))
        elif end == "hold":
            time.sleep(11)  # let the hold timer expire
        recv_some(s, 0.5)
    elif scenario == "badas":
        s.sendall(open_msg(asn + 100)); recv_some(s, 2)
    elif scenario == "badversion":
        s.sendall(msg(1, struct.pack(">BHH4sB", 3, asn, 9, socket.inet_aton("10.9.9.9"), 0))); recv_some(s, 2)
    elif scenario == "badhold":
        s.sendall(open_msg(asn, hold=2)); recv_some(s, 2)
    elif scenario == "marker":
        s.sendall(b"\x00" * 16 + struct.pack(">HB", 29, 1) + b"\x04" * 10); recv_some(s, 2)
    elif scenario == "garbage":
        s.sendall(random.choice([os.urandom(random.randint(5, 100)), b"GET / HTTP/1.0\r\n\r\n", b"\xff" * 16 + b"\x00\x05\x01"])); recv_some(s, 2)
    elif scenario == "badtype":
        s.sendall(open_msg(asn)); recv_some(s); s.sendall(keepalive()); recv_some(s)
        s.sendall(msg(9, b"\x01\x02")); recv_some(s, 2)
    elif scenario == "badupdate":
        s.sendall(open_msg(asn)); recv_some(s); s.sendall(keepalive()); recv_some(s)
        s.sendall(msg(2, b"\x00\x00\x00\x09\x40\x01\x01\x00\x40\x03\x04\x7f")); recv_some(s, 2)
    elif scenario == "earlykeepalive":
        s.sendall(keepalive()); recv_some(s, 2)
    elif scenario == "notify":
        s.sendall(open_msg(asn)); recv_some(s); s.sendall(notification(random.choice([2, 6]), random.choice([1, 2, 3]))); recv_some(s, 1)
    elif scenario == "silent":
        time.sleep(random.uniform(1, 4))
    elif scenario == "halfopen":
        s.sendall(open_msg(asn)); time.sleep(random.uniform(0.5, 3))

SCEN = ["good", "good", "good", "badas", "badversion", "badhold", "marker", "garbage", "badupdate",
        "earlykeepalive", "notify", "silent", "halfopen"]

def asn_for(ip):
    return {"127.0.0.3": 65003, "127.0.0.4": 65004}.get(ip, 65099)

def main():
    if sys.argv[1] == "listen":
        src, port, secs = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind((src, port)); ls.listen(5); ls.settimeout(1)
        end = time.time() + secs
        while time.time() < end:
            try:
                c, _ = ls.accept()
            except OSError:
                continue
            try:
                play(c, random.choice(SCEN), asn_for(src))
            except OSError:
                pass
            c.close()
        return
    scenario, src = sys.argv[1], sys.argv[2]
    if scenario == "random":
        scenario = random.choice(SCEN)
    s = socket.socket(); s.bind((src, 0))
    try:
        s.connect(("127.0.0.1", A_PORT))
        play(s, scenario, asn_for(src))
    except OSError:
        pass
    s.close()

main()
