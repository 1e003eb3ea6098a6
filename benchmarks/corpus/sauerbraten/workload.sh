#!/bin/bash
# Randomised workload for the Cube 2 dedicated server (cube2-server), ports 47010-47025.
# Usage: workload.sh OUTLOG
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/sauerbraten.raw.log}
RUN=/tmp/round35-r35c/sauer
PORT=47010 MPORT=47020
mkdir -p $RUN/home $RUN/pkgs
: > "$OUT"
MPID=
start_master() { MPID=$(python3 $HERE/fakemaster.py $MPORT >/dev/null 2>&1 & echo $!); sleep 0.3; }
stop_master() { [ -n "$MPID" ] && kill $MPID 2>/dev/null; MPID=; }
write_cfg() {
  {
    echo 'serverdesc "r35c test"'
    [ $((RANDOM % 4)) = 0 ] && echo 'serverpass "s3cret"' || echo 'serverpass ""'
    echo 'adminpass "adm1n"'
    echo "maxclients $((RANDOM % 4 + 2))"
    echo 'mastername "127.0.0.1"'
    echo "masterport $MPORT"
    [ $((RANDOM % 3)) = 0 ] && echo "maxclients $((RANDOM % 50 + 200))"
    [ $((RANDOM % 3)) = 0 ] && echo "serverbotlimit $((RANDOM % 3))"
    [ $((RANDOM % 3)) = 0 ] && echo "no_such_setting_$((RANDOM % 9)) 1"
  } > $RUN/home/server-init.cfg
}
SPID=
start_server() {
  local extra=()
  [ $((RANDOM % 3)) = 0 ] && extra+=("-k$RUN/pkgs")
  [ $((RANDOM % 4)) = 0 ] && extra+=("-x$((RANDOM % 9))")
  SPID=$(/usr/lib/cube2/cube2_server -q$RUN/home -j$PORT -m127.0.0.1 "${extra[@]}" >> "$OUT" 2>&1 & echo $!)
  sleep 1
}
stop_server() { kill -INT $SPID 2>/dev/null; sleep 0.5; kill $SPID 2>/dev/null; while kill -0 $SPID 2>/dev/null; do sleep 0.2; done; SPID=; }
client() { timeout 25 python3 $HERE/sauerclient.py $PORT "$@" 2>/dev/null; }
ROUNDS=${ROUNDS:-9}
for r in $(seq 1 $ROUNDS); do
  write_cfg
  [ $((RANDOM % 4)) != 0 ] && start_master
  start_server
  n=$((RANDOM % 60 + 30))
  for i in $(seq 1 $n); do
    p=$((RANDOM % 100))
    if   [ $p -lt 45 ]; then client chat
    elif [ $p -lt 55 ]; then client chatabort
    elif [ $p -lt 63 ]; then client badpass
    elif [ $p -lt 70 ]; then client garbage
    elif [ $p -lt 75 ]; then client overread
    elif [ $p -lt 82 ]; then client junk
    elif [ $p -lt 88 ]; then client quick
    elif [ $p -lt 93 ]; then client idle &
    elif [ $p -lt 97 ]; then for k in 1 2 3 4 5 6 7; do client chat & done; wait
    else client chat 127.0.0.$((RANDOM % 5 + 2)); fi
  done
  wait
  [ $((RANDOM % 2)) = 0 ] && sleep ${STATUSWAIT:-62}   # let the bandwidth status line appear
  stop_server
  stop_master
done
