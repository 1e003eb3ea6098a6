#!/bin/bash
# Randomised workload against WEBrick (server.rb): ports 37200 (main), 37201 (proxy), 37202 (old handler)
D=$(cd "$(dirname "$0")" && pwd)
LOG=${LOG:-$D/webrick.log}
RUNS=${RUNS:-4}
M=http://127.0.0.1:37200
mkdir -p /tmp/round32-r32i
c() { curl -s -o /dev/null --max-time 6 "$@"; }
raw() { python3 "$D/raw.py" "$@" 2>/dev/null; }
start() { ruby "$D/server.rb" 2>>"$LOG" & PID=$!; echo $PID > /tmp/round32-r32i/webrick.pid; sleep 1.5; }
: > "$LOG"
for run in $(seq 1 $RUNS); do
  start
  N=$(( 40 + RANDOM % 60 ))
  for i in $(seq 1 $N); do
    r=$(( RANDOM % 40 ))
    case $r in
      0|1|2|3|4|5) c "$M/ok?n=$RANDOM" ;;
      6|7) c "$M/f$(( RANDOM % 7 + 1 )).txt" ;;
      8) c "$M/sub/" ;;
      9) c "$M/sub" ;;
      10) c "$M/boom?n=$RANDOM" ;;
      11) c "$M/nil" ;;
      12) c "$M/deny" ;;
      13) c --http1.0 "$M/chunk" ;;
      14) c "$M/nolen" ;;
      15) c "$M/redir" -H "Referer: http://ref$((RANDOM%5)).example/page" ;;
      16) c -X POST -d "x=$RANDOM" "$M/post" ;;
      17) c "$M/cgi?q=$RANDOM" ;;
      18) c "$M/cgiok?q=$RANDOM" ;;
      19) c "$M/abstract" ; c -X DELETE "$M/abstract" ;;
      20) c -u "alice:wonder" "$M/secret" ;;
      21) c -u "bob:wrong$RANDOM" "$M/secret"; c -u "mallory:x" "$M/secret"; c "$M/secret" ;;
      22) c --digest -u "carol:secret1" "$M/digest" ;;
      23) c --digest -u "carol:bad" "$M/digest"; c --digest -u "dave:x" "$M/digest" ;;
      24) c "$M/page.rhtml" ;;
      25) c "$M/bad.rhtml" ;;
      26) c "$M/.htaccess" ;;
      27) c "$M/missing$RANDOM.html" ;;
      28) c "$M/~nosuchuser$((RANDOM%9))/x" ;;
      29) raw 37200 "GARBAGE\r\n\r\n" ;;
      30) raw 37200 "GET /$(head -c 2200 /dev/zero | tr '\0' a) HTTP/1.1\r\nHost: x\r\n\r\n" ;;
      31) raw 37200 "GET /ok HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n" ;;
      32) raw 37200 "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" ;;
      33) raw 37200 "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" ;;
      34) raw 37200 "GET /ok HTTP/1.1\r\nHost: x\r\n" idle ; raw 37200 "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n" drop ;;
      35) c -x http://127.0.0.1:37201 "http://127.0.0.1:37202/p$RANDOM" ;;
      36) c -x http://127.0.0.1:37201 "http://127.0.0.1:37599/closed" ; c -x http://127.0.0.1:37201 -X BREW "http://127.0.0.1:37202/" ;;
      37) raw 37201 "CONNECT 127.0.0.1:37200 HTTP/1.1\r\nHost: 127.0.0.1:37200\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" ;;
      38) c "http://127.0.0.1:37202/old$RANDOM" ;;
      39) c "$M/remount"; c "$M/tmpmnt" ; c "$M/exit.rhtml" ;;
    esac
  done
  if (( run < RUNS )); then kill -TERM $PID; wait $PID; else kill -INT $PID; wait $PID; fi
done
