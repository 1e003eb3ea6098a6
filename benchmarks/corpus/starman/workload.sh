#!/bin/bash
# Randomised workload for starman (Debian) serving app.psgi; error log and access log go to one file.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round35-r35h/st
LOG=${LOG:-$W/raw.log}
PORT=49510
mkdir -p $W
: > "$LOG"
rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
U=http://127.0.0.1:$PORT
C="curl -m 8 -s -o /dev/null"

raw() {  # raw HTTP bytes over bash's /dev/tcp; $1 = seconds to keep reading
  local t=$1; shift
  exec 3<>/dev/tcp/127.0.0.1/$PORT || return
  printf "$@" >&3
  timeout $t cat <&3 >/dev/null
  exec 3<&- 3>&-
}

one_request() {
  case $(rnd 0 22) in
    0|1|2|3) $C $U/ ;;
    4) $C -X POST --data "msg=$RANDOM" $U/echo ;;
    5) $C $U/die ;;
    6) $C $U/die2 ;;
    7) $C $U/slow ;;
    8) $C $U/stream ;;
    9) $C $U/big ;;
    10) $C $U/bad ;;
    11) $C -u alice:s3cret $U/auth ;;
    12) $C -u alice:wrong$RANDOM $U/auth ;;
    13) $C $U/missing/$RANDOM ;;
    14) $C -I $U/ ;;
    15) raw 2 'GARBAGE\r\n\r\n' ;;
    16) raw 2 'GET / HTTP/1.1\r\n\r\n' ;;
    17) $C -H 'Expect: 100-continue' --data-binary "payload$RANDOM" $U/echo ;;
    18) raw 2 'POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 200-weird\r\nContent-Length: 3\r\n\r\nabc' ;;
    19) raw 3 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n' ;;
    20) raw 4 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nshort' ;;
    21) $C --http1.0 $U/stream ;;
    22) raw 2 'POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n' ;;
  esac
}

run_once() {
  local args=(--listen 127.0.0.1:$PORT --workers $(rnd 1 3) --error-log $LOG --access-log $LOG --pid $W/starman.pid --read-timeout 2)
  [ $(rnd 0 2) = 0 ] && args+=(-E development)
  [ $(rnd 0 3) = 0 ] && args+=(--disable-keepalive)
  [ $(rnd 0 3) = 0 ] && args+=(--max-requests $(rnd 2 6))
  STARMAN_DEBUG=1 starman "${args[@]}" $HERE/app.psgi >/dev/null 2>>$W/stderr.out &
  local pid=$!; sleep 1.5
  if [ $(rnd 0 4) = 0 ]; then   # a second server on the same port
    STARMAN_DEBUG=1 timeout 5 starman --listen 127.0.0.1:$PORT --workers 1 --error-log $LOG $HERE/app.psgi >/dev/null 2>>$W/stderr.out
  fi
  local n=$(rnd 5 25) i
  for i in $(seq $n); do
    one_request
    case $(rnd 0 30) in
      0) kill -HUP $pid; sleep 1 ;;
      1) kill -TTIN $pid; sleep 1 ;;
      2) kill -TTOU $pid; sleep 1 ;;
    esac
  done
  if [ $(rnd 0 1) = 0 ]; then kill -QUIT $pid; else kill -TERM $pid; fi
  wait $pid 2>/dev/null
}

RUNS=${RUNS:-6}
for r in $(seq $RUNS); do run_once; done
# a missing application file
STARMAN_DEBUG=1 timeout 0.4 starman --listen 127.0.0.1:$PORT --workers 1 --error-log $LOG $W/nonexistent.psgi >/dev/null 2>>$W/stderr.out
