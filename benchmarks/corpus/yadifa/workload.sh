#!/bin/bash
# Round-20 corpus workload: YADIFA 2.6.4 (Debian 12 package `yadifa`, plus `dnsutils`).
# A primary yadifad on 127.0.0.1:23053 (four zones) and a secondary yadifad on 127.0.0.1:23054
# fed from it by AXFR/IXFR with a TSIG key. The primary logs every logger bundle (database,
# dnssec, server, system, zone, queries; not the multi-line stats legend) at EMERG..DEBUG (no DEBUG1-7) to one channel,
# all.log, which is copied unchanged to OUT/yadifa.log at the end.
# Run as root:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (defaults: this folder, 130)
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-130}
D=/tmp/yad20run
rm -rf $D; mkdir -p $D
PORT=23053; SPORT=23054
UPD=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0
CTL=Y3RybGN0cmxjdHJsY3RybGN0cmxjdHJsY3Ry
XFR=eGZyeGZyeGZyeGZyeGZyeGZyeGZyeGZy
LEVELS=EMERG,ALERT,CRIT,ERR,WARNING,NOTICE,INFO,DEBUG
mkdir -p $D/p/data/zones $D/p/keys $D/p/xfr $D/p/log $D/s/data/zones $D/s/keys $D/s/xfr $D/s/log
ZONES="alpha.test beta.test gamma.test broken.test"

cat > $D/p.conf <<CONF
<main>
 daemon off
 chroot off
 logpath "$D/p/log"
 pidfile "$D/p/yadifad.pid"
 datapath "$D/p/data"
 keyspath "$D/p/keys"
 xfrpath "$D/p/xfr"
 user root
 group root
 port $PORT
 listen 127.0.0.1
 hostname "ns1-test"
 serverid "yad-primary"
 version "2.6.4"
 statistics on
 statistics-max-period 20
 queries-log-type 1
 allow-query any
 allow-update none
 allow-transfer none
 allow-notify none
 allow-control key ctrl-key
</main>
<control>
 enabled true
</control>
<rrl>
 enabled true
 log_only false
 responses_per_second 15
 errors_per_second 4
 window 5
 slip 2
 exempted none
</rrl>
<channels>
 all all.log 0644
</channels>
<loggers>
 database $LEVELS all
 dnssec $LEVELS all
 server $LEVELS all
 system $LEVELS all
 zone $LEVELS all
 queries $LEVELS all
</loggers>
<key>
 name updkey
 algorithm hmac-sha256
 secret $UPD
</key>
<key>
 name xfrkey
 algorithm hmac-sha256
 secret $XFR
</key>
<key>
 name ctrl-key
 algorithm hmac-sha256
 secret $CTL
</key>
CONF
for z in $ZONES; do
cat >> $D/p.conf <<CONF
<zone>
 type primary
 domain $z
 file zones/$z.zone
 allow-transfer key xfrkey
 allow-update key updkey
 allow-query any
 notify 127.0.0.1 port $SPORT
</zone>
CONF
done

cat > $D/s.conf <<CONF
<main>
 daemon off
 chroot off
 logpath "$D/s/log"
 pidfile "$D/s/yadifad.pid"
 datapath "$D/s/data"
 keyspath "$D/s/keys"
 xfrpath "$D/s/xfr"
 user root
 group root
 port $SPORT
 listen 127.0.0.1
 allow-query any
 allow-notify 127.0.0.1
 allow-control 127.0.0.1
</main>
<channels>
 all all.log 0644
</channels>
<loggers>
 server INFO,NOTICE,WARNING,ERR all
 zone INFO,NOTICE,WARNING,ERR all
 database INFO,NOTICE,WARNING,ERR all
</loggers>
<key>
 name xfrkey
 algorithm hmac-sha256
 secret $XFR
</key>
CONF
for z in alpha.test beta.test gamma.test; do
cat >> $D/s.conf <<CONF
<zone>
 type secondary
 domain $z
 file zones/$z.zone
 primary 127.0.0.1 port $PORT key xfrkey
</zone>
CONF
done

r() { echo $((RANDOM % $1)); }
declare -A SERIAL
mkzone() { # zone serial [extra records]
  local z=$1 s=$2 n i
  {
    echo "\$TTL $((60 + $(r 3000)))"
    echo "@ IN SOA ns1.$z. hostmaster.$z. $s 3600 600 86400 300"
    echo "@ IN NS ns1.$z."
    echo "ns1 IN A 127.0.0.1"
    echo "www IN A 10.$(r 250).$(r 250).$(r 250)"
    echo "mail IN MX 10 mx.$z."
    echo "mx IN A 10.0.0.$(r 250)"
    echo "@ IN TXT \"v=spf1 -all\""
    n=$((3 + $(r 15)))
    for i in $(seq $n); do echo "h$i IN A 192.168.$(r 250).$(r 250)"; done
    echo "ftp IN CNAME www"
    echo "v6 IN AAAA 2001:db8::$(r 9999)"
  } > $D/p/data/zones/$z.zone
  SERIAL[$z]=$s
}
for z in $ZONES; do mkzone $z $((1 + $(r 50))); done

start_primary() { yadifad -c $D/p.conf > $D/p.out 2>&1 & echo $! > $D/p.pidfile; sleep 2; }
start_secondary() { yadifad -c $D/s.conf > $D/s.out 2>&1 & echo $! > $D/s.pidfile; sleep 1; }
ctl() { # command [zone] [extra]
  local c=$1; shift
  if [ $# -gt 0 ]; then set -- -q "$@"; fi
  timeout 5 yadifa ctrl -s 127.0.0.1 -p $PORT -y hmac-sha256:ctrl-key:$CTL -t $c "$@" >/dev/null 2>&1; }
q() { timeout 5 dig -p $PORT @127.0.0.1 +tries=1 +time=2 "$@" >/dev/null 2>&1; }
zone() { echo $ZONES | tr ' ' '\n' | sed -n "$((1 + $(r 4)))p"; }
label() { local w=(www mail mx ns1 ftp v6 h1 h2 h3 nope$(r 100) x$RANDOM _sip._tcp deep.a.b); echo ${w[$(r ${#w[@]})]}; }
qtype() { local t=(A A A AAAA MX TXT NS SOA ANY CNAME SRV PTR CAA HINFO NULL); echo ${t[$(r ${#t[@]})]}; }

garbage() { python3 - "$PORT" "$1" <<'PY'
import socket, os, random, sys, struct
port = int(sys.argv[1]); kind = sys.argv[2]
if kind == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
    choice = random.randint(0, 3)
    if choice == 0:
        pkt = os.urandom(random.randint(1, 11))          # shorter than a header
    elif choice == 1:
        pkt = os.urandom(random.randint(12, 200))        # random bytes
    elif choice == 2:                                    # header claiming many questions
        pkt = struct.pack(">HHHHHH", random.randint(0, 65535), 0x0100, 5, 0, 0, 0) + b"\x03abc\x00\x00\x01\x00\x01"
    else:                                                # opcode STATUS / response bit set
        pkt = struct.pack(">HHHHHH", random.randint(0, 65535), random.choice([0x1000, 0x8180, 0x3000]), 1, 0, 0, 0) + b"\x05alpha\x04test\x00\x00\x01\x00\x01"
    s.sendto(pkt, ("127.0.0.1", port))
    try: s.recv(4096)
    except Exception: pass
else:
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    if random.random() < 0.5:
        s.sendall(struct.pack(">H", 300) + os.urandom(random.randint(5, 40)))   # truncated
        s.close()
    else:
        s.sendall(os.urandom(random.randint(2, 60)))
        try: s.recv(100)
        except Exception: pass
        s.close()
PY
}

nsupd() { # zone keyspec(ok|none|bad) action
  local z=$1 k=$2 a=$3 key=""
  case $k in ok) key="-y hmac-sha256:updkey:$UPD";; bad) key="-y hmac-sha256:updkey:$(echo -n wrong$RANDOM | base64)";; other) key="-y hmac-sha256:otherkey:$UPD";; esac
  local h="u$(r 40)"
  {
    echo "server 127.0.0.1 $PORT"
    echo "zone $z"
    case $a in
      add) echo "update add $h.$z. $((60 + $(r 600))) IN A 172.16.$(r 250).$(r 250)";;
      txt) echo "update add $h.$z. 300 IN TXT \"note $RANDOM\"";;
      del) echo "update delete $h.$z. A";;
      prereq) echo "prereq yxdomain nothere$(r 99).$z."; echo "update add p$RANDOM.$z. 300 IN A 10.9.9.9";;
      prereq2) echo "prereq nxdomain www.$z."; echo "update add q$RANDOM.$z. 300 IN A 10.9.9.8";;
      outzone) echo "update add host.other$(r 9).example. 300 IN A 10.1.1.1";;
      cname) echo "update add www.$z. 300 IN CNAME elsewhere.$z.";;
      mx) echo "update add $z. 300 IN MX $(r 50) $h.$z.";;
    esac
    echo "send"
  } | timeout 8 nsupdate -t 3 $key >/dev/null 2>&1
}

start_primary
start_secondary
END=$((SECONDS + DURATION))
restarted=0
while [ $SECONDS -lt $END ]; do
  z=$(zone)
  case $(r 30) in
    0|1|2|3) q $(label).$z $(qtype) ;;
    4) q +tcp $(label).$z $(qtype) ;;
    5) q unknown$(r 50).example $(qtype) ;;
    6) q -c CH TXT $(echo version.bind hostname.bind id.server version.yadifa | tr ' ' '\n' | shuf -n1) ;;
    7) q +norec +dnssec +nsid $(label).$z A ;;
    8) q -y hmac-sha256:xfrkey:$XFR AXFR $z ;;
    9) q AXFR $z ;;
    10) q -y hmac-sha256:xfrkey:$(echo -n bad$RANDOM | base64) AXFR $z ;;
    11) q -y hmac-sha256:xfrkey:$XFR IXFR=$((SERIAL[$z] - $(r 3))) $z ;;
    12) q IXFR=1 $z ;;
    13|14) nsupd $z ok $(echo add add txt del mx | tr ' ' '\n' | shuf -n1) ;;
    15) nsupd $z none add ;;
    16) nsupd $z $(echo bad other | tr ' ' '\n' | shuf -n1) add ;;
    17) nsupd $z ok $(echo prereq prereq2 outzone cname | tr ' ' '\n' | shuf -n1) ;;
    18) nsupd nosuch$(r 9).test ok add ;;
    19) garbage udp ;;
    20) garbage tcp ;;
    21) # burst to trigger the response rate limiter
        pids=""; for i in $(seq $((20 + $(r 40)))); do dig -p $PORT @127.0.0.1 +tries=1 +time=1 nx$(r 5).$z A >/dev/null 2>&1 & pids="$pids $!"; done; wait $pids ;;
    22) # change a zone file with a higher serial and reload it
        zz=$(echo alpha.test beta.test gamma.test | tr ' ' '\n' | shuf -n1)
        mkzone $zz $((SERIAL[$zz] + 1 + $(r 5))); ctl reload $zz ;;
    23) # break the broken.test zone file, reload, then repair it
        case $(r 4) in
          0) echo "badline IN A 999.1.1.1" >> $D/p/data/zones/broken.test.zone ;;
          1) sed -i 's/ IN SOA / IN SAO /' $D/p/data/zones/broken.test.zone ;;
          2) echo "\$INCLUDE /nonexistent/$RANDOM.inc" >> $D/p/data/zones/broken.test.zone ;;
          3) echo "www IN MX notanumber mx" >> $D/p/data/zones/broken.test.zone ;;
        esac
        ctl reload broken.test; sleep 1
        q www.broken.test A
        mkzone broken.test $((SERIAL[broken.test] + 1)); ctl reload broken.test ;;
    24) ctl $(echo freeze unfreeze sync notify | tr ' ' '\n' | shuf -n1) $z; sleep 0.3
        nsupd $z ok add; ctl unfreeze $z ;;
    25) ctl $(echo freezeall unfreezeall cfgreload logreopen zonecfgreload | tr ' ' '\n' | shuf -n1) ;;
    26) ctl querylog; q www.$z A; ctl notify $z ;;
    27) ctl reload nosuch$(r 9).test; ctl sync $z clean ;;
    28) kill -HUP $(cat $D/p.pidfile) ;;
    29) if [ $restarted -eq 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
          restarted=1; ctl shutdown; sleep 3; start_primary
        else q -y hmac-sha256:xfrkey:$XFR AXFR $z; fi ;;
  esac
  sleep $((RANDOM % 2)).$((RANDOM % 10))
done
ctl shutdown; sleep 3
kill $(cat $D/s.pidfile) 2>/dev/null; kill $(cat $D/p.pidfile) 2>/dev/null; sleep 1
cp $D/p/log/all.log "$OUT/yadifa.log"
wc -l "$OUT/yadifa.log"
