#!/bin/bash
# Randomised workload for p0f 3.09b (Debian). Runs p0f in its own network namespace
# (r31a-p0f) on lo, its stdout+stderr appended to $RAW; drive.py makes the traffic.
# usage: workload.sh [SESSIONS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31a/p0f
PY=/tmp/round31-r31a/venv/bin/python   # venv with scapy (PyPI)
NS=r31a-p0f
RAW=$T/p0f.raw
SOCK=$T/p0f.sock
FP=/etc/p0f/p0f.fp
mkdir -p $T/fp
: > "$RAW"
ip netns add $NS 2>/dev/null
ip netns exec $NS ip link set lo up
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
P0F() { ip netns exec $NS timeout -s INT 3 stdbuf -oL -eL p0f "$@" >>"$RAW" 2>&1; }

# Broken fingerprint databases: each one damages a different kind of line.
mkfp() {
  local out=$T/fp/bad$1.fp
  case $1 in
    1) sed '0,/^sig   = \*:64:0:\*:mss\*20,10/s//sig   = *:999:0:*:mss*20,10/' $FP ;;
    2) sed '0,/^label = s:unix:Linux:3.11/s//label = s:bogus:Linux:3.11/' $FP ;;
    3) sed '0,/^sig   = \*:128:0:\*:8192,0:mss,nop,nop,sok/s//sig   = *:128:0:*:8192,0:mss,nop,nop,zzz/' $FP ;;
    4) sed '0,/^sig   = \*:128:0:\*:8192,0:mss,nop,nop,sok:df,id+:0/s//sig   = *:128:0:*:8192,0:mss,nop,nop,sok:df,wat:0/' $FP ;;
    5) sed '0,/^\[tcp:request\]/s//[tcp:sideways]/' $FP ;;
    6) sed '0,/^\[tcp:request\]/s//[smtp:request]/' $FP ;;
    7) sed '0,/^label = s:unix:Linux:3.11 and newer/s//colour = blue\n&/' $FP ;;
    8) sed '0,/^sig   = \*:64:0:\*:mss\*20,10:mss,sok,ts,nop,ws:df,id+:0/s//&\n&/' $FP ;;
    9) sed '0,/^sig   = \*:64:0:\*:mss\*20,10/s//sig   = *:64:0:77777:mss*20,10/' $FP ;;
    10) sed '0,/^sig   = \*:64:0:\*:mss\*20,10/s//sig   = *:64:0:*:mss*999,10/' $FP ;;
    11) sed '0,/^sig   = \*:64:0:\*:mss\*20,10/s//sig   = *:64:0:*:mss*20,99/' $FP ;;
    12) sed '0,/^sig   = \*:64:0:\*:mss\*20,10:mss,sok,ts,nop,ws:df,id+:0/s//sig   = *:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:7/' $FP ;;
    13) printf 'classes = win,unix,other\n\n' ;;
    14) sed '0,/^sig   = 1:Host,User-Agent/s//sig   = 7:Host,User-Agent/' $FP ;;
    15) sed '0,/^label = s:unix:Linux:3.11 and newer/s//label = s:unix:Linux/' $FP ;;
    16) sed '0,/^sig   = \*:64:0:\*:mss\*20,10/s//sig   = 6:64:0:*:mss*20,10/' $FP ;;
    17) sed '0,/^sig   = \*:64:0:\*:mss\*20,10:mss,sok,ts,nop,ws:df,id+:0/s//sig   = 6:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0/' $FP ;;
    18) sed '0,/^sig   = \*:64:0:\*:mss\*20,10:mss,sok,ts,nop,ws:df,id+:0/s//sig   = *:64:0:*:mss*20,10:mss,eol+1,sok:df,id+:0/' $FP ;;
    19) sed '0,/^label = s:unix:Linux:3.11 and newer/s//sig   = *:64:0:*:1,1:mss::0\n&/' $FP ;;
    20) sed '0,/^label = s:unix:Linux:3.11 and newer/s//sys   = Windows\n&/' $FP ;;
  esac > $out
  echo $out
}

bad_start() {
  case $(rnd 1 16) in
    1|2|3|4|5) P0F -i lo -f "$(mkfp $(rnd 1 20))" ;;
    6) P0F -i lo -f $T/fp/missing.fp ;;
    7) P0F -i r31a-nosuchif -f $FP ;;
    8) P0F -i lo -f $FP -S 0 -s $SOCK ;;
    9) P0F -i lo -f $FP -m $(rnd 0 9),zero ;;
    10) P0F -i lo -f $FP 'tcp and (' ;;
    11) P0F -i lo -f $FP -d ;;
    12) P0F -i lo -f $FP -u r31a-nosuchuser ;;
    13) P0F -i lo -f $FP -r $T/fp/missing.pcap ;;
    14) P0F -i lo -f $FP -S 5 ;;
    15) P0F -i lo -f $FP -Z ;;
    16) P0F -i lo -f $FP -t 0,0 ;;
  esac
}

good_session() {
  ip netns exec $NS ip link set lo mtu $(shuf -n1 -e 1500 1500 1492 1480 1454 1400 9000 65536)
  local args=(-i lo -f $FP -s $SOCK)
  case $(rnd 1 5) in
    1) args+=(-m $(rnd 3 8),$(rnd 4 12)) ;;
    2) args+=(-S $(rnd 2 6)) ;;
    3) args+=(-o $T/p0f.obs.log) ;;
  esac
  [ $(rnd 1 3) = 1 ] && args+=("tcp and not port 22")
  rm -f $SOCK
  ( ip netns exec $NS stdbuf -oL -eL p0f "${args[@]}" >>"$RAW" 2>&1 & echo $! > $T/p0f.pid; wait )&
  sleep 1
  ip netns exec $NS $PY "$HERE/drive.py" $(rnd 4 12) $SOCK 2>>$T/drive.err
  sleep 1
  kill -$(shuf -n1 -e INT INT TERM HUP) "$(cat $T/p0f.pid)"
  sleep 1
  wait
}

N=${1:-12}
for i in $(seq "$N"); do
  for j in $(seq $(rnd 0 3)); do bad_start; done
  [ $(rnd 1 8) = 1 ] && P0F -L
  good_session
done
rm -f $SOCK
ip netns del $NS
