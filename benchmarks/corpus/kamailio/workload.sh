#!/bin/bash
# Round-10 corpus workload: Kamailio 5.6 SIP proxy/registrar (Debian 12 package), logging to stderr
# (-E, log_stderror=yes) redirected to a file, global debug=2 (info) with the debugger module raising
# dialog, dispatcher, usrloc, acc, rr, sl, htable, siputils, maxfwd, tmx, kex, ctl, cfg_rpc and
# xlog to debug (3); routing script (kamailio.cfg.in next to this script) logs through xlog in many
# places. Randomised SIP clients (sipua.py, next to this script): registrations good/wrong/unknown,
# lockouts, calls answered/busy/declined/unanswered/cancelled, calls to unregistered users, a blocked
# prefix and to a dispatcher set with a live, a flapping and a dead gateway, MESSAGE floods over a
# pipelimit, OPTIONS, SUBSCRIBE, relay attempts, scanners, max-forwards exhaustion, malformed
# packets (single-line junk only: kamailio dumps unparsable buffers verbatim), stray ACK/BYE; kamcmd RPC commands; a restart, a start with a broken config, stop.
# Everything binds 127.0.0.1, ports 15070-15079 and 15600-15999 only.
# Run as root on Debian 12:  bash workload.sh [DURATION_SECONDS]   (default 240)
# Writes ./kamailio.log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=${1:-240}
W=/tmp/r10kam
LOG=$HERE/kamailio.log
command -v kamailio >/dev/null || { apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y kamailio python3; }

[ -f $W/kamailio.pid ] && kill "$(cat $W/kamailio.pid)" 2>/dev/null && sleep 2
rm -rf $W; mkdir -p $W; rm -f "$LOG"
cp "$HERE/sipua.py" $W/

# users with random passwords
USERS=""
for u in alice bob carol dave erin frank; do
  p="$u$RANDOM"; echo "$u $p" >> $W/users.txt
  USERS="$USERS	\$sht(users=>$u) = \"$p\";\\n"
done
cat > $W/dispatcher.list <<EOF
# set 1: one live gateway, one that flaps, one dead
1 sip:127.0.0.1:15071 0 0 gw=live
1 sip:127.0.0.1:15073 0 0 gw=flappy
1 sip:127.0.0.1:15072 0 0 gw=dead
EOF
mkcfg() { sed -e "s|@DBG@|2|; s|@W@|$W|g" -e "s|@USERS@|$USERS|" "$HERE/kamailio.cfg.in" > $W/kamailio.cfg; }
mkcfg
KPID=""
start_kam() {
  kamailio -f $W/kamailio.cfg -P $W/kamailio.pid -E -DD >/dev/null 2>>"$LOG" &
  KPID=$!
  for i in $(seq 30); do [ -S $W/kamailio_ctl ] && break; sleep 0.5; done
  sleep 2
}
stop_kam() { [ -n "$KPID" ] && kill $KPID 2>/dev/null; wait $KPID 2>/dev/null; KPID=""; rm -f $W/kamailio_ctl; }

start_kam

cat > $W/driver.py <<'PYEOF'
import os, random, socket, subprocess, sys, threading, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sipua
from sipua import UA, rnd, raw_send
W = os.path.dirname(os.path.abspath(__file__))
DUR = float(sys.argv[1]); PHASE = sys.argv[2]
S = ("127.0.0.1", 15070); D = "sip.r10.test"
users = dict(l.split() for l in open(W + "/users.txt"))
NAMES = list(users)
running = True

def kam(cmd):
    if cmd == "BADLIST":  # reload a broken dispatcher list, then the good one
        good = open(W + "/dispatcher.list").read()
        open(W + "/dispatcher.list", "w").write(good + "1 sip:%s 0 x\n" % rnd(5))
        kam("ds.reload"); time.sleep(1)
        open(W + "/dispatcher.list", "w").write(good)
        cmd = "ds.reload"
    subprocess.run(["kamcmd", "-s", "unix:%s/kamailio_ctl" % W] + cmd.split(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=10)

def mk(user, pw=None, transport=None):
    return UA(user, users.get(user, "x%d" % random.randint(0, 999)) if pw is None else pw, D, S,
              transport or random.choice(["udp", "udp", "udp", "tcp"]),
              display=random.choice([None, user.capitalize()]))

# ---- gateways for the dispatcher: 15071 answers, 15073 flaps (silent for a while) ----
def gateway(port, flappy):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.settimeout(0.5)
    down_until = 0
    while running:
        if flappy and random.random() < 0.01 and time.time() > down_until + 30:
            down_until = time.time() + random.uniform(20, 45)
        try:
            data, addr = s.recvfrom(65535)
        except OSError:
            continue
        if time.time() < down_until:
            continue
        try:
            m = sipua.Msg(data.decode(errors="replace"))
        except Exception:
            continue
        if not m.is_req or m.method == "ACK":
            continue
        def rep(code, reason, body=""):
            lines = ["SIP/2.0 %d %s" % (code, reason)] + ["Via: %s" % v for v in m.h("Via", True)]
            if code > 100:
                lines += ["Record-Route: %s" % v for v in m.h("Record-Route", True)]
            to = m.h("To") or ""
            if code > 100 and "tag=" not in to:
                to += ";tag=gw%d" % port
            lines += ["From: %s" % m.h("From"), "To: %s" % to, "Call-ID: %s" % m.h("Call-ID"),
                      "CSeq: %s" % m.h("CSeq"), "Contact: <sip:gw@127.0.0.1:%d>" % port, "Server: pygw/%d" % port]
            if body: lines.append("Content-Type: application/sdp")
            lines.append("Content-Length: %d" % len(body))
            s.sendto(("\r\n".join(lines) + "\r\n\r\n" + body).encode(), addr)
        if m.method == "INVITE":
            rep(100, "Trying")
            k = random.random()
            if k < 0.6:
                rep(180, "Ringing")
                rep(200, "OK", "v=0\r\no=gw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\n" % (15700 + random.randint(0, 99)))
            elif k < 0.8:
                rep(503, "Service Unavailable")
            elif k < 0.9:
                rep(486, "Busy Here")
            # else: no final answer (timeout)
        else:
            rep(200, "OK")
for port, fl in ((15071, False), (15073, True)):
    threading.Thread(target=gateway, args=(port, fl), daemon=True).start()

# ---- registered phones with call behaviours ----
phones = {}
def phone_loop(name):
    while running:
        try:
            ua = mk(name, transport="udp")
        except Exception:
            time.sleep(1); continue
        ua.callee = random.choice(["answer", "answer", "busy", "ring", "decline", "unavail"])
        ua.register(expires=random.choice([30, 45, 60, 120]))
        phones[name] = ua
        life = time.time() + random.uniform(25, 70)
        while running and time.time() < life:
            time.sleep(1)
        phones.pop(name, None)
        if random.random() < 0.5:
            ua.register(expires=0)
        ua.close()  # otherwise the contact is left to expire
        time.sleep(random.uniform(1, 10))
for n in random.sample(NAMES, 3):
    threading.Thread(target=phone_loop, args=(n,), daemon=True).start()
time.sleep(2)

def task():
    r = random.random()
    u = random.choice(NAMES)
    if r < 0.16:  # registrations
        k = random.random()
        if k < 0.45:
            ua = mk(u); ua.register(expires=random.choice([0, 10, 60, 300, 3600]))
        elif k < 0.7:
            ua = mk(u, pw="wrong%d" % random.randint(0, 99)); ua.register()
        elif k < 0.8:  # repeated failures until locked out
            ua = mk(u, pw="guess")
            for _ in range(random.randint(3, 7)):
                ua.register()
        else:
            ua = mk("%s%d" % (random.choice(["admin", "test", "guest", "sip", "100"]), random.randint(0, 99))); ua.register()
        ua.close()
    elif r < 0.50:  # calls between users
        ua = mk(u)
        tgt = random.choice(NAMES + ["zed", "yolanda%d" % random.randint(1, 9)])
        kw = dict(hold=random.uniform(1, 5))
        if random.random() < 0.15: kw["cancel_after"] = random.uniform(0.3, 2.5)
        if random.random() < 0.1: kw["password"] = "bad"
        try: ua.call(tgt, **kw)
        finally: ua.close()
    elif r < 0.60:  # gateway calls / blocked prefix
        ua = mk(u)
        tgt = random.choice(["9%d" % random.randint(100, 99999), "9%d" % random.randint(10, 99), "0%d" % random.randint(100, 9999)])
        try: ua.call(tgt, hold=random.uniform(1, 3))
        finally: ua.close()
    elif r < 0.70:  # MESSAGE (sometimes a flood over the pipe limit)
        n = random.randint(12, 25) if random.random() < 0.15 else 1
        def one():
            ua = mk(u, transport="udp")
            ua.message(random.choice(NAMES + ["nobody"]), "msg %s" % rnd(random.randint(4, 40)))
            ua.close()
        ths = [threading.Thread(target=one, daemon=True) for _ in range(n)]
        for t in ths:
            t.start(); time.sleep(0.02)
        for t in ths:
            t.join(10)
    elif r < 0.76:  # OPTIONS / SUBSCRIBE
        ua = mk(u)
        k = random.random()
        if k < 0.5: ua.options()
        elif k < 0.75: ua.options("sip:%s@%s" % (random.choice(NAMES), D))
        else: ua.subscribe(random.choice(NAMES), random.choice(["presence", "dialog"]))
        ua.close()
    elif r < 0.86:  # policy violations and malformed input
        ua = mk(u, transport="udp")
        k = random.randint(0, 6)
        if k == 0:   # relay to a foreign domain
            t = "sip:%s@example%d.org" % (rnd(5), random.randint(1, 9))
            ua.request("INVITE", t, t, body=ua.sdp(15999), timeout=3)
        elif k == 1:  # scanner
            ua.ua_name = random.choice(["friendly-scanner", "sipvicious 0.3", "sipcli/v1.8"])
            ua.options("sip:%d@%s" % (random.randint(100, 999), D))
        elif k == 2:  # max-forwards exhausted
            t = "sip:%s@%s" % (random.choice(NAMES), D)
            ua.send(ua.build("OPTIONS", t, t, rnd(12), 1).replace("Max-Forwards: 70", "Max-Forwards: 0"))
        elif k == 3:  # stray in-dialog requests
            t = "sip:%s@%s" % (random.choice(NAMES), D)
            ua.send(ua.build(random.choice(["BYE", "ACK", "INFO"]), t, t, rnd(12), 2, to_tag=rnd(6)))
        elif k in (4, 5):  # junk without line breaks (kamailio dumps unparsable buffers verbatim)
            ua.send(random.choice(["xyzzy %d" % random.randint(0, 99999), "NOTSIP", "GET /%s HTTP/1.0" % rnd(4),
                                   "INVITE sip:%s SIP/3.0" % rnd(3), "SIP/2.0 99 %s" % rnd(5)]))
        else:  # missing Via, bad CSeq, unknown method
            ua.garbage(random.choice([3, 4, 5]))
        time.sleep(0.5); ua.close()
    elif r < 0.98:  # RPC
        kam(random.choice([
            "ul.dump", "ds.list", "ds.reload", "tm.stats", "dlg.list", "core.uptime", "stats.get_statistics all",
            "ds.set_state ip 1 sip:127.0.0.1:15072", "ds.set_state ap 1 sip:127.0.0.1:15073",
            "ds.set_state dp 1 sip:127.0.0.1:15071", "ds.set_state ap 1 sip:127.0.0.1:15071",
            "ul.rm location %s@%s" % (u, D), "htable.dump failed", "htable.delete failed 127.0.0.1::%s" % u,
            "cfg.set_now_int registrar max_expires %d" % random.choice([300, 600, 900]),
            "cfg.set_now_int tm fr_inv_timer %d" % random.choice([5000, 8000, 12000]),
            "debugger.mod_level dispatcher %d" % random.choice([2, 3]), "corex.debug", "core.version",
            "stats.reset_statistics usrloc:", "ul.lookup location %s@%s" % (u, D), "no.such.command",
            "BADLIST"]))
    else:  # TCP connection opened and dropped
        raw_send(S, b"", "tcp")

end = time.time() + DUR
threads = []
while time.time() < end:
    threads = [t for t in threads if t.is_alive()]
    if len(threads) < 1:
        t = threading.Thread(target=task, daemon=True); t.start(); threads.append(t)
    time.sleep(random.uniform(3.5, 6.5))
running = False
time.sleep(4)
PYEOF

cd $W
python3 $W/driver.py $((DURATION * 55 / 100)) a
# restart: stop, try a broken configuration, then the good one again
stop_kam
sleep 1
sed -i 's/^\t\tsl_send_reply("483", "Too Many Hops");/\t\tsl_send_reply("483", "Too Many Hops")/' $W/kamailio.cfg
kamailio -f $W/kamailio.cfg -P $W/kamailio.pid -E -DD >/dev/null 2>>"$LOG"
mkcfg
sleep 1
start_kam
python3 $W/driver.py $((DURATION * 45 / 100)) b
stop_kam
wc -l "$LOG"
