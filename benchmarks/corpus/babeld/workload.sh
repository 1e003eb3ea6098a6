#!/bin/bash
# Randomised workload for babeld 1.12: 3 routers in private network namespaces joined by veth
# links; babel protocol port 23600, local control ports 23611-23613. Only node 1's log is kept.
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/babeld_r21
LOG=$HERE/babeld.log
NS=(r21bab1 r21bab2 r21bab3)
PORT=23600
cleanup_ns() { for n in "${NS[@]}"; do ip netns del "$n" 2>/dev/null; done; }
stop_all() { for n in 1 2 3; do [ -f "$W/b$n.pid" ] && kill -TERM "$(cat "$W/b$n.pid")" 2>/dev/null; done; sleep 1; }
rm -rf "$W"; mkdir -p "$W"; rm -f "$LOG"
cleanup_ns
for n in "${NS[@]}"; do ip netns add "$n"; ip -n "$n" link set lo up; done
link() { # ns_a if_a ns_b if_b
  ip -n "$1" link add "$2" type veth peer name "$4" netns "$3"
  ip -n "$1" link set "$2" up; ip -n "$3" link set "$4" up
}
link r21bab1 veth12 r21bab2 veth21
link r21bab2 veth23 r21bab3 veth32
link r21bab1 veth13 r21bab3 veth31
for n in 1 2 3; do
  ip -n r21bab$n addr add 127.21.$n.1/32 dev lo
  ip -n r21bab$n route add 127.21.$n.128/25 dev lo proto static 2>/dev/null
done
sleep 2   # let IPv6 link-local addresses finish DAD

HELLO=$((RANDOM % 3 + 1))
cat > "$W/b1.conf" <<CONF
redistribute local ip 127.21.0.0/16 le 32 allow
redistribute ip 127.21.0.0/16 le 32 metric $((RANDOM % 200 + 64))
redistribute local deny
redistribute deny
interface veth12 type wired hello-interval $HELLO
interface veth13 type $( [ $((RANDOM % 2)) = 0 ] && echo wireless || echo tunnel ) hello-interval $HELLO rxcost $((RANDOM % 300 + 96))
default update-interval $((HELLO * 4))
in ip 127.21.3.0/24 metric $((RANDOM % 100))
out ip 127.21.1.128/25 deny
CONF
for n in 2 3; do
  cat > "$W/b$n.conf" <<CONF
redistribute local ip 127.21.0.0/16 le 32 allow
redistribute ip 127.21.0.0/16 le 32 allow
redistribute local deny
redistribute deny
default hello-interval $HELLO
CONF
done
IFS_OF=( "" "veth12 veth13" "veth21 veth23" "veth31 veth32" )
start_node() { # n [extra args]
  local n=$1; shift
  local lf=$W/b$n.log; [ "$n" = 1 ] && lf=$LOG
  ip netns exec r21bab$n babeld -D -p $PORT -G $((23610 + n)) -d ${DEBUG:-1} -L "$lf" -I "$W/b$n.pid" \
     -S "$W/b$n.state" -c "$W/b$n.conf" "$@" ${IFS_OF[$n]}
  sleep 0.5
}
ctl() { # n then lines to send to the local read-write interface
  local n=$1; shift
  ip netns exec r21bab$n python3 "$HERE/babel_ctl.py" $((23610 + n)) "$@"
}
DEBUG=2   # most detailed level short of kernel (netlink) tracing
start_node 2; start_node 3
start_node 1 -C "smoothing-half-life $((RANDOM % 8))"
sleep $((HELLO * 4 + 2))
ctl 1 dump
ctl 1 "monitor" "" "unmonitor"
ctl 1 "interface veth99" "bogus statement" "redistribute ip 127.21.9.0/24 allow" "flush interface veth99" "quit"
ctl 1 "$(printf 'garbage \x01\x02')" "dump" "interface" "flush interface veth12" "interface veth12 type wired hello-interval $HELLO"
ctl 2 dump

for round in $(seq 1 $((RANDOM % 2 + 3))); do
  case $((RANDOM % 5)) in
    0) # a link goes down and comes back
       ip -n r21bab1 link set veth12 down; sleep $((HELLO * 3)); ip -n r21bab1 link set veth12 up ;;
    1) # a neighbour dies and is restarted
       kill -TERM "$(cat $W/b3.pid)"; sleep $((HELLO * 4)); start_node 3 ;;
    2) # a neighbour dies hard (no retractions) and comes back
       kill -KILL "$(cat $W/b2.pid)"; rm -f "$W/b2.pid"; sleep $((HELLO * 5)); start_node 2 ;;
    3) # prefixes come and go on a neighbour
       ip -n r21bab2 addr add 127.21.2.$((RANDOM % 100 + 2))/32 dev lo
       ip -n r21bab3 route add 127.21.30.0/24 dev lo proto static
       sleep $((HELLO * 3))
       ip -n r21bab3 route del 127.21.30.0/24 dev lo proto static
       ip -n r21bab1 addr add 127.21.1.$((RANDOM % 100 + 2))/32 dev lo ;;
    4) # the peer link is cut at the far end
       ip -n r21bab3 link set veth31 down; sleep $((HELLO * 4)); ip -n r21bab3 link set veth31 up ;;
  esac
  kill -USR1 "$(cat $W/b1.pid)"      # dump tables to the log
  sleep 1
  kill -USR2 "$(cat $W/b1.pid)"      # reopen log, recheck interfaces
  ctl 1 dump "$( [ $((RANDOM % 2)) = 0 ] && echo 'interface veth13 hello-interval 1' || echo 'flush interface veth13' )"
  sleep $((HELLO * 2))
  ip netns exec r21bab2 python3 "$HERE/babel_garbage.py" $PORT veth21
  ip netns exec r21bab3 python3 "$HERE/babel_garbage.py" $PORT veth31
  ip netns exec r21bab1 python3 "$HERE/babel_garbage.py" $PORT veth12
done
# node 1 restart (state file read back), duplicate instance refused, bad options
kill -TERM "$(cat $W/b1.pid)"; sleep 1
start_node 1
ip netns exec r21bab1 babeld -p $PORT -d 1 -L "$LOG" -I "$W/b1.pid" -c "$W/b1.conf" veth12 2>/dev/null
ip netns exec r21bab1 babeld -p $PORT -d 1 -L "$LOG" -I "$W/b1x.pid" -c /nonexistent.conf nosuchif0 2>/dev/null
sleep $((HELLO * 4 + 1))
ctl 1 dump
stop_all
# any instance of this workload still running (matched by its own work directory), by pid
for p in $(pgrep -f "babeld .*$W/"); do kill -TERM "$p" 2>/dev/null; done
cleanup_ns
