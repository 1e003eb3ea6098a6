#!/bin/bash
# Randomised workload for the Liquid War server 5.6.5 (Debian liquidwar-server).
# Run as: unshare -n -m bash /work/round43/liquidwar/workload.sh
# The server runs with -netlog (socket messages traced) and -nobeep; its stdout/stderr is the log.
set -m
D=/work/round43/liquidwar
W=/tmp/round43-r43a/lw
rm -rf $W; mkdir -p $W/home $W/tmp $W/run
cd $W || exit 1
export HOME=$W/home TMPDIR=$W/tmp XDG_RUNTIME_DIR=$W/run XDG_CONFIG_HOME=$W/home/.config XDG_CACHE_HOME=$W/home/.cache XDG_DATA_HOME=$W/home/.local/share
ip link set lo up
RAW=$W/raw.log
PY=/usr/bin/python3
r() { echo $(( RANDOM % $1 )); }
P=46300
scen=(ping ping join join join badprog badver badpw garbage drop)
for run in 1 2 3; do
  teams=$(( $(r 2) + 2 ))
  /usr/games/liquidwar-server -$teams -port $P -private -password pw -netlog -nobeep -lag 6 >>$RAW 2>&1 &
  S=$!
  sleep 0.5
  # a second server on the same port fails to bind
  if [ $(r 2) = 0 ]; then
    /usr/games/liquidwar-server -2 -port $P -private -netlog -nobeep >>$RAW 2>&1 & S2=$!; sleep 0.5; kill $S2 2>/dev/null; wait $S2 2>/dev/null
  fi
  for i in $(seq $(( $(r 15) + 35 ))); do
    c=${scen[$(r ${#scen[@]})]}
    if [ $c = join ] && [ $(r 3) = 0 ]; then
      $PY $D/client.py $P join $RANDOM & sleep 0.$(r 5)
    else
      timeout 20 $PY $D/client.py $P $c $RANDOM
    fi
  done
  sleep 2
  kill -INT $S; wait $S 2>/dev/null
  wait
done
sed -n '1,2500p' $RAW > $D/liquidwar.log
wc -l $RAW $D/liquidwar.log
