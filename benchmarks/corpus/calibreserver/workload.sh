#!/bin/bash
# Workload for calibre-server (Debian package calibre). Server log and access log (--log and
# --access-log, both to one file) with --enable-log-not-found. Runs inside a private network +
# mount namespace (loopback only). Writes calibreserver.log here.
set -u
set -m
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round39-r39h
if [ -z "${R39_INNER:-}" ]; then
  exec env R39_INNER=1 unshare -n -m --propagation private "$0" "$@"
fi
ip link set lo up
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_CACHE_HOME=$BASE/xdg/cache \
  XDG_DATA_HOME=$BASE/xdg/data XDG_RUNTIME_DIR=$BASE/xdg/run XDG_STATE_HOME=$BASE/xdg/state
export CALIBRE_CONFIG_DIRECTORY=$BASE/calcfg
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR $CALIBRE_CONFIG_DIRECTORY
mount -t tmpfs tmpfs /dev/shm
W=$BASE/cal-run; rm -rf $W; mkdir -p $W/books
RAW=$BASE/calibreserver-raw.log; : > $RAW
LIB=$W/lib; PORT=53600; U=http://127.0.0.1:$PORT
r() { echo $(( RANDOM % $1 )); }
for i in $(seq 1 $(( 4 + $(r 4) ))); do printf 'Book %s\n\nChapter one of book %s. Some words %s.\n' $i $i $RANDOM > $W/books/book$i.txt; done
calibredb add --library-path $LIB -a "Ann Author" -T fiction $W/books/book1.txt $W/books/book2.txt > /dev/null
calibredb add --library-path $LIB -a "Bob Writer" -T history $(ls $W/books/*.txt | tail -n +3) > /dev/null
calibre-server --userdb $W/users.db --manage-users -- add alice s3cret > /dev/null
calibre-server --userdb $W/users.db --manage-users -- add bob hunter2 > /dev/null
NB=$(ls $W/books | wc -l)

start() { # extra options
  calibre-server --listen-on 127.0.0.1 --port $PORT --log $RAW --access-log $RAW --enable-log-not-found \
    --timeout 3 --max-log-size 0 "$@" $LIB >> $RAW 2>&1 &
  SP=$!
  for t in $(seq 1 60); do curl -s -o /dev/null $U/robots.txt && break; sleep 0.5; done
}
stop() { kill -TERM $SP; wait $SP; }
raw_req() { timeout 8 python3 -c 'import socket,sys,time
s=socket.create_connection(("127.0.0.1",'$PORT'))
s.sendall(sys.argv[1].encode().decode("unicode_escape").encode("latin-1"))
try:
    s.settimeout(6); s.recv(65536)
except Exception: pass' "$1"; }
idle() { timeout 8 python3 -c 'import socket,time
s=socket.create_connection(("127.0.0.1",'$PORT')); s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n"); time.sleep(5)'; }
stall() { timeout 10 python3 -c 'import socket,time
s=socket.create_connection(("127.0.0.1",'$PORT')); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"); time.sleep(7)'; }
browse() { # curl args...
  for i in $(seq 1 $(( 20 + $(r 50) ))); do
    b=$(( 1 + $(r $NB) ))
    case $(r 16) in
      0|1) curl -s -o /dev/null "$@" $U/ ;;
      2) curl -s -o /dev/null "$@" "$U/interface-data/init?library_id=lib" ;;
      3) curl -s -o /dev/null "$@" "$U/ajax/search?query=$(shuf -n1 -e title:Book author:Ann tag:history words nothing)" ;;
      4) curl -s -o /dev/null "$@" "$U/ajax/book/$b" ;;
      5) curl -s -o /dev/null "$@" "$U/get/txt/$b" ;;
      6) curl -s -o /dev/null "$@" "$U/get/cover/$b" ;;
      7) curl -s -o /dev/null "$@" "$U/get/epub/$b" ;;
      8) curl -s -o /dev/null "$@" "$U/get/txt/$(( 100 + $(r 50) ))" ;;
      9) curl -s -o /dev/null "$@" "$U/no/such/page-$(r 100)" ;;
      10) curl -s -o /dev/null "$@" "$U/opds" ;;
      11) curl -s -o /dev/null "$@" "$U/ajax/books?ids=1,2" ;;
      12) curl -s -o /dev/null "$@" -H 'Range: bytes=10-20' "$U/get/txt/$b" ;;
      13) curl -s -o /dev/null "$@" -H 'Range: bytes=99999-' "$U/get/txt/$b" ;;
      14) curl -s -o /dev/null "$@" -X POST "$U/ajax/search" ;;
      15) curl -s -o /dev/null "$@" "$U/get/thumb/$b?sz=60x80" ;;
    esac
  done
}
bad_requests() {
  for i in $(seq 1 $(( 1 + $(r 4) ))); do
    case $(r 6) in
      5) stall ;;
      0) raw_req 'GARBAGE\r\n\r\n' ;;
      1) raw_req 'GET / HTTP/9.9\r\nHost: x\r\n\r\n' ;;
      2) raw_req 'GET /'"$(head -c 300 /dev/zero | tr '\0' a)"' HTTP/1.1\r\nHost: x\r\n\r\n' ;;
      3) raw_req 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n' ;;
      4) idle ;;
    esac
  done
}

for cycle in $(seq 1 $(( 6 + $(r 3) ))); do
  case $(r 3) in
    0) start; browse; bad_requests; [ $(r 2) = 0 ] && stall; browse; stop ;;
    1) start --enable-auth --auth-mode basic --userdb $W/users.db --ban-after 5 --ban-for 1
       browse -u alice:s3cret
       for k in $(seq 1 $(( 1 + $(r 3) ))); do curl -s -o /dev/null -u bob:wrong$k $U/; done
       curl -s -o /dev/null $U/
       curl -s -o /dev/null -H 'Authorization: Bearer abc' $U/
       curl -s -o /dev/null -H 'Authorization: Basic Ym9iOg==' $U/
       browse -u bob:hunter2
       if [ $(r 3) != 0 ]; then for k in 1 2 3 4 5 6; do curl -s -o /dev/null -u alice:bad$k $U/; done; curl -s -o /dev/null -u alice:s3cret $U/; curl -s -o /dev/null -u alice:s3cret $U/opds; fi
       bad_requests; stop ;;
    2) start --enable-auth --auth-mode digest --userdb $W/users.db --ban-after 5 --ban-for 1
       browse --digest -u alice:s3cret
       for k in $(seq 1 $(( 1 + $(r 3) ))); do curl -s -o /dev/null --digest -u alice:nope$k $U/ajax/search; done
       N=$(curl -s -D - -o /dev/null $U/ | sed -n 's/.*nonce="\([^"]*\)".*/\1/p' | tr -d '\r')
       raw_req 'GET /ajax/search HTTP/1.1\r\nHost: x\r\nAuthorization: Digest username="alice", realm="calibre", nonce="'"$N"'", uri="/other", response="00", qop=auth, nc=00000001, cnonce="ab"\r\n\r\n'
       browse --digest -u bob:hunter2
       stop ;;
  esac
done
# start with a bad library path, and a second server on the same library and port
calibre-server --listen-on 127.0.0.1 --port $PORT --log $RAW --access-log $RAW $W/no-such-library >> $RAW 2>&1
start; calibre-server --listen-on 127.0.0.1 --port $PORT --log $RAW --access-log $RAW $LIB >> $RAW 2>&1; browse; stop
sed -n '1,2500p' $RAW > "$HERE/calibreserver.log"
