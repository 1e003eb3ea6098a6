#!/usr/bin/env python3
"""Raw client for the ARM unix socket: sends valid, malformed and unknown messages."""
import random, socket, struct, sys, time
path = sys.argv[1]
R = random.Random()
def msg(kind):
    rid = R.randint(1, 2**40)
    if kind == "list_reserved":   # LIST with non-zero reserved field
        return struct.pack("!HHIQ", 16, 12, R.randint(1, 9), rid)
    if kind == "list":
        return struct.pack("!HHIQ", 16, 12, 0, rid)
    if kind == "start_noterm":     # START whose service name is not 0-terminated
        name = b"statistics"
        return struct.pack("!HHIQ", 16 + len(name), 8, 0, rid) + name
    if kind == "stop_noterm":
        name = b"flaky1"
        return struct.pack("!HHIQ", 16 + len(name), 9, 0, rid) + name
    if kind == "start_unknown":
        name = b"nosuch%d\0" % R.randint(1, 999)
        return struct.pack("!HHIQ", 16 + len(name), 8, 0, rid) + name
    if kind == "unknown_type":
        body = bytes(R.randint(0, 255) for _ in range(R.randint(0, 20)))
        return struct.pack("!HH", 4 + len(body), R.choice([1, 77, 999, 4242])) + body
    if kind == "short_list":
        return struct.pack("!HH", 4, 12)
    if kind == "test":
        return struct.pack("!HH", 4, 15)
    return bytes(R.randint(0, 255) for _ in range(R.randint(1, 40)))
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(1)
    try:
        s.connect(path)
        for _ in range(R.randint(1, 3)):
            s.send(msg(R.choice(["list_reserved", "list", "start_noterm", "stop_noterm", "start_unknown",
                                 "unknown_type", "short_list", "test", "garbage"])))
            time.sleep(0.05)
        try:
            s.recv(4096)
        except Exception:
            pass
    except Exception:
        pass
    s.close()
