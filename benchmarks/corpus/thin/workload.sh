#!/bin/bash
# Randomised workload for Thin 1.8.1 on 127.0.0.1:25080 (daemonised, -D, log file thin.log;
# output of the thin control commands is appended to the same file).
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31f/thin
LOG=$HERE/thin.log
PID=$RUN/thin.pid
mkdir -p $RUN; cd $HERE
R() { echo $(( RANDOM % $1 )); }
PATHS=(/ / / / /items/5 /items/61 /items/980 /echo /echo /slow /slow /redirect /big /missing /robots.txt /error /nomethod /nilbody /badstatus)
RAW=(garbage garbage longheader longuri idle partial slowbody reset keepalive keepalive keepalive)
OPTS="-a 127.0.0.1 -p 25080 -R config.ru -l $LOG -P $PID -c $HERE"
# control commands tail their -l file to stdout, so they get /dev/null (else the log would feed itself)
COPTS="-a 127.0.0.1 -p 25080 -R config.ru -l /dev/null -P $PID -c $HERE"

start() { thin start $OPTS -d "$@" >>$LOG 2>&1; sleep 2; }
traffic() {
  for i in $(seq 1 $1); do
    p=${PATHS[$(R ${#PATHS[@]})]}
    case $p in
      /echo) curl -s -m 5 -o /dev/null -d "v=$RANDOM" http://127.0.0.1:25080$p ;;
      /error|/nomethod|/nilbody|/badstatus) [ $(R 3) = 0 ] && curl -s -m 5 -o /dev/null "http://127.0.0.1:25080$p?id=$RANDOM" ;;
      *) curl -s -m 5 -o /dev/null -A "wl/$(R 4)" "http://127.0.0.1:25080$p?q=$RANDOM" ;;
    esac
    [ $(R 8) = 0 ] && (python3 rawclient.py 25080 ${RAW[$(R ${#RAW[@]})]} >/dev/null 2>&1 &)
  done
}
flags() { local f="-D"; [ $(R 2) = 0 ] && f="$f --threaded"; [ $(R 3) = 0 ] && f="$f --max-conns $((16 + $(R 100)))"; [ $(R 3) = 0 ] && f="$f --timeout $((2 + $(R 5)))"; echo $f; }

: > $LOG
# broken invocations
thin start -a 127.0.0.1 -p 25080 -R missing.ru -D >>$LOG 2>&1
thin start -a 127.0.0.1 -p 25080 -r nosuchlib -D >>$LOG 2>&1
thin start -a 127.0.0.1 -p 25080 -R config.ru -D --no-such-flag >>$LOG 2>&1
start $(flags)
thin start $OPTS -d -D >>$LOG 2>&1        # already running
for round in $(seq 1 ${ROUNDS:-30}); do
  traffic $(( 4 + $(R 30) ))
  case $(R 12) in
    0) thin restart $COPTS -d $(flags) >>$LOG 2>&1; sleep 2 ;;
    1) kill -HUP $(cat $PID); sleep 3 ;;                   # restart in place
    2) kill -USR1 $(cat $PID); sleep 1 ;;                  # reopen log
    3) (curl -s -m 8 -o /dev/null http://127.0.0.1:25080/hang &); sleep 0.5
       thin stop -l /dev/null -P $PID -t $((1 + $(R 3))) >>$LOG 2>&1; sleep 1; start $(flags) ;;
    4) thin stop -l /dev/null -P $PID >>$LOG 2>&1; sleep 1; start $(flags) ;;
    5) kill -INT $(cat $PID); sleep 2; start $(flags) ;;
    6) kill -KILL $(cat $PID); sleep 1; start $(flags) ;;  # leaves a stale pid file
    7) thin stop -l /dev/null -P $RUN/none.pid >>$LOG 2>&1 ;;
    *) : ;;
  esac
  sleep $(R 3)
done
(curl -s -m 8 -o /dev/null http://127.0.0.1:25080/hang &); sleep 0.5
kill -QUIT $(cat $PID); sleep 3
thin stop -l /dev/null -P $PID -f >>$LOG 2>&1
