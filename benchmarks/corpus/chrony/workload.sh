#!/bin/bash
# Round-8 corpus workload: chronyd 4.3 (Debian 12 package chrony) daemon log, for about DURATION
# seconds of randomised NTP sources and chronyc commands on 127.0.0.x only. chronyd runs with -x
# (never touches the system clock), NTS off, its daemon messages written by `-l FILE -L 0`.
# Run as root: bash workload.sh [OUT_DIR] [DURATION]   (OUT_DIR defaults to this script's folder)
# Sources: fakentp.py (beside this script) answers on 127.0.0.2-9 with good, wrong, jittery,
# KoD RATE, unsynchronised, garbage or no replies, switched at random through a control file; a
# second chronyd serves 127.0.0.10; 127.0.0.11 is dead; names in /etc/hosts (removed at the end).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-480}
W=/tmp/r8chrony; PORT=11123; CMDPORT=11323
mkdir -p "$OUT"; rm -f "$OUT/chrony.log"
rm -rf "$W"; mkdir -p "$W/run" "$W/dump" "$W/sources.d" "$W/srv"
chown -R _chrony:_chrony "$W"; chmod 750 "$W/run"
SOCK=$W/run/chronyd.sock
RANDOM=$$

# names for sources and a "pool" (several addresses for one name, host.conf has multi on)
sed -i '/# r8chrony$/d' /etc/hosts
{ for i in 2 3 4 5 6 7 8 9 10 11; do echo "127.0.0.$i ntp$i.lab.test # r8chrony"; done
  for i in 3 5 6 7 8; do echo "127.0.0.$i pool.lab.test # r8chrony"; done; } >> /etc/hosts

CTL=$W/ctl.json
modes() {  # write a random behaviour for each fake server
  python3 - "$CTL" "$@" <<'PY'
import json, random, sys
ctl = sys.argv[1]
try: conf = json.load(open(ctl))
except Exception: conf = {}
def pick():
    r = random.random()
    if r < 0.40: return {"mode": "good", "offset": random.uniform(-0.002, 0.002), "jitter": random.uniform(0.0001, 0.003), "stratum": random.randint(1, 4)}
    if r < 0.52: return {"mode": "offset", "offset": random.choice([-1, 1]) * random.uniform(0.05, 2.5), "jitter": 0.001, "stratum": random.randint(2, 6)}
    if r < 0.62: return {"mode": "offset", "offset": random.choice([-1, 1]) * random.uniform(60, 7200), "jitter": 0.002, "stratum": random.randint(1, 3)}
    if r < 0.70: return {"mode": "good", "offset": 0, "jitter": random.uniform(0.05, 0.4), "stratum": 3, "delay": random.choice([0, 0.05, 0.2])}
    if r < 0.76: return {"mode": "kod"}
    if r < 0.82: return {"mode": "unsync"}
    if r < 0.88: return {"mode": "garbage"}
    return {"mode": "silent"}
addrs = sys.argv[2:] or ["127.0.0.%d" % i for i in range(2, 10)]
for a in addrs:
    conf[a] = pick()
json.dump(conf, open(ctl + ".tmp", "w")); __import__("os").replace(ctl + ".tmp", ctl)
PY
}
modes
python3 - "$CTL" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
for a in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
    c[a] = {"mode": "good", "offset": 0.0003, "jitter": 0.0005, "stratum": 2}
json.dump(c, open(sys.argv[1], "w"))
PY
python3 "$HERE/fakentp.py" "$CTL" $PORT 127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.5 127.0.0.6 127.0.0.7 127.0.0.8 127.0.0.9 &
echo $! > "$W/fakentp.pid"

# a second, real chronyd serving its own (undisciplined) clock on 127.0.0.10
cat > "$W/srv/chrony.conf" <<CONF
bindaddress 127.0.0.10
port $PORT
allow 127.0.0.0/8
local stratum 4
cmdport 0
pidfile $W/srv/chronyd.pid
CONF
chown -R _chrony:_chrony "$W/srv"
srv_start() { chronyd -x -f "$W/srv/chrony.conf" -l "$W/srv/server.log" -L 0; }
srv_stop() { [ -s "$W/srv/chronyd.pid" ] && kill "$(cat "$W/srv/chronyd.pid")" 2>/dev/null; sleep 0.5; }
srv_start

cat > "$W/chrony.conf" <<CONF
server 127.0.0.2 port $PORT minpoll -2 maxpoll 1 iburst
server ntp3.lab.test port $PORT minpoll -1 maxpoll 2 iburst
server 127.0.0.4 port $PORT minpoll -2 maxpoll 1
server 127.0.0.10 port $PORT minpoll -2 maxpoll 0 iburst
server ntp11.lab.test port $PORT minpoll -2 maxpoll 0
server nosuch.lab.test port $PORT minpoll -1
pool pool.lab.test port $PORT maxsources 3 minpoll -1 maxpoll 1
sourcedir $W/sources.d
driftfile $W/drift
dumpdir $W/dump
pidfile $W/chronyd.pid
bindaddress 127.0.0.1
port $PORT
allow 127.0.0.0/8
bindcmdaddress 127.0.0.1
bindcmdaddress $SOCK
cmdport $CMDPORT
cmdallow 127.0.0.0/8
makestep 0.5 3
maxchange 1000 2 -1
logchange 0.3
maxdistance 8
reselectdist 0.00005
minsources 1
manual
CONF
printf '%s\n' "-12.345 1.234" > "$W/drift"; chown _chrony "$W/drift"

main_start() { chronyd -x -f "$W/chrony.conf" -l "$OUT/chrony.log" -L 0 "$@"; sleep 1; }
C() { timeout 10 chronyc -n -h "$SOCK" "$@" >/dev/null 2>&1; }
CU() { timeout 10 chronyc -n -h 127.0.0.1 -p $CMDPORT "$@" >/dev/null 2>&1; }
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
addr() { echo 127.0.0.$(rnd 2 11); }
frac() { awk -v s=$RANDOM -v a="$1" -v b="$2" -v p="$3" 'BEGIN{srand(s); printf "%.*f\n", p, a+rand()*(b-a)}'; }

action() {
  case $(rnd 0 29) in
    0|1|2) modes $(for i in $(seq $(rnd 1 3)); do addr; done) ;;
    3) C offline $(addr) ;;
    4) C online $(addr) ;;
    5) C offline 127.0.0.0/29; sleep 1; C online 127.0.0.0/29 ;;
    6) C burst $(rnd 1 4)/$(rnd 4 8) ;;
    7) C burst $(rnd 1 3)/$(rnd 3 6) $(addr) ;;
    8) C minpoll $(addr) $(rnd -3 2) ;;
    9) C maxpoll $(addr) $(rnd 0 4) ;;
    10) C maxdelay $(addr) $(frac 0.001 1 4) ;;
    11) C maxdelayratio $(addr) $(frac 1.5 20 2) ;;
    12) C maxdelaydevratio $(addr) $(frac 1 12 2) ;;
    13) C minstratum $(addr) $(rnd 1 10) ;;
    14) C polltarget $(addr) $(rnd 6 40) ;;
    15) a=$(addr); C add server $a port $PORT minpoll $(rnd -2 0) maxpoll 2 $( ((RANDOM%2)) && echo iburst) ;;
    16) C delete $(addr) ;;
    17) C makestep ;;
    18) C makestep $(frac 0.1 5 1) $(rnd -1 5) ;;
    19) C reselect ;;
    20) C reselectdist $(frac 0.00001 0.01 6) ;;
    21) C settime "$(date -d "@$(( $(date +%s) + $(rnd -90 90) ))" '+%b %d, %Y %H:%M:%S')" ;;
    22) C dfreq $(frac -50 50 3) ;;
    23) C doffset $(frac -2 2 4) ;;
    24) C refresh ;;
    25) f=$W/sources.d/lab$(rnd 1 3).sources
        if ((RANDOM % 3)); then echo "server ntp$(rnd 2 11).lab.test port $PORT minpoll -1 maxpoll $(rnd 1 3)" > "$f"; else rm -f "$f"; fi
        C reload sources ;;
    26) CU tracking; CU sources -a; CU sourcestats; CU ntpdata $(addr); CU burst 1/2 ;;
    27) C manual $(echo on off reset | tr ' ' '\n' | shuf -n1); C manual list ;;
    28) C dump; C rekey; C cyclelogs ;;
    29) srv_stop; sleep $(rnd 2 8); srv_start ;;
  esac
}

run_phase() {  # $1 seconds
  local end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    action & a1=$!; action & a2=$!; action; wait $a1 $a2
    sleep "$(frac 0.05 0.5 2)"
  done
}

main_start
sleep 8
run_phase $(( DURATION / 2 ))
C shutdown; sleep 2                                   # stop through the command socket
modes
main_start -r                                        # restart, reloading the dump files
sleep 5
run_phase $(( DURATION / 2 ))
kill "$(cat "$W/chronyd.pid")" 2>/dev/null; sleep 2  # stop with SIGTERM
srv_stop
kill "$(cat "$W/fakentp.pid")" 2>/dev/null
sed -i '/# r8chrony$/d' /etc/hosts
wc -l "$OUT/chrony.log"
