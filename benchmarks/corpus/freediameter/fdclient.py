"""Minimal raw Diameter peer: sends one scripted exchange to 127.0.0.1:PORT (no logging)."""
import random, socket, struct, sys, time

def avp(code, data, flags=0x40):
    ln = 8 + len(data)
    return struct.pack("!IB", code, flags) + ln.to_bytes(3, "big") + data + b"\0" * (-ln % 4)

def u32(code, v, flags=0x40):
    return avp(code, struct.pack("!I", v), flags)

def s(code, v, flags=0x40):
    return avp(code, v.encode(), flags)

def msg(code, flags, app, avps, ver=1):
    body = b"".join(avps)
    ln = 20 + len(body)
    return (bytes([ver]) + ln.to_bytes(3, "big") + bytes([flags]) + code.to_bytes(3, "big")
            + struct.pack("!III", app, random.getrandbits(32), random.getrandbits(32)) + body)

def cer(host, realm, apps=(1,), inband=0):
    a = [s(264, host), s(296, realm), avp(257, b"\x00\x01\x7f\x00\x00\x01"), u32(266, 0),
         s(269, "r34c-fdclient", 0), u32(299, inband)]
    a += [u32(258, x) for x in apps]
    return msg(257, 0x80, 0, a)

def recv(sk, t=2.0):
    sk.settimeout(t)
    try:
        return sk.recv(65536)
    except OSError:
        return b""

port = int(sys.argv[1]); mode = sys.argv[2]
host = sys.argv[3] if len(sys.argv) > 3 else "d.r34c.test"
realm = host.split(".", 1)[1]
sk = socket.create_connection(("127.0.0.1", port))
if mode == "garbage":
    sk.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(4, 60))))
elif mode == "badver":
    sk.sendall(msg(257, 0x80, 0, [s(264, host)], ver=2))
elif mode == "notcer":
    sk.sendall(msg(280, 0x80, 0, [s(264, host), s(296, realm)]))
elif mode == "half":
    sk.sendall(cer(host, realm)[:10])
    time.sleep(random.uniform(0.2, 1.5))
elif mode == "cer-missing":
    sk.sendall(msg(257, 0x80, 0, [s(264, host), u32(266, 0)]))
else:
    sk.sendall(cer(host, realm))
    recv(sk)
    n = random.randint(1, 6)
    for i in range(n):
        k = random.randrange(6)
        sid = "%s;%d;%d" % (host, random.getrandbits(20), i)
        if k == 0:
            sk.sendall(msg(280, 0x80, 0, [s(264, host), s(296, realm)]))
        elif k == 1:   # NASREQ AA-Request towards the realm
            sk.sendall(msg(265, 0xC0, 1, [s(263, sid), u32(258, 1), s(264, host), s(296, realm),
                                           s(283, random.choice(["r34c.test", "other.test"])), u32(274, 1)]))
        elif k == 2:   # request for an unknown application
            sk.sendall(msg(random.randint(300, 9000), 0xC0, random.randint(100, 1 << 24),
                           [s(263, sid), s(264, host), s(296, realm), s(283, "r34c.test")]))
        elif k == 3:   # request without Destination-Realm
            sk.sendall(msg(268, 0xC0, 5, [s(263, sid), s(264, host), s(296, realm)]))
        elif k == 4:   # answer nobody asked for
            sk.sendall(msg(265, 0x40, 1, [s(263, sid), u32(268, 2001), s(264, host), s(296, realm)]))
        else:          # truncated / bad AVP
            m = bytearray(msg(265, 0xC0, 1, [s(263, sid), s(264, host), s(296, realm), s(283, "r34c.test")]))
            m += b"\x00\x00\x01\x07\x40\x00\x00\x30abc"
            m[1:4] = len(m).to_bytes(3, "big")
            sk.sendall(bytes(m))
        recv(sk, 1.0)
    if random.random() < 0.7:
        sk.sendall(msg(282, 0x80, 0, [s(264, host), s(296, realm), u32(273, random.randrange(3))]))
        recv(sk)
sk.close()
