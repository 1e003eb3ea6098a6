#!/bin/bash
# Round-16 corpus workload: NTPsec ntpd 1.2.2 (Debian 12 package ntpsec), private instance in its own
# network namespace (r16ntp: loopback and a veth 10.123.0.1 to a second namespace r16ntpsrv holding the fake servers on 10.123.0.2-9), `ntpd -n -c conf
# -l`, `logconfig =allall`, clock discipline off (`disable ntp`, `disable kernel`: the system clock
# is never adjusted). Sources: fake NTP servers (fakentp.py: good, offset, KoD, unsynchronised,
# silent, garbage, flaky), an SHM refclock with no writer, an unresolvable pool; ntpq queries good
# and bad, authenticated :config with right and wrong keys, garbage packets, restarts with broken
# configurations, stop.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
RUN=/tmp/r16ntp; NS=r16ntp
mkdir -p "$RUN"; rm -f "$OUT/ntpsec.log"
SRV=r16ntpsrv
ip netns del $NS 2>/dev/null; ip netns del $SRV 2>/dev/null; ip netns add $NS; ip netns add $SRV
ip -n $NS link set lo up; ip -n $SRV link set lo up
ip -n $NS link add r16a type veth peer name r16b netns $SRV
ip -n $NS addr add 10.123.0.1/24 dev r16a; ip -n $NS link set r16a up
for i in 2 3 4 5 6 7 8 9; do ip -n $SRV addr add 10.123.0.$i/24 dev r16b; done; ip -n $SRV link set r16b up
N() { ip netns exec $NS "$@"; }
echo "1 md5 r16secret$RANDOM" > "$RUN/keys"; chmod 600 "$RUN/keys"
KEY=$(awk '{print $3}' "$RUN/keys")
conf() { # $1 = extra broken line or empty
  {
  echo "logfile $OUT/ntpsec.log"
  echo "logconfig =allall"
  echo "driftfile $RUN/drift"
  echo "statsdir $RUN/stats/"
  echo "disable ntp"; echo "disable kernel"
  echo "interface ignore all"; echo "interface listen 127.0.0.1"; echo "interface listen 10.123.0.1"
  echo "keys $RUN/keys"; echo "trustedkey 1"; echo "controlkey 1"
  echo "restrict default kod limited nomodify noquery"
  echo "restrict 127.0.0.1"
  echo "restrict 10.123.0.0 mask 255.255.255.0 nomodify"
  for i in $(shuf -e 2 3 4 5 6 -n $((RANDOM % 3 + 3))); do
    echo "server 10.123.0.$i iburst minpoll 3 maxpoll $((RANDOM % 2 + 3))"
  done
  echo "pool r16-pool-$RANDOM.invalid iburst"
  echo "refclock shm unit $((RANDOM % 4 + 4)) refid SHM$((RANDOM % 9))"
  [ -n "$1" ] && echo "$1"
  } > "$RUN/ntp.conf"
}
mkdir -p "$RUN/stats"
start() { rm -f "$RUN/ntpd.pid"; N ntpd -n -c "$RUN/ntp.conf" -p "$RUN/ntpd.pid" >/dev/null 2>&1 & sleep 2; cp "$RUN/ntpd.pid" "$RUN/ntpd.bgpid" 2>/dev/null || echo 0 > "$RUN/ntpd.bgpid"; }
stop() { p=$(cat "$RUN/ntpd.bgpid"); [ "$p" != 0 ] && kill -TERM "$p" 2>/dev/null; for i in 1 2 3 4 5; do [ "$p" != 0 ] && kill -0 "$p" 2>/dev/null || break; sleep 1; done; }
ip netns exec $SRV python3 "$HERE/fakentp.py" $((DURATION + 30)) & FAKE=$!; sleep 2
Q() { N timeout -k 2 5 ntpq -n "$@" 127.0.0.1 </dev/null >/dev/null 2>&1; }
query() {
  case $((RANDOM % 16)) in
    0) Q -p ;; 1) Q -c as ;; 2) Q -c rv ;; 3) Q -c "rv 0 bogusvar$RANDOM" ;;
    4) Q -c "rv &$((RANDOM % 9 + 1))" ;; 5) Q -c mrulist ;; 6) Q -c sysinfo -c sysstats ;;
    7) Q -c "keyid 1" -c "passwd $KEY" -c ":config server 10.123.0.$((RANDOM % 4 + 6)) iburst minpoll 3 maxpoll 4" ;;
    8) Q -c "keyid 1" -c "passwd wrong$RANDOM" -c ":config server 10.123.0.7" ;;
    9) Q -c "keyid 1" -c "passwd $KEY" -c ":config unpeer 10.123.0.$((RANDOM % 8 + 2))" ;;
    10) Q -c "keyid 1" -c "passwd $KEY" -c ":config bogus directive $RANDOM" ;;
    11) Q -c "keyid $((RANDOM % 5 + 2))" -c "passwd $KEY" -c ":config server 10.123.0.8" ;;
    12) N python3 -c "import socket,os,random;s=socket.socket(2,2);[s.sendto(os.urandom(random.choice([3,20,48,68,200])),('127.0.0.1',123)) for _ in range(random.randint(1,5))]" ;;
    13) N python3 -c "import socket,random,struct;s=socket.socket(2,2);[s.sendto(bytes([0x1b if random.random()<.7 else random.choice([0x0b,0x23,0x16,0x26,0xe3])])+bytes(47),('127.0.0.1',123)) for _ in range(random.randint(1,40))]" ;;
    14) Q -c "keyid 1" -c "passwd $KEY" -c ":config restrict 10.123.0.$((RANDOM % 8 + 2)) ignore" ;;
    15) Q -c pe -c "rl $((RANDOM % 6 + 1))" -c cv ;;
  esac
}
phase() { local end=$((SECONDS + $1)); while [ $SECONDS -lt $end ]; do query; sleep 0.$((RANDOM % 9 + 1)); done; }
BROKEN=('server' 'tinker panic foo' 'refclock nosuchdriver' 'restrict 300.1.2.3' 'includefile /tmp/r16ntp/missing.conf'
  'server 10.123.0.9 minpoll banana' 'server 10.123.0.8 minpoll 1' 'server 10.123.0.7 maxpoll 30' 'keys /tmp/r16ntp/nokeys'
  'logconfig =bogus' 'filegen nosuchstats' 'trustedkey 70000' 'server 224.0.1.1' 'fudge 127.127.28.3 flag9 1' 'mru maxdepth 1 frob 2')
STOPAT=$((SECONDS + DURATION))
while [ $SECONDS -lt $STOPAT ]; do
  if [ $((RANDOM % 3)) = 0 ]; then conf "${BROKEN[$((RANDOM % ${#BROKEN[@]}))]}"; else conf ""; fi
  start; phase $((RANDOM % 25 + 15))
  [ $((RANDOM % 2)) = 0 ] && { kill -HUP "$(cat "$RUN/ntpd.bgpid")" 2>/dev/null; phase 3; }
  stop
done
kill $FAKE 2>/dev/null; wait $FAKE 2>/dev/null
ip netns del $NS; ip netns del $SRV
