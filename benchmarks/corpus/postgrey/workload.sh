#!/bin/bash
# Round-19 corpus workload: Postgrey 1.37 greylisting policy server (Debian 12 package), --verbose,
# daemonized and logging through syslog (facility mail) to a private rsyslogd that writes only
# postgrey's records to $OUT/postgrey.log (Debian 12 default rsyslog file format). Postgrey runs in a
# private mount namespace whose /dev/log is the private rsyslogd socket, so the host syslog is
# untouched. A Python client speaks the Postfix policy delegation protocol on 127.0.0.1:21190 for
# DURATION seconds: new triplets, early and late retries (policy_test_time), whitelisted clients,
# networks and recipients, auto-whitelisting, garbage lines, unknown request types, missing
# attributes, clock jumps, maintenance runs; between phases: SIGHUP with edited whitelists,
# restarts, a second instance (locked db / busy port), stop.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION]
#   (needs: apt-get install postgrey rsyslog python3)
set -u
OUT=${1:-$(dirname "$(readlink -f "$0")")}; DURATION=${2:-240}
W=/tmp/r19pg; PORT=21190
mkdir -p "$OUT" "$W"
[ -f $W/run/postgrey.pid ] && kill "$(cat $W/run/postgrey.pid)" 2>/dev/null
[ -f $W/rsyslog.pid ] && kill "$(cat $W/rsyslog.pid)" 2>/dev/null
sleep 1
rm -rf $W/db $W/db2 $W/run $W/state.json; mkdir -p $W/db $W/db2 $W/run; chown postgrey $W/db $W/db2 $W/run
rm -f "$OUT/postgrey.log"

cat > $W/rsyslog.conf <<EOF
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/log.sock" RateLimit.Interval="0")
global(workDirectory="$W")
if \$programname == 'postgrey' then action(type="omfile" file="$OUT/postgrey.log")
EOF
rsyslogd -f $W/rsyslog.conf -i $W/rsyslog.pid
sleep 1

cat > $W/ns.sh <<'EOF'
#!/bin/sh
# private mount namespace: fresh /dev with a few devices and /dev/log -> private rsyslog socket
mkdir -p /tmp/r19pg/olddev
mount --bind /dev /tmp/r19pg/olddev
mount -t tmpfs tmpfs /dev
for n in null zero urandom random full tty; do [ -e /tmp/r19pg/olddev/$n ] && touch /dev/$n && mount --bind /tmp/r19pg/olddev/$n /dev/$n; done
mkdir -p /dev/shm && mount --bind /tmp/r19pg/olddev/shm /dev/shm
ln -s /tmp/r19pg/log.sock /dev/log
exec "$@"
EOF
chmod +x $W/ns.sh

r() { echo $((RANDOM % $1)); }
write_whitelists() {
  cat > $W/wl_clients <<EOF
# clients whitelist
/^mail\d*\.trusted-$((RANDOM%3))\.example$/
relay.partner.example
$((10 + $(r 50))).$(r 250).$(r 250)
198.51.100.0/24
2001:db8:$(printf %x $RANDOM)::/48
EOF
  : > $W/wl_clients.local
  for i in $(seq 0 $(r 3)); do
    case $(r 4) in
      0) echo "bad entry $RANDOM here" >> $W/wl_clients.local ;;
      1) echo "host$RANDOM.friends.example" >> $W/wl_clients.local ;;
      2) echo "203.0.113.$(r 250)" >> $W/wl_clients.local ;;
      3) echo "  # comment $RANDOM" >> $W/wl_clients.local ;;
    esac
  done
  cat > $W/wl_recipients <<EOF
postmaster@
abuse@
/^list-.*@lists\.example\.net$/
nogrey.example.net
EOF
  [ $(r 2) = 0 ] && echo "user$RANDOM @broken.example" >> $W/wl_recipients
}

FT=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
DAY=0
start_pg() {  # extra args. postgrey's clock runs 120x fast from a night hour (libfaketime), so that its
  # hourly maintenance (old db logs, nightly cleaning of old entries) runs during the workload;
  # the clock start is written to $W/clock for the client's retries (policy_test_time)
  DAY=$((DAY + 1 + $(r 3)))
  F0=$(date -d "today + $DAY days 0$((1 + $(r 4))):$((10 + $(r 49))):$((10 + $(r 49)))" +%s)
  echo "$F0 $(date +%s) 120" > $W/clock
  unshare -m --propagation private $W/ns.sh env LD_PRELOAD=$FT FAKETIME="@$(date -d @$F0 '+%F %T') x120" postgrey --inet=127.0.0.1:$PORT -v -d \
    --pidfile=$W/run/postgrey.pid --dbdir=$W/db --delay=$((60 + 30 * $(r 5))) --retry-window=2 \
    --auto-whitelist-clients=$((2 + $(r 2))) --hostname=mx$(r 9).test.example \
    --whitelist-clients=$W/wl_clients --whitelist-clients=$W/wl_clients.local \
    --whitelist-recipients=$W/wl_recipients "$@"
  sleep 1.5
}
stop_pg() { [ -f $W/run/postgrey.pid ] && kill "$(cat $W/run/postgrey.pid)"; sleep 1.5; }

cat > $W/client.py <<'EOF'
import json, os, random, socket, sys, time
port, seconds, statef = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
R = random.Random()
st = json.load(open(statef)) if os.path.exists(statef) else {"trip": [], "awl": []}
words = "alpha beta gamma delta news info shop bank billing alerts promo team ops dev sales".split()
doms = ["example.org", "mail.example.com", "shop.example.net", "bounce.example.info",
        "lists.example.net", "corp.example", "nogrey.example.net", "partner.example"]
def ip():
    if R.random() < 0.15:
        return "2001:db8:%x:%x::%x" % (R.randrange(65536), R.randrange(65536), R.randrange(1, 65536))
    return "%d.%d.%d.%d" % (R.choice([192, 198, 203, 10, 172, 185, 93]), R.randrange(256),
                            R.randrange(256), R.randrange(1, 255))
def addr(local=None):
    return "%s%s@%s" % (local or R.choice(words), R.choice(["", str(R.randrange(999))]), R.choice(doms))
def qid():
    return "".join(R.choice("0123456789ABCDEF") for _ in range(R.randrange(9, 12)))
def req(client, name, sender, rcpt, now=None, queue=None, instance=None, drop=None, rtype="smtpd_access_policy"):
    a = [("request", rtype), ("protocol_state", R.choice(["RCPT", "RCPT", "DATA"])),
         ("protocol_name", R.choice(["SMTP", "ESMTP"])), ("client_address", client),
         ("client_name", name), ("reverse_client_name", name), ("helo_name", name if name != "unknown" else "[%s]" % client),
         ("sender", sender), ("recipient", rcpt), ("queue_id", queue if queue is not None else (qid() if R.random() < 0.3 else "")),
         ("instance", instance or "%x.%x.%x.0" % (R.randrange(1 << 16), R.randrange(1 << 24), R.randrange(1 << 16))),
         ("size", str(R.randrange(0, 90000))), ("etrn_domain", "")]
    if now is not None:
        a.append(("policy_test_time", str(int(now))))
    if drop:
        a = [x for x in a if x[0] != drop]
    return "".join("%s=%s\n" % kv for kv in a) + "\n"
def send(payloads, wait=True):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3)
        for p in payloads:
            s.sendall(p.encode())
            if wait and p.endswith("\n\n"):
                try:
                    s.recv(4096)
                except socket.timeout:
                    pass
        s.close()
    except OSError as e:
        print("client:", e, file=sys.stderr)
def host():
    return R.choice(["unknown", "unknown", "mx%d.%s" % (R.randrange(20), R.choice(doms)),
                     "out-%d.mta.%s" % (R.randrange(999), R.choice(doms))])
f0, r0, speed = (float(x) for x in open(os.path.dirname(statef) + "/clock").read().split())
def pgnow():
    return f0 + speed * (time.time() - r0)
end = time.time() + seconds
while time.time() < end:
    now = pgnow()
    k = R.randrange(100)
    if k < 25 or not st["trip"]:                    # new triplet
        t = [ip(), host(), addr(), addr(), now]
        st["trip"].append(t)
        if R.random() < 0.3:
            send([req(t[0], t[1], t[2], t[3], now=now)])
            continue
        send([req(t[0], t[1], t[2], t[3])])
    elif k < 45:                                     # retry a known triplet, early or late
        t = R.choice(st["trip"])
        at = t[4] + R.choice([R.randrange(5, 60), R.randrange(60, 200), R.randrange(200, 4000)])
        inst = "%x.retry.0" % R.randrange(1 << 20)
        send([req(t[0], t[1], t[2], t[3], now=at, instance=inst)])
        if R.random() < 0.4:                         # same message, next recipient / later try
            send([req(t[0], t[1], t[2], t[3], now=at + R.randrange(1, 30), instance=inst)])
        if R.random() < 0.3:
            st["awl"].append([t[0], t[1], t[4]])
    elif k < 52 and st["awl"]:                      # auto-whitelist: same client, new triplets, hours apart
        c = R.choice(st["awl"])
        base = c[2] + 3600 * R.randrange(2, 30)
        s2, r2 = addr(), addr()
        send([req(c[0], c[1], s2, r2, now=base), req(c[0], c[1], s2, r2, now=base + R.randrange(400, 900))])
    elif k < 60:                                     # whitelisted client name / network
        name = R.choice(["mail%d.trusted-%d.example" % (R.randrange(9), R.randrange(3)), "relay.partner.example",
                         "smtp%d.relay.partner.example" % R.randrange(50)])
        cli = R.choice([ip(), "198.51.100.%d" % R.randrange(1, 255)])
        send([req(cli, name if R.random() < 0.6 else host(), addr(), addr())])
    elif k < 67:                                     # whitelisted recipients
        rc = R.choice(["postmaster@" + R.choice(doms), "abuse@" + R.choice(doms),
                       "list-%s@lists.example.net" % R.choice(words), "%s@nogrey.example.net" % R.choice(words)])
        send([req(ip(), host(), addr(), rc)])
    elif k < 71:                                     # garbage lines in the protocol
        g = R.choice(["HELO there", "GET / HTTP/1.0", "%s %d" % (R.choice(words), R.randrange(99999)),
                      "\x01\x02junk\x7f%d" % R.randrange(999), "QUIT", "request smtpd_access_policy"])
        send([g + "\n", req(ip(), host(), addr(), addr())] if R.random() < 0.5 else [g + "\r\n"], wait=True)
    elif k < 75:                                     # unknown or empty request type
        send([req(ip(), host(), addr(), addr(), rtype=R.choice(["", "junk_policy", "smtpd_access_polcy", "sasl"]))])
        time.sleep(0.05)
    elif k < 79:                                     # missing attribute
        send([req(ip(), host(), addr(), addr(), drop=R.choice(["client_address", "client_name", "sender", "recipient"]))])
    elif k < 82 and st["trip"]:                      # clock went backwards: first seen in the future
        t = R.choice(st["trip"])
        send([req(t[0], t[1], t[2], t[3], now=t[4] - R.randrange(100, 100000))])
    elif k < 85:                                     # maintenance at night, days later
        lt = time.localtime(now + 86400 * R.randrange(1, 40))
        night = time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, R.randrange(2, 7), R.randrange(60), 0, 0, 0, -1))
        send([req(ip(), host(), addr(), addr(), now=night)])
    elif k < 90:                                     # several recipients in one connection
        c, n, s = ip(), host(), addr()
        send([req(c, n, s, addr(), queue="") for _ in range(R.randrange(2, 6))])
    elif k < 94:                                     # null sender (bounce), BATV sender
        snd = R.choice(["", "prvs=%010d=%s" % (R.randrange(10**10), addr()), "SRS0=ab=%s" % addr()])
        send([req(ip(), host(), snd, addr())])
    else:                                            # client drops the connection mid-request
        send([req(ip(), host(), addr(), addr())[:R.randrange(10, 120)]], wait=False)
    time.sleep(R.random() * 0.25)
st["trip"] = st["trip"][-300:]; st["awl"] = st["awl"][-100:]
json.dump(st, open(statef, "w"))
EOF

write_whitelists
start_pg
END=$((SECONDS + DURATION))
# each between-phase event at least once (shuffled), then random ones
PLAN=($(printf '%s\n' 0 1 3 4 5 5 6 | shuf))
while [ $SECONDS -lt $END ]; do
  python3 $W/client.py $PORT $((8 + $(r 12))) $W/state.json
  if [ ${#PLAN[@]} -gt 0 ]; then EV=${PLAN[0]}; PLAN=("${PLAN[@]:1}"); else EV=$(r 8); fi
  case $EV in
    0|1|2) write_whitelists; kill -HUP "$(cat $W/run/postgrey.pid)"; sleep 0.5 ;;
    3) stop_pg; write_whitelists; start_pg ;;
    4) stop_pg; start_pg --whitelist-clients=$W/missing-$(r 99).txt ;;
    5) # second instance: same db (locked) or same port (busy)
       if [ $(r 2) = 0 ]; then
         unshare -m --propagation private $W/ns.sh postgrey --inet=127.0.0.1:$((PORT + 1 + $(r 5))) -v -d \
           --pidfile=$W/second.pid --dbdir=$W/db
       else
         unshare -m --propagation private $W/ns.sh postgrey --inet=127.0.0.1:$PORT -v -d \
           --pidfile=$W/second.pid --dbdir=$W/db2
       fi
       sleep 2; [ -f $W/second.pid ] && kill "$(cat $W/second.pid)" 2>/dev/null; rm -f $W/second.pid ;;
    6) if [ $(r 3) = 0 ] || [ -z "${CRASHED:-}" ]; then CRASHED=1  # unparsable client address (postgrey 1.37 dies on it)
         python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",int(sys.argv[1])),timeout=3); s.sendall(("request=smtpd_access_policy\nclient_address=%s\nclient_name=unknown\nsender=x@example.org\nrecipient=y@example.net\n\n" % sys.argv[2]).encode()); s.recv(99)' $PORT "$(echo mx-$RANDOM 999.1.2.$(r 9) localhost | tr ' ' '\n' | shuf -n1)" 2>/dev/null
         for i in 1 2 3 4 5 6; do kill -0 "$(cat $W/run/postgrey.pid)" 2>/dev/null || break; sleep 0.5; done
       fi ;;
    *) ;;
  esac
  if ! kill -0 "$(cat $W/run/postgrey.pid 2>/dev/null)" 2>/dev/null; then rm -f $W/run/postgrey.pid; start_pg; fi
done
stop_pg
sleep 1
kill "$(cat $W/rsyslog.pid)"
wc -l "$OUT/postgrey.log"
