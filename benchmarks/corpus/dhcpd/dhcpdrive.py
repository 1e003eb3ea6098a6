#!/usr/bin/python3
"""Randomised workload driver for the r12 dhcpd run (called by workload.sh).

Runs inside namespace r12d-c0 (raw clients via dhcpclient.py); controls dhcpd in r12d-srv
and dhclient in r12d-c1..c4 through `ip netns exec`. All dhcpd instances append their
stderr (-f -d) to LOG.

usage: dhcpdrive.py WORKDIR LOG DURATION_SECONDS [SEED]
"""
import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dhcpclient as d  # noqa: E402

W, LOG, DURATION = sys.argv[1], sys.argv[2], int(sys.argv[3])
if len(sys.argv) > 4:
    random.seed(int(sys.argv[4]))
LEASES = f"{W}/dhcpd.leases"
PIDF = f"{W}/dhcpd.pid"
GOOD = f"{W}/dhcpd.conf"
NOC = f"{W}/dhcpd-noC.conf"

WORDS = ["alpha", "laptop", "desk", "printer", "phone", "tv", "nas", "cam", "kiosk", "pos",
         "lab", "build", "db", "web", "sensor", "thermo", "hall", "door", "vm", "tablet"]
server = None
leased = {}          # mac -> (addr, cid, hostname, where)
abandoned = []
dhcl = {}            # ns -> Popen


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def hostname():
    r = random.random()
    if r < 0.35:
        return None
    if r < 0.38:
        return "bad\x01host%d" % random.randint(1, 99)
    return "%s-%d" % (random.choice(WORDS), random.randint(1, 999))


def cid_for(mac):
    if random.random() < 0.4:
        return b"\x01" + d.mac2bytes(mac)
    if random.random() < 0.2:
        return b"\x00" + ("id-%06x" % random.getrandbits(24)).encode()
    return None


def start_server(conf=GOOD, ifaces=("r12dbr",), wait=True):
    global server
    f = open(LOG, "ab")
    p = subprocess.Popen(["ip", "netns", "exec", "r12d-srv", "/usr/sbin/dhcpd", "-f", "-d",
                          "-p", "20467", "-cf", conf, "-lf", LEASES, "-pf", PIDF, *ifaces],
                         stdout=subprocess.DEVNULL, stderr=f)
    f.close()
    if wait:
        time.sleep(1.5)
        if p.poll() is None:
            server = p
        else:
            log("server exited rc", p.returncode)
    return p


def stop_server():
    global server
    if server is not None and server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    server = None


def ensure_server():
    if server is None or server.poll() is not None:
        start_server()


def omshell(script):
    full = "server 127.0.0.1\nport 20470\nconnect\n" + script
    subprocess.run(["ip", "netns", "exec", "r12d-srv", "omshell"], input=full.encode(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)


# ---------------------------------------------------------------- scenarios
def sc_dora_a():
    mac = d.rmac()
    hn, cid = hostname(), cid_for(mac)
    addr = d.dora(mac, hn, cid, secs=random.randint(0, 4))
    if not addr:
        return
    leased[mac] = (addr, cid, hn, "A")
    r = random.random()
    if r < 0.25:
        time.sleep(random.uniform(0, 1.5))
        d.request(mac, addr, sid=None, hostname=hn, cid=cid, renew=True)
    elif r < 0.45:
        time.sleep(random.uniform(0, 1))
        d.release(mac, addr, cid)
        leased.pop(mac, None)
    elif r < 0.55:
        d.decline(mac, addr, cid)
        leased.pop(mac, None)
        abandoned.append(addr)


def sc_renew_old():
    if not leased:
        return
    mac = random.choice(list(leased))
    addr, cid, hn, where = leased[mac]
    if where != "A":
        return
    if random.random() < 0.6:
        d.request(mac, addr, sid=None, hostname=hn, cid=cid, renew=True)
    else:   # INIT-REBOOT
        d.request(mac, addr, sid=None, hostname=hn, cid=cid)


def sc_release_old():
    if not leased:
        return
    mac = random.choice(list(leased))
    addr, cid, hn, where = leased.pop(mac)
    if where == "A":
        d.release(mac, addr, cid, with_req=random.random() < 0.2)


def sc_relay_b():
    for _ in range(random.randint(1, 4)):
        mac = d.rmac()
        addr = d.dora(mac, hostname(), None, giaddr="10.213.0.1")
        if addr and random.random() < 0.2:
            d.decline(mac, addr, giaddr="10.213.0.1")


def sc_relay_c():
    mac = d.rmac()
    addr = d.dora(mac, hostname(), None, giaddr="10.215.0.1", secs=random.randint(0, 6))
    if addr and random.random() < 0.3:
        # a REQUEST for an address on another network via the non-authoritative relay
        d.request(mac, "10.212.0.%d" % random.randint(100, 139), giaddr="10.215.0.1")


def sc_relay_d():
    mac = random.choice(["02:16:00:00:00:01", "02:16:00:00:00:02", d.rmac(), d.rmac()])
    d.dora(mac, hostname(), None, giaddr="10.216.0.1")


def sc_static():
    mac = random.choice(["02:12:00:00:00:01", "02:12:00:00:00:02", "02:12:00:00:00:03",
                         "02:12:00:00:00:04", "02:12:00:00:00:05"])
    addr = d.dora(mac, hostname())
    if addr and random.random() < 0.3:
        d.release(mac, addr)


def sc_nak():
    r = random.random()
    mac = d.rmac()
    if r < 0.3:
        d.request(mac, "10.%d.%d.%d" % (random.choice([215, 216, 213, 77]), random.randint(0, 3),
                                         random.randint(2, 250)))
    elif r < 0.6:
        if leased:
            other = random.choice(list(leased.values()))
            d.request(mac, other[0])
        else:
            d.request(mac, "10.212.0.%d" % random.randint(100, 139))
    elif r < 0.8:
        d.request(mac, "10.212.0.%d" % random.choice([random.randint(3, 99), random.randint(140, 250)]))
    else:
        d.request(mac, "10.%d.0.%d" % (random.choice([88, 213, 77]), random.randint(2, 250)),
                  giaddr="10.99.0.1")


def sc_inform():
    mac = d.rmac()
    r = random.random()
    if r < 0.35:
        d.inform(mac, "10.212.0.2")
    elif r < 0.5:
        d.inform(mac, "10.215.0.%d" % random.randint(2, 250), giaddr="10.215.0.1")
    elif r < 0.6:
        a = "10.%d.%d.%d" % (random.randint(220, 250), random.randint(0, 255), random.randint(1, 254))
        d.inform(mac, a, src=a)
    elif r < 0.7:
        d.inform(mac, "0.0.0.0", src="0.0.0.0")
    elif r < 0.8:
        d.inform(mac, "0.0.0.0", giaddr=random.choice(["10.216.0.1", "10.213.0.1"]))
    elif r < 0.9:
        d.inform(mac, "10.212.0.2", extra=[(118, bytes(random.choice([1, 2, 3, 6])))])
    else:
        a = "10.251.%d.%d" % (random.randint(0, 255), random.randint(1, 254))
        d.inform(mac, a, src=a, extra=[(118, bytes([10, 213, 0, 0]))])


def sc_bootp():
    r = random.random()
    if r < 0.3:
        d.bootp("02:12:00:00:00:05")
    elif r < 0.55:
        d.bootp(d.rmac())
    elif r < 0.7:
        d.bootp("02:12:00:00:00:04")
    elif r < 0.85:
        d.bootp(d.rmac(), giaddr="10.215.0.1")
    else:
        d.bootp(d.rmac(), giaddr="10.99.0.1")


def sc_unknown_release_decline():
    mac = d.rmac()
    a = "10.212.0.%d" % random.randint(2, 250)
    if random.random() < 0.5:
        d.release(mac, a, with_req=random.random() < 0.3)
    else:
        d.decline(mac, a)


def sc_garbage():
    k = random.choice(["hlen", "optlen", "zerocid", "onecid", "emptyhost", "nohlen", "badtype",
                       "short", "csum"])
    if k == "csum":
        kind = random.choice(["ipcsum", "udpcsum"])
        for _ in range(random.randint(5, 9)):
            d.garbage(kind)
            time.sleep(0.05)
    else:
        d.garbage(k)


def sc_printer():
    for _ in range(random.randint(1, 4)):
        mac = d.rmac()
        addr = d.dora(mac, "prn-%s-%d" % (random.choice(["hp", "canon", "brother"]), random.randint(1, 99)))
        if addr and random.random() < 0.2:
            d.release(mac, addr)


def sc_ping_trap():
    where = random.choice(["A", "A", "B"])
    if where == "A":
        addrs = ["10.212.0.%d" % x for x in random.sample(range(100, 140), random.randint(2, 5))]
    else:
        addrs = ["10.213.0.%d" % x for x in random.sample(range(10, 18), 2)]
    for a in addrs:
        subprocess.run(["ip", "addr", "add", a + "/32", "dev", "r12dc0"], stderr=subprocess.DEVNULL)
    for _ in range(random.randint(3, 6)):
        if where == "A":
            d.dora(d.rmac(), hostname())
        else:
            d.dora(d.rmac(), None, giaddr="10.213.0.1")
    for a in addrs:
        subprocess.run(["ip", "addr", "del", a + "/32", "dev", "r12dc0"], stderr=subprocess.DEVNULL)
    abandoned.extend(a for a in addrs if a.startswith("10.212."))


def sc_reclaim_requested():
    if abandoned:
        a = random.choice(abandoned)
        mac = d.rmac()
        ack = d.request(mac, a)
        if ack is not None and d.mtype_of(ack) == 5:
            abandoned.remove(a)


def sc_dupe_cid():
    cid = b"\x00" + ("dup-%04x" % random.getrandbits(16)).encode()
    m1, m2 = d.rmac(), d.rmac()
    x = d.dora(m1, cid=cid)
    y = d.dora(m2)
    if y:
        d.request(m2, y, cid=cid)


def dhclient_cmd(ns, *extra):
    i = ns[-1]
    return ["ip", "netns", "exec", f"r12d-{ns}", "dhclient", "-p", "20468",
            "-sf", f"{W}/dhclient-script", "-cf", f"{W}/dhclient-{ns}.conf",
            "-lf", f"{W}/{ns}.leases", "-pf", f"{W}/{ns}.pid", *extra, f"r12d{ns}"]


def sc_dhclient():
    ns = random.choice(["c1", "c2", "c3", "c4"])
    p = dhcl.get(ns)
    running = p is not None and p.poll() is None
    if not running:
        with open(f"{W}/dhclient-{ns}.conf", "w") as f:
            h = hostname() or "host-%s" % ns
            f.write(f'send host-name "{h.replace(chr(1), "")}";\n')
            if random.random() < 0.5:
                f.write(f'send dhcp-client-identifier "{ns}-{random.randint(1, 3)}";\n')
            if random.random() < 0.3:
                f.write(f"send dhcp-lease-time {random.choice([15, 30, 90, 3600])};\n")
            f.write("request subnet-mask, routers, domain-name-servers, domain-name;\n")
        dhcl[ns] = subprocess.Popen(dhclient_cmd(ns, "-d", "-1"), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
    else:
        op = random.choice(["-r", "-r", "-x"])
        subprocess.run(dhclient_cmd(ns, op), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=30)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
        if random.random() < 0.3:   # forget the lease: next start is a fresh DISCOVER
            try:
                os.unlink(f"{W}/{ns}.leases")
            except FileNotFoundError:
                pass


def sc_omapi():
    r = random.random()
    act = [m for m, v in leased.items() if v[3] == "A"]
    if r < 0.45 and act:
        mac = random.choice(act)
        addr = leased.pop(mac)[0]
        state = random.choice([1, 1, 3, 4, 5])
        omshell(f"new lease\nset ip-address = {addr}\nopen\nset state = {state}\nupdate\nclose\n")
    elif r < 0.75:
        n = "om-%s-%d" % (random.choice(WORDS), random.randint(1, 99))
        mac = "02:12:aa:%02x:%02x:%02x" % tuple(random.randint(0, 255) for _ in range(3))
        ip = "10.212.0.%d" % random.randint(40, 90)
        omshell(f'new host\nset name = "{n}"\nset hardware-address = {mac}\nset hardware-type = 1\n'
                f'set ip-address = {ip}\ncreate\nclose\n')
        time.sleep(0.3)
        d.dora(mac)
        if random.random() < 0.5:
            omshell(f'new host\nset name = "{n}"\nopen\nremove\nclose\n')
    else:
        omshell(f"new lease\nset ip-address = 10.212.0.{random.randint(2, 250)}\nopen\nclose\n")


def sc_exhaust_a():
    log("exhausting pool A")
    for _ in range(46):
        d.discover(d.rmac(), hostname(), timeout=0.3)


def restart(kind):
    log("restart", kind)
    stop_server()
    time.sleep(0.5)
    if kind == "plain":
        pass
    elif kind.startswith("bad-"):
        start_server(f"{W}/{kind}.conf")
        time.sleep(0.5)
    elif kind == "no-leases":
        os.rename(LEASES, LEASES + ".moved")
        start_server()
        os.rename(LEASES + ".moved", LEASES)
    elif kind == "dummy-only":
        start_server(ifaces=("r12ddum",))
    elif kind == "with-dummy":
        start_server(ifaces=("r12dbr", "r12ddum"))
        return
    elif kind == "noC":
        start_server(NOC)
        return
    ensure_server()


def sc_second_instance():
    p = start_server(wait=False)
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()


SCEN = [(sc_dora_a, 30), (sc_renew_old, 8), (sc_release_old, 5), (sc_relay_b, 9),
        (sc_relay_c, 5), (sc_relay_d, 5), (sc_static, 6), (sc_nak, 7), (sc_inform, 7),
        (sc_bootp, 4), (sc_unknown_release_decline, 3), (sc_garbage, 6), (sc_printer, 2),
        (sc_ping_trap, 3), (sc_reclaim_requested, 2), (sc_dupe_cid, 2), (sc_dhclient, 6),
        (sc_omapi, 3)]


def main():
    start_server()
    t0 = time.time()
    end = t0 + DURATION
    bad = sorted(f[:-5] for f in os.listdir(W) if f.startswith("bad-"))
    special = (["plain"] * 2 + random.sample(bad, 5) + ["no-leases", "dummy-only", "with-dummy",
               "noC", "second", "second", "exhaust"])
    random.shuffle(special)
    step = DURATION / (len(special) + 1)
    due = [t0 + step * (i + 1) + random.uniform(-step / 4, step / 4) for i in range(len(special))]
    funcs = [f for f, _ in SCEN]
    weights = [w for _, w in SCEN]
    while time.time() < end:
        ensure_server()
        if due and time.time() >= due[0]:
            due.pop(0)
            kind = special.pop(0)
            if kind == "second":
                f = sc_second_instance
            elif kind == "exhaust":
                f = sc_exhaust_a
            else:
                f = (lambda k=kind: restart(k))
        else:
            f = random.choices(funcs, weights)[0]
        try:
            f()
        except Exception as e:  # keep going
            log("scenario", getattr(f, "__name__", "?"), "failed:", repr(e))
        time.sleep(random.uniform(0.05, 0.6))
    for ns, p in dhcl.items():
        if p.poll() is None:
            subprocess.run(dhclient_cmd(ns, "-r"), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=30)
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
    time.sleep(2)
    stop_server()


if __name__ == "__main__":
    main()
