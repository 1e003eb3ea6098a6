#!/bin/bash
# Randomised workload for gkrellmd (Debian gkrellmd). Log: --logfile, debug level all bits but 0x2.
HERE=$(cd "$(dirname "$0")" && pwd)
G=/tmp/round35-r35d/g
PORT=47500; MBPORT=47503
LOG=$G/gkrellmd.raw
mkdir -p $G/home $G/md/new $G/md/cur $G/md/tmp $G/mh
chmod 755 $G $G/home
rm -f $LOG
export HOME=$G/home
R() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
mail() { printf 'From u%d@example.org Mon Dec  7 0%d:00:00 2026\nSubject: s\n%s\nbody\n\n' $(R 1 99) $(R 0 9) "$([ $(R 0 1) = 0 ] && echo 'Status: RO')" >> $G/mbox; }
client() { timeout 30 python3 $HERE/gkclient.py "$@" >/dev/null 2>&1; }
start() {
  ARGS=(-P $PORT --debug-level 0xfffffffd --logfile $LOG -m $(R 1 3) -u $(R 1 5))
  case $(R 0 3) in 0) ARGS+=(-c -a 10.0.0.0/8);; 1) ARGS+=(-c -a 127.0.0.1);; *) ARGS+=(-c -a 127.0.0.*);; esac
  [ $(R 0 1) = 0 ] && ARGS+=(--mailbox $G/mbox)
  [ $(R 0 2) = 0 ] && ARGS+=(--mailbox $G/md)
  for i in $(seq $(R 1 9)); do ARGS+=(--mailbox $G/nombox$i); done
  [ $(R 0 3) = 0 ] && ARGS+=(--mailbox $G/mh)
  [ $(R 0 4) != 0 ] && ARGS+=(--mbmon-port $MBPORT)
  [ $(R 0 3) = 0 ] && ARGS+=(--io-timeout $(R 2 5))
  [ $(R 0 4) = 0 ] && ARGS+=(--pidfile $G/nodir/gkrellmd.pid)
  [ $(R 0 4) = 0 ] && ARGS+=(--pidfile $G/gkrellmd.pid)
  gkrellmd "${ARGS[@]}" > /dev/null 2>&1 < /dev/null &
  PID=$!; echo $PID >> $G/pids; sleep 1
}
MB=
mbmon() {
  [ -n "$MB" ] && { kill $MB 2>/dev/null; wait $MB 2>/dev/null; MB=; }
  case $(R 0 2) in
    0) ;;
    1) python3 $HERE/fake_mbmon.py $MBPORT & MB=$!; echo $MB >> $G/pids ;;
    2) python3 $HERE/fake_mbmon.py $MBPORT comma & MB=$!; echo $MB >> $G/pids ;;
  esac
  sleep 0.3
}
: > $G/mbox; mail
for round in $(seq ${ROUNDS:-10}); do
  mbmon
  start
  case $(R 0 5) in
    0) gkrellmd -P $PORT --debug-level 0x1 --logfile $LOG >/dev/null 2>&1 </dev/null ;;
    1) gkrellmd -P $PORT -A 300.1.2.$(R 1 9) --debug-level 0x80 --logfile $LOG >/dev/null 2>&1 </dev/null ;;
  esac
  for step in $(seq $(R 3 14)); do
    case $(R 0 11) in
      0|1|2) client $PORT good $(R 2 12) ;;
      3) client $PORT bad 1 ;;
      4) client $PORT silent 1 ;;
      5) CP=; for i in $(seq $(R 2 5)); do client $PORT good $(R 2 4) & CP="$CP $!"; done; wait $CP ;;
      6) mail; client $PORT good $(R 3 8) ;;
      7) : > $G/mbox; sleep $(R 1 5) ;;
      8) chmod 600 $G/mbox; chown root $G/mbox; sleep $(R 5 7); chmod 644 $G/mbox ;;
      9) echo x > $G/md/new/$RANDOM; echo y > $G/mh/$(R 1 50); sleep $(R 1 6) ;;
      10) client $PORT good 1 ::1 ;;
      11) mbmon; sleep $(R 1 4) ;;
    esac
  done
  kill -$(case $(R 0 2) in 0) echo TERM;; 1) echo INT;; 2) echo QUIT;; esac) $PID
  wait $PID 2>/dev/null
done
[ -n "$MB" ] && kill $MB
