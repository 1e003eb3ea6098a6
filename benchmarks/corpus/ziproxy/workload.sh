#!/bin/bash
# Randomised workload for ziproxy (daemon on 127.0.0.1:41800, upstream test server on 127.0.0.1:41801).
cd "$(dirname "$0")"
CONF=$PWD/run/ziproxy.conf
LOG=run/ziproxy.log
SEED=${SEED:-$RANDOM}; RANDOM=$SEED; echo "seed $SEED"
rm -f run/ziproxy.pid; : > "$LOG"
[ -f www/index.html ] || /usr/bin/python3 make_www.py www     # upstream content

up_start() { python3 upstream.py 127.0.0.1 41801 www >/dev/null 2>&1 & echo $! > upstream.pid; sleep 0.5; }
up_stop() { [ -s upstream.pid ] && kill "$(cat upstream.pid)" 2>/dev/null; : > upstream.pid; sleep 0.3; }
zp_start() { ziproxy -d -c "$CONF"; sleep 1; cp run/ziproxy.pid zp.pid 2>/dev/null; }
zp_stop() { ziproxy -k -c "$CONF"; sleep 0.5; }
drive() { timeout 120 python3 http_driver.py $RANDOM "$1" "$2" $3 2>>driver.err; }

up_start
zp_start
for round in $(seq 1 ${ROUNDS:-24}); do
    drive $((4 + RANDOM % 8)) $((1 + RANDOM % 4))
    case $((RANDOM % 9)) in
        0) up_stop; drive $((4 + RANDOM % 6)) 2; up_start ;;          # upstream dies, comes back
        1) zp_stop; zp_start ;;                                       # restart proxy
        2) zp_start ;;                                                # second start: PID file exists
        3) cp run/ziproxy.pid run/pid.bak; rm -f run/ziproxy.pid; ziproxy -d -c "$CONF"; sleep 1; mv run/pid.bak run/ziproxy.pid ;;  # port busy
        4) drive 12 12 slow ;;                                        # burst over MaxActiveUserConnections
        5) kill -TERM "$(cat run/ziproxy.pid)"; sleep 0.5; rm -f run/ziproxy.pid; zp_start ;;  # plain SIGTERM
        6) up_stop; up_start ;;
        *) ;;
    esac
done
zp_stop
ziproxy -k -c "$CONF"          # stop again: no PID file
up_stop
wc -l "$LOG"
head -n 2500 "$LOG" > ziproxy.log
