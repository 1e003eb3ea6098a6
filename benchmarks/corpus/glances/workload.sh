#!/bin/bash
# Randomised workload for Glances 3.3.1 in XML-RPC server mode and web (REST) mode, ports 37210-37217
D=$(cd "$(dirname "$0")" && pwd)
# run everything in a private network namespace with only loopback
if [ -z "$IN_NS" ]; then exec unshare -n env IN_NS=1 bash -c "ip link set lo up; exec bash $D/workload.sh"; fi
T=/tmp/round32-r32i
export XDG_CACHE_HOME=$T/glcache
mkdir -p $XDG_CACHE_HOME/glances
LOG=$XDG_CACHE_HOME/glances/glances.log
: > $LOG
G="/usr/bin/glances -d --disable-plugin cloud,ip -C $D/glances.conf -B 127.0.0.1 --disable-autodiscover --disable-check-update"
PY=/usr/bin/python3
churn() { for k in $(seq 1 $((RANDOM % 4))); do head -c $((RANDOM / 8)) /dev/urandom > $D/mon/a/f$((RANDOM % 3)); done; }
listener() { # sometimes something listens on the monitored port 37217
  if (( RANDOM % 2 )); then $PY -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",37217));s.listen(5);time.sleep(25)' & LPID=$!; else LPID=; fi; }
stopit() { if (( RANDOM % 2 )); then kill -INT $1; else kill -TERM $1; fi; sleep 2; kill -0 $1 2>/dev/null && kill -KILL $1; wait $1 2>/dev/null; }
cd $T
for round in 1 2; do
  # XML-RPC server mode, no password
  listener
  $G -s -p 37210 > $T/gl_srv.out 2>&1 & P=$!; echo $P > $T/glances.pid; sleep 3
  for b in $(seq 1 $((2 + RANDOM % 3))); do churn; $PY $D/client.py 37210 $((4 + RANDOM % 10)) >/dev/null 2>&1; done
  # a second server on the same port fails to bind
  (( RANDOM % 2 )) && $G -s -p 37210 >/dev/null 2>&1
  stopit $P; [ -n "$LPID" ] && kill $LPID 2>/dev/null
  # web server mode (REST API)
  $G -w -t 2 -p 37211 --disable-webui > $T/gl_web.out 2>&1 & P=$!; echo $P > $T/glances.pid; sleep 4
  W=http://127.0.0.1:37211/api/3
  for i in $(seq 1 $((15 + RANDOM % 20))); do
    case $((RANDOM % 16)) in
      0) u=status;; 1) u=pluginslist;; 2) u=all;; 3) u=cpu;; 4) u=mem/used;; 5) u=load/history/3;;
      6) u=nosuchplugin;; 7) u=cpu/nosuchitem;; 8) u=config/global;; 9) u=config/nosection;;
      10) u=args/nosuchargs;; 11) u=all/limits;; 12) u=processlist/pid/1;; 13) u=fs/mnt_point;;
      14) u=network/interface_name/lo;; 15) u=folders/views;;
    esac
    if (( RANDOM % 3 )); then curl -s -o /dev/null --max-time 5 "$W/$u"; else curl -s -o /dev/null --compressed --max-time 5 "$W/$u"; fi
    (( RANDOM % 5 )) || churn
    sleep 0.$((RANDOM % 9))$((RANDOM % 9))
  done
  stopit $P
done
# start with a configuration file that does not exist, stopped at once
$G -s -p 37213 -C $D/missing.conf > /dev/null 2>&1 & P=$!; sleep 3; stopit $P
cp $LOG $D/glances.log
