#!/bin/bash
# Randomised workload for the redbird reverse proxy. Run as root: bash workload.sh
SEED=4601
RANDOM=$SEED
D=/work/round46/redbird
T=/tmp/round46-r46h
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
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
# throwaway certificate, outside the folder
if [ ! -f $T/certs/key.pem ]; then
  mkdir -p $T/certs
  openssl req -x509 -newkey rsa:2048 -nodes -keyout $T/certs/key.pem -out $T/certs/cert.pem -days 30 \
    -subj "/CN=secure.test" -addext "subjectAltName=DNS:secure.test,DNS:shop.test" 2>/dev/null
fi
set -m
cd $D
RAW=$T/redbird.raw
: > $RAW
node backend.mjs 49510 49511 49512 49513 & BACK=$!
PROXY=
start_proxy() { node proxy.mjs >> $RAW 2>&1 & PROXY=$!; sleep 1.2; }
stop_proxy() { kill -TERM $PROXY; wait $PROXY 2>/dev/null; }
ctl() { curl -s -o /dev/null "http://127.0.0.1:49502/$1"; }
HOSTS=(app.test api.test shop.test dead.test nope.test blog.test secure.test)
V1=("" /v1)
TLSH=(shop.test secure.test)
PATHS=(/ /index.html /api/users /api/orders/17 /static/app.js /login /health /fail /drop /img/logo.png "/search?q=x")
# no $(...) around RANDOM: bash reseeds RANDOM in subshells
pick() { local -n a=$1; PICK="${a[RANDOM % ${#a[@]}]}"; }
register_all() {
  ctl "reg?src=app.test&target=http://127.0.0.1:49510"
  ctl "reg?src=app.test&target=http://127.0.0.1:49511"
  [ $((RANDOM % 2)) = 0 ] && ctl "reg?src=app.test&target=http://127.0.0.1:49512"
  ctl "reg?src=api.test/v1&target=http://127.0.0.1:49512/api"
  ctl "reg?src=api.test&target=http://127.0.0.1:49513"
  ctl "reg?src=dead.test&target=http://127.0.0.1:49519"
  ctl "reg?src=shop.test&target=http://127.0.0.1:49511&ssl=keep"
  ctl "reg?src=secure.test&target=http://127.0.0.1:49510&ssl=redirect"
}
action() {
  local r=$((RANDOM % 100)) h p
  pick PATHS; p=$PICK
  if   [ $r -lt 30 ]; then curl -s -o /dev/null -m 4 -H 'Host: app.test' "http://127.0.0.1:49500$p"
  elif [ $r -lt 40 ]; then curl -s -o /dev/null -m 4 -H 'Host: api.test' "http://127.0.0.1:49500${V1[RANDOM % 2]}$p"
  elif [ $r -lt 46 ]; then pick HOSTS; h=$PICK; curl -s -o /dev/null -m 4 -H "Host: $h" "http://127.0.0.1:49500$p"
  elif [ $r -lt 52 ]; then curl -s -o /dev/null -m 4 -H "Host: nope$((RANDOM % 40)).test" "http://127.0.0.1:49500$p"
  elif [ $r -lt 55 ]; then curl -s -o /dev/null -m 4 -H 'Host: dead.test' "http://127.0.0.1:49500$p"
  elif [ $r -lt 60 ]; then curl -s -o /dev/null -m 4 -H 'Host: secure.test' "http://127.0.0.1:49500$p"
  elif [ $r -lt 67 ]; then h=${TLSH[RANDOM % 2]}
    curl -sk -o /dev/null -m 4 --resolve $h:49501:127.0.0.1 "https://$h:49501$p"
  elif [ $r -lt 69 ]; then curl -sk -o /dev/null -m 4 --resolve other$r.test:49501:127.0.0.1 "https://other$r.test:49501$p"
  elif [ $r -lt 71 ]; then curl -s -o /dev/null -m 4 --http1.0 -H 'Host:' "http://127.0.0.1:49500$p"
  elif [ $r -lt 73 ]; then printf 'HELLO %s\r\n\r\n' $RANDOM | socat -t1 - TCP:127.0.0.1:49501 >/dev/null 2>&1
  elif [ $r -lt 74 ]; then printf 'BROKEN\r\n\r\n' | socat -t1 - TCP:127.0.0.1:49500 >/dev/null 2>&1
  elif [ $r -lt 75 ]; then curl -s -o /dev/null -m 4 -H 'Host: app.test' "http://127.0.0.1:49500/slow"
  elif [ $r -lt 81 ]; then pick HOSTS; h=$PICK; node wsclient.mjs 49500 $h /ws/$((RANDOM % 50))
  elif [ $r -lt 83 ]; then node wsclient.mjs 49501 shop.test /ws/$((RANDOM % 50)) tls
  elif [ $r -lt 88 ]; then ctl "reg?src=tmp$((RANDOM % 6)).test&target=http://127.0.0.1:$((49510 + RANDOM % 5))"
  elif [ $r -lt 92 ]; then ctl "unreg?src=tmp$((RANDOM % 6)).test"
  elif [ $r -lt 94 ]; then curl -s -o /dev/null -m 4 -H "Host: tmp$((RANDOM % 6)).test" "http://127.0.0.1:49500$p"
  elif [ $r -lt 96 ]; then ctl "reg?src=tmp$((RANDOM % 6)).test/sub&target=http://127.0.0.1:$((49510 + RANDOM % 5))/x"
  elif [ $r -lt 98 ]; then ctl "reg?src=app.test&target=http://127.0.0.1:4951$((RANDOM % 3))"
  else ctl "reg?src=bad%20host%20$RANDOM&target=nowhere"
  fi
}
for round in 1 2 3 4; do
  start_proxy
  register_all
  n=$((150 + RANDOM % 200))
  for ((i = 0; i < n; i++)); do action; done
  if [ $round = 2 ]; then
    # a second instance on the same ports: listen errors
    CTL=49503 node proxy.mjs >> $RAW 2>&1 & DUP=$!; sleep 1.5; kill -TERM $DUP; wait $DUP 2>/dev/null
  fi
  stop_proxy
done
kill $BACK; wait $BACK 2>/dev/null
# keep the first 2500 lines
sed -n '1,2500p' $RAW > $D/redbird.log
