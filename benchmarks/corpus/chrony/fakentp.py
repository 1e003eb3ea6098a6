#!/usr/bin/env python3
"""Small NTP responders on 127.0.0.X:PORT whose behaviour is read from a JSON control file on
every request: {"127.0.0.2": {"mode": "good|offset|kod|unsync|garbage|silent", "offset": s,
"jitter": s, "stratum": n}}. Used by workload.sh to give chronyd good, wrong, falseticking,
rate-limiting, unsynchronised and dead sources. Binds only to loopback addresses."""
import json, random, select, socket, struct, sys, time
ctl, port, addrs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
NTP_DELTA = 2208988800
def ts(t):
    t += NTP_DELTA
    return struct.pack("!II", int(t) & 0xffffffff, int((t % 1) * 2**32))
socks = {}
for a in addrs:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((a, port)); socks[s] = a
while True:
    r, _, _ = select.select(list(socks), [], [], 1.0)
    for s in r:
        data, peer = s.recvfrom(2048)
        t_rx = time.time()
        try:
            conf = json.load(open(ctl)).get(socks[s], {})
        except Exception:
            conf = {}
        mode = conf.get("mode", "good")
        if mode == "silent" or len(data) < 48:
            continue
        if mode == "garbage":
            s.sendto(bytes(random.randrange(256) for _ in range(random.choice([12, 48, 60]))), peer); continue
        off = conf.get("offset", 0.0) + random.gauss(0, conf.get("jitter", 0.0005))
        stratum = conf.get("stratum", 2)
        li = 0
        refid = b"GPS\x00" if stratum == 1 else socket.inet_aton("127.1.%d.%d" % (random.randrange(4), random.randrange(1, 250)))
        if mode == "unsync":
            li, stratum = 3, 0
        if mode == "kod":
            li, stratum, refid = 3, 0, b"RATE"
        vn = (data[0] >> 3) & 7
        hdr = struct.pack("!BBBb", (li << 6) | (vn << 3) | 4, stratum, data[2], -20)
        hdr += struct.pack("!II", int(conf.get("rootdelay", 0.002) * 65536), int(conf.get("rootdisp", 0.001) * 65536)) + refid
        time.sleep(conf.get("delay", 0.0))
        pkt = hdr + ts(t_rx + off - 20) + data[40:48] + ts(t_rx + off) + ts(time.time() + off)
        s.sendto(pkt, peer)
