#!/bin/bash
# Streamlit (streamlit run --logger.level=debug) under a randomised HTTP + websocket workload.
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
mkdir -p $B/shm && mount -t tmpfs tmpfs /dev/shm
ST=$B/venv-streamlit/bin/streamlit
PY=$B/venv-streamlit/bin/python
PORT=52100
U=http://127.0.0.1:$PORT
W=$B/stapp
RAW=$B/streamlit-raw.log
rm -rf $W; mkdir -p $W/.streamlit; cp "$HERE/app.py" $W/app.py; cp "$HERE/config.toml" $W/.streamlit/config.toml
: > $RAW
cd $W
r() { echo $(( RANDOM % $1 )); }
OPTS="--logger.level=debug --server.port $PORT --server.headless true --browser.gatherUsageStats false"
SPID=
trap '[ -n "$SPID" ] && kill -TERM $SPID 2>/dev/null' EXIT
start() { $ST run app.py $OPTS >>$RAW 2>&1 & SPID=$!; for i in $(seq 30); do curl -s -o /dev/null $U/_stcore/health && break; sleep 0.5; done; }
stopit() { if [ $(r 3) = 0 ]; then kill -TERM $SPID; else kill -INT $SPID; fi; wait $SPID 2>/dev/null; SPID=; sleep 0.5; }
edit() {
  case $(r 4) in
    0|1) touch app.py ;;
    2) cp app.py good.py; echo 'def broken(:' >> app.py; sleep 1.5; $PY "$HERE/ws_client.py" $PORT; cp good.py app.py; rm -f good.py ;;
    3) cp app.py good.py; echo 'st.write(undefined_name_here)' >> app.py; sleep 1.5; $PY "$HERE/ws_client.py" $PORT; cp good.py app.py; rm -f good.py ;;
  esac
  sleep 1
}
request() {
  case $(r 30) in
    0|1|2|3|4|5|6|7|8|9|10|11) $PY "$HERE/ws_client.py" $PORT ;;
    12|13) CP=; for k in 1 2 3; do $PY "$HERE/ws_client.py" $PORT & CP="$CP $!"; done; wait $CP 2>/dev/null ;;
    14|15|16) curl -s -o /dev/null $U/ ;;
    17|18) curl -s -o /dev/null $U/_stcore/health ;;
    19) curl -s -o /dev/null $U/_stcore/host-config ;;
    20) curl -s -o /dev/null $U/missing/$(r 100).js ;;
    21) curl -s -o /dev/null "$U/_stcore/message?hash=deadbeef$(r 100)" ;;
    22) curl -s -o /dev/null $U/media/$(r 1000).png ;;
    23) curl -s -o /dev/null -XPUT -F "file=@app.py" $U/_stcore/upload_file/nosession/nofile ;;
    24) curl -s -o /dev/null $U/component/none.comp/index.html ;;
    25) curl -s -o /dev/null $U/app/static/../../etc/passwd ;;
    26) curl -s -o /dev/null -H 'Origin: http://evil.example' $U/_stcore/stream ;;
    27) curl -s -o /dev/null $U/_stcore/metrics ;;
    28) curl -s -o /dev/null -XPOST $U/_stcore/health; edit ;;
    29) edit ;;
  esac
}
for session in $(seq $(( 3 + $(r 3) ))); do
  [ $(r 3) = 0 ] && $ST run nosuch_$(r 9).py $OPTS >>$RAW 2>&1
  start
  DPID=; if [ $(r 3) = 0 ]; then $ST run app.py $OPTS --server.port $PORT >>$RAW 2>&1 & DPID=$!; fi
  for i in $(seq $(( 15 + $(r 40) ))); do
    request
  done
  [ -n "$DPID" ] && wait $DPID 2>/dev/null
  stopit
done
umount /dev/shm
sed -n '1,2500p' $RAW > "$HERE/streamlit.log"
wc -l $RAW "$HERE/streamlit.log"
