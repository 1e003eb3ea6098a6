#!/usr/bin/env python3
"""Fake UPnP devices and control points: sends assorted SSDP datagrams (NOTIFY alive/byebye/update,
M-SEARCH, M-SEARCH answers, malformed ones) to minissdpd, from the LAN or from another subnet."""
import random, socket, sys, time

count = int(sys.argv[1])
lan_src, other_src = "10.41.0.2", "10.42.0.2"
targets = {"10.41.0.2": [("239.255.255.250", 1900), ("10.41.0.1", 1900)], "10.42.0.2": [("10.42.0.1", 1900)]}
TYPES = ["upnp:rootdevice", "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
         "urn:schemas-upnp-org:service:WANIPConnection:1", "urn:schemas-upnp-org:service:WANIPConnection:2",
         "urn:schemas-upnp-org:device:MediaRenderer:1", "urn:schemas-upnp-org:service:ContentDirectory:1",
         "urn:schemas-upnp-org:device:MediaServer:1", "urn:dial-multiscreen-org:service:dial:1"]
UUIDS = ["uuid:%08x-%04x-4%03x-a%03x-%012x" % (random.getrandbits(32), random.getrandbits(16), random.getrandbits(12),
         random.getrandbits(12), random.getrandbits(48)) for _ in range(12)]
socks = {}
for src in (lan_src, other_src):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
    s.bind((src, 0))
    s.settimeout(0.05)
    socks[src] = s

def device():
    u, t = random.choice(UUIDS), random.choice(TYPES)
    usn = u if random.random() < 0.2 else u + "::" + t
    loc = "http://10.41.0.%d:%d/%s.xml" % (random.randint(2, 250), random.choice([80, 1400, 5000, 49152, 8200]),
                                          random.choice(["rootDesc", "desc", "description", "dmr"]))
    return u, t, usn, loc

def notify(nts):
    u, t, usn, loc = device()
    h = ["NOTIFY * HTTP/1.1", "HOST: 239.255.255.250:1900"]
    if random.random() < 0.9: h.append("NT: " + t)
    if random.random() < 0.9: h.append("USN: " + usn)
    if nts != "ssdp:byebye" and random.random() < 0.9: h.append("LOCATION: " + loc)
    h.append("NTS: " + nts)
    if random.random() < 0.7: h.append("CACHE-CONTROL: max-age=%d" % random.choice([1, 2, 5, 60, 120, 1800]))
    h.append("SERVER: Linux/5.10 UPnP/1.0 fakedev/0.%d" % random.randint(1, 9))
    return "\r\n".join(h) + "\r\n\r\n"

def msearch():
    st = random.choice(["ssdp:all", "upnp:rootdevice", random.choice(UUIDS)] + TYPES)
    return ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: %d\r\nST: %s\r\n\r\n"
            % (random.randint(1, 5), st))

def answer():
    u, t, usn, loc = device()
    return ("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=%d\r\nEXT:\r\nLOCATION: %s\r\nSERVER: fake UPnP/1.1\r\nST: %s\r\nUSN: %s\r\n\r\n"
            % (random.choice([2, 120, 1800]), loc, t, usn))

def garbage():
    return random.choice(["SUBSCRIBE /evt HTTP/1.1\r\nHOST: x\r\n\r\n", "GET / HTTP/1.0\r\n\r\n", "hello world\r\n",
                          "NOTIFY * HTTP/1.1\r\nNTS: ssdp:propchange\r\n\r\n", "XYZ\r\n\r\n", "\r\n\r\n\r\n"])

kinds = [("alive", 30), ("byebye", 8), ("update", 4), ("msearch", 10), ("answer", 8), ("garbage", 3)]
for _ in range(count):
    k = random.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
    msg = {"alive": lambda: notify("ssdp:alive"), "byebye": lambda: notify("ssdp:byebye"),
           "update": lambda: notify("ssdp:update"), "msearch": msearch, "answer": answer, "garbage": garbage}[k]()
    src = other_src if random.random() < 0.08 else lan_src
    socks[src].sendto(msg.encode(), random.choice(targets[src]))
    try:
        while True:
            socks[src].recvfrom(2048)
    except OSError:
        pass
    time.sleep(random.uniform(0.005, 0.12))
