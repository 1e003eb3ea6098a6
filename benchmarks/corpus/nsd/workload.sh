#!/bin/bash
# Round-7 corpus workload: NSD 4.6 authoritative DNS server (Debian 12 package "nsd"), own
# logfile, high verbosity, on 127.0.0.1 only, for about DURATION seconds of randomised clients:
# queries for existing and missing names, refused zones, AXFR/IXFR allowed and refused, TSIG good,
# wrong and unknown, NOTIFY (from a second NSD acting as primary and forged by python), a
# secondary zone fed by the second NSD and one with a dead primary, zone files broken and repaired
# with nsd-control reload, nsd-control commands (status, stats, zonestatus, addzone, delzone,
# ...), garbage packets, rate limiting (RRL), stop.
# Run as root on Debian 12:
#   apt-get install -y nsd dnsutils python3-dnspython
#   bash workload.sh [OUT_DIR] [DURATION]      (OUT_DIR defaults to this script's folder)
# Writes OUT_DIR/nsd.log unchanged. Scratch files (zones, second NSD and its log) in /tmp/r7nsd.
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-200}
VERB=${VERB:-5}
W=/tmp/r7nsd; P1=15353; P2=15354; DEADP=15399; C1=18952; C2=18953
PY=/usr/bin/python3
K1=$(head -c 32 /dev/urandom | base64); K2=$(head -c 32 /dev/urandom | base64)
WRONG=$(head -c 32 /dev/urandom | base64)

for f in $W/nsd1.pid $W/nsd2.pid; do [ -f $f ] && kill "$(cat $f)" 2>/dev/null; done
sleep 1
rm -rf $W; mkdir -p $W/z1 $W/z2 "$OUT"; rm -f "$OUT/nsd.log"
nsd-control-setup -d $W >/dev/null 2>&1

serial() { echo $(( $(date +%s) + ${1:-0} )); }
zone() {  # name serial nrecords -> zone text
  local z=$1 s=$2 n=$3
  echo "\$ORIGIN $z."
  echo "\$TTL $((RANDOM % 3000 + 300))"
  echo "@ IN SOA ns1.$z. hostmaster.$z. $s 3600 600 86400 300"
  echo "@ IN NS ns1.$z."
  echo "ns1 IN A 127.0.0.1"
  echo "@ IN MX 10 mail.$z."
  echo "mail IN A 127.0.0.$((RANDOM % 250 + 2))"
  echo "www IN CNAME host1.$z."
  echo "txt IN TXT \"r7 $RANDOM\""
  echo "*.wild IN A 127.0.1.$((RANDOM % 250 + 1))"
  echo "sub IN NS ns.sub.$z."
  echo "ns.sub IN A 127.0.2.1"
  for i in $(seq $n); do echo "host$i IN A 10.$((RANDOM % 255)).$((RANDOM % 255)).$((RANDOM % 254 + 1))"; done
}
zone example.test $(serial) 20 > $W/z1/example.test.zone
zone open.test $(serial) 8 > $W/z1/open.test.zone
zone locked.test $(serial) 5 > $W/z1/locked.test.zone
zone broken.test $(serial) 6 > $W/z1/broken.test.zone
zone feed.test $(serial) 10 > $W/z2/feed.test.zone
zone plain.test $(serial) 4 > $W/z2/plain.test.zone

cat > $W/nsd1.conf <<EOF
server:
  ip-address: 127.0.0.1@$P1
  port: $P1
  username: ""
  chroot: ""
  zonesdir: "$W/z1"
  zonelistfile: "$W/zone1.list"
  xfrdfile: "$W/xfrd1.state"
  xfrdir: "$W/xfr1"
  database: ""
  pidfile: "$W/nsd1.pid"
  logfile: "$OUT/nsd.log"
  log-time-ascii: yes
  verbosity: $VERB
  server-count: 1
  tcp-count: 20
  tcp-timeout: 3
  hide-version: no
  identity: "r7-nsd"
  xfrd-reload-timeout: 1
  zonefiles-check: yes
  zonefiles-write: 0
  rrl-ratelimit: 25
  rrl-whitelist-ratelimit: 50
  rrl-slip: 2
  rrl-ipv4-prefix-length: 32
remote-control:
  control-enable: yes
  control-interface: 127.0.0.1
  control-port: $C1
  server-key-file: "$W/nsd_server.key"
  server-cert-file: "$W/nsd_server.pem"
  control-key-file: "$W/nsd_control.key"
  control-cert-file: "$W/nsd_control.pem"
key:
  name: "k1.r7"
  algorithm: hmac-sha256
  secret: "$K1"
key:
  name: "k2.r7"
  algorithm: hmac-sha256
  secret: "$K2"
pattern:
  name: "dyn"
  zonefile: "%s.zone"
  provide-xfr: 127.0.0.1 NOKEY
pattern:
  name: "dynsec"
  zonefile: "%s.sec.zone"
  allow-notify: 127.0.0.1 NOKEY
  request-xfr: 127.0.0.1@$P2 k2.r7
zone:
  name: "example.test"
  zonefile: "example.test.zone"
  provide-xfr: 127.0.0.1 k1.r7
  notify: 127.0.0.1@$DEADP NOKEY
zone:
  name: "open.test"
  zonefile: "open.test.zone"
  provide-xfr: 127.0.0.0/8 NOKEY
zone:
  name: "locked.test"
  zonefile: "locked.test.zone"
  provide-xfr: 0.0.0.0/0 BLOCKED
zone:
  name: "broken.test"
  zonefile: "broken.test.zone"
  provide-xfr: 127.0.0.1 NOKEY
zone:
  name: "feed.test"
  zonefile: "feed.test.sec.zone"
  allow-notify: 127.0.0.1 k2.r7
  request-xfr: 127.0.0.1@$P2 k2.r7
zone:
  name: "plain.test"
  zonefile: "plain.test.sec.zone"
  allow-notify: 127.0.0.1 NOKEY
  request-xfr: AXFR 127.0.0.1@$P2 NOKEY
zone:
  name: "dead.test"
  zonefile: "dead.test.sec.zone"
  allow-notify: 127.0.0.1 NOKEY
  request-xfr: 127.0.0.1@$DEADP NOKEY
  max-refresh-time: 30
  min-retry-time: 5
EOF

cat > $W/nsd2.conf <<EOF
server:
  ip-address: 127.0.0.1@$P2
  port: $P2
  username: ""
  chroot: ""
  zonesdir: "$W/z2"
  zonelistfile: "$W/zone2.list"
  xfrdfile: "$W/xfrd2.state"
  xfrdir: "$W/xfr2"
  database: ""
  pidfile: "$W/nsd2.pid"
  logfile: "$W/nsd2.log"
  verbosity: 2
  server-count: 1
remote-control:
  control-enable: yes
  control-interface: 127.0.0.1
  control-port: $C2
  server-key-file: "$W/nsd_server.key"
  server-cert-file: "$W/nsd_server.pem"
  control-key-file: "$W/nsd_control.key"
  control-cert-file: "$W/nsd_control.pem"
key:
  name: "k2.r7"
  algorithm: hmac-sha256
  secret: "$K2"
zone:
  name: "feed.test"
  zonefile: "feed.test.zone"
  provide-xfr: 127.0.0.1 k2.r7
  notify: 127.0.0.1@$P1 k2.r7
zone:
  name: "plain.test"
  zonefile: "plain.test.zone"
  provide-xfr: 127.0.0.1 NOKEY
  notify: 127.0.0.1@$P1 NOKEY
EOF
mkdir -p $W/xfr1 $W/xfr2

# ---- python helpers: garbage packets, forged notifies, floods ---------------------------------
cat > $W/pkt.py <<'PY'
import os, random, socket, struct, sys, time
import dns.message, dns.query, dns.rdatatype, dns.opcode, dns.flags, dns.tsigkeyring, dns.name, dns.update, dns.rcode
port, kind = int(sys.argv[1]), sys.argv[2]
args = sys.argv[3:]
H = "127.0.0.1"
def udp(b, wait=1.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(wait)
    s.sendto(b, (H, port))
    try: s.recv(4096)
    except OSError: pass
    s.close()
try:
    if kind == "garbage":
        udp(os.urandom(random.randint(1, 60)))
    elif kind == "short":
        udp(struct.pack("!HH", random.randint(0, 65535), 0x0100) + b"\x00\x01")
    elif kind == "qdcount":
        q = dns.message.make_query("host1.example.test", "A").to_wire()
        udp(q[:4] + struct.pack("!H", random.choice([0, 2, 5])) + q[6:])
    elif kind == "tcpgarbage":
        s = socket.create_connection((H, port), timeout=3)
        s.sendall(struct.pack("!H", random.randint(20, 400)) + os.urandom(random.randint(5, 40)))
        time.sleep(random.uniform(0.1, 1)); s.close()
    elif kind == "tcpidle":
        s = socket.create_connection((H, port), timeout=6)
        try: s.recv(10)
        except OSError: pass
        s.close()
    elif kind == "opcode":
        m = dns.message.make_query(random.choice(["example.test", "open.test"]), "SOA")
        m.set_opcode(random.choice([dns.opcode.IQUERY, dns.opcode.STATUS, 3, 6]))
        udp(m.to_wire())
    elif kind == "update":
        u = dns.update.UpdateMessage(random.choice(["example.test", "open.test", "feed.test"]))
        u.add("new%d" % random.randint(1, 999), 300, "A", "10.0.0.%d" % random.randint(1, 254))
        dns.query.udp(u, H, port=port, timeout=2)
    elif kind == "notify":   # args: zone [keyname secret]
        m = dns.message.make_query(args[0], "SOA")
        m.set_opcode(dns.opcode.NOTIFY); m.flags |= dns.flags.AA; m.flags &= ~dns.flags.RD
        if len(args) > 2:
            m.use_tsig(dns.tsigkeyring.from_text({args[1]: args[2]}), keyname=args[1], algorithm="hmac-sha256")
        try: dns.query.udp(m, H, port=port, timeout=2)
        except Exception: pass
    elif kind == "badtsig":   # query signed with a key the server has but a bad time / bad mac
        m = dns.message.make_query(args[0], "SOA")
        m.use_tsig(dns.tsigkeyring.from_text({args[1]: args[2]}), keyname=args[1], algorithm="hmac-sha256", fudge=0)
        w = bytearray(m.to_wire()); w[-10] ^= 0xFF
        udp(bytes(w))
    elif kind == "flood":
        n = int(args[0]); name = args[1]
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.01)
        for i in range(n):
            q = dns.message.make_query(name.replace("N", str(random.randint(1, 99999))), random.choice(["A", "AAAA", "TXT"]))
            s.sendto(q.to_wire(), (H, port))
            try: s.recv(4096)
            except OSError: pass
        s.close()
    elif kind == "edns":
        m = dns.message.make_query("www.example.test", "A", use_edns=random.choice([0, 1]), payload=random.choice([512, 4096, 1232]))
        if random.random() < 0.5: m.edns = 1
        udp(m.to_wire())
except Exception as e:
    print("pkt", kind, e, file=sys.stderr)
PY

nsd -c $W/nsd2.conf; nsd -c $W/nsd1.conf
sleep 2

rnd() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
D="dig +time=2 +tries=1 -p $P1 @127.0.0.1"
C1CMD="nsd-control -c $W/nsd1.conf"; C2CMD="nsd-control -c $W/nsd2.conf"
ZONES="example.test open.test locked.test broken.test feed.test plain.test dead.test"

bump_feed() {  # change a zone on the second NSD, which notifies the main one
  local z=$(pick feed.test plain.test)
  zone $z $(serial $((RANDOM % 100 + $(date +%s) % 1000))) $((RANDOM % 12 + 2)) > $W/z2/$z.zone
  $C2CMD reload $z >/dev/null 2>&1
}
break_zone() {
  local z=$1 s; s=$(serial $((RANDOM)))
  case $2 in
    0) zone $z $s 5 | sed 's/ IN A 10\./ IN A 999./' > $W/z1/$z.zone ;;
    1) zone $z $s 5 | sed '/ SOA /d' > $W/z1/$z.zone ;;
    2) zone $z $s 5 | sed 's/^host2 IN A/host2 IN BOGUSTYPE/; s/^txt IN TXT "/txt IN TXT "unterminated/' > $W/z1/$z.zone ;;
    3) zone $z $s 5 > $W/z1/$z.zone; echo "\$INCLUDE $W/z1/missing-$RANDOM.inc" >> $W/z1/$z.zone ;;
  esac
}

one_action() {
  local n=$RANDOM z; z=$(pick $ZONES)
  case $(rnd 36) in
    0|1|2) $D "host$((RANDOM % 25 + 1)).$(pick example.test open.test feed.test)" A +short ;;
    3) $D "$(pick www mail txt x$n.wild ns1).$(pick example.test open.test)" $(pick A MX TXT CNAME ANY) ;;
    4) $D "nosuch$n.$z" $(pick A AAAA MX) ;;
    5) $D "name$n.$(pick example.com nothere.org unserved.test)" A ;;        # not authoritative -> REFUSED
    6) $D "x.sub.example.test" A ;;                                               # referral
    7) $D "$(pick version.bind id.server hostname.bind version.server)" CH TXT ;;
    8) $D +tcp "$z" SOA ;;
    9) $D AXFR example.test -y "hmac-sha256:k1.r7:$K1" >/dev/null ;;             # good TSIG
    10) $D AXFR example.test -y "hmac-sha256:k1.r7:$WRONG" ;;                     # wrong secret
    11) $D AXFR example.test -y "hmac-sha256:unknown$n.r7:$K1" ;;                  # unknown key
    12) $D AXFR example.test ;;                                                    # no key
    13) $D AXFR open.test >/dev/null ;;
    14) $D AXFR locked.test ;;
    15) $D IXFR=$(pick 1 $(( $(date +%s) - 100000 ))) open.test >/dev/null ;;
    16) $D AXFR $(pick feed.test plain.test dead.test broken.test nosuch.test) ;;
    17) $PY $W/pkt.py $P1 $(pick garbage short qdcount tcpgarbage opcode edns) ;;
    18) $PY $W/pkt.py $P1 $(pick update tcpidle garbage) ;;
    19) $PY $W/pkt.py $P1 notify feed.test k2.r7 "$K2" ;;
    20) $PY $W/pkt.py $P1 notify feed.test k2.r7 "$WRONG" ;;
    21) $PY $W/pkt.py $P1 notify $(pick feed.test example.test nosuch$n.test plain.test dead.test) ;;
    22) $PY $W/pkt.py $P1 badtsig example.test k1.r7 "$K1" ;;
    23) bump_feed ;;
    24) $C1CMD $(pick status stats_noreset zonestatus "zonestatus $z" "zonestatus nosuch$n.test" serverpid) >/dev/null ;;
    25) $C1CMD $(pick "force_transfer $(pick feed.test plain.test dead.test)" "transfer $(pick feed.test dead.test)" "notify $(pick example.test open.test)" "write $(pick feed.test plain.test)" verbosity' '$VERB) >/dev/null ;;
    26) local dz=dyn$((RANDOM % 6)).test
        if [ $(rnd 2) = 0 ]; then [ $(rnd 3) != 0 ] && zone $dz $(serial) 3 > $W/z1/$dz.zone
             $C1CMD addzone $dz $(pick dyn dyn dyn nopattern) >/dev/null
        else $C1CMD delzone $dz >/dev/null; fi ;;
    27) $C1CMD $(pick "addzone sec$((RANDOM % 3)).test dynsec" "delzone sec$((RANDOM % 3)).test" "changezone open.test dyn" "reload open.test" "reload nosuch.test") >/dev/null ;;
    28) $D "host$((RANDOM % 9 + 1)).dyn$((RANDOM % 6)).test" A ;;
    29) $C1CMD $(pick "log_reopen" "stats" "repattern" "reconfig" "zonestatus example.test") >/dev/null ;;
    30) $D -y "hmac-sha256:k1.r7:$(pick "$K1" "$WRONG")" "host1.example.test" A ;;
    31) $D +norec "www.open.test" A +dnssec +nsid ;;
    32) $PY $W/pkt.py $P1 flood $((RANDOM % 150 + 40)) "host$((RANDOM % 20)).example.test" ;;
    33) $PY $W/pkt.py $P1 flood $((RANDOM % 100 + 40)) "nxN.$(pick open.test example.test)" ;;
    34) $C1CMD $(pick "addkey k3.r7 $K1" "delkey k3.r7" "assoc_tsig open.test k1.r7" "print_tsig k1.r7" "cookie_secrets" ) >/dev/null 2>&1 ;;
    35) $C1CMD $(pick "notify" "write" "force_transfer" "zonestatus dead.test") >/dev/null ;;
  esac >/dev/null 2>&1
}

START=$(date +%s); phase=0
while [ $(( $(date +%s) - START )) -lt "$DURATION" ]; do
  pids=""; for i in $(seq $((RANDOM % 3 + 1))); do one_action & pids="$pids $!"; done
  wait $pids
  sleep 0.$((RANDOM % 9 + 1))
  el=$(( $(date +%s) - START ))
  if [ $phase -eq 0 ] && [ $el -gt $((DURATION / 6)) ]; then
    phase=1; BT=$(rnd 4); break_zone broken.test $BT; $C1CMD reload broken.test
  elif [ $phase -eq 1 ] && [ $el -gt $((DURATION * 2 / 6)) ]; then
    phase=2; zone broken.test $(serial 500) 7 > $W/z1/broken.test.zone; $C1CMD reload broken.test
    break_zone open.test $(( (BT + 1) % 4 )); $C1CMD reload
  elif [ $phase -eq 2 ] && [ $el -gt $((DURATION * 3 / 6)) ]; then
    phase=3; zone open.test $(serial 700) 9 > $W/z1/open.test.zone; $C1CMD reload open.test
    break_zone broken.test $(( (BT + 2) % 4 )); $C1CMD reload broken.test
    # restart the main NSD (SIGTERM, start again)
    kill "$(cat $W/nsd1.pid)"; sleep 2; nsd -c $W/nsd1.conf; sleep 1
  elif [ $phase -eq 3 ] && [ $el -gt $((DURATION * 4 / 6)) ]; then
    phase=4; break_zone locked.test $(( (BT + 3) % 4 )); $C1CMD reload locked.test
    zone broken.test $(serial 900) 8 > $W/z1/broken.test.zone; $C1CMD reload
    kill -HUP "$(cat $W/nsd1.pid)"
    # the primary of feed.test goes away for a while
    kill "$(cat $W/nsd2.pid)"; sleep 1; $C1CMD force_transfer feed.test
  elif [ $phase -eq 4 ] && [ $el -gt $((DURATION * 5 / 6)) ]; then
    phase=5; nsd -c $W/nsd2.conf; sleep 1; bump_feed
    zone locked.test $(serial 1000) 6 > $W/z1/locked.test.zone; $C1CMD reload locked.test
  fi
done >/dev/null 2>&1

$C1CMD stop; sleep 2
kill "$(cat $W/nsd2.pid)" 2>/dev/null
wc -l "$OUT/nsd.log"
