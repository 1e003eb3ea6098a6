#!/usr/bin/env python3
"""Random StatsD traffic: UDP/TCP metrics (good and bad), management commands, resets."""
import random, socket, struct, sys, time

HOST = "127.0.0.1"
UDP, MGMT, TCP = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
N = int(sys.argv[4])
rnd = random.Random()

KEYS = ["api.requests", "api.errors", "db.query", "cache.hits", "cache.misses", "queue.depth",
        "worker.jobs", "login.ok", "login fail", "users/active", "disk.free", "mem.used"]

def good():
    k = rnd.choice(KEYS)
    kind = rnd.choices(["c", "ms", "g", "s", "tag", "rate", "multi"], [30, 20, 15, 8, 8, 8, 5])[0]
    if kind == "c":
        return f"{k}:{rnd.randint(1, 50)}|c"
    if kind == "ms":
        return f"{k}:{rnd.uniform(0.5, 900):.2f}|ms"
    if kind == "g":
        return f"{k}:{rnd.choice(['', '+', '-'])}{rnd.randint(0, 1000)}|g"
    if kind == "s":
        return f"{k}:user{rnd.randint(1, 40)}|s"
    if kind == "tag":
        return f"{k}:{rnd.randint(1, 9)}|c|#env:prod,host:web{rnd.randint(1, 4)}"
    if kind == "rate":
        return f"{k}:{rnd.randint(1, 9)}|c|@0.{rnd.randint(1, 9)}"
    return f"{k}:{rnd.randint(1, 9)}|c:{rnd.randint(1, 90)}|ms"

def bad():
    k = rnd.choice(KEYS)
    return rnd.choice([f"{k}:abc|c", f"{k}:12", f"{k}:-5|ms", f"{k}:x|g", f"{k}:3|c|@x",
                       f"{k}:3|c|@-1", f"{k}", "garbage!!", f"{k}:|ms", f"{k}:1|c|0.5"])

def metric():
    return bad() if rnd.random() < 0.12 else good()

def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    lines = [metric() for _ in range(rnd.choice([1, 1, 1, 2, 3]))]
    s.sendto("\n".join(lines).encode(), (HOST, UDP))
    s.close()

def tcp():
    try:
        s = socket.create_connection((HOST, TCP), timeout=2)
        s.sendall(("\n".join(metric() for _ in range(rnd.randint(1, 4))) + "\n").encode())
        s.close()
    except OSError:
        pass

def mgmt():
    try:
        s = socket.create_connection((HOST, MGMT), timeout=2)
        cmd = rnd.choice(["stats", "counters", "timers", "gauges", "health", "health down",
                          "health up", "config", "help", "delcounters api.*", "deltimers db.query",
                          "delgauges nosuch", "bogus", "quit"])
        s.sendall((cmd + "\n").encode())
        time.sleep(0.05)
        if rnd.random() < 0.2:   # hang up hard: the server sees a reset
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:                    # read the answer, then close cleanly
            s.settimeout(0.3)
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
        s.close()
    except OSError:
        pass

for _ in range(N):
    r = rnd.random()
    if r < 0.75:
        udp()
    elif r < 0.88:
        tcp()
    else:
        mgmt()
    time.sleep(rnd.uniform(0.0, 0.03))
