#!/usr/bin/python3
"""Randomised workload driver for the r12 kresd run (called by workload.sh).

Clients (dnspython, Debian python3-dnspython) query kresd on 127.0.0.1:20500 (UDP/TCP) and
20501 (DNS-over-TLS); kresd forwards r12.test to knotd (20453), stubs flaky.test to flaky.py
(20454) and forwards dead.test to two dead ports (20455, 20456). The driver also uses kresd's
control socket, rewrites the watched RPZ file, stops and restarts the upstreams and restarts
kresd (sometimes with a broken configuration first).

usage: kresdrive.py WORKDIR LOG DURATION_SECONDS [SEED]
"""
import glob
import os
import random
import signal
import socket
import ssl
import struct
import subprocess
import sys
import time

import dns.flags
import dns.message
import dns.query
import dns.rdatatype
import dns.edns

W, LOG, DURATION = sys.argv[1], sys.argv[2], int(sys.argv[3])
if len(sys.argv) > 4:
    random.seed(int(sys.argv[4]))
HERE = os.path.dirname(os.path.abspath(__file__))
KRES = ("127.0.0.1", 20500)
KNOTCONF = f"{W}/knot/knot.conf"
kresd = None
flaky = None
knot_up = True

WORDS = ["www", "mail", "api", "cdn", "shop", "blog", "vpn", "git", "wiki", "db", "app", "static",
         "login", "news", "media", "docs", "status", "files", "chat", "time"]


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


# ---------------------------------------------------------------- processes
def start_kresd(conf=None):
    global kresd
    conf = conf or f"{W}/kresd.conf"
    f = open(LOG, "ab")
    p = subprocess.Popen(["kresd", "-n", "-c", conf, f"{W}/run"], cwd=f"{W}/run",
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=f)
    f.close()
    time.sleep(1.5)
    if p.poll() is None:
        kresd = p
        with open(f"{W}/kresd.pid", "w") as pf:
            pf.write(str(p.pid))
    else:
        log("kresd exited rc", p.returncode, "with", conf)
    return p


def stop_kresd():
    global kresd
    if kresd is not None and kresd.poll() is None:
        kresd.send_signal(signal.SIGTERM)
        try:
            kresd.wait(10)
        except subprocess.TimeoutExpired:
            kresd.kill()
            kresd.wait()
    kresd = None


def ensure_kresd():
    if kresd is None or kresd.poll() is not None:
        start_kresd()


def start_flaky():
    global flaky
    flaky = subprocess.Popen(["/usr/bin/python3", f"{HERE}/flaky.py", "20454"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{W}/flaky.pid", "w") as pf:
        pf.write(str(flaky.pid))
    time.sleep(0.5)


def stop_flaky():
    global flaky
    if flaky is not None and flaky.poll() is None:
        flaky.terminate()
        flaky.wait(5)
    flaky = None


def knot(cmd):
    subprocess.run(["knotc", "-c", KNOTCONF, *cmd], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=20)


def start_knot():
    global knot_up
    subprocess.run(["knotd", "-c", KNOTCONF, "-d"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    time.sleep(1)
    knot_up = True


def stop_knot():
    global knot_up
    knot(["stop"])
    time.sleep(0.5)
    knot_up = False


def control(cmd):
    """One command on kresd's control socket (unix socket run/control/<pid>)."""
    socks = glob.glob(f"{W}/run/control/*")
    if kresd is None:
        return None
    path = f"{W}/run/control/{kresd.pid}"
    if path not in socks:
        return None
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    try:
        s.connect(path)
        s.sendall((cmd + "\n").encode())
        time.sleep(0.2)
        out = s.recv(65536)
    except OSError as e:
        out = repr(e).encode()
    finally:
        s.close()
    return out


# ---------------------------------------------------------------- queries
def query(name, rdtype="A", proto="udp", dnssec=False, source=None, timeout=6, cd=False,
          payload=1232, nsid=False, cookie=False):
    q = dns.message.make_query(name, rdtype, want_dnssec=dnssec, payload=payload)
    if cd:
        q.flags |= dns.flags.CD
    opts = []
    if nsid:
        opts.append(dns.edns.GenericOption(dns.edns.NSID, b""))
    if cookie:
        opts.append(dns.edns.GenericOption(dns.edns.COOKIE, os.urandom(8)))
    if opts:
        q.use_edns(0, dns.flags.DO if dnssec else 0, payload, options=opts)
    try:
        if proto == "udp":
            return dns.query.udp(q, KRES[0], port=KRES[1], timeout=timeout, source=source)
        if proto == "tcp":
            return dns.query.tcp(q, KRES[0], port=KRES[1], timeout=timeout, source=source)
        if proto == "tls":
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return dns.query.tls(q, KRES[0], port=20501, timeout=timeout, ssl_context=ctx)
    except Exception as e:  # timeouts, resets
        return e


def proto():
    return random.choices(["udp", "tcp", "tls"], [80, 12, 8])[0]


def sc_r12():
    r = random.random()
    if r < 0.45:
        name = random.choice(["www", "mail", "mail2", "sip", "ns1", "txt", "short", "caa",
                              "host%d" % random.randint(1, 40), "host%d" % random.randint(1, 40)])
        query(f"{name}.r12.test", random.choice(["A", "A", "A", "AAAA", "TXT"]), proto())
    elif r < 0.6:
        query(random.choice(["r12.test", "r12.test", "_sip._udp.r12.test", "txt.r12.test"]),
              random.choice(["MX", "TXT", "SRV", "CAA", "NS", "SOA", "HINFO", "NAPTR", "SSHFP"]), proto())
    elif r < 0.75:
        query("%s-%d.r12.test" % (random.choice(WORDS), random.randint(1, 9999)), "A", proto())
    elif r < 0.85:
        query(random.choice(["alias", "ftp", "ext", "loop1"]) + ".r12.test", "A")
    elif r < 0.93:
        query("%s.wild.r12.test" % random.choice(WORDS), random.choice(["A", "AAAA"]))
    else:
        query("%d.0.212.10.in-addr.arpa" % random.choice([1, 77, random.randint(2, 254)]), "PTR")


def sc_dnssec():
    r = random.random()
    if r < 0.5:
        query(random.choice(["www.", "mx.", "txt.", "nope%d." % random.randint(1, 99), ""]) + "sec.r12.test",
              random.choice(["A", "AAAA", "TXT", "MX"]), dnssec=random.random() < 0.6)
    elif r < 0.85:
        query("%s.bad.r12.test" % random.choice(["www", "mx", "txt", "x%d" % random.randint(1, 99)]),
              random.choice(["A", "TXT"]), dnssec=random.random() < 0.5, cd=random.random() < 0.2)
    else:
        query("sec.r12.test", random.choice(["DNSKEY", "SOA", "NSEC"]), dnssec=True)


def sc_flaky():
    kind = random.choices(["ok", "slow", "drop", "fail", "refused", "nx", "trunc", "garbage",
                           "badid", "formerr", "big", "cname"],
                          [30, 5, 3, 6, 5, 8, 6, 3, 5, 3, 4, 5])[0]
    name = "%s%d.flaky.test" % ("" if kind == "ok" else kind, random.randint(1, 500))
    if kind == "ok":
        name = "%s-%d.flaky.test" % (random.choice(WORDS), random.randint(1, 99))
    query(name, random.choice(["A", "A", "AAAA", "TXT", "MX"]) if kind in ("ok", "nx") else
          ("TXT" if kind == "big" else "A"), proto() if kind != "trunc" else "udp", timeout=8)


def sc_dead():
    query("%s.dead.test" % random.choice(WORDS), "A", timeout=8)


def sc_policy():
    r = random.random()
    if r < 0.2:
        query("%s.%s" % (random.choice(WORDS), random.choice(["ads.test", "tracker.test"])))
    elif r < 0.3:
        query("x%d.drop.test" % random.randint(1, 99), timeout=2)
    elif r < 0.4:
        query("refuse.test", random.choice(["A", "MX"]))
    elif r < 0.5:
        query("my-local-answer%d.example" % random.randint(1, 9))
    elif r < 0.7:
        query(random.choice(["malware.test", "a.malware.test", "%s.malware.test" % random.choice(WORDS),
                             "phish.test", "walled.test", "casino.test", "www.casino.test",
                             "spam.test"]), random.choice(["A", "AAAA"]))
    elif r < 0.85:
        query("www.r12.test", source="127.0.0.2")
    else:
        query(random.choice(["www.r12.test", "mail.r12.test", "flaky.test"]), source="127.0.0.3")


def sc_hints():
    query(random.choice(["gw.lan", "router.lan", "nas.lan", "printer.lan", "new.lan",
                         "unknown%d.lan" % random.randint(1, 9)]), random.choice(["A", "AAAA"]))


def sc_other():
    query(random.choice(["example.com", "www.example.org", "debian.org", "%s.net" % random.choice(WORDS)]),
          random.choice(["A", "AAAA", "MX"]))


def sc_special():
    r = random.random()
    if r < 0.2:
        query("www.r12.test", "A", nsid=True)
    elif r < 0.35:
        query("host%d.r12.test" % random.randint(1, 40), "A", cookie=True)
    elif r < 0.5:
        query("r12.test", "ANY")
    elif r < 0.6:
        query("r12.test", "AXFR", "tcp")
    elif r < 0.7:
        q = dns.message.make_query("version.bind", "TXT", rdclass="CH")
        try:
            dns.query.udp(q, KRES[0], port=KRES[1], timeout=3)
        except Exception:
            pass
    elif r < 0.8:
        query("r12.test", "TXT", payload=512, dnssec=True)
    else:
        query("www.r12.test", "RRSIG")


def sc_garbage():
    r = random.random()
    try:
        if r < 0.4:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.sendto(os.urandom(random.randint(2, 80)), KRES)
            s.close()
        elif r < 0.7:
            s = socket.create_connection(KRES, timeout=2)
            data = os.urandom(random.randint(10, 200))
            s.sendall(struct.pack("!H", len(data)) + data)
            time.sleep(0.3)
            s.close()
        elif r < 0.85:   # plain DNS on the TLS port
            s = socket.create_connection(("127.0.0.1", 20501), timeout=2)
            q = dns.message.make_query("www.r12.test", "A").to_wire()
            s.sendall(struct.pack("!H", len(q)) + q)
            try:
                s.recv(100)
            except OSError:
                pass
            s.close()
        else:            # TCP connection opened and abandoned half-way
            s = socket.create_connection(KRES, timeout=2)
            s.sendall(b"\x00\x40\x12\x34")
            time.sleep(0.5)
            s.close()
    except OSError:
        pass


def sc_control():
    act = random.choices(["clear", "clear-sub", "hints", "policy", "hints-del", "nta", "stats"],
                         [18, 16, 10, 10, 8, 25, 13])[0]
    if act == "clear":
        control("cache.clear()")
    elif act == "clear-sub":
        control("cache.clear('%s', true)" % random.choice(["r12.test.", "flaky.test.", "sec.r12.test."]))
    elif act == "hints":
        control("hints.set('%s.lan 192.0.2.%d')" % (random.choice(WORDS), random.randint(100, 200)))
        control("hints.set('new.lan 192.0.2.%d')" % random.randint(2, 99))
    elif act == "policy":
        control("policy.add(policy.suffix(policy.DENY_MSG('blocked at runtime'), policy.todnames({'%s.r12.test.'})))"
                % random.choice(WORDS))
    elif act == "hints-del":
        control("hints.del('%s')" % random.choice(["new.lan", "printer.lan", "nas.lan"]))
    elif act == "nta":
        # an NTA on a name that has a trust anchor is refused (and logged)
        control("trust_anchors.set_insecure({'%s'})" % random.choice(["bad.r12.test", "bad.r12.test", "flaky.test", "x.bad.r12.test"]))
    else:
        control("cache.count()")
        control("stats.list()")


RPZ_BASE = """$TTL 60
@ SOA localhost. root.localhost. 1 3600 600 86400 60
@ NS localhost.
malware.test CNAME .
*.malware.test CNAME .
phish.test CNAME *.
walled.test A 192.0.2.99
"""


def sc_rpz():
    extra = []
    for _ in range(random.randint(0, 3)):
        extra.append(random.choice([
            "casino.test CNAME .",
            "*.casino.test CNAME .",
            "spam.test 120 A 192.0.2.%d" % random.randint(100, 200),
            "spam.test 60 A 192.0.2.%d" % random.randint(100, 200),
            "redirect.test CNAME www.r12.test.",
            "sub.walled.test NS ns.example.",
            "bogus.test A 300.1.2.3",
            "typo.test AAAA nothex::zz",
            "outside.example. A 192.0.2.1",
        ]))
    text = RPZ_BASE + "\n".join(extra) + "\n"
    if random.random() < 0.15:
        text = "\n".join(text.split("\n")[3:])      # SOA missing
    with open(f"{W}/block.rpz", "w") as f:
        f.write(text)


def sc_upstream_outage():
    if random.random() < 0.6:
        log("knot down")
        stop_knot()
        for _ in range(random.randint(3, 8)):
            random.choice([sc_r12, sc_r12, sc_dnssec])()
            time.sleep(random.uniform(0.2, 1.0))
        start_knot()
        log("knot up")
    else:
        log("flaky down")
        stop_flaky()
        for _ in range(random.randint(2, 5)):
            sc_flaky()
        start_flaky()
        log("flaky up")


def restart(kind):
    log("restart", kind)
    stop_kresd()
    time.sleep(0.3)
    if kind != "plain":
        start_kresd(f"{W}/{kind}.conf")
        if kind == "bad-hosts":
            return
    ensure_kresd()


SCEN = [(sc_r12, 24), (sc_dnssec, 12), (sc_flaky, 20), (sc_dead, 3), (sc_policy, 12),
        (sc_hints, 5), (sc_other, 3), (sc_special, 5), (sc_garbage, 4), (sc_control, 8),
        (sc_rpz, 4)]


def main():
    start_flaky()
    start_kresd()
    t0 = time.time()
    end = t0 + DURATION
    bad = sorted(os.path.basename(f)[:-5] for f in glob.glob(f"{W}/bad-*.conf"))
    special = ["plain", "plain", "outage", "outage", "outage"] + bad
    random.shuffle(special)
    step = DURATION / (len(special) + 1)
    due = [t0 + step * (i + 1) for i in range(len(special))]
    funcs = [f for f, _ in SCEN]
    weights = [w for _, w in SCEN]
    while time.time() < end:
        ensure_kresd()
        if due and time.time() >= due[0]:
            due.pop(0)
            kind = special.pop(0)
            f = sc_upstream_outage if kind == "outage" else (lambda k=kind: restart(k))
        else:
            f = random.choices(funcs, weights)[0]
        try:
            f()
        except Exception as e:
            log("scenario failed:", repr(e))
        time.sleep(random.uniform(0.1, 0.9))
    stop_kresd()
    stop_flaky()


if __name__ == "__main__":
    main()
