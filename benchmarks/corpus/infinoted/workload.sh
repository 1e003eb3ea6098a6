#!/bin/bash
# Randomised workload for infinoted 0.7.2 on 127.0.0.1:44700 (no TLS): scripted XMPP clients
# (client.py), config reloads (SIGHUP), broken configurations, restarts.
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34f/inf
mkdir -p $T/root; rm -f $T/infinoted.log
r() { echo $(( RANDOM % $1 )); }
start() { (infinoted-0.7 --config-file="${1:-$HERE/infinoted.conf}" >>$T/stdout.txt 2>&1 & echo $! >$T/pid); sleep 1; }
stop() { local p=$(cat $T/pid); kill -${1:-TERM} $p 2>/dev/null; for i in $(seq 50); do kill -0 $p 2>/dev/null || break; sleep 0.1; done; }
bad_start() {
  case $(r 5) in
    0) infinoted-0.7 --config-file="$HERE/infinoted.conf" --plugins=linekeeper ;;
    1) infinoted-0.7 --config-file="$HERE/infinoted.conf" --plugins=no-such-plugin ;;
    2) infinoted-0.7 --config-file="$HERE/infinoted.conf" --security-policy=require-tls ;;
    3) infinoted-0.7 --config-file="$HERE/infinoted.conf" --plugin-parameter=autosave:interval:abc ;;
    4) infinoted-0.7 --config-file=/nonexistent/infinoted.conf --port=44701 --security-policy=no-tls -l $T/infinoted.log -r $T/root ;;
  esac >>$T/stdout.txt 2>&1 &
  local p=$!; sleep 1; kill $p 2>/dev/null; wait $p 2>/dev/null
}
start
for round in $(seq ${ROUNDS:-12}); do
  for k in $(seq $((2 + $(r 5)))); do python3 "$HERE/client.py" 44700 $((3 + $(r 8))) & done
  wait
  case $(r 8) in
    0) kill -HUP $(cat $T/pid); sleep 0.5 ;;
    1) stop TERM; start ;;
    2) stop INT; start ;;
    3) bad_start ;;
    4) python3 "$HERE/client.py" 44701 1 ;;   # nobody listens there
    *) sleep 0.$(r 9) ;;
  esac
done
stop TERM
cp $T/infinoted.log "$HERE/infinoted.full.log"
