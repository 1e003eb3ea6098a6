#!/usr/bin/env python3
"""Fake peers for the icecream scheduler workload (run inside the r31d-ice network namespace):
  icetools.py udp PORT SEED        discovery requests / scheduler announcements on the UDP port
  icetools.py text PORT CMD...     commands on the scheduler's text (telnet) port
  icetools.py garbage PORT SEED    bad or truncated protocol data on the scheduler's TCP port"""
import random, socket, struct, sys, time

HOST = "127.0.0.1"


def udp(port, seed):
    r = random.Random(seed)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    for _ in range(r.randint(1, 4)):
        k = r.random()
        if k < 0.6:  # daemon asking for a scheduler (1 byte: protocol version)
            s.sendto(bytes([r.choice([43, 43, 42, 40, 36, 35, 32, 21, 20, 5])]), (HOST, port))
            try:
                s.recvfrom(400)
            except OSError:
                pass
        elif k < 0.9:  # another scheduler announcing itself
            proto = r.choice([43, 43, 44, 42, 38, 36, 30])
            t = int(time.time()) + r.choice([-100000, -5, 3600])
            net = r.choice([b"", b"ICECREAM", b"ICECREAM", b"other", b"lab"])
            buf = b"ICF" + bytes([proto]) + struct.pack("!II", t >> 32, t & 0xffffffff) + net
            s.sendto(buf.ljust(268, b"\0"), (HOST, port))
        else:  # junk datagram
            s.sendto(bytes(r.getrandbits(8) for _ in range(r.randint(2, 40))), (HOST, port))
        time.sleep(0.05)


def text(port, cmds):
    try:
        c = socket.create_connection((HOST, port), timeout=3)
    except OSError:
        return
    c.settimeout(1.0)
    out = b""
    try:
        out += c.recv(4096)
        for cmd in cmds:
            c.sendall(cmd.encode() + b"\r\n")
            time.sleep(0.2)
            try:
                out += c.recv(65536)
            except socket.timeout:
                pass
    except OSError:
        pass
    c.close()
    sys.stdout.write(out.decode("latin-1"))


def garbage(port, seed):
    r = random.Random(seed)
    try:
        c = socket.create_connection((HOST, port), timeout=3)
    except OSError:
        return
    k = r.random()
    try:
        if k < 0.25:  # connect and close without a word
            pass
        elif k < 0.5:  # version handshake only, then hang up
            c.sendall(struct.pack("!I", r.choice([43, 42, 21, 12, 999])))
            time.sleep(0.3)
        elif k < 0.75:  # random bytes
            c.sendall(bytes(r.getrandbits(8) for _ in range(r.randint(1, 64))))
            time.sleep(0.3)
        else:  # protocol handshake, then a first message that is not a login (or a bad length)
            c.sendall(struct.pack("<I", r.choice([43, 43, 42])))
            time.sleep(0.1)
            try:
                agreed = c.recv(4)
            except OSError:
                agreed = b""
            if len(agreed) == 4:
                c.sendall(agreed)
                if r.random() < 0.8:
                    body = struct.pack("!I", ord(r.choice("ABCGHJLMQTZ")))
                    c.sendall(struct.pack("!I", len(body)) + body)
                else:
                    c.sendall(struct.pack("!I", r.choice([0x7fffffff, 0x10000000])) + b"xxxx")
            time.sleep(0.3)
    except OSError:
        pass
    c.close()


if __name__ == "__main__":
    what, port = sys.argv[1], int(sys.argv[2])
    if what == "udp":
        udp(port, int(sys.argv[3]))
    elif what == "text":
        text(port, sys.argv[3:])
    else:
        garbage(port, int(sys.argv[3]))
