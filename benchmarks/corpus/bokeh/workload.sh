#!/bin/bash
# Bokeh server workload: runs `bokeh serve --log-level=trace` in a private net+mount namespace,
# drives it with HTTP requests and websocket sessions, restarts it, and keeps the log.
if [ -z "$R39F_NS" ]; then
  export R39F_NS=1
  exec unshare -n -m -- "$0" "$@"
fi
set -m
ip link set lo up
mount --make-rprivate /
mount -t tmpfs tmpfs /dev/shm
BASE=/tmp/round39-r39f
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_DATA_HOME=$BASE/xdg/data \
       XDG_CACHE_HOME=$BASE/xdg/cache XDG_STATE_HOME=$BASE/xdg/state XDG_RUNTIME_DIR=$BASE/xdg/runtime
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
DIR=$(cd "$(dirname "$0")" && pwd)
PY=$BASE/venv-bk/bin/python
BOKEH=$BASE/venv-bk/bin/bokeh
RAW=$BASE/bokeh-raw.log
PORT=52510
U=http://localhost:$PORT
: > $RAW
cd $DIR

start() {
  $BOKEH serve --log-level=trace --port $PORT "$@" apps/sliders.py apps/broken.py >> $RAW 2>&1 &
  SP=$!
  for i in $(seq 50); do curl -s -o /dev/null $U/ && break; sleep 0.2; done
}
stop() { kill -$1 $SP; wait $SP; }
r() { echo $(( RANDOM % $1 )); }

http() {
  case $(r 12) in
    0|1) curl -s -o /dev/null $U/sliders ;;
    2) curl -s -o /dev/null "$U/broken?fail=$(r 2)" ;;
    3) curl -s -o /dev/null $U/nope/$(r 100) ;;
    4) curl -s -o /dev/null $U/sliders/metadata ;;
    5) curl -s -o /dev/null "$U/sliders/autoload.js?bokeh-autoload-element=x$(r 9)" ;;
    6) curl -s -o /dev/null "$U/sliders/autoload.js" ;;
    7) curl -s -o /dev/null $U/static/js/missing$(r 9).js ;;
    8) curl -s -o /dev/null -X POST -d x=1 $U/sliders ;;
    9) curl -s -o /dev/null "$U/sliders?bokeh-session-id=abc$(r 50)" ;;
    10) curl -s -o /dev/null "$U/sliders/ws" ;;
    11) curl -s -o /dev/null "$U/sliders?bokeh-session-id=a&bokeh-token=b" -H "Bokeh-Session-Id: c" ;;
  esac
}
ws() {
  case $(r 8) in
    0|1|2) timeout 30 $PY client.py $U/sliders $(( 1 + $(r 3) )) 2>/dev/null ;;
    3) timeout 30 $PY client.py $U/broken 1 2>/dev/null ;;
    4) timeout 10 $PY badws.py ws://localhost:$PORT/sliders/ws origin 2>/dev/null ;;
    5) timeout 10 $PY badws.py ws://localhost:$PORT/sliders/ws badtoken 2>/dev/null ;;
    6) timeout 10 $PY badws.py ws://localhost:$PORT/sliders/ws garbage 2>/dev/null ;;
    7) timeout 10 $PY badws.py ws://localhost:$PORT/sliders/ws none 2>/dev/null ;;
  esac
}
round() {
  for i in $(seq $1); do
    if [ $(r 3) = 0 ]; then ws; else http; fi
    [ $(r 5) = 0 ] && sleep 0.$(r 9)
  done
}

# run 1: defaults plus short timers
start --check-unused-sessions 1500 --unused-session-lifetime 2500 --stats-log-frequency 4000 --keep-alive 3000
round $(( 50 + $(r 30) )); sleep 6
stop INT
# run 2: signed session ids
export BOKEH_SECRET_KEY=r39fr39fr39fr39fr39fr39fr39fr39fr39fr39fr39f
# a bad origin setting first: the server refuses to start
$BOKEH serve --log-level=trace --port $PORT --allow-websocket-origin "*.example:*" apps/sliders.py >> $RAW 2>&1
start --session-ids signed --allow-websocket-origin "localhost:$PORT" --allow-websocket-origin "*.example:80" --keep-alive 0
round $(( 40 + $(r 20) )); sleep 3
stop TERM
unset BOKEH_SECRET_KEY
# run 3: message size limit and memory logging, then a long quiet spell
start --websocket-max-message-size 4000 --mem-log-frequency 5000 --stats-log-frequency 3000 --check-unused-sessions 2000 --unused-session-lifetime 2000
round $(( 40 + $(r 30) )); sleep 8
round $(( 10 + $(r 10) ))
stop INT

# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > $DIR/bokeh.log
wc -l $DIR/bokeh.log
