#!/bin/bash
# Randomised workload for microsocks 1.0.3 (Debian): runs the server several times with
# different options on 127.0.0.1:35601-35609, drives it with client.py; stderr -> microsocks.log
cd "$(dirname "$0")"
LOG=${LOG:-/tmp/round32-r32e/microsocks.raw.log}
: > "$LOG"
python3 client.py peers 35610 35611 35612 35613 & PEERS=$!
sleep 1
r() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
start() { microsocks "$@" 2>>"$LOG" & MS=$!; sleep 0.3; }
stop() { kill $MS 2>/dev/null; wait $MS 2>/dev/null; }
for round in $(seq 1 $(r 30 38)); do
  port=$((35601 + RANDOM % 5))
  case $(r 1 13) in
    1|2|3|4) start -i 127.0.0.1 -p $port; python3 client.py run $port $(r 20 160); stop ;;
    5|6) start -i 127.0.0.1 -p $port -u alice -P s3cret; python3 client.py run $port $(r 20 120) alice s3cret; stop ;;
    7) start -1 -i 127.0.0.1 -p $port -u bob -P hunter2; python3 client.py run $port $(r 20 100) bob hunter2; stop ;;
    8) start -i 127.0.0.1 -p $port -b 127.0.0.1; python3 client.py run $port $(r 10 80); stop ;;
    9) start -i 127.0.0.1 -p $port -b 192.0.2.$(r 1 254); python3 client.py run $port $(r 3 25); stop ;;
    10) ( ulimit -n 10; exec microsocks -i 127.0.0.1 -p $port 2>>"$LOG" ) & MS=$!; sleep 0.3
        python3 client.py emfile $port 5 $(r 2 20); stop ;;
    11) start -i 127.0.0.1 -p $port; microsocks -i 127.0.0.1 -p $port 2>>"$LOG"
        python3 client.py run $port $(r 5 40); stop ;;
    12|13) case $(r 1 7) in
          1) microsocks -i 127.0.0.1 -p 2>>"$LOG" ;;
          2) microsocks -u carol -i 127.0.0.1 -p $port 2>>"$LOG" ;;
          3) microsocks -P nopass -i 127.0.0.1 -p $port 2>>"$LOG" ;;
          4) microsocks -1 -i 127.0.0.1 -p $port 2>>"$LOG" ;;
          5) microsocks -x 2>>"$LOG" ;;
          6) microsocks -i 256.1.1.1 -p $port 2>>"$LOG" ;;
          7) microsocks -i 127.0.0.1 -p $port -b 2>>"$LOG" ;;
        esac ;;
  esac
done
kill $PEERS; wait $PEERS 2>/dev/null
wc -l "$LOG"
