#!/bin/bash
# icecream scheduler (Debian icecc 1.4) workload. Everything runs in the private network namespace
# r31d-ice (loopback only), each icecc process in its own mount namespace with a private /run
# (so iceccd's /var/run/icecc socket and the pid files stay private). The scheduler logs with
# -vvv to $ICE/sched.log, copied to icecc.log at the end. Real iceccd daemons (nodeA..nodeD)
# and icecc client compiles drive it; icetools.py plays odd peers (UDP discovery, other
# schedulers' announcements, the text port, broken protocol data).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ICE=/tmp/round31-r31d/ice
NS=r31d-ice
PORT=23200
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
echo "seed $SEED"
mkdir -p "$ICE/src"
chmod 755 /tmp/round31-r31d "$ICE"
ip netns list | grep -qw "$NS" || { ip netns add "$NS" && ip -n "$NS" link set lo up; }
: > "$ICE/sched.log"
chown icecc:icecc "$ICE/sched.log"

inns() { exec ip netns exec "$NS" unshare -m --propagation private sh -c \
  "mount -t tmpfs tmpfs /run && mkdir -p /run/icecc && chown icecc:icecc /run/icecc && exec $*"; }

start_sched() {
  inns icecc-scheduler -p $PORT -vvv -l "$ICE/sched.log" "$@" > "$ICE/sched.out" 2>&1 &
  echo $! > "$ICE/sched.pid"
  sleep 0.5
}
stop_sched() { kill -"${1:-TERM}" "$(cat "$ICE/sched.pid")" 2>/dev/null; wait "$(cat "$ICE/sched.pid")" 2>/dev/null; }

declare -A DPORT=([A]=23210 [B]=23211 [C]=23212 [D]=23213)
start_daemon() { # name extra-args...
  local n=$1; shift
  mkdir -p "$ICE/env$n"; chown icecc:icecc "$ICE/env$n"
  inns iceccd -v -l "$ICE/d$n.log" -s 127.0.0.1:$PORT -p ${DPORT[$n]} -N node$n -b "$ICE/env$n" "$@" \
    > "$ICE/d$n.out" 2>&1 &
  echo $! > "$ICE/d$n.pid"
}
stop_daemon() { local p; p=$(cat "$ICE/d$1.pid"); kill -"${2:-TERM}" "$p" 2>/dev/null; wait "$p" 2>/dev/null; }

mksrc() { # file: random small C or C++ translation unit, sometimes broken
  local f=$1 i
  {
    echo "#include <stdio.h>"
    for i in $(seq 1 $((2 + RANDOM % 12))); do
      echo "int fn_${i}_$RANDOM(int x) { int s = 0; for (int k = 0; k < x; k++) s += k * $RANDOM; return s; }"
    done
    [ $((RANDOM % 9)) -eq 0 ] && echo "int broken( { return ; "
    [ $((RANDOM % 15)) -eq 0 ] && echo "#include <no_such_header_$RANDOM.h>"
  } > "$f"
}

compile_burst() { # submitter-node count
  local n=$1 cnt=$2 i f cc pids=()
  local dp; dp=$(cat "$ICE/d$n.pid")
  for i in $(seq 1 "$cnt"); do
    if [ $((RANDOM % 3)) -eq 0 ]; then f="$ICE/src/u${n}_$i.cpp"; cc=g++; else f="$ICE/src/u${n}_$i.c"; cc=gcc; fi
    mksrc "$f"
    nsenter -t "$dp" -n -m -- sh -c "cd $ICE/src && exec timeout 120 icecc $cc -O$((RANDOM % 3)) -c $(basename "$f") -o $(basename "$f").o" \
      > /dev/null 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}" 2>/dev/null
}

text_cmd() { ip netns exec "$NS" python3 "$HERE/icetools.py" text $((PORT + 1)) "$@" > /dev/null; }
udp_noise() { ip netns exec "$NS" python3 "$HERE/icetools.py" udp $PORT $RANDOM; }
tcp_noise() { ip netns exec "$NS" python3 "$HERE/icetools.py" garbage $PORT $RANDOM; }

start_sched
for n in A B C; do start_daemon $n -m $((1 + RANDOM % 3)); done
start_daemon D --no-remote -m 1
sleep 5
# first compile on each node builds its native environment
bp=(); for n in A B C; do compile_burst $n 1 & bp+=($!); done; wait "${bp[@]}"

CYCLES=${CYCLES:-14}
for c in $(seq 1 "$CYCLES"); do
  echo "cycle $c"
  for step in $(seq 1 $((3 + RANDOM % 5))); do
    k=$((RANDOM % 100))
    if [ $k -lt 45 ]; then
      nodes=(A A A B C D); n=${nodes[$((RANDOM % 6))]}
      compile_burst "$n" $((1 + RANDOM % 10))
    elif [ $k -lt 55 ]; then
      compile_burst A $((2 + RANDOM % 4)) & b1=$!; compile_burst B $((1 + RANDOM % 4)) & b2=$!; wait $b1 $b2
    elif [ $k -lt 65 ]; then
      cmds=(listcs listcs listjobs listblocks internals help "blockcs 127.0.0.1" "unblockcs 127.0.0.1" \
            "blockcs 127.0.0.9" "removecs" "unblockcs" "nosuchcmd" "quit")
      text_cmd "${cmds[$((RANDOM % 13))]}" "${cmds[$((RANDOM % 13))]}" quit
    elif [ $k -lt 75 ]; then
      udp_noise
    elif [ $k -lt 85 ]; then
      tcp_noise
    elif [ $k -lt 92 ]; then
      # a daemon dies while compiling (or quits), then comes back
      nodes=(B C D); n=${nodes[$((RANDOM % 3))]}
      compile_burst "$n" 3 & b1=$!
      sleep 0.$((RANDOM % 9))
      stop_daemon "$n" "$( [ $((RANDOM % 2)) -eq 0 ] && echo KILL || echo TERM )"
      wait $b1
      if [ "$n" = D ]; then start_daemon D --no-remote -m 1; else start_daemon "$n" -m $((1 + RANDOM % 3)); fi
      sleep 3
    else
      sleep $((RANDOM % 4))
    fi
  done
  if [ $((RANDOM % 5)) -eq 0 ]; then
    # scheduler restart (sometimes with persistent client connections); daemons reconnect
    stop_sched TERM
    sleep 1
    if [ $((RANDOM % 2)) -eq 0 ]; then start_sched -r; else start_sched; fi
    sleep 8
  fi
done

stop_sched TERM
for n in A B C D; do stop_daemon $n TERM; done
cp "$ICE/sched.log" "$HERE/icecc.log"
rm -rf "$ICE/src" "$ICE"/env?
