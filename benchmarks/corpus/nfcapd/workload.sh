#!/bin/bash
# Randomised workload for nfcapd (nfdump 1.7.1): foreground, verbose (-v -v), stdout+stderr captured.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32f/nf
RAW=$W/raw.log
PORT=36100
PY=/usr/bin/python3
mkdir -p $W/flows $W/a $W/b $W/c
run() { # run nfcapd in the foreground-ish (background job), remember pid
  stdbuf -oL -eL nfcapd "$@" >>$RAW 2>&1 &
  echo $! > $W/cur.pid
}
halt() { kill -${1:-TERM} "$(cat $W/cur.pid)" 2>/dev/null; wait "$(cat $W/cur.pid)" 2>/dev/null; }
feed() { $PY $HERE/exporter.py $PORT "$1"; }
for round in $(seq 1 $((RANDOM % 4 + 9))); do
  T=$((RANDOM % 8 + 3))
  case $((RANDOM % 12)) in
    0) run -v -v -p $PORT -w $W/nosuchdir -t $T ;;
    1) run -v -v -p $PORT -w $W/flows -s abc ;;
    2) run -v -v -p $PORT -w $W/flows -P $W/nfcapd.pid -I dup; P1=$(cat $W/cur.pid); sleep 1; run -v -v -p $((PORT + 2)) -w $W/flows -P $W/nfcapd.pid -I dup2; sleep 1; halt; echo $P1 > $W/cur.pid ;;
    3) run -v -v -p $PORT -w $W/flows -t $T -I first; P1=$(cat $W/cur.pid); sleep 1; run -v -v -p $PORT -w $W/flows -t $T -I second; sleep 1; halt; echo $P1 > $W/cur.pid ;;
    4) run -v -v -p $PORT -w $W/flows -B notanumber ;;
    5) run -v -v -p $PORT -w $W/flows -u nosuchuser_r32f ;;
    6) run -v -v -p $PORT -w $W/flows -t 1 ;;
    7) run -v -v -p $PORT -w $W/flows -m $W/no/metric.sock -t $T ;;
    *) : ;;
  esac
  sleep 1; halt
  OPTS=(-v -v -p $PORT -t $T -P $W/nfcapd.pid)
  case $((RANDOM % 5)) in
    0) OPTS+=(-n alpha,127.0.0.2,$W/a -n beta,127.0.0.3,$W/b -n gamma,127.0.0.4,$W/c) ;;
    1) OPTS+=(-w $W/flows -I main -x "/bin/true %d %f" -e) ;;
    2) OPTS+=(-w $W/flows -I main -R 127.0.0.1/$((PORT + 1)) -s -$((RANDOM % 100 + 2))) ;;
    3) OPTS+=(-w $W/flows -I main -S 1 -z -s $((RANDOM % 50 + 1))) ;;
    *) OPTS+=(-w $W/flows -I main) ;;
  esac
  run "${OPTS[@]}"
  sleep 1
  for burst in $(seq 1 $((RANDOM % 4 + 1))); do feed $((RANDOM % 300 + 50)); sleep $((RANDOM % 4)); done
  halt $( [ $((RANDOM % 3)) = 0 ] && echo INT || echo TERM )
  rm -f $W/nfcapd.pid
done
rm -rf $W/flows $W/a $W/b $W/c
