#!/bin/bash
# Randomised workload for jamnntpd: runs the server on ports 42511-42519 with -debug, logs to jamnntpd.log,
# swaps its per-connection configuration files between good, broken and missing variants, drives
# NNTP sessions (client.py), floods it past -max (hold.py) and restarts it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34b/jam
BASEPORT=42510
LOG=$HERE/jamnntpd.log
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
rm -rf "$RUN"; mkdir -p "$RUN/base" "$RUN/chs"
python3 "$HERE/mkjam.py" $RUN/base/netmail $RUN/base/general $RUN/base/talk $RUN/base/ru $RUN/base/private $RUN/base/local
# broken charset tables
SRC=/usr/share/jamnntpd/xlat/850_iso.chs
grep -v '^;' $SRC | head -0 > $RUN/chs/trunc_id.chs
grep -v '^;' $SRC | head -1 > $RUN/chs/trunc_ver.chs
grep -v '^;' $SRC | head -2 > $RUN/chs/trunc_lvl.chs
grep -v '^;' $SRC | head -3 > $RUN/chs/trunc_src.chs
grep -v '^;' $SRC | head -4 > $RUN/chs/trunc_dst.chs
grep -v '^;' $SRC | sed '3s/.*/3/' > $RUN/chs/level3.chs
grep -v '^;' $SRC | head -60 > $RUN/chs/trunc_tab.chs
grep -v '^;' $SRC | head -5 > $RUN/chs/weird.chs
for i in $(seq 1 128); do
  case $((RANDOM % 60)) in
    0) echo '\q	\xC7' ;; 1) echo 'abc	\xFC' ;; 2) echo 'a b c d e' ;; *) echo '\0	\xE9' ;;
  esac
done >> $RUN/chs/weird.chs
use() { cp "$HERE/$1" "$RUN/$2"; }
setgood() { use groups.ok groups; use allow.ok allow; use users.ok users; use xlat.ok xlat; }
start() {
  /usr/sbin/jamnntpd -port $PORT -max 4 -debug -noecholog -groups $RUN/groups -allow $RUN/allow \
    -users $RUN/users -xlat $RUN/xlat -logfile "$LOG" -echomailjam "$ECHO" $EXTRA > /dev/null 2>&1 &
  PID=$!; echo $PID > $RUN/jamnntpd.pid; sleep 0.5
}
stop() { kill -INT $PID 2>/dev/null; wait $PID 2>/dev/null; }
rm -f "$LOG"
setgood
for round in $(seq 1 ${ROUNDS:-6}); do
  PORT=$((BASEPORT + round))   # a fresh port per run: the old one sits in TIME_WAIT
  ECHO=$RUN/echomail.jam; [ $((RANDOM % 4)) = 0 ] && ECHO=$RUN/nodir/echomail.jam
  EXTRA=""; [ $((RANDOM % 2)) = 0 ] && EXTRA="-readorigin -smartquote"
  start
  for phase in $(seq 1 $((4 + RANDOM % 6))); do
    setgood
    # reading some articles crashes the server: restart it on the next port
    if ! kill -0 $PID 2>/dev/null; then BASEPORT=$((BASEPORT + 10)); PORT=$((BASEPORT + round)); start; fi
    case $((RANDOM % 22)) in
      0) use groups.bad groups ;;
      1) rm -f $RUN/groups ;;
      2) use groups.empty groups ;;
      3) rm -f $RUN/allow ;;
      4) rm -f $RUN/users ;;
      5) use users.bad users ;;
      6) use xlat.bad xlat ;;
      7) rm -f $RUN/xlat ;;
      8) use xlat.nopost xlat ;;
      9) python3 "$HERE/hold.py" $PORT $((5 + RANDOM % 3)) 2 & HOLD=$!
         sleep 1; python3 "$HERE/client.py" $PORT $((1 + RANDOM % 3)) $RANDOM; wait $HOLD ;;
    esac
    python3 "$HERE/client.py" $PORT $((3 + RANDOM % 25)) $RANDOM
  done
  if [ $((RANDOM % 2)) = 0 ]; then
    python3 "$HERE/hold.py" $PORT $((1 + RANDOM % 3)) 3 & HOLD=$!
    sleep 1; stop; wait $HOLD
  else
    stop
  fi
done
setgood
