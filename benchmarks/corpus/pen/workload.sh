#!/bin/bash
# Randomised workload for pen (debug level 2, foreground, stderr captured).
cd "$(dirname "$0")"
T=tmp; mkdir -p $T; chmod 777 $T
LOG=$T/raw.log; : > $LOG
PIDS=$T/pids; : > $PIDS
C=./client.py

start_backend() {
  python3 backend.py $1 ${2:-echo} >/dev/null 2>&1 & echo $! > $T/backend.$1.pid; echo $! >> $PIDS
  for i in $(seq 50); do ss -ltn | grep -q "127.0.0.1:$1 " && break; sleep 0.1; done
}
stop_backend() { [ -f $T/backend.$1.pid ] && kill $(cat $T/backend.$1.pid) 2>/dev/null; rm -f $T/backend.$1.pid; }

start_backend 45101; start_backend 45102; start_backend 45104
sleep 0.5

# 1. a start that fails: control port refused as root, listen port already taken
timeout 10 pen -f -d -d -C 127.0.0.1:45198 127.0.0.1:45101 127.0.0.1:45102 2>>$LOG

cat > $T/pen.cfg <<CFG
timeout 2
blacklist $((3 + RANDOM % 4))
tracking 30
bogus_setting 17
server 3 max 0
CFG
[ $((RANDOM % 2)) = 0 ] && echo "roundrobin" >> $T/pen.cfg
[ $((RANDOM % 2)) = 0 ] && echo "include" >> $T/pen.cfg

# 2. the real balancer: 4 backends (45103 not running), emergency server, control port
pen -f -d -d -u nobody -X -F $T/pen.cfg >/dev/null -C 127.0.0.1:45199 -w $T/webstats.html -l $T/access.log \
    -e 127.0.0.1:45104 -x 60 -c 64 -t 2 \
    127.0.0.1:45100 127.0.0.1:45101:20 127.0.0.1:45102 127.0.0.1:45103 2>>$LOG &
PEN=$!; echo $PEN >> $PIDS
sleep 0.5

KINDS=(echo echo http http garbage quick big halfclose idle)
CMDS=("servers" "clients" "conns" "status" "mode" "recent" "idlers" "idle_timeout 5" "timeout"
      "blacklist 2" "blacklist 3 2" "debug" "debug 2" "connection 0" "connection 9999" "close 9999"
      "socket 6" "web_stats $T/webstats2.html" "write" "write $T/saved.cfg" "include"
      "include $T/nonexistent.cfg" "acl 1 permit 127.0.0.1" "acl 1 frobnicate" "acl 2 deny 300.1.2.3"
      "acl 2 deny 127.0.0.1 255.0.0.x" "acl 3 deny 127.0.0.2" "client_acl 3" "no acl 3" "no client_acl"
      "server 2 address 127.0.0.1 port 45103" "server 1 weight 3" "server 0 blacklist 1"
      "ssl_option" "ssl_sni_path" "hash" "no hash" "prio" "no prio" "weight" "no weight" "stubborn" "no stubborn"
      "this is garbage" "\x01\x02\xff" "" "exit now please")

data() { $C data ${KINDS[RANDOM % ${#KINDS[@]}]} "$@" >/dev/null 2>&1; }
ctrl() { $C ctrl "$@" >/dev/null 2>&1; }

for round in $(seq 1 40); do
  r=$((RANDOM % 20))
  case $r in
    0|1|2|3|4|5) data ;;
    6) W=""; for i in 1 2 3; do data & W="$W $!"; done; wait $W ;;
    7|8|9) ctrl "${CMDS[RANDOM % ${#CMDS[@]}]}" ;;
    10) stop_backend $((45101 + RANDOM % 2)) ;;
    11) for p in 45101 45102 45103; do [ -f $T/backend.$p.pid ] || { start_backend $p; break; }; done ;;
    12) kill -USR1 $PEN ;;
    13) kill -HUP $PEN ;;
    14) ctrl "acl 4 deny 127.0.0.2"; ctrl "client_acl 4"; data 127.0.0.2; ctrl "no client_acl" ;;
    15) ctrl "acl 5 permit 127.0.0.1"; ctrl "control_acl 5"; ctrl --src=127.0.0.3 "servers"; ctrl "no control_acl" ;;
    16) stop_backend 45101; stop_backend 45102; data; data; start_backend 45101 ;;
    17) [ -f $T/backend.45103.pid ] || start_backend 45103 slowclose; data; data ;;
    18) ctrl "server $((RANDOM % 4)) max 1"; W=""; for i in 1 2; do $C data idle >/dev/null 2>&1 & W="$W $!"; done; sleep 0.3; data; wait $W ;;
    19) ctrl "stubborn"; stop_backend 45102; data; data; ctrl "no stubborn" ;;
  esac
  sleep 0.$((RANDOM % 4))
done
sleep 1
if [ $((RANDOM % 2)) = 0 ]; then ctrl "exit"; else kill -TERM $PEN; fi
sleep 1
kill $PEN 2>/dev/null
for p in 45101 45102 45103 45104; do stop_backend $p; done
wait $PEN 2>/dev/null
head -n 2500 $LOG > pen.log
wc -l $LOG pen.log
