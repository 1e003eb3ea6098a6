#!/bin/bash
# Flask development server (flask run --debug) under a randomised workload.
# Runs itself again inside private network + mount namespaces (loopback only).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round39-r39e
if [ "${1:-}" != inner ]; then
  exec unshare -mn --propagation private bash "$HERE/workload.sh" inner
fi
set -m
ip link set lo up
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data XDG_RUNTIME_DIR=$B/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR
FLASK=$B/venv-flask/bin/flask
PORT=52001
U=http://127.0.0.1:$PORT
W=$B/flaskapp
RAW=$B/flaskrun-raw.log
rm -rf $W; mkdir -p $W; cp "$HERE/app/app.py" $W/app.py
: > $RAW
cd $W
r() { echo $(( RANDOM % $1 )); }
raw() { # send raw bytes to the server
  ( trap '' PIPE; exec 3<>/dev/tcp/127.0.0.1/$PORT || exit
    printf "$1" >&3; timeout 2 cat <&3 >/dev/null ) 2>/dev/null
}
SPID=
trap '[ -n "$SPID" ] && kill -TERM $SPID 2>/dev/null' EXIT
start() { $FLASK --app app run --debug --port $PORT >>$RAW 2>&1 & SPID=$!; sleep 2.5; }
stopit() { if [ $(r 3) = 0 ]; then kill -TERM $SPID; else kill -INT $SPID; fi; wait $SPID 2>/dev/null; sleep 0.5; }
edit() {
  case $(r 6) in
    0|1) touch app.py ;;
    2) cp app.py good.py; echo 'def broken(:' >> app.py; sleep 2; curl -s $U/ >/dev/null; cp good.py app.py ;;
    3) cp app.py good.py; echo 'undefined_name_here()' >> app.py; sleep 2; curl -s $U/item/3 >/dev/null; cp good.py app.py ;;
    4) cp app.py good.py; sed -i 's/^app = Flask/application_obj = Flask/; s/@app\./@application_obj./; s/app\.response_class/application_obj.response_class/' app.py; sleep 2; curl -s $U/ >/dev/null; cp good.py app.py ;;
    5) cp app.py good.py; sed -i '1i import not_a_module_xyz' app.py; sleep 2; curl -s $U/ >/dev/null; cp good.py app.py ;;
  esac
  sleep 2
}
request() {
  case $(r 40) in
    0|1|2|3|4|5|6|7|8|9|10) curl -s $U/ >/dev/null ;;
    11|12|13|14|15|16) curl -s $U/item/$(r 130) >/dev/null ;;
    17|18) curl -s "$U/boom?d=$(r 3)" >/dev/null ;;
    19) curl -s "$U/key?$( [ $(r 2) = 0 ] && echo k=v )" >/dev/null ;;
    20|21) curl -s -XPOST -H 'Content-Type: application/json' -d "$( [ $(r 2) = 0 ] && echo '{"a":1}' || echo '{bad' )" $U/post >/dev/null ;;
    22) curl -s -XPUT $U/ >/dev/null ;;
    23|24) curl -s $U/missing/$(r 1000) >/dev/null ;;
    25) curl -s $U/stream >/dev/null ;;
    26|27) curl -s $U/go >/dev/null ;;
    28) curl -s -H 'If-None-Match: x' "$U/?__debugger__=yes&cmd=resource&f=style.css" >/dev/null ;;
    29) curl -s $U/console >/dev/null ;;
    30) S=$(curl -s "$U/boom" | sed -n 's/.*SECRET = "\([^"]*\)".*/\1/p'); curl -s "$U/?__debugger__=yes&cmd=printpin&s=$S" >/dev/null
        curl -s "$U/?__debugger__=yes&cmd=pinauth&pin=000-000-000&s=$S" >/dev/null ;;
    31) raw 'GARBAGE\r\n\r\n' ;;
    32) raw 'GET / HTTP/9.9\r\n\r\n' ;;
    33) raw 'GET / FOO/1.0\r\n\r\n' ;;
    34) raw 'POST /\r\n' ;;
    35) raw "GET /$(head -c 70000 /dev/zero | tr '\0' a) HTTP/1.1\r\n\r\n" ;;
    36) raw "GET / HTTP/1.1\r\nHost: x\r\n$(for i in $(seq 110); do printf 'X-H%d: v\\r\\n' $i; done)\r\n" ;;
    37) raw "GET / HTTP/1.1\r\nHost: x\r\nX-Long: $(head -c 70000 /dev/zero | tr '\0' b)\r\n\r\n" ;;
    38) curl -s -m 1 -H 'Content-Length: 50' -XPOST -d 'short' $U/post >/dev/null ;;
    39) curl -s -I $U/item/7 >/dev/null ;;
  esac
}
for session in $(seq $(( 4 + $(r 3) ))); do
  [ $(r 2) = 0 ] && $FLASK --app nope_$(r 9) run --debug --port $PORT >>$RAW 2>&1
  [ $(r 3) = 0 ] && $FLASK --app app:nothere run --port $PORT >>$RAW 2>&1
  start
  [ $(r 2) = 0 ] && $FLASK --app app run --port $PORT >>$RAW 2>&1
  for i in $(seq $(( 40 + $(r 120) ))); do
    request
    [ $(r 25) = 0 ] && edit
  done
  stopit
done
rm -f $W/good.py
sed -n '1,2500p' $RAW > "$HERE/flaskrun.log"
wc -l $RAW "$HERE/flaskrun.log"
