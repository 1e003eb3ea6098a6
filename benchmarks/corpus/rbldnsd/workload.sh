#!/bin/bash
# Randomised workload for rbldnsd (Debian 1.0~20210120). Foreground (-n), query log to stdout (-l +-),
# stdout+stderr appended to the log. UDP port 46050 (46051 for a refused second instance).
# Usage: workload.sh OUTLOG [SESSIONS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round35-r35a/rbl/rbldnsd.raw.log}
SESSIONS=${2:-4}
D=/tmp/round35-r35a/rbl/data
mkdir -p "$D"; : > "$LOG"
Z="bl.r35a:ip4set:bl.ip4 dbl.r35a:dnset:dbl.dn trie.r35a:ip4trie:trie.ip4 set.r35a:ip4tset:set.ip4 v6.r35a:ip6trie:v6.trie gen.r35a:generic:gen.txt comb.r35a:combined:comb.txt"
FILES=(bl.ip4 dbl.dn trie.ip4 set.ip4 v6.trie gen.txt comb.txt)
fail() { timeout 5 rbldnsd -n "$@" >> "$LOG" 2>&1; }
for s in $(seq 1 "$SESSIONS"); do
  CLEAN=1 python3 "$HERE/gendata.py" "$D"
  opts=(-n -b 127.0.0.1/46050 -w "$D" -l +- -c 1)
  (( RANDOM % 3 == 0 )) && opts+=(-f)
  (( RANDOM % 3 == 0 )) && opts+=(-t "$((RANDOM % 3000 + 60))")
  (( RANDOM % 4 == 0 )) && opts+=(-a)
  rbldnsd "${opts[@]}" $Z >> "$LOG" 2>&1 & PID=$!
  echo $PID > /tmp/round35-r35a/rbl/server.pid
  sleep 1
  # a second instance on the same address cannot bind
  (( RANDOM % 2 )) && fail -b 127.0.0.1/46050 -w "$D" $Z
  for step in $(seq 1 $((RANDOM % 15 + 12))); do
    r=$((RANDOM % 100))
    if   (( r < 40 )); then python3 "$HERE/query.py" $((RANDOM % 30 + 3)) 46050
    elif (( r < 60 )); then python3 "$HERE/gendata.py" "$D" ${FILES[RANDOM % 7]} ${FILES[RANDOM % 7]}; sleep 1.3
    elif (( r < 68 )); then kill -USR1 $PID; sleep 0.2
    elif (( r < 73 )); then kill -USR2 $PID; sleep 0.2
    elif (( r < 80 )); then kill -HUP $PID; sleep 0.5
    elif (( r < 86 )); then f=${FILES[RANDOM % 7]}; chmod 000 "$D/$f"; touch "$D/$f"; sleep 1.3; chmod 644 "$D/$f"; touch "$D/$f"; sleep 1.3
    elif (( r < 90 )); then f=${FILES[RANDOM % 7]}; mv "$D/$f" "$D/$f.away"; sleep 1.3; mv "$D/$f.away" "$D/$f"; sleep 1.3
    else python3 "$HERE/query.py" $((RANDOM % 80 + 20)) 46050
    fi
  done
  kill -TERM $PID; wait $PID
  # start-up failures
  case $((RANDOM % 8)) in
    0) fail -b 127.0.0.1/46051 -w "$D" bl.r35a:ip4set:missing.ip4 ;;
    1) fail -b 127.0.0.1/46051 -w "$D" bl.r35a:nosuchtype:bl.ip4 ;;
    2) fail -b 127.0.0.1/46051 -w "$D" -t "$((RANDOM % 9))x" $Z ;;
    3) fail -b no-such-host-$s.invalid/46051 -w "$D" $Z ;;
    4) fail -b 127.0.0.1/46051 -w "$D" -F nofacility $Z ;;
    5) fail -b 127.0.0.1/46051 -u nosuchuser$s -w "$D" $Z ;;
    6) fail -w "$D" $Z ;;
    7) fail -b 127.0.0.1/46051 -w "$D/nonexistent" $Z ;;
  esac
done
