#!/usr/bin/env python3
"""Small BZFlag protocol client used by workload.sh: joins, spawns, dies, chats, sends junk."""
import random, socket, struct, sys, time

HOST = "127.0.0.1"

def msg(code, payload=b""):
    return struct.pack(">HH", len(payload), code) + payload

def pad(s, n):
    b = s.encode()[: n - 1]
    return b + b"\0" * (n - len(b))

def connect(port, hello=b"BZFLAG\r\n\r\n"):
    s = socket.create_connection((HOST, port), timeout=5)
    s.sendall(hello)
    data = b""
    try:
        while len(data) < 9:
            d = s.recv(9 - len(data))
            if not d:
                break
            data += d
    except socket.timeout:
        pass
    pid = data[8] if len(data) >= 9 else 255
    return s, pid

def drain(s, t=0.2):
    s.settimeout(t)
    try:
        while True:
            d = s.recv(65536)
            if not d:
                return False
    except socket.timeout:
        return True
    except OSError:
        return False

def enter(s, pid, name, team, motto="py", token="", ptype=0, version="2.4.26.20230103-MAINT-linux-gnu-SDL2"):
    p = struct.pack(">HH", ptype, team & 0xffff) + pad(name, 32) + pad(motto, 128) + pad(token, 22) + pad(version, 60)
    s.sendall(msg(0x656e, p))

def player(port, name, team, rounds):
    s, pid = connect(port)
    if pid == 255:
        s.close(); return
    enter(s, pid, name, team)
    drain(s, 0.5)
    s.sendall(msg(0x7773, b""))            # want settings
    s.sendall(msg(0x7768, b""))            # want world hash
    s.sendall(msg(0x6777, struct.pack(">I", 0)))  # get world
    drain(s, 0.5)
    for _ in range(rounds):
        s.sendall(msg(0x616c, b""))   # alive
        drain(s, random.uniform(0.2, 0.8))
        if random.random() < 0.3:
            s.sendall(msg(0x7061, struct.pack(">B", 1)))  # pause
            drain(s, 0.3)
            s.sendall(msg(0x7061, struct.pack(">B", 0)))
        # killed: victim id, killer id, reason, shot id, flag abbrev
        killer = pid
        s.sendall(msg(0x6b6c, struct.pack(">Bhh", killer, random.choice([0, 1, 2]), -1) + b"\0\0" + struct.pack(">i", 0)))
        drain(s, random.uniform(0.2, 0.6))
    if random.random() < 0.5:
        s.sendall(msg(0x6578, b""))   # exit
        drain(s, 0.3)
    s.close()

def garbage(port, kind):
    try:
        if kind == "badhello":
            s = socket.create_connection((HOST, port), timeout=3)
            s.sendall(b"GET / HTTP/1.0\r\n\r\n")
            drain(s, 1.0); s.close()
        elif kind == "random":
            s = socket.create_connection((HOST, port), timeout=3)
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(1, 300))))
            drain(s, 1.0); s.close()
        elif kind == "silent":
            s = socket.create_connection((HOST, port), timeout=3)
            time.sleep(random.uniform(0.5, 2)); s.close()
        elif kind == "badmsg":
            s, pid = connect(port)
            s.sendall(msg(random.randint(0, 0xffff), bytes(random.getrandbits(8) for _ in range(random.randint(0, 40)))))
            drain(s, 0.5); s.close()
        elif kind == "toolong":
            s, pid = connect(port)
            s.sendall(struct.pack(">HH", 60000, 0x656e) + b"x" * 100)
            drain(s, 0.5); s.close()
        elif kind == "badenter":
            s, pid = connect(port)
            enter(s, pid, random.choice(["", " ", "bad\x01name", "x" * 31]), random.choice([7, 99, -5, 0]),
                  version=random.choice(["1.0", "2.4.26", "garbage"]))
            drain(s, 0.5); s.close()
        elif kind == "badteam":
            s, pid = connect(port)
            enter(s, pid, "tm%d" % random.randint(0, 999), random.choice([5, 1, 2]), ptype=random.choice([0, 1, 2, 7]))
            drain(s, 0.5); s.close()
        elif kind == "udp":
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(bytes(random.getrandbits(8) for _ in range(random.randint(1, 60))), (HOST, port))
            u.sendto(struct.pack(">HH", 0, 0x7167), (HOST, port))
            u.close()
        elif kind == "query":
            s, pid = connect(port)
            s.sendall(msg(0x7167)); s.sendall(msg(0x7170))
            drain(s, 0.5); s.close()
        elif kind == "oldversion":
            s = socket.create_connection((HOST, port), timeout=3)
            s.sendall(b"BZFLAG\r\n\r\n"[:6]); time.sleep(0.3); s.close()
    except OSError:
        pass

if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "player":
        player(port, sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        garbage(port, mode)
