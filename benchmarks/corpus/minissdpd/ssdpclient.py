#!/usr/bin/env python3
"""Clients of minissdpd's unix socket: version, searches, service submissions (good and bad),
notification subscriptions, unknown types and broken length encodings."""
import random, socket, sys, time

path, count = sys.argv[1], int(sys.argv[2])

def codelength(n):
    out = bytes([n & 0x7f])
    n >>= 7
    while n:
        out = bytes([(n & 0x7f) | 0x80]) + out
        n >>= 7
    return out

def field(s):
    b = s.encode() if isinstance(s, str) else s
    return codelength(len(b)) + b

TYPES = ["upnp:rootdevice", "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
         "urn:schemas-upnp-org:service:WANIPConnection:1", "urn:schemas-upnp-org:device:MediaServer:1"]

def req():
    k = random.choices(["version", "type", "usn", "all", "submit", "badsubmit", "notif", "unknown", "zero", "badlen",
                        "missingusn"], [4, 10, 4, 6, 8, 3, 2, 2, 2, 2, 1])[0]
    if k == "version": return bytes([0]) + field("")
    if k == "type": return bytes([1]) + field(random.choice(TYPES + ["urn:schemas-upnp-org:service:Layer3Forwarding:1"]))
    if k == "usn": return bytes([2]) + field("uuid:%08x-0000-0000-0000-%012x" % (random.getrandbits(32), random.getrandbits(48)))
    if k == "all": return bytes([3]) + field("")
    if k == "submit":
        n = random.randint(1, 6)
        return bytes([4]) + field(random.choice(TYPES)) + field("uuid:0000000%d-1111-2222-3333-444444444444::x" % n) \
            + field("MiniUPnPd/2.%d" % random.randint(0, 3)) + field("http://10.41.0.1:%d/rootDesc.xml" % random.choice([5000, 2189]))
    if k == "badsubmit":
        parts = [random.choice(TYPES), "uuid:bad", "srv", "http://10.41.0.1/"]
        parts[random.randrange(4)] += "\x01\x7f"
        return bytes([4]) + b"".join(field(p) for p in parts)
    if k == "missingusn": return bytes([4]) + field(random.choice(TYPES))
    if k == "notif": return bytes([5]) + field("")
    if k == "unknown": return bytes([random.randint(6, 200)]) + field("whatever")
    if k == "zero": return bytes([random.choice([1, 2, 4])]) + field("")
    return bytes([random.choice([1, 2, 4])]) + codelength(random.randint(50, 300)) + b"short"

for _ in range(count):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        time.sleep(0.2); continue
    s.settimeout(0.3)
    for _ in range(random.choice([1, 1, 1, 2, 3])):
        try:
            s.sendall(req())
            s.recv(4096)
        except OSError:
            break
        time.sleep(random.uniform(0.01, 0.1))
    if random.random() < 0.15:
        time.sleep(random.uniform(0.5, 2))  # linger (maybe subscribed to notifications)
    s.close()
    time.sleep(random.uniform(0.02, 0.3))
