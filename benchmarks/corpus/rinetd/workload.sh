#!/bin/bash
# Randomised workload for rinetd: backends, forwarding rules (tcp/udp, allow/deny),
# many concurrent clients, backends dying, SIGHUP reloads, restarts, fd exhaustion, shutdown.
D=/work/round30/rinetd
cd $D
mkdir -p run
rm -f rinetd.log run/*
PIDS=()

conf() {  # $1 = variant
cat > run/rinetd.conf <<EOC
logfile $D/rinetd.log
pidlogfile $D/run/rinetd.pid
allow 127.0.0.*
deny 127.0.0.17
127.0.0.1 32001 127.0.0.1 32101
127.0.0.1 32002 127.0.0.1 32102
127.0.0.1 32003 127.0.0.1 32199
127.0.0.1 32004 127.0.0.1 32101
allow 127.0.0.1
allow 127.0.0.$((RANDOM % 4 + 2))
127.0.0.1 32005 127.0.0.1 32101
deny 127.0.0.$((RANDOM % 3 + 2))
deny 127.0.0.9
127.0.0.1 32006/udp 127.0.0.1 32103/udp [timeout=$((RANDOM % 2 + 1))]
EOC
if [ "$1" = b ]; then
  echo "127.0.0.1 32007 127.0.0.1 32102 [src=127.0.0.5]" >> run/rinetd.conf
else
  echo "127.0.0.1 32007 127.0.0.1 32101" >> run/rinetd.conf
fi
}

start_backend() { python3 backend.py "$1" "$2" & echo $! > run/be_$1_$2.pid; }
stop_backend() { [ -f run/be_$1_$2.pid ] && kill $(cat run/be_$1_$2.pid) 2>/dev/null; rm -f run/be_$1_$2.pid; }
start_rinetd() { ( ulimit -n ${1:-1024}; exec /usr/sbin/rinetd -f -c run/rinetd.conf ) 2>>run/rinetd.stderr & echo $! > run/rinetd.main; sleep 0.5; }
stop_rinetd() { kill $(cat run/rinetd.main) 2>/dev/null; wait $(cat run/rinetd.main) 2>/dev/null; }
clients() { # $1 = parallel clients, $2 = actions each
  local cp=()
  for i in $(seq 1 $1); do python3 client.py $2 & cp+=($!); done
  wait "${cp[@]}"
}

start_backend echo 32101; start_backend greet 32102; start_backend udp 32103
sleep 0.5
conf a; start_rinetd
clients $((RANDOM % 3 + 3)) $((RANDOM % 40 + 40))
# backend dies
stop_backend echo 32101
clients 3 $((RANDOM % 20 + 20))
start_backend echo 32101; sleep 0.5
# reload with another configuration
conf b; kill -HUP $(cat run/rinetd.main); sleep 0.5
clients $((RANDOM % 3 + 2)) $((RANDOM % 40 + 30))
stop_backend greet 32102; stop_backend udp 32103
clients 2 $((RANDOM % 20 + 15))
start_backend greet 32102; start_backend udp 32103; sleep 0.5
conf a; kill -HUP $(cat run/rinetd.main); sleep 0.5
clients 3 $((RANDOM % 30 + 20))
# restart
stop_rinetd; sleep 0.3
conf b; start_rinetd
clients 4 $((RANDOM % 30 + 20))
sleep 3   # let udp sessions time out
stop_rinetd
# restart with very few descriptors: local socket() failures
start_rinetd 64
NFD=$(ls /proc/$(cat run/rinetd.main)/fd | awk '$1<40' | wc -l)
stop_rinetd
start_rinetd $((NFD + 1))
( for i in $(seq 1 $((RANDOM % 4 + 3))); do python3 -c '
import socket,time,random
ss=[]
for i in range(random.randint(2,6)):
    s=socket.socket(); s.settimeout(2)
    try:
        s.connect(("127.0.0.1",random.choice([32001,32002,32004]))); ss.append(s)
    except OSError: pass
time.sleep(random.random()*0.5)
' & done; wait )
sleep 0.3
stop_rinetd
stop_backend echo 32101; stop_backend greet 32102; stop_backend udp 32103
wc -l rinetd.log
