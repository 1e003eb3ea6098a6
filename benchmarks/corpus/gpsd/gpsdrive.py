#!/usr/bin/env python3
"""Randomised workload for a private gpsd (called by workload.sh).

Feeds pseudo-terminals with NMEA/AIVDM sentences (good, bad checksum, truncated, garbage),
adds and removes devices over the control socket, feeds UDP and TCP sources, and runs
JSON clients with good and bad commands on 127.0.0.1:36101.
usage: gpsdrive.py CTL_SOCKET DURATION
"""
import json, os, random, select, socket, sys, threading, time

CTL = sys.argv[1]
DURATION = float(sys.argv[2])
PORT = 36101
UDPPORT = 36102
TCPPORT = 36103
END = time.time() + DURATION
R = random.Random()


def ck(body, lead="$"):
    x = 0
    for ch in body:
        x ^= ord(ch)
    return "%s%s*%02X\r\n" % (lead, body, x)


def dm(v, lat):
    a = abs(v)
    d = int(a)
    m = (a - d) * 60
    if lat:
        return "%02d%07.4f" % (d, m), "N" if v >= 0 else "S"
    return "%03d%07.4f" % (d, m), "E" if v >= 0 else "W"


class Rx:
    def __init__(self):
        self.lat = R.uniform(-60, 60)
        self.lon = R.uniform(-170, 170)
        self.alt = R.uniform(-10, 2500)
        self.talker = R.choice(["GP", "GP", "GN", "GL", "GA"])
        self.fix = R.choice([0, 1, 1, 1, 2])
        self.sats = R.randint(0, 14)
        self.spd = R.uniform(0, 60)
        self.trk = R.uniform(0, 360)
        self.kind = R.choice(["plain", "plain", "garmin", "mtk", "ais", "ublox", "sirf"])

    def sentences(self):
        t = time.gmtime()
        hms = time.strftime("%H%M%S", t) + ".%02d" % R.randint(0, 99)
        dmy = time.strftime("%d%m%y", t)
        self.lat += R.uniform(-0.001, 0.001)
        self.lon += R.uniform(-0.001, 0.001)
        la, ns = dm(self.lat, True)
        lo, ew = dm(self.lon, False)
        T = self.talker
        out = []
        q = self.fix
        out.append(ck("%sGGA,%s,%s,%s,%s,%s,%d,%02d,%.1f,%.1f,M,%.1f,M,," % (
            T, hms, la, ns, lo, ew, q, self.sats, R.uniform(0.6, 9), self.alt, R.uniform(-40, 50))))
        out.append(ck("%sRMC,%s,%s,%s,%s,%s,%s,%.1f,%.1f,%s,,,%s" % (
            T, hms, "A" if q else "V", la, ns, lo, ew, self.spd, self.trk, dmy, "A" if q else "N")))
        if R.random() < 0.6:
            prns = R.sample(range(1, 33), min(self.sats, 12))
            out.append(ck("%sGSA,A,%d,%s,%.1f,%.1f,%.1f" % (
                T, R.choice([1, 2, 3]), ",".join([str(p) for p in prns] + [""] * (12 - len(prns))),
                R.uniform(1, 5), R.uniform(1, 4), R.uniform(1, 4))))
        if R.random() < 0.5:
            n = R.randint(1, 12)
            tot = (n + 3) // 4
            for i in range(tot):
                sv = []
                for j in range(i * 4, min(n, i * 4 + 4)):
                    sv.append("%02d,%02d,%03d,%02d" % (R.randint(1, 32), R.randint(0, 90), R.randint(0, 359), R.randint(0, 50)))
                out.append(ck("GPGSV,%d,%d,%02d,%s" % (tot, i + 1, n, ",".join(sv))))
        if R.random() < 0.4:
            out.append(ck("%sVTG,%.1f,T,,M,%.1f,N,%.1f,K,A" % (T, self.trk, self.spd, self.spd * 1.852)))
        if R.random() < 0.3:
            out.append(ck("%sZDA,%s,%s,%s,%s,00,00" % (T, hms, time.strftime("%d", t), time.strftime("%m", t), time.strftime("%Y", t))))
        if R.random() < 0.3:
            out.append(ck("%sGLL,%s,%s,%s,%s,%s,A,A" % (T, la, ns, lo, ew, hms)))
        if R.random() < 0.2:
            out.append(ck("%sGST,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f" % (T, hms, *[R.uniform(0, 20) for _ in range(7)])))
        if R.random() < 0.15:
            out.append(ck("%sGBS,%s,%.1f,%.1f,%.1f,,,," % (T, hms, R.uniform(0, 9), R.uniform(0, 9), R.uniform(0, 9))))
        if R.random() < 0.1:
            out.append(ck("GPTXT,01,01,02,ANTSTATUS=%s" % R.choice(["OK", "OPEN", "SHORT"])))
        if self.kind == "garmin" and R.random() < 0.5:
            out.append(ck("PGRME,%.1f,M,%.1f,M,%.1f,M" % (R.uniform(1, 30), R.uniform(1, 30), R.uniform(1, 40))))
            if R.random() < 0.3:
                out.append(ck("PGRMZ,%d,f,3" % R.randint(0, 9000)))
        if self.kind == "mtk" and R.random() < 0.3:
            out.append(ck("PMTK705,AXN_%d.%d,%04d,ABCD,1.0" % (R.randint(1, 5), R.randint(0, 9), R.randint(1000, 9999))))
        if self.kind == "ublox" and R.random() < 0.3:
            out.append(ck("PUBX,00,%s,%s,%s,%s,%s,%.1f,G3,%.1f,%.1f,%.1f,%.1f,0.0,,%.1f,%.1f,%.1f,%d,0,0" % (
                hms.replace(".", "")[:6] + ".00", la, ns, lo, ew, self.alt, *[R.uniform(0, 9) for _ in range(7)], self.sats)))
        if self.kind == "sirf" and R.random() < 0.3:
            out.append(ck("PSRFTXT,Version:GSW3.%d.%d" % (R.randint(0, 9), R.randint(0, 9))))
        if self.kind == "ais" or R.random() < 0.05:
            for s in AIS:
                if R.random() < 0.3:
                    out.append(s)
        # corruption
        r = R.random()
        if r < 0.08:
            s = out[0]
            out[0] = s[:-4] + "%02X\r\n" % ((int(s[-4:-2], 16) + R.randint(1, 200)) % 256)
        elif r < 0.13:
            s = R.choice(out)
            out.append(s[: R.randint(5, len(s) - 3)] + "\r\n")
        elif r < 0.17:
            out.append("".join(chr(R.randint(33, 126)) for _ in range(R.randint(3, 60))) + "\r\n")
        elif r < 0.20:
            out.append(ck("GPXYZ,%d,%d" % (R.randint(0, 99), R.randint(0, 99))))
        elif r < 0.22:
            out.append(ck("%sGGA,,,,,,0,00,,,,,,," % T))
        elif r < 0.24:
            out.append("$" + "A" * R.randint(90, 200) + "\r\n")
        return "".join(out).encode("latin-1")


AIS = [
    "!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C\r\n",
    "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\r\n",
    "!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D\r\n",
    "!AIVDM,2,1,3,B,55P5TL01VIaAL@7WKO@mBplU@<PDhh000000001S;AJ::4A80?4i@E53,0*3E\r\n",
    "!AIVDM,2,2,3,B,1@0000000000000,2*55\r\n",
    "!AIVDM,1,1,,A,B6CdCm0t3`tba35f@V9faHi7kP06,0*58\r\n",
]

LOCK = threading.Lock()


def ctl(cmd, wait=0.3):
    try:
        c = socket.socket(socket.AF_UNIX)
        c.settimeout(3)
        c.connect(CTL)
        c.send(cmd.encode("latin-1"))
        time.sleep(wait)
        try:
            c.recv(200)
        except Exception:
            pass
        c.close()
    except Exception as e:
        print("ctl", cmd.strip(), e, file=sys.stderr)


def pty_device(life):
    m, s = os.openpty()
    name = os.ttyname(s)
    os.chmod(name, 0o666)
    rx = Rx()
    ctl("+%s\r\n" % name)
    end = min(END, time.time() + life)
    silent = R.random() < 0.1
    while time.time() < end:
        try:
            while select.select([m], [], [], 0)[0]:
                os.read(m, 4096)
        except OSError:
            pass
        if not silent:
            if R.random() < 0.03:
                os.write(m, bytes(R.randint(0, 255) for _ in range(R.randint(10, 300))))
            try:
                os.write(m, rx.sentences())
            except OSError:
                break
        time.sleep(R.uniform(0.3, 1.2))
        if R.random() < 0.02:
            ctl("!%s=$PMTK%03d,%d\r\n" % (name, R.randint(100, 400), R.randint(0, 9)))
        if R.random() < 0.02:
            ctl("&%s=b56206010800f0040000000000%02x\r\n" % (name, R.randint(0, 255)))
    how = R.random()
    if how < 0.6:
        ctl("-%s\r\n" % name)
        os.close(m)
        os.close(s)
    else:
        # hang up the receiver under gpsd's feet
        os.close(m)
        os.close(s)
        time.sleep(1)
        if R.random() < 0.5:
            ctl("-%s\r\n" % name)


def udp_source(life):
    ctl("+udp://127.0.0.1:%d\r\n" % UDPPORT)
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rx = Rx()
    end = min(END, time.time() + life)
    while time.time() < end:
        for line in rx.sentences().split(b"\r\n"):
            if line:
                u.sendto(line + b"\r\n", ("127.0.0.1", UDPPORT))
        time.sleep(R.uniform(0.5, 1.5))
    ctl("-udp://127.0.0.1:%d\r\n" % UDPPORT)


def tcp_source(life):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", TCPPORT))
    srv.listen(2)
    srv.settimeout(8)
    threading.Thread(target=ctl, args=("+tcp://127.0.0.1:%d\r\n" % TCPPORT,), daemon=True).start()
    try:
        conn, _ = srv.accept()
    except Exception:
        srv.close()
        return
    rx = Rx()
    end = min(END, time.time() + life)
    try:
        while time.time() < end:
            conn.send(rx.sentences())
            time.sleep(R.uniform(0.5, 1.5))
    except Exception:
        pass
    conn.close()
    srv.close()
    time.sleep(1)
    if R.random() < 0.7:
        ctl("-tcp://127.0.0.1:%d\r\n" % TCPPORT)


def dead_sources():
    ctl(R.choice([
        "+tcp://127.0.0.1:%d\r\n" % R.randint(36900, 36999),
        "+/dev/ttyFAKE%d\r\n" % R.randint(0, 99),
        "+/tmp/r16gpsd/nofile%d\r\n" % R.randint(0, 999),
        "-/dev/ttyNONE%d\r\n" % R.randint(0, 99),
        "+gpsd://127.0.0.1:%d\r\n" % R.randint(36900, 36999),
        "+ntrip://127.0.0.1:%d/MOUNT%d\r\n" % (R.randint(36900, 36999), R.randint(0, 9)),
        "+dgpsip://127.0.0.1:%d\r\n" % R.randint(36900, 36999),
        "?/dev/pts/%d\r\n" % R.randint(0, 40),
        "!/dev/ttyNONE%d=$PMTK101\r\n" % R.randint(0, 99),
        "garbage %d\r\n" % R.randint(0, 9999),
        "&/dev/ttyNONE=zz\r\n",
        "\r\n",
    ]), wait=0.5)


def client():
    cmds = []
    n = R.randint(1, 6)
    pool = [
        '?VERSION;', '?DEVICES;', '?POLL;', '?WATCH;',
        '?WATCH={"enable":true,"json":true};', '?WATCH={"enable":true,"nmea":true};',
        '?WATCH={"enable":true,"raw":1};', '?WATCH={"enable":true,"json":true,"scaled":true,"timing":true,"pps":true};',
        '?WATCH={"enable":false};', '?WATCH={"enable":true,"device":"/dev/pts/%d"};' % R.randint(0, 30),
        '?DEVICE;', '?DEVICE={"path":"/dev/pts/%d","bps":%d};' % (R.randint(0, 30), R.choice([4800, 9600, 38400, 115200])),
        '?DEVICE={"path":"/dev/pts/%d","native":1};' % R.randint(0, 30),
        '?DEVICE={"cycle":%d};' % R.randint(0, 5),
        '?FOO;', '?WATCH={"enable":tru', '?WATCH={"bogus":%d};' % R.randint(0, 99), '?POLL={"x":1};',
        'hello %d' % R.randint(0, 999), '?', '?DEVICES={};', '?VERSION={"x":"y"};',
        '?' + "X" * R.randint(10, 300) + ';', '?WATCH={"enable":true,"json":true,"device":"udp://127.0.0.1:%d"};' % UDPPORT,
        '?DEVICE={"path":"/dev/ttyNONE%d","bps":9600};' % R.randint(0, 9),
    ]
    for _ in range(n):
        cmds.append(R.choice(pool))
    try:
        c = socket.create_connection(("127.0.0.1", PORT), timeout=3)
        c.settimeout(1)
        for cmd in cmds:
            c.send(cmd.encode() + (b"\n" if R.random() < 0.5 else b""))
            time.sleep(R.uniform(0.05, 0.6))
            try:
                c.recv(65536)
            except Exception:
                pass
        if R.random() < 0.3:
            time.sleep(R.uniform(1, 5))
            try:
                c.recv(65536)
            except Exception:
                pass
        c.close()
    except Exception as e:
        print("client", e, file=sys.stderr)


def gpspipe():
    args = R.choice([["-w", "-n", str(R.randint(3, 20))], ["-r", "-n", str(R.randint(3, 20))],
                     ["-w", "-x", str(R.randint(1, 4))], ["-R", "-n", str(R.randint(1, 5))]])
    os.system("timeout 8 gpspipe %s 127.0.0.1:%d >/dev/null 2>&1" % (" ".join(args), PORT))


threads = []


def spawn(fn, *a):
    t = threading.Thread(target=fn, args=a, daemon=True)
    t.start()
    threads.append(t)


busy = {"udp": None, "tcp": None}
while time.time() < END:
    r = R.random()
    live = sum(1 for t in threads if t.is_alive())
    if r < 0.22 and live < 10:
        spawn(pty_device, R.uniform(5, 40))
    elif r < 0.27 and (busy["udp"] is None or not busy["udp"].is_alive()):
        busy["udp"] = threading.Thread(target=udp_source, args=(R.uniform(5, 25),), daemon=True)
        busy["udp"].start()
    elif r < 0.32 and (busy["tcp"] is None or not busy["tcp"].is_alive()):
        busy["tcp"] = threading.Thread(target=tcp_source, args=(R.uniform(5, 25),), daemon=True)
        busy["tcp"].start()
    elif r < 0.45:
        spawn(dead_sources)
    elif r < 0.85:
        spawn(client)
    else:
        spawn(gpspipe)
    time.sleep(R.uniform(0.3, 2.5))
for t in threads:
    t.join(timeout=5)
