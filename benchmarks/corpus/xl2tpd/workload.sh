#!/bin/bash
# Round-20 corpus workload: xl2tpd 1.3.18 (Debian 12 package). An LNS instance on 127.0.0.1:26701
# runs in the foreground (-D) with `debug avp/network/state/tunnel = yes` and `ppp debug`; its
# stderr is appended to $OUT/xl2tpd.log. Two LAC instances (127.0.0.2:26702 inside the access
# list, 127.0.0.50:26703 outside it) are driven through xl2tpd-control: tunnels and calls opened
# and torn down with good, wrong and missing tunnel secrets, a dead LNS, LACs added and removed;
# scripted raw L2TP control packets (SCCRQ with random AVPs, truncated and malformed packets,
# StopCCN, Hello, unknown tunnels); control commands and SIGUSR1 status dumps on the LNS; restarts
# and stop.
# pppd cannot open /dev/ppp here, so sessions fail after the call is set up (logged).
# Run as root: bash workload.sh OUT_DIR [DURATION_SECONDS]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/r20xl2tpd
mkdir -p "$OUT"; rm -f "$OUT/xl2tpd.log"
[ -d $W ] && for f in $W/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
rm -rf $W; mkdir -p $W /var/run/xl2tpd
cd $W
r() { echo $((RANDOM % $1)); }

cat > $W/lns.secrets <<EOF
# us     them     secret
r20lns   r20lac   tunnelpw1
r20lns   r20lac2  tunnelpw2
r20lns   r20bad   rightsecret
r20lns   brokenline
EOF
cat > $W/lac.secrets <<EOF
r20lac   r20lns   tunnelpw1
r20lac2  r20lns   tunnelpw2
r20bad   r20lns   wrongsecret
r20nokey r20lns   whatever
EOF
cat > $W/options.lns <<EOF
require-mschap-v2
ms-dns 10.226.0.1
auth
nodefaultroute
debug
lcp-echo-interval 5
lcp-echo-failure 3
logfile $W/pppd-lns.log
EOF
cat > $W/options.lac <<EOF
noauth
name alice
password secret
debug
logfile $W/pppd-lac.log
EOF

cat > $W/lns.conf <<EOF
[global]
listen-addr = 127.0.0.1
port = 26701
auth file = $W/lns.secrets
access control = yes
force userspace = yes
debug avp = yes
debug network = yes
debug state = yes
debug tunnel = yes
max retries = 4

[lns default]
ip range = 10.226.0.2-10.226.0.40
local ip = 10.226.0.1
lac = 127.0.0.2-127.0.0.30
require chap = yes
refuse pap = yes
require authentication = yes
challenge = yes
hostname = r20lns
ppp debug = yes
pppoptfile = $W/options.lns
length bit = yes
EOF

mklac() { # n ip port
cat > $W/lac$1.conf <<EOF
[global]
listen-addr = 127.0.0.$2
port = $3
auth file = $W/lac.secrets
force userspace = yes
max retries = 3

[lac good]
lns = 127.0.0.1:26701
hostname = r20lac
challenge = yes
ppp debug = yes
pppoptfile = $W/options.lac
length bit = yes

[lac second]
lns = 127.0.0.1:26701
hostname = r20lac2
challenge = yes
pppoptfile = $W/options.lac

[lac badsecret]
lns = 127.0.0.1:26701
hostname = r20bad
challenge = yes
pppoptfile = $W/options.lac

[lac nokey]
lns = 127.0.0.1:26701
hostname = r20nokey
challenge = yes
pppoptfile = $W/options.lac

[lac plain]
lns = 127.0.0.1:26701
hostname = plain$RANDOM
pppoptfile = $W/options.lac

[lac deadlns]
lns = 127.0.0.1:26799
hostname = r20lac
pppoptfile = $W/options.lac
EOF
}
mklac 1 2 26702
mklac 2 50 26703

# pppd cannot work here (no ppp_generic); it prints its complaint to the stderr it inherits from
# xl2tpd, so the LNS runs in a private mount namespace where /usr/sbin/pppd is a wrapper sending
# pppd's own stderr to $W/pppd.err (xl2tpd's log keeps only xl2tpd's records).
[ -e /dev/ppp ] || mknod /dev/ppp c 108 0
cp /usr/sbin/pppd $W/pppd.real
printf '#!/bin/sh\nexec %s "$@" 2>>%s\n' $W/pppd.real $W/pppd.err > $W/pppd.wrap; chmod +x $W/pppd.wrap
start_lns() { unshare -m sh -c "mount --bind $W/pppd.wrap /usr/sbin/pppd && exec xl2tpd -D -c $W/lns.conf -p $W/lns.xpid -C $W/lns.ctl" >/dev/null 2>> "$OUT/xl2tpd.log" & echo $! > $W/lns.pid; sleep 1; }
start_lac() { unshare -m sh -c "mount --bind $W/pppd.wrap /usr/sbin/pppd && exec xl2tpd -D -c $W/lac$1.conf -p $W/lac$1.xpid -C $W/lac$1.ctl" >/dev/null 2>> $W/lac$1.err & echo $! > $W/lac$1.pid; sleep 1; }
ctl() { timeout 5 xl2tpd-control -c "$@" >/dev/null 2>&1; }

# raw L2TP control packets
raw() {
python3 - "$1" <<'EOF'
import os, random, socket, struct, sys, time
kind = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.%d" % random.choice([random.randint(3, 30), random.randint(31, 250)]), random.randint(26710, 26999)))
s.settimeout(0.5)
dst = ("127.0.0.1", 26701)
def avp(t, v, m=True, vendor=0):
    return struct.pack("!HHH", (0x8000 if m else 0) | (6 + len(v)), vendor, t) + v
def ctrl(tid, sid, ns, nr, avps, ver=2, flags=0xC800):
    body = b"".join(avps)
    return struct.pack("!HHHHHH", flags | ver, 12 + len(body), tid, sid, ns, nr) + body
host = ("raw%d" % random.randint(1, 999)).encode()
tid = random.randint(1, 65535)
sccrq = [avp(0, struct.pack("!H", 1)), avp(2, struct.pack("!H", 0x100)),
         avp(3, struct.pack("!I", random.choice([1, 2, 3]))), avp(7, host),
         avp(9, struct.pack("!H", tid)), avp(10, struct.pack("!H", random.randint(1, 8)))]
if kind == 0:    # plain SCCRQ, then maybe StopCCN
    s.sendto(ctrl(0, 0, 0, 0, sccrq), dst)
    try:
        d, _ = s.recvfrom(4096); peer = struct.unpack("!H", d[4:6])[0]
        for a in range(2): pass
    except OSError:
        peer = None
    if random.random() < 0.6:
        time.sleep(random.random())
        s.sendto(ctrl(tid if peer is None else 0, 0, 1, 1, [avp(0, struct.pack("!H", 4)),
                 avp(9, struct.pack("!H", tid)), avp(1, struct.pack("!H", random.randint(1, 6)))]), dst)
elif kind == 1:  # SCCRQ with missing or duplicated mandatory AVPs
    a = list(sccrq); random.shuffle(a); a = a[:random.randint(1, len(a))]
    if a[0][4:6] != b"\x00\x00":
        a.insert(random.randint(0, 1), avp(0, struct.pack("!H", 1)))
    s.sendto(ctrl(0, 0, 0, 0, a), dst)
elif kind == 2:  # unknown mandatory / vendor AVP, bad lengths
    a = sccrq + [avp(random.randint(40, 200), os.urandom(random.randint(0, 8)), m=random.random() < 0.5,
                     vendor=random.choice([0, 9, 311]))]
    s.sendto(ctrl(0, 0, 0, 0, a), dst)
elif kind == 3:  # truncated / short packets, bad versions
    p = ctrl(0, 0, 0, 0, sccrq, ver=random.choice([2, 3, 1, 0]))
    s.sendto(p[:random.randint(1, len(p))], dst)
elif kind == 4:  # packets for unknown tunnels: hello, ZLB, data, ICRQ
    t = random.randint(1, 65535)
    s.sendto(random.choice([ctrl(t, 0, 5, 5, [avp(0, struct.pack("!H", 6))]),
                            ctrl(t, 0, 1, 1, []),
                            struct.pack("!HHH", 0x0002, t, random.randint(1, 9)) + os.urandom(20),
                            ctrl(t, 0, 1, 1, [avp(0, struct.pack("!H", 10)), avp(15, struct.pack("!I", 7)),
                                              avp(14, struct.pack("!H", random.randint(1, 999)))])]), dst)
elif kind == 5:  # random garbage
    s.sendto(os.urandom(random.randint(1, 200)), dst)
else:            # unknown message type / bad message type AVP lengths
    s.sendto(ctrl(0, 0, 0, 0, [avp(0, struct.pack("!H", random.choice([0, 17, 99, 255])))] + sccrq[1:]), dst)
try:
    while True: s.recvfrom(4096)
except OSError:
    pass
EOF
}

start_lns; start_lac 1; start_lac 2
lacs=(good second badsecret nokey plain deadlns)
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 20) in
    0|1|2|3) l=${lacs[$(r 5)]}; ctl $W/lac1.ctl connect-lac $l; sleep $((1 + $(r 4)))
       [ $(r 2) = 0 ] && ctl $W/lac1.ctl disconnect-lac $l ;;
    4) ctl $W/lac1.ctl connect-lac deadlns; ( sleep 6; ctl $W/lac1.ctl disconnect-lac deadlns ) & ;;
    5) ctl $W/lac2.ctl connect-lac ${lacs[$(r 4)]} ;;
    6) ctl $W/lac1.ctl disconnect-lac ${lacs[$(r 6)]} ;;
    7) n=dyn$RANDOM; ctl $W/lac1.ctl add-lac $n lns=127.0.0.1:26701 hostname=$([ $(r 2) = 0 ] && echo r20lac || echo r20x$RANDOM) challenge=$([ $(r 2) = 0 ] && echo yes || echo no) pppoptfile=$W/options.lac
       ctl $W/lac1.ctl connect-lac $n; sleep $((1 + $(r 3))); ctl $W/lac1.ctl disconnect-lac $n; ctl $W/lac1.ctl remove-lac $n ;;
    8|9|10|11|12) raw $(r 7) ;;
    13) ctl $W/lns.ctl status-lns default; ctl $W/lns.ctl available
        [ $(r 2) = 0 ] && kill -USR1 "$(cat $W/lns.pid)" ;;
    14) ctl $W/lac1.ctl status-lac good; ctl $W/lac1.ctl status-lac nolac$(r 9) ;;
    15) ctl $W/lns.ctl add-lns extra$(r 9) ip\ range=10.226.1.2-10.226.1.$((3 + $(r 50))) local\ ip=10.226.1.1 ;;
    16) ctl $W/lns.ctl remove-lns extra$(r 9) ;;
    17) [ $(r 4) = 0 ] && { kill "$(cat $W/lns.pid)"; sleep 2; start_lns; } ;;
    18) [ $(r 3) = 0 ] && { kill "$(cat $W/lac1.pid)"; sleep 2; start_lac 1; } ;;
    19) ctl $W/lac1.ctl connect-lac nosuch$(r 9) ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
sleep 3
kill "$(cat $W/lac1.pid)" "$(cat $W/lac2.pid)" 2>/dev/null; sleep 2
kill "$(cat $W/lns.pid)"; sleep 2
wc -l "$OUT/xl2tpd.log"
