#!/bin/bash
# Randomised workload for webfsd (Debian webfs). Usage: workload.sh [rounds]
# Runs webfsd in the foreground with debug output (-F -d); its stderr is the log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32b/webfs
ROOT=$BASE/root
LOG=$BASE/webfsd.stderr
PORT=34400
ROUNDS=${1:-6}
mkdir -p "$BASE/run"; chown nobody:nogroup "$BASE/run"
mkdir -p "$ROOT/sub/deep" "$ROOT/cgi-bin" "$ROOT/empty dir"
cd "$ROOT"
for i in $(seq 1 12); do
  [ -f file$i.bin ] || head -c $((RANDOM * 3 + 1)) /dev/urandom > file$i.bin
  echo "hello $i" > page$i.html
done
ln -sfn . 127.0.0.1; ln -sfn . localhost; ln -sfn sub otherhost
echo idx > sub/index.html; echo t > sub/deep/a.txt; echo 'x y' > "empty dir/sp ace.txt"
echo secret > noread.txt; chmod 000 noread.txt
mkdir -p locked; chmod 000 locked
printf '#!/bin/sh\necho "Content-Type: text/plain"\necho\necho cgi ok $QUERY_STRING\n' > cgi-bin/t.cgi
printf '#!/bin/sh\necho "Status: 404 Nope"\necho "Content-Type: text/plain"\necho\necho no\n' > cgi-bin/s.cgi
printf '#!/bin/sh\necho "Location: /page1.html"\necho\n' > cgi-bin/r.cgi
printf '#!/bin/sh\ncat >/dev/null\necho "Content-Type: text/plain"\necho\necho posted\n' > cgi-bin/p.cgi
printf '#!/bin/sh\nsleep 3\necho "Content-Type: text/plain"\necho\necho slow\n' > cgi-bin/slow.cgi
chmod +x cgi-bin/*.cgi
printf 'notexec\n' > cgi-bin/x.txt
cp "$HERE/mime.types" "$BASE/mime.types" 2>/dev/null || printf 'text/html html\napplication/octet-stream bin\ntext/plain txt\n' > "$BASE/mime.types"

U=http://127.0.0.1:$PORT
start() {  # start webfsd with a random set of options
  local extra=()
  (( RANDOM % 2 )) && extra+=(-f index.html)
  (( RANDOM % 3 == 0 )) && extra+=(-b user:pass)
  (( RANDOM % 3 == 0 )) && extra+=(-e $((RANDOM % 600)))
  (( RANDOM % 4 == 0 )) && extra+=(-j)
  (( RANDOM % 2 )) && extra+=(-v)
  webfsd -F -d -4 -p $PORT -r "$ROOT" -n localhost -x /cgi-bin/ -t $((3 + RANDOM % 4)) -c 16 \
    -m "$BASE/mime.types" -l "$BASE/run/access.log" -k "$BASE/run/webfsd.pid" -u nobody -g nogroup \
    "${extra[@]}" 2>>"$LOG" &
  WPID=$!
  echo "$WPID" > "$BASE/webfsd.mypid"
  sleep 0.5
}
raw() {  # raw bytes to the server
  timeout 4 python3 - "$PORT" "$1" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
s.settimeout(2)
try:
    while s.recv(65536):
        pass
except Exception:
    pass
EOF
}
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
AUTH=(-u user:pass)

one() {
  case $((RANDOM % 30)) in
    0|1|2|3) curl -s -o /dev/null "${AUTH[@]}" "$U/page$((RANDOM % 14 + 1)).html" ;;
    4|5) curl -s -o /dev/null "${AUTH[@]}" "$U/file$((RANDOM % 12 + 1)).bin" ;;
    6) curl -s -o /dev/null "${AUTH[@]}" "$U/$(pick sub/ sub '' 'empty%20dir/' sub/deep/ locked/ nosuch/)" ;;
    7) curl -s -o /dev/null "${AUTH[@]}" -r "$((RANDOM % 100))-$((RANDOM % 5000 + 100))" "$U/file$((RANDOM % 12 + 1)).bin" ;;
    8) curl -s -o /dev/null "${AUTH[@]}" -r "0-10,20-30,$((RANDOM % 50 + 40))-" "$U/file$((RANDOM % 12 + 1)).bin" ;;
    9) curl -s -o /dev/null "${AUTH[@]}" -r "$(pick 99999999-100000000 x-y 5-2)" "$U/file1.bin" ;;
    10) curl -s -o /dev/null "${AUTH[@]}" -H "If-Modified-Since: $(pick 'Sat, 01 Jan 2000 00:00:00 GMT' "$(date -u '+%a, %d %b %Y %H:%M:%S GMT' -d '+1 day')" 'garbage')" "$U/page2.html" ;;
    11) curl -s -o /dev/null "${AUTH[@]}" -H "If-Unmodified-Since: $(pick 'Sat, 01 Jan 2000 00:00:00 GMT' "$(date -u '+%a, %d %b %Y %H:%M:%S GMT' -d '+1 day')")" "$U/page3.html" ;;
    12) curl -s -o /dev/null "${AUTH[@]}" -r 0-5 -H "If-Range: $(pick 'Sat, 01 Jan 2000 00:00:00 GMT' '"etag"')" "$U/file2.bin" ;;
    13) curl -s -o /dev/null -u "$(pick user:wrong bad:pass user:pass)" "$U/page4.html" ;;
    14) curl -s -o /dev/null "$U/page5.html" ;;
    15) curl -s -o /dev/null "${AUTH[@]}" "$U/cgi-bin/$(pick t.cgi t.cgi 's.cgi' r.cgi x.txt nope.cgi)?q=$RANDOM" ;;
    16) curl -s -o /dev/null "${AUTH[@]}" -d "a=$RANDOM" "$U/cgi-bin/p.cgi" ;;
    17) curl -s -o /dev/null "${AUTH[@]}" -I "$U/$(pick page1.html file3.bin sub/)" ;;
    18) raw "$(pick 'GARBAGE\r\n\r\n' 'GET\r\n\r\n' 'BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n' 'GET /../../etc/passwd HTTP/1.0\r\n\r\n' 'GET http://localhost:'$PORT'/page1.html HTTP/1.1\r\n\r\n' 'GET /page1.html HTTP/0.9\r\n\r\n' 'PUT /x HTTP/1.0\r\nContent-Length: 1\r\n\r\nx')" ;;
    19) raw "GET /page1.html HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic dXNlcjpwYXNz\r\n\r\nGET /page2.html HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic dXNlcjpwYXNz\r\n\r\n" ;;
    20) curl -s -o /dev/null "${AUTH[@]}" "$U/noread.txt" ;;
    21) curl -s -o /dev/null "${AUTH[@]}" -H "Host: $(pick localhost otherhost 'bad host' localhost:$PORT)" "$U/page6.html" ;;
    22) curl -s -o /dev/null "${AUTH[@]}" "$U/sub" ;;
    23) curl -s -o /dev/null "${AUTH[@]}" "$U/%7Euser/x" ;;
    24) (timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'GET /file5.bin HTTP/1.1\r\n' >&3; sleep 0.5" 2>/dev/null) ;;
    25) curl -s -o /dev/null "${AUTH[@]}" --http1.0 "$U/page7.html" ;;
    26) curl -s -o /dev/null "${AUTH[@]}" "$U/page8.html" "$U/page9.html" "$U/file4.bin" ;;
    27) curl -s -o /dev/null --max-time 1 "${AUTH[@]}" "$U/cgi-bin/slow.cgi" ;;
    28) (timeout 1 curl -s --limit-rate 20k "${AUTH[@]}" "$U/file$((RANDOM % 12 + 1)).bin" >/dev/null) ;;
    29) curl -s -o /dev/null "${AUTH[@]}" "$U/sub/deep/a.txt?x=$RANDOM" ;;
  esac
}

rm -f "$LOG"
for r in $(seq 1 "$ROUNDS"); do
  start
  n=$((20 + RANDOM % 80))
  for i in $(seq 1 $n); do
    one
    if (( RANDOM % 60 == 0 )); then kill -HUP "$WPID"; fi
    if (( RANDOM % 120 == 0 )); then  # slow client hits the network timeout
      (timeout 9 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; sleep 8" 2>/dev/null) &
    fi
  done
  wait_n=$((RANDOM % 3)); sleep "$wait_n"
  kill -"$(pick TERM INT TERM)" "$WPID"; wait "$WPID" 2>/dev/null
  # a start that fails: port taken / bad docroot
  if (( RANDOM % 2 )); then
    python3 -c 'import socket,time;s=socket.socket();s.bind(("127.0.0.1",'$PORT'));s.listen();time.sleep(2)' & BP=$!
    sleep 0.3; timeout 3 webfsd -F -d -4 -p $PORT -r "$ROOT" -u nobody -g nogroup 2>>"$LOG"; kill $BP; wait $BP 2>/dev/null
  fi
  if (( RANDOM % 3 == 0 )); then timeout 3 webfsd -F -d -4 -p $PORT -r "$ROOT" -u nosuchuser 2>>"$LOG"; fi
  if (( RANDOM % 3 == 0 )); then timeout 3 webfsd -F -d -4 -p $PORT -r "$ROOT" -u nobody -g nogroup -l /proc/nope.log 2>>"$LOG"; fi
done
