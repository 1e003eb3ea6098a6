#!/bin/bash
# Randomised workload for stund 0.97 (Debian stun-server). One server runs at a time; its
# stdout+stderr are appended to the log. Ports: UDP 46040-46045, relay 46300+. Usage: workload.sh OUTLOG [PHASES]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round35-r35a/stund/stund.raw.log}
PHASES=${2:-12}
mkdir -p /tmp/round35-r35a/stund
: > "$LOG"
serve() {  # serve SECONDS CLIENTRUNS RELAY ARGS...
  local secs=$1 runs=$2 relay=$3; shift 3
  stund "$@" >> "$LOG" 2>&1 & local pid=$!
  echo $pid > /tmp/round35-r35a/stund/server.pid
  sleep 0.3
  for i in $(seq 1 "$runs"); do
    python3 "$HERE/client.py" $((RANDOM % 12 + 3)) "$P1" "$P2" $relay
  done
  sleep "$secs"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
for ph in $(seq 1 "$PHASES"); do
  r=$((RANDOM % 100))
  if (( r < 45 )); then P1=46040; P2=46041; serve 0.2 $((RANDOM % 4 + 1)) "" -v -h 127.0.0.1 -a 127.0.0.2 -p $P1 -o $P2
  elif (( r < 65 )); then P1=46042; P2=46043; serve 0.2 $((RANDOM % 6 + 2)) "" -h 127.0.0.1 -a 127.0.0.2 -p $P1 -o $P2
  elif (( r < 78 )); then P1=46044; P2=46045; serve 0.2 $((RANDOM % 2 + 1)) 46300 -v -h 127.0.0.1 -a 127.0.0.2 -p $P1 -o $P2 -m 46300
  elif (( r < 84 )); then P1=46040; P2=46041; serve 0.2 1 "" -v -h 127.0.0.1 -p $P1 -o $P2
  else
    # start-up failures, each run alone
    case $((RANDOM % 5)) in
      0) python3 -c "import socket,time;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(('127.0.0.1',46041));time.sleep(1.5)" & H=$!
         sleep 0.3; timeout 1 stund -v -h 127.0.0.1 -a 127.0.0.2 -p 46040 -o 46041 >> "$LOG" 2>&1; wait $H ;;
      1) timeout 1 stund -v -h 127.0.0.1 -a 192.0.2.$((RANDOM % 200 + 1)) -p 46040 -o 46041 >> "$LOG" 2>&1 ;;
      2) timeout 1 stund -v -h no-such-stun-host.invalid -a 127.0.0.2 -p 46040 -o 46041 >> "$LOG" 2>&1 ;;
      3) timeout 1 stund -v -p 46040 -o 46041 >> "$LOG" 2>&1 ;;
      4) timeout 1 stund -h 127.0.0.1 -a 127.0.0.2 -p 46040 -o 46040 -v >> "$LOG" 2>&1 ;;
    esac
  fi
done
