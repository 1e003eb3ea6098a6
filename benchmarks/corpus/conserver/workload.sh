#!/bin/bash
# Randomised workload for conserver (-D debug, -v verbose; stdout+stderr captured).
cd "$(dirname "$0")"
T=tmp; mkdir -p $T; chmod 777 $T
LOG=$T/raw.log; : > $LOG
CC=./cclient.py
RAW=./rawclient.py
CONSOLES=(shell1 shell2 tcp1 tcp2 roonly)

start_dev() {
  python3 tcpdev.py $1 >/dev/null 2>&1 & echo $! > $T/dev.$1.pid
  for i in $(seq 50); do ss -ltn | grep -q "127.0.0.1:$1 " && break; sleep 0.1; done
}
stop_dev() { [ -f $T/dev.$1.pid ] && kill $(cat $T/dev.$1.pid) 2>/dev/null; rm -f $T/dev.$1.pid; }

cp conserver.cf $T/conserver.cf
start_dev 45301; start_dev 45302

# a syntax check of a broken config first
printf 'console broken {\n\ttype nonsense;\n\tport abc;\n}\nfrobnicate * { }\n' > $T/bad.cf
conserver -S -D -C $T/bad.cf -P conserver.passwd >>$LOG 2>&1

conserver -D -v -C $T/conserver.cf -P conserver.passwd -M 127.0.0.1 -p 45300 -b 45310 -m 3 -E >>$LOG 2>&1 &
CS=$!; echo $CS > $T/conserver.pid
sleep 2

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
cc() { timeout 25 $CC "$@" >/dev/null 2>&1; }

for act in $(shuf -i 0-19) 21 20 $(for i in $(seq 14); do echo $((RANDOM % 22)); done); do
  c=$(pick "${CONSOLES[@]}")
  case $act in
    0|1) cc alice a1 $c -- "send:echo hello $RANDOM\r" esc:w quit ;;
    2) cc bob b2 $c -- "send:uptime\r" esc:i esc:u quit ;;
    3) cc alice wrongpw $c ;;
    4) cc mallory whatever $c ;;
    5) cc carol anything $c ;;
    6) cc bob b2 $c -- sleep:3 quit & B=$!; sleep 1; cc alice a1 -s $c -- sleep:1 quit; wait $B ;;
    7) cc bob b2 $c -- sleep:3 quit & B=$!; sleep 1; cc alice a1 -f $c -- "send:forced\r" quit; wait $B ;;
    8) cc alice a1 roonly -- "send:try to write\r" esc:a quit ;;
    9) cc alice a1 $(pick -w -i -x -u -P -r -W -I) ;;
    10) cc alice a1 -b "maintenance at $RANDOM" ;;
    11) cc bob b2 shell1 -- sleep:2.5 quit & B=$!; sleep 1; cc alice a1 -t bob@shell1 "hello bob"; cc alice a1 -d bob@shell1; wait $B ;;
    12) cc alice a1 -z $(pick reconfig up newlogs bringup pid version) ;;
    13) cc alice a1 tcp2 -- "send:abc\r" sleep:1 & B=$!; sleep 1; stop_dev 45302; sleep 1.5; wait $B; start_dev 45302; cc alice a1 -z up ;;
    14) cc alice a1 $c -- esc:d sleep:0.5 esc:o quit ;;
    15) cc alice a1 $c -- 'esc:?' esc:l1 'esc:e^Ec' quit ;;
    16) $RAW 45300 help "login nobody" "pass x" >/dev/null 2>&1 ;;
    17) $RAW 45300 "$(pick 'garbage line' 'call' 'master' 'exit' '\x01\x02\x03\xff')" "groups" >/dev/null 2>&1 ;;
    18) $RAW $(pick 45310 45311 45312) "login alice" "pass a1" "call nosuch" "info" "exit" >/dev/null 2>&1 ;;
    19) cc alice a1 nosuch ;;
    20) if [ $((RANDOM % 2)) = 0 ]; then
          printf 'console tcp3 {\n\ttype host;\n\thost 127.0.0.1;\n\tport 45303;\n}\n' >> $T/conserver.cf
        else cp conserver.cf $T/conserver.cf; fi
        kill -HUP $CS ;;
    21) kill -$(pick USR1 USR2) $CS ;;
  esac
  sleep 0.$((RANDOM % 5))
done
sleep 1
if [ $((RANDOM % 2)) = 0 ]; then cc alice a1 -q; sleep 1; fi
kill -TERM $CS 2>/dev/null
for i in $(seq 30); do kill -0 $CS 2>/dev/null || break; sleep 0.2; done
stop_dev 45301; stop_dev 45302
head -n 2500 $LOG > conserver.log
wc -l $LOG conserver.log
