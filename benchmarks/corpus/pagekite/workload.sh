#!/bin/bash
# Randomised workload for a PageKite front-end relay (Debian pagekite 1.5.2.201011) with local
# back-ends, all on localhost inside a private network+mount namespace. The log is the front-end's
# --logfile (--loglevel=debug); at most 2500 lines are kept.
set -m
D=/work/round43/pagekite
W=/tmp/round43-r43c/pk
if [ -z "$R43C_INNS" ]; then
  mkdir -p $W/home $W/tmp $W/xdg $W/logs
  exec env R43C_INNS=1 unshare -n -m "$0" "$@"
fi
cd $W || exit 1
ip link set lo up
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
PK=/usr/bin/pagekite
FEPORTS=47101,47102
RAW=$W/fe-raw.log
rm -f $RAW $W/logs/*
r() { echo $((RANDOM % $1)); }

start_fe() {
  $PK --clean --isfrontend --ports=$FEPORTS --protos=http --domain='http:*.kite.test:s3cret' \
      --domain='http:beta.demo.test:betasecret' --logfile=$RAW --loglevel=debug --nullui \
      >> $W/logs/fe.out 2>&1 &
  FE=$!; sleep 1.5
}
declare -A BE ORIG
start_be() {  # name kite-spec...
  local n=$1; shift
  local args=()
  for s in "$@"; do args+=(--service_on="$s"); done
  $PK --clean --frontend=127.0.0.1:47101 "${args[@]}" --logfile=$W/logs/be-$n.log --loglevel=debug --nullui \
      >> $W/logs/be-$n.out 2>&1 &
  BE[$n]=$!
}
stop_be() { [ -n "${BE[$1]}" ] && kill ${BE[$1]} && wait ${BE[$1]} 2>/dev/null; BE[$1]=; }
start_orig() { /usr/bin/python3 -m http.server $1 --bind 127.0.0.1 --directory $D/www >> $W/logs/orig-$1.out 2>&1 & ORIG[$1]=$!; }
stop_orig() { [ -n "${ORIG[$1]}" ] && kill ${ORIG[$1]} && wait ${ORIG[$1]} 2>/dev/null; ORIG[$1]=; }

hosts=(alpha.kite.test alpha.kite.test alpha.kite.test beta.demo.test beta.demo.test gamma.kite.test
       nope.kite.test www.unknown.test delta.kite.test)
paths=(/ / /index.html /notes.txt /missing /dir/x?q=1 /favicon.ico)
request() {
  local h=${hosts[$(r ${#hosts[@]})]} p=${paths[$(r ${#paths[@]})]} port=4710$(( $(r 4) == 0 ? 2 : 1 ))
  case $(r 22) in
    0) curl -s -m 3 -o /dev/null -X POST -d "a=$RANDOM" -H "Host: $h" http://127.0.0.1:$port$p ;;
    1) curl -s -m 3 -o /dev/null -I -H "Host: $h" http://127.0.0.1:$port$p ;;
    2) printf 'GET / HTTP/1.0\r\n\r\n' | socat -t 2 - TCP:127.0.0.1:$port > /dev/null ;;
    3) head -c $((RANDOM % 200 + 1)) /dev/urandom | socat -t 1 - TCP:127.0.0.1:$port > /dev/null ;;
    4) printf 'GET / HTTP/1.1\r\nHost: %s\r\n' "$h" | socat -t 1 - TCP:127.0.0.1:$port > /dev/null ;;
    5) printf 'HELLO\r\n\r\n' | socat -t 1 - TCP:127.0.0.1:$port > /dev/null ;;
    6) curl -s -m 3 -o /dev/null -H "Host: $h:$port" http://127.0.0.1:$port$p ;;
    7) printf 'CONNECT %s:443 HTTP/1.1\r\nHost: %s\r\n\r\n' "$h" "$h" | socat -t 2 - TCP:127.0.0.1:$port > /dev/null ;;
    8) curl -s -m 3 -o /dev/null --interface 127.0.0.$((RANDOM % 200 + 2)) -H "Host: $h" http://127.0.0.1:$port$p ;;
    *) curl -s -m 3 -o /dev/null -H "Host: $h" http://127.0.0.1:$port$p ;;
  esac
}

start_orig 47201; start_orig 47202
start_fe
start_be a 'http:alpha.kite.test:127.0.0.1:47201:s3cret'
start_be b 'http:beta.demo.test:127.0.0.1:47202:betasecret' 'http:gamma.kite.test:127.0.0.1:47203:s3cret'
sleep 4

# every special action at least once, plus random extra ones, in random order
acts=$( (seq 0 6; for i in $(seq $((RANDOM % 6 + 6))); do r 10; done) | shuf)
for act in $acts; do
  for i in $(seq $((RANDOM % 25 + 10))); do
    request
    [ $(r 3) = 0 ] && sleep 0.$(r 5)
  done
  case $act in
    0) stop_be a; sleep 0.5; for i in $(seq $(r 6)); do request; done; start_be a 'http:alpha.kite.test:127.0.0.1:47201:s3cret'; sleep 3 ;;
    1) stop_orig 47201; for i in $(seq $((RANDOM % 5 + 1))); do curl -s -m 3 -o /dev/null -H 'Host: alpha.kite.test' http://127.0.0.1:47101/; done; start_orig 47201 ;;
    2) start_be bad 'http:delta.kite.test:127.0.0.1:47201:wrongsecret'; sleep $((RANDOM % 4 + 2)); stop_be bad ;;
    3) start_be unk 'http:www.unknown.test:127.0.0.1:47201:whatever'; sleep $((RANDOM % 4 + 2)); stop_be unk ;;
    4) start_be dup 'http:alpha.kite.test:127.0.0.1:47201:s3cret'; sleep $((RANDOM % 3 + 3)); for i in $(seq 5); do request; done; stop_be dup ;;
    5) kill $FE; wait $FE; sleep 0.5; for i in $(seq $(r 4)); do request; done; start_fe; sleep 6 ;;
    6) stop_be b; sleep 0.5; start_be b 'http:beta.demo.test:127.0.0.1:47202:betasecret' 'http:gamma.kite.test:127.0.0.1:47203:s3cret'; sleep 3 ;;
    *) sleep $(r 3) ;;
  esac
done
stop_be a; stop_be b
sleep 1
kill $FE; wait $FE
stop_orig 47201; stop_orig 47202
sed -n '1,2500p' $RAW > $D/pagekite.log
