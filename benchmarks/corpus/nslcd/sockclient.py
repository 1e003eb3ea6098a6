#!/usr/bin/env python3
"""Talk raw nslcd protocol to /var/run/nslcd/socket: well-formed odd requests and garbage."""
import random, socket, struct, sys, time
SOCK = "/var/run/nslcd/socket"
VERSION = 0x00000002
r = random.Random()

def send(data, read=True):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(3)
    try:
        s.connect(SOCK)
        s.sendall(data)
        if read:
            try:
                s.recv(65536)
            except Exception:
                pass
    except Exception as e:
        print("sockclient:", e, file=sys.stderr)
    finally:
        s.close()

def i32(v):
    return struct.pack("!i", v)

def string(v):
    b = v.encode()
    return i32(len(b)) + b

kinds = sys.argv[1:] or ["random"]
for k in kinds:
    if k == "random":
        k = r.choice(["garbage", "badversion", "badaction", "short", "huge", "empty", "config", "userbyname_long"])
    if k == "garbage":
        send(bytes(r.getrandbits(8) for _ in range(r.randint(1, 64))))
    elif k == "badversion":
        send(i32(r.randint(3, 999)) + i32(0x80001) + string("anna"))
    elif k == "badaction":
        send(i32(VERSION) + i32(r.choice([0x7777, 0x12345, 42, 0x00050009])) + string("x"))
    elif k == "short":
        send(i32(VERSION)[:r.randint(1, 3)])
    elif k == "huge":
        send(i32(VERSION) + i32(0x00080001) + i32(10 ** 6) + b"A" * 100)
    elif k == "empty":
        send(b"")
    elif k == "config":
        send(i32(VERSION) + i32(0x00010001) + i32(r.choice([1, 2, 99])))
    elif k == "userbyname_long":
        send(i32(VERSION) + i32(0x00080001) + string("u" * r.randint(300, 900)))
    time.sleep(r.uniform(0, 0.2))
