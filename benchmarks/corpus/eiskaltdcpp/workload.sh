#!/bin/bash
# randomised restart workload for eiskaltdcpp-daemon; its daemon log is written with -S
D=$(cd "$(dirname "$0")" && pwd); B=/tmp/round34-r34g/eisk
LOG=$B/daemon.log
rm -rf $B/conf $B/local $B/dl $B/logs; rm -f $LOG
mkdir -p $B/conf $B/local $B/dl $B/logs
cp $D/DCPlusPlus.xml $B/conf/
n=$((RANDOM % 30 + 140))
for i in $(seq $n); do
  conf=$B/conf/; loc=$B/local/
  case $((RANDOM % 12)) in
    0) conf=$B/missing-conf-$RANDOM/ ;;          # config directory that does not exist
    1) loc=$B/missing-local-$RANDOM/ ;;          # local data directory that does not exist
    2) conf=$B/missing-conf-$RANDOM/; loc=$B/missing-local-$RANDOM/ ;;
  esac
  extra=""
  [ $((RANDOM % 2)) = 0 ] && extra="-v"
  [ $((RANDOM % 3)) = 0 ] && extra="$extra -D"
  eiskaltdcpp-daemon -d $extra -S $LOG -P 45030 -L 127.0.0.1 -c $conf -l $loc -p $B/pid >/dev/null 2>&1
  sleep 0.$((RANDOM % 9 + 1))
  for k in 1 2 3 4 5 6 7 8 9 10; do [ -s $B/pid ] && break; sleep 0.2; done
  P=$(cat $B/pid 2>/dev/null); rm -f $B/pid
  # a few JSON-RPC calls while it runs (some malformed)
  for j in $(seq $((RANDOM % 4))); do
    m=$(shuf -n1 -e show.version hub.list show.ratio hash.status no.such.method)
    curl -s -m 2 -d "{\"jsonrpc\":\"2.0\",\"id\":$j,\"method\":\"$m\",\"params\":{}}" http://127.0.0.1:45030/ >/dev/null 2>&1
  done
  [ $((RANDOM % 5)) = 0 ] && curl -s -m 2 -d '{broken json' http://127.0.0.1:45030/ >/dev/null 2>&1
  sleep 0.$((RANDOM % 9))
  sig=$(shuf -n1 -e TERM TERM TERM INT INT QUIT)
  [ -n "$P" ] && kill -$sig $P 2>/dev/null
  for k in $(seq 30); do [ -n "$P" ] && kill -0 $P 2>/dev/null || break; sleep 0.2; done
  [ -n "$P" ] && kill -9 $P 2>/dev/null
  rm -rf $B/missing-conf-* $B/missing-local-*
done
cp $LOG $D/eiskaltdcpp.log
