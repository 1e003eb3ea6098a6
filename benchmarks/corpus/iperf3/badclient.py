#!/usr/bin/env python3
"""Misbehaving iperf3 control-channel clients (random choice each call)."""
import json, os, random, socket, string, struct, sys, time
host, port = sys.argv[1], int(sys.argv[2])
kind = sys.argv[3] if len(sys.argv) > 3 else random.choice(
    ["close", "short_cookie", "http", "junk_json", "huge_len", "bad_params", "vanish_after_params",
     "stall", "zero_len", "wrong_state", "udp_junk"])
def cookie():
    return "".join(random.choice(string.ascii_lowercase + "234567") for _ in range(36)).encode() + b"\0"
def conn():
    s = socket.create_connection((host, port), timeout=5)
    return s
def rd(s, n=1):
    try:
        return s.recv(n)
    except Exception:
        return b""
try:
    if kind == "udp_junk":
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for _ in range(random.randint(1, 5)):
            u.sendto(os.urandom(random.randint(1, 64)), (host, port))
        sys.exit(0)
    s = conn()
    if kind == "close":
        pass
    elif kind == "short_cookie":
        s.sendall(b"abc" + os.urandom(random.randint(0, 10)))
    elif kind == "http":
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/7.88\r\n\r\n")
        rd(s, 64)
    elif kind in ("junk_json", "huge_len", "bad_params", "vanish_after_params", "zero_len", "wrong_state"):
        s.sendall(cookie())
        st = rd(s)
        if kind == "junk_json":
            body = b"{not json at all" + os.urandom(8)
            s.sendall(struct.pack("!I", len(body)) + body)
        elif kind == "huge_len":
            s.sendall(struct.pack("!I", random.choice([0x7fffffff, 70000, 20000])) + b"{}")
        elif kind == "zero_len":
            s.sendall(struct.pack("!I", 0))
        elif kind == "wrong_state":
            s.sendall(bytes([random.choice([1, 2, 4, 13, 14, 16, 99])]))
        else:
            p = {"tcp": True, "omit": 0, "time": random.choice([1, 2]), "parallel": random.choice([1, 2, 200]),
                 "len": random.choice([131072, 0, 1 << 30]), "client_version": "3.12"}
            if kind == "bad_params":
                p = random.choice([{"udp": True, "len": 70000, "time": 1, "parallel": 1},
                                   {"tcp": True, "time": 1, "parallel": 1, "MSS": 9, "len": 1000},
                                   {"tcp": True, "time": 1, "parallel": 1, "congestion": "nosuchcc"},
                                   {"tcp": True, "time": -5, "parallel": 1, "len": 1024},
                                   {"sctp": True, "time": 1, "parallel": 1, "len": 1024},
                                   {"tcp": True, "time": 1, "parallel": 1, "len": 1024, "authtoken": "Zm9vYmFy"},
                                   [1, 2, 3]])
            body = json.dumps(p).encode()
            s.sendall(struct.pack("!I", len(body)) + body)
        rd(s)
        time.sleep(random.uniform(0.1, 0.6))
    elif kind == "stall":
        s.sendall(cookie()[:random.randint(5, 30)])
        time.sleep(random.uniform(1, 3))
    s.close()
except Exception as e:
    print("badclient:", kind, e, file=sys.stderr)
