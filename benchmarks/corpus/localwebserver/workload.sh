#!/bin/bash
# Randomised local-web-server workload; run as root: bash /work/round45/localwebserver/workload.sh [RUNS]
# Re-executes itself inside a private network + mount namespace.
set -m
D=/work/round45/localwebserver
P=/tmp/round45-r45g
if [ -z "$R45G_INNS" ]; then
  mkdir -p $P
  exec env R45G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd $D || exit 1
ip link set lo up
mount --make-rprivate /
mount --bind $P /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $P; mount --bind /mnt $P
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
export HOME=$P/home TMPDIR=$P/tmp XDG_CONFIG_HOME=$P/home/.config XDG_CACHE_HOME=$P/home/.cache \
  XDG_DATA_HOME=$P/home/.local/share XDG_STATE_HOME=$P/home/.local/state XDG_RUNTIME_DIR=$P/run
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
WS=$P/lws/node_modules/.bin/ws
CERT=$P/cert   # throwaway key + certificate, generated outside this folder, deleted at the end
mkdir -p $CERT
[ -f $CERT/key.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout $CERT/key.pem -out $CERT/cert.pem \
  -days 2 -subj /CN=127.0.0.1 2>/dev/null
RAW=$P/lws-raw.log
: > $RAW
PORT=49010
RANDOM=$$
# backend for rewrites on 49020 (49021 stays closed: dead backend)
( cd $D/backend && exec /usr/bin/python3 -m http.server 49020 --bind 127.0.0.1 ) >/dev/null 2>&1 &
BK=$!
trap "kill $BK 2>/dev/null" EXIT
U=http://127.0.0.1:$PORT
C="curl -s -o /dev/null --max-time 5"
request() {
  if [ "$CFG" = 1 ] && [ $((RANDOM % 2)) = 0 ]; then
    case $((RANDOM % 3)) in 0) $C $U/api/items.json ;; 1) $C $U/dead/x ;; 2) $C $U/old/a.txt ;; esac
    return
  fi
  case $((RANDOM % 16)) in
    0|1) $C $U/ ;;
    2) $C $U/sub/a.txt ;;
    3) $C $U/nope-$RANDOM.html ;;
    4) $C $U/api/items.json ;;
    5) $C $U/dead/x ;;
    6) $C -H 'Accept-Encoding: gzip' $U/sub/big.txt ;;
    7) $C -r 0-5 $U/sub/a.txt ;;
    8) $C -X OPTIONS -H 'Origin: http://example.invalid' -H 'Access-Control-Request-Method: PUT' $U/data.json ;;
    9) $C -u user:wrong $U/ ;;
    10) $C -u user:pass $U/sub/ ;;
    11) $C $U/.env.txt ;;
    12) $C -H 'Accept: text/html' $U/app/route/$RANDOM ;;
    13) printf 'GARBAGE\r\n\r\n' | socat -t1 - TCP:127.0.0.1:$PORT >/dev/null 2>&1 ;;
    14) printf 'GET / HTTP/1.1\r\nHost: x\r\n' | socat -t0.2 - TCP:127.0.0.1:$PORT >/dev/null 2>&1 ;;
    15) $C -X POST -H 'Content-Type: application/json' -d '{"a":' $U/data.json ;;
  esac
}
ORDER=($(for k in 1 2 3 4; do shuf -i 0-5; done))
for run in $(seq 1 ${1:-18}); do
  CFG=${ORDER[run-1]}
  case $CFG in
    0) ARGS=(-d site --log.format combined) ;;
    1) ARGS=(-d site --rewrite '/api/(.*) -> http://127.0.0.1:49020/api/$1' '/dead/(.*) -> http://127.0.0.1:49021/$1' '/old/(.*) -> /sub/$1' --verbose.include 'server\.re' 'rewrite' 'config') ;;
    2) ARGS=(-d spa --spa index.html --spa.asset-test-fs --compress --verbose.exclude 'socket') ;;
    3) ARGS=(-d site --https --key $CERT/key.pem --cert $CERT/cert.pem --cors.origin http://example.invalid --cors.allow-methods GET,PUT --verbose.exclude 'server\.config') ;;
    4) ARGS=(-d site --auth.user user --auth.pass pass --blacklist '/.env.txt' --keep-alive-timeout 100) ;;
    5) ARGS=(-d site --key $CERT/missing.pem --cert $CERT/cert.pem --verbose.exclude 'server\.config') ;;
  esac
  U=http://127.0.0.1:$PORT; [ "${ARGS[2]}" = --https ] && U=https://127.0.0.1:$PORT && C="curl -k -s -o /dev/null --max-time 5"
  $WS --verbose -p $PORT "${ARGS[@]}" >>$RAW 2>&1 &
  pid=$!
  for t in $(seq 1 30); do sleep 0.2; curl -ks -o /dev/null $U/ 2>/dev/null && break; kill -0 $pid 2>/dev/null || break; done
  n=$((2 + RANDOM % 6))
  for r in $(seq 1 $n); do kill -0 $pid 2>/dev/null || break; request; done
  sleep 0.3
  kill -INT $pid 2>/dev/null; wait $pid
  C="curl -s -o /dev/null --max-time 5"
done
kill $BK; wait $BK
rm -rf $CERT
# keep at most 2500 whole lines: the first stretch
head -n 2500 $RAW > $D/localwebserver.log
