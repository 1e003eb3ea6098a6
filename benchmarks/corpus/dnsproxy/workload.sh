#!/bin/bash
# dnsproxy workload: fake upstreams on 49510-49512, proxy on 49500, random sessions and bad starts.
# All dnsproxy output (stderr, foreground) is appended to dnsproxy.log.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round37-r37h/dnsproxy; mkdir -p "$T"
LOG=$D/dnsproxy.log; : > "$LOG"
PIDS=()
python3 "$D/upstream.py" 49510 mixed & PIDS+=($!)
python3 "$D/upstream.py" 49511 mixed & PIDS+=($!)
python3 "$D/upstream.py" 49512 drop & PIDS+=($!)
echo "${PIDS[@]}" > "$T/upstream.pids"
sleep 1

dp() { dnsproxy "$@" 2>> "$LOG"; }

conf() {  # conf NAME AUTHPORT RECPORT STATS [extra lines]
  local f=$T/$1.conf; shift
  { echo "authoritative 127.0.0.1"; echo "authoritative-port $1"; echo "authoritative-timeout $((RANDOM%3+1))"
    echo "recursive 127.0.0.1"; echo "recursive-port $2"; echo "recursive-timeout $((RANDOM%4+1))"
    echo "listen 127.0.0.1"; echo "port 49500"; echo "statistics $3"; echo "internal 127.0.0.1"
    shift 3; for l in "$@"; do echo "$l"; done; } > "$f"
  echo "$f"
}

bad_start() {
  case $((RANDOM%7)) in
    0) dp -c "$T/missing-$RANDOM.conf" ;;
    1) dnsproxy -c "$(conf bad1 49510 49511 1 'forwarders 127.0.0.1' 'loglevel debug')" 2>> "$LOG" & local q=$!
       sleep 1.5; kill -TERM $q; wait $q ;;
    2) printf 'authoritative 127.0.0.1\nport 49500\n' > "$T/bad2.conf"; dp -c "$T/bad2.conf" ;;
    3) dp -c "$(conf bad3 49510 49511 1 "user r37h-nobody-$RANDOM")" ;;
    4) dp -c "$(conf bad4 49510 49511 1 "chroot $T/no-such-dir-$RANDOM")" ;;
    5) sed 's/^listen .*/listen 192.0.2.1/' "$(conf bad5 49510 49511 1)" > "$T/bad5b.conf"; dp -c "$T/bad5b.conf" ;;
    6) dnsproxy -c "$(conf bad6 49510 49511 1)" 2>> "$LOG" & local p=$!; sleep 0.3
       dp -c "$(conf bad6b 49510 49511 1)"; kill -TERM $p; wait $p ;;
  esac
}

session() {
  local kind=$((RANDOM%10)) f
  case $kind in
    0|1|2|3|4) f=$(conf good 49510 49511 $((RANDOM%2+1))) ;;
    5|6) f=$(conf deadrec 49510 49519 $((RANDOM%2+1))) ;;
    7) f=$(conf dropall 49512 49512 $((RANDOM%2+1))) ;;
    8) f=$(conf badport 0 49511 $((RANDOM%2+1))) ;;
    9) f=$(conf quiet 49510 49511 0 'internal 127.0.0.2') ;;
  esac
  dnsproxy -c "$f" 2>> "$LOG" & local p=$!
  echo $p > "$T/dnsproxy.pid"
  sleep 0.3
  python3 "$D/client.py" 49500 $((RANDOM%300+20))
  sleep $((RANDOM%6+1))
  local sigs=(TERM TERM TERM INT HUP)
  kill -${sigs[$((RANDOM%5))]} $p; wait $p
}

for i in $(seq 1 ${ROUNDS:-30}); do
  if ((RANDOM%3==0)); then bad_start; fi
  session
done 2>/dev/null

kill "${PIDS[@]}"; wait
rm -rf "$T"
