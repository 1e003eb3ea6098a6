#!/bin/bash
# Randomised workload for Puma 5.6.5 (cluster mode, then single mode, then a broken config).
# Log: puma.log (stdout_redirect of stdout+stderr; launcher output appended too). Ports 25081 (HTTP), 25082 (control).
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31f/puma
LOG=$HERE/puma.log
export PUMA_DEBUG=1
mkdir -p $RUN; cd $HERE
R() { echo $(( RANDOM % $1 )); }
CTL="pumactl -C tcp://127.0.0.1:25082 -T r31f"
PATHS=(/ / / /items/1 /items/42 /items/777 /echo /slow /slow /error /nomethod /badresponse /redirect /big /missing /favicon.ico)
RAW=(garbage garbage longheader longuri idle partial slowbody reset keepalive keepalive)

start() { puma -C $1 >>$LOG 2>&1 & echo $! > $RUN/launch.pid; sleep 4; }
wait_gone() { local p=$(cat $RUN/launch.pid); for i in $(seq 1 50); do kill -0 $p 2>/dev/null || break; sleep 0.2; done; kill -KILL $p 2>/dev/null; wait $p 2>/dev/null; }
master() { cat $RUN/puma.pid; }
workers() { pgrep -P $(master) 2>/dev/null; }
traffic() {
  local n=$1
  for i in $(seq 1 $n); do
    p=${PATHS[$(R ${#PATHS[@]})]}
    if [ $p = /echo ]; then curl -s -m 5 -o /dev/null -d "payload=$RANDOM" http://127.0.0.1:25081$p
    else curl -s -m 5 -o /dev/null "http://127.0.0.1:25081$p?q=$RANDOM"; fi
    [ $(R 6) = 0 ] && (python3 rawclient.py 25081 ${RAW[$(R ${#RAW[@]})]} &)
  done
}

: > $LOG
start puma.rb
for round in $(seq 1 ${ROUNDS:-40}); do
  traffic $(( 3 + $(R 20) ))
  case $(R 14) in
    0) $CTL phased-restart >/dev/null; sleep 5 ;;
    1) kill -USR2 $(master); sleep 6 ;;                      # hot restart
    2) kill -TTIN $(master); sleep 3 ;;                      # one more worker
    3) kill -TTOU $(master); sleep 3 ;;                      # one fewer worker
    4) w=$(workers | shuf -n1); [ -n "$w" ] && kill -KILL $w; sleep 3 ;;
    5) w=$(workers | shuf -n1); [ -n "$w" ] && { kill -STOP $w; sleep 9; kill -CONT $w 2>/dev/null; }; sleep 2 ;;
    6) kill -HUP $(master); sleep 1 ;;                       # reopen logs
    7) (curl -s -m 8 -o /dev/null http://127.0.0.1:25081/hang &); sleep 0.5; $CTL phased-restart >/dev/null; sleep 6 ;;
    8) $CTL stats >/dev/null; $CTL gc-stats >/dev/null ;;
    9) pumactl -C tcp://127.0.0.1:25082 -T wrong stats >/dev/null 2>&1 ;;
    *) : ;;
  esac
done
(curl -s -m 8 -o /dev/null http://127.0.0.1:25081/hang &); sleep 0.5
$CTL stop >/dev/null; wait_gone

# single mode
start puma_single.rb
for round in $(seq 1 ${ROUNDS2:-10}); do
  traffic $(( 3 + $(R 15) ))
  case $(R 5) in
    0) kill -USR2 $(master); sleep 5 ;;
    1) kill -USR1 $(master); sleep 4 ;;                      # phased restart unavailable in single mode
    2) kill -HUP $(master); sleep 1 ;;
    *) : ;;
  esac
done
(curl -s -m 8 -o /dev/null http://127.0.0.1:25081/hang &); sleep 0.5
kill -TERM $(master); wait_gone

# broken configurations
start puma_broken.rb; sleep 2; curl -s -m 3 -o /dev/null http://127.0.0.1:25081/; kill -TERM $(cat $RUN/launch.pid) 2>/dev/null; wait_gone
python3 -c 'import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1",25081)); s.listen(); time.sleep(8)' & HOLD=$!
sleep 0.5; PUMA_WORKERS=1 start puma.rb; sleep 1; kill -TERM $(cat $RUN/launch.pid) 2>/dev/null; wait_gone; kill $HOLD 2>/dev/null
# final short cluster run with a single worker
PUMA_WORKERS=1 start puma.rb; traffic 5; kill -INT $(master); wait_gone
