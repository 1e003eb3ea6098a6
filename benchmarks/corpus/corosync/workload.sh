#!/bin/bash
# Round-13 corpus workload: Corosync 3.1 (Debian 12 package `corosync`), a four-node knet cluster
# on loopback addresses 127.0.0.1-127.0.0.4 (UDP port 24405) inside a private network namespace;
# each node runs in its own mount+UTS namespace (hostname nodeN, private /run and /tmp, libqb
# filesystem sockets) so that several corosync instances can share one machine. Logging: to_logfile, debug on,
# timestamp hires. The delivered file is node1's logfile, unchanged (cut at a line boundary).
# Randomised workload: nodes start, join, leave cleanly (cfgtool -H), get killed (SIGKILL,
# cfgtool -k), pause (SIGSTOP/SIGCONT), lose packets (iptables in the namespace), config reloads
# (good and broken, token changes, a node added to/removed from the nodelist), cmap/quorum/cfg/cpg
# tool queries, expected-votes and votes changes.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS] [STOP_AT_NODE1_LINES]
set -u
OUT=${1:-/work/round13/corosync}; DURATION=${2:-300}; MAXLINES=${3:-2700}
B=/var/lib/r13cs   # not under /tmp: each node gets a private /tmp (libqb puts its sockets there)
NS=r13cs
apt-get install -y -q corosync iptables >/dev/null 2>&1 || true
mkdir -p "$OUT" "$B" /etc/libqb   # /etc/libqb stays empty on the host; each node mounts its own
ip netns del $NS 2>/dev/null; ip netns add $NS
ip netns exec $NS sh -c 'ip link set lo up; for i in 2 3 4; do ip addr add 127.0.0.$i/8 dev lo; done'
for i in 1 2 3 4; do rm -rf $B/n$i; mkdir -p $B/n$i/state; done

TOKEN=1500; EXTRA=0; BROKEN=0
conf() {   # conf NODE: write nodeN's corosync.conf (its own node first in the nodelist)
  local i=$1 d=$B/n$1 j
  {
  cat <<C
totem {
  version: 2
  cluster_name: r13cluster
  transport: knet
  token: $TOKEN
  crypto_cipher: none
  crypto_hash: none
  interface {
    linknumber: 0
    mcastport: 24405
  }
}
logging {
  fileline: off
  to_stderr: no
  to_syslog: no
  to_logfile: yes
  logfile: $d/corosync.log
  debug: on
  timestamp: hires
}
quorum {
  provider: corosync_votequorum
}
system {
  state_dir: $d/state
}
nodelist {
C
  for j in $i $(seq 1 4 | grep -vx $i); do
    printf '  node {\n    name: node%s\n    nodeid: %s\n    ring0_addr: 127.0.0.%s\n  }\n' $j $j $j
  done
  [ $EXTRA = 1 ] && printf '  node {\n    name: node5\n    nodeid: 5\n    ring0_addr: 127.0.0.5\n  }\n'
  echo "}"
  [ $BROKEN = 1 ] && echo "quorum { provider: corosync_votequorum"
  } > $d/corosync.conf
}
allconf() { for n in 1 2 3 4; do conf $n; done; }
pid() { cat $B/n$1/pid 2>/dev/null; }
up() { local p; p=$(pid $1); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
start() {
  up $1 && return
  conf $1
  ip netns exec $NS unshare -m -u sh -c "hostname node$1; mount -t tmpfs tmpfs /run; mount -t tmpfs tmpfs /tmp; mount -t tmpfs tmpfs /etc/libqb; touch /etc/libqb/force-filesystem-sockets; exec corosync -f -c $B/n$1/corosync.conf" >>$B/n$1/stdout 2>&1 &
  echo $! > $B/n$1/pid
}
on() { local n=$1; shift; up $n && timeout 10 nsenter -t "$(pid $n)" -m -n -- "$@" >>$B/tools.out 2>&1; }
anyup() { for n in $(shuf -e 1 2 3 4); do up $n && { echo $n; return; }; done; echo 1; }
r() { echo $((RANDOM % $1)); }

for n in 1 2 3; do start $n; sleep 0.$((2 + $(r 7))); done
sleep 4
on 1 corosync-cfgtool -H; sleep $((1 + $(r 3))); start 1; sleep 3   # restart node1 once cleanly
# a short fixed tour of failure cases first (the log is cut at 2500 lines), then random actions
v=$((2 + $(r 2))); kill -STOP "$(pid $v)"; sleep $((3 + $(r 3))); kill -CONT "$(pid $v)"; sleep 3
on 1 corosync-quorumtool -s; start 4; sleep 3
ip netns exec $NS iptables -I INPUT -s 127.0.0.$((3 + $(r 2))) -d 127.0.0.1 -p udp -j DROP; sleep $((3 + $(r 3))); ip netns exec $NS iptables -F INPUT; sleep 3
BROKEN=1; allconf; on 1 corosync-cfgtool -R; BROKEN=0; allconf; sleep 1
on 1 corosync-cfgtool -k $((2 + $(r 3))); sleep 2
for m in 2 3 4; do up $m && kill -9 "$(pid $m)"; done; sleep 3
on 1 corosync-quorumtool -s; on 1 corosync-cpgtool; start 2; start 3; sleep 3
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ] && [ "$(wc -l < $B/n1/corosync.log)" -lt $MAXLINES ]; do
  n=$((1 + $(r 4))); q=$(anyup)
  k=$(r 22)
  case $k in
    0|1) start $n ;;
    2) [ $n != 1 ] && up $n && kill -9 "$(pid $n)" ;;
    3) on $n corosync-cfgtool -H ;;
    4) on $q corosync-cfgtool -k $((1 + $(r 4))) ;;
    5) if up $n; then kill -STOP "$(pid $n)"; sleep $((1 + $(r 5))); kill -CONT "$(pid $n)"; fi ;;
    6) a=$((1 + $(r 4))); b=$((1 + $(r 4)))
       ip netns exec $NS iptables -I INPUT -s 127.0.0.$a -d 127.0.0.$b -p udp -j DROP
       sleep $((2 + $(r 6))); ip netns exec $NS iptables -F INPUT ;;
    7) TOKEN=$((1000 + 250 * $(r 8))); allconf; on $q corosync-cfgtool -R ;;
    8) EXTRA=$((1 - EXTRA)); allconf; on $q corosync-cfgtool -R ;;
    9) BROKEN=1; allconf; on $q corosync-cfgtool -R; BROKEN=0; allconf ;;
    10) on $n corosync-cmapctl -s "r13.key$(r 40)" str "value-$RANDOM" ;;
    11) on $n corosync-cmapctl -s "r13.count$(r 10)" u32 $RANDOM; on $n corosync-cmapctl -g "r13.count$(r 10)" ;;
    12) on $n corosync-cmapctl -d "r13.key$(r 40)"; on $n corosync-cmapctl -g "nosuch.key$RANDOM" ;;
    13) on $n corosync-cmapctl -m stats; on $n corosync-cmapctl totem ;;
    14) on $n corosync-quorumtool -s; on $n corosync-quorumtool -l -i ;;
    15) on $q corosync-quorumtool -e $((2 + $(r 4))) ;;
    16) on $q corosync-quorumtool -v $((1 + $(r 3))) -n $((1 + $(r 4))) ;;
    17) on $n corosync-cfgtool -s; on $n corosync-cfgtool -n; on $n corosync-cfgtool -a $((1 + $(r 5))) ;;
    18) on $n corosync-cfgtool -L; on $n corosync-cpgtool ;;
    19) on $n corosync-cmapctl -s "totem.token" u32 $((1000 + 100 * $(r 20))) ;;
    20) on $n corosync-cmapctl -s "logging.debug" str "$(shuf -n1 -e on off on)"; on $n corosync-cmapctl -s "runtime.blackbox.dump_flight_data" str yes ;;
    21) if up 1; then kill -9 "$(pid 1)"; sleep $((2 + $(r 4))); start 1; fi ;;
  esac
  sleep $((1 + $(r 2))).$(r 10)
  # keep at least two nodes around most of the time
  c=0; for m in 1 2 3 4; do up $m && c=$((c + 1)); done
  [ $c -lt 2 ] && start $((1 + $(r 4)))
  up 1 || { [ $(r 4) = 0 ] && start 1; }
done
for n in 4 3 2; do on $n corosync-cfgtool -H; sleep 1; done
on 1 corosync-cfgtool -H; sleep 2
for n in 1 2 3 4; do up $n && kill "$(pid $n)"; done
sleep 1; ip netns del $NS
head -n 2500 $B/n1/corosync.log > "$OUT/corosync.log"
wc -l $B/n1/corosync.log "$OUT/corosync.log"
