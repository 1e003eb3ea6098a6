#!/bin/bash
# Randomised workload for Redis Commander (npm redis-commander, prefix /tmp/round37-r37f/rc)
# against private redis-server instances on ports 48501 (open) and 48502 (requirepass).
# Web UI on 127.0.0.1:48500. All stdout+stderr of redis-commander is appended to $RAW.
set -u
D=$(cd "$(dirname "$0")" && pwd)
P=/tmp/round37-r37f
RC=$P/rc/bin/redis-commander
RAW=$P/rc-raw.log
DATA=$P/rcdata
H=127.0.0.1:48500
CID='R:127.0.0.1:48501:0'
mkdir -p $DATA $P/home
# connections saved by an earlier run without --nosave would be loaded again: start clean
rm -f $P/rc/lib/node_modules/redis-commander/config/local-*.json
: > $RAW
RANDOM=${SEED:-3737}

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

redis_start() {  # port [extra]
  redis-server --port $1 --bind 127.0.0.1 --dir $DATA --daemonize yes --pidfile $DATA/redis$1.pid \
    --logfile $DATA/redis$1.log --save "" --appendonly no "${@:2}"
  sleep 0.5
}
redis_stop() { redis-cli -p $1 ${2:+-a $2} --no-auth-warning shutdown nosave >/dev/null 2>&1; sleep 0.5; }

RCPID=
rc_start() {
  HOME=$P/home $RC --redis-host 127.0.0.1 --redis-port ${RPORT:-48501} --address 127.0.0.1 --port 48500 --nosave "$@" >> $RAW 2>&1 &
  RCPID=$!; echo $RCPID > $P/rc.pid
  for i in $(seq 40); do curl -s -o /dev/null $H/ && break; sleep 0.25; done
}
rc_stop() { [ -n "$RCPID" ] && kill $RCPID 2>/dev/null; wait $RCPID 2>/dev/null; RCPID=; }

c() { curl -s -o /dev/null -m 5 "$@"; }
PFX=(user session cache queue order cart item stats)
key() { echo "$(pick "${PFX[@]}"):$(r 30)"; }

seed() {
  for i in $(seq 60); do
    k="$(pick "${PFX[@]}"):$i"
    case $(r 6) in
      0|1) redis-cli -p 48501 set "$k" "v$RANDOM" >/dev/null;;
      2) redis-cli -p 48501 rpush "$k" a$RANDOM b$RANDOM c >/dev/null;;
      3) redis-cli -p 48501 sadd "$k" m$RANDOM n$RANDOM >/dev/null;;
      4) redis-cli -p 48501 zadd "$k" $(r 100) z$RANDOM 5 y >/dev/null;;
      5) redis-cli -p 48501 hset "$k" f1 $RANDOM f2 x >/dev/null;;
    esac
    [ $(r 8) = 0 ] && redis-cli -p 48501 xadd "stream:$i" '*' temp $RANDOM >/dev/null
    [ $(r 10) = 0 ] && redis-cli -p 48501 expire "$k" 3600 >/dev/null
  done
}

op() {
  local k; k=$(key)
  case $(r 40) in
    0|1|2|3|4|5|6|7) c "$H/apiv2/key/$CID/$k";;
    8|9) c "$H/apiv2/key/$CID/stream:$(r 60)";;
    10|11|12) c -X POST "$H/apiv2/key/$CID/$k" -d keyType=$(pick string string string none) --data-urlencode "stringValue=val$RANDOM";;
    13) c -X POST "$H/apiv2/key/$CID/$k" -d keyType=list --data-urlencode "stringValue=li$RANDOM";;
    14) c -X POST "$H/apiv2/key/$CID/$k" -d keyType=zset -d keyScore=$(r 50) -d "stringValue=zz$RANDOM";;
    15|16) c -X POST "$H/apiv2/hash/field" -d "key=$k" -d "field=f$(r 4)" -d "value=$RANDOM" -d "connectionId=$CID";;
    17) c -X DELETE "$H/apiv2/hash/field" -d "key=$k" -d "field=f$(r 4)" -d "connectionId=$CID";;
    18|19) c "$H/apiv2/hash/key/$CID/$k?field=f$(r 3)";;
    20) c "$H/apiv2/hash/key/$CID/$k";;
    21) c -X POST "$H/apiv2/list/value" -d "key=$k" -d "value=n$RANDOM" -d "type=$(pick lpush rpush rpush append)" -d "connectionId=$CID";;
    22) c -X PUT "$H/apiv2/list/value" -d "key=$k" -d "index=$(r 6)" -d "value=e$RANDOM" -d "connectionId=$CID";;
    23) c -X DELETE "$H/apiv2/list/value" -d "key=$k" -d "index=$(r 5)" -d "connectionId=$CID";;
    24) c -X POST "$H/apiv2/set/member" -d "key=$k" -d "value=s$RANDOM" -d "connectionId=$CID";;
    25) c -X PUT "$H/apiv2/set/member" -d "key=$k" -d "value=s$RANDOM" -d "oldValue=m1" -d "connectionId=$CID";;
    26) c -X POST "$H/apiv2/zset/member" -d "key=$k" -d "score=$(r 9)" -d "value=q$RANDOM" -d "connectionId=$CID";;
    27) c -X DELETE "$H/apiv2/zset/member" -d "key=$k" -d "value=y" -d "connectionId=$CID";;
    28) c -X POST "$H/apiv2/xset/member" -d "key=stream:$(r 60)" -d "timestamp=$(pick '*' '*' 1-1 bad)" -d "field=t" -d "value=$RANDOM" -d "connectionId=$CID";;
    29) c -X DELETE "$H/apiv2/xset/member" -d "key=stream:$(r 60)" -d "timestamp=$(pick 1-1 0-1 x)" -d "connectionId=$CID";;
    30) c -X PATCH "$H/apiv2/key/$CID/$k" -d "key=$(key)" -d "force=$(pick true false false)";;
    31) c -X POST "$H/apiv2/key/$CID/$k?action=delete";;
    32) c -X POST "$H/apiv2/keys/$CID/$(pick "${PFX[@]}"):$(r 3)*?action=$(pick delete delete purge)";;
    33|34) c "$H/apiv2/keys/$CID/$(pick "${PFX[@]}"):";;
    35) c "$H/apiv2/keystree/$CID/$(pick "${PFX[@]}"):";;
    36) c -X POST "$H/apiv2/exec/$CID" --data-urlencode "cmd=$(pick 'dbsize' 'info memory' "get $k" 'multi' 'nosuchcmd 1' "incr $k")";;
    37) c "$H/apiv2/key/R:127.0.0.1:$(pick 6379 48599):0/$k";;
    38) c "$H/apiv2/server/info";;
    39) [ "$(redis-cli -p 48501 exists "$k")" = 1 ] && c -X POST "$H/apiv2/key/$CID/$k?action=decode";;
  esac
}

login() {  # port [password] [db]
  c -X POST "$H/login" -d "hostname=127.0.0.1" -d "port=$1" -d "password=${2:-}" -d "dbIndex=${3:-0}" -d "label=l$1"
}

redis_start 48501
redis_start 48502 --requirepass s3cret
seed

# 1: normal run
rc_start
for i in $(seq $((150 + $(r 60)))); do op; done
login 48501 "" 1; login 48502 wrong 0; login 48599 "" 0
c -X POST "$H/login/detectDb" -d "hostname=127.0.0.1" -d "port=$(pick 48502 48599 48501)"
c -X POST "$H/login/detectDb" -d "hostname=127.0.0.1" -d "port=48501"
c -X POST "$H/login" -d "port=48501"
for i in $(seq $((80 + $(r 40)))); do op; done
c -X POST "$H/logout/R:127.0.0.1:48501:1"
# redis goes away while in use, then comes back
redis_stop 48501
for i in $(seq $((5 + $(r 8)))); do op; sleep 0.2; done
sleep 2
redis_start 48501; seed; sleep 2
for i in $(seq $((60 + $(r 40)))); do op; done
rc_stop

# 2: bad command lines and config test
B="timeout 4 env HOME=$P/home $RC --address 127.0.0.1"
$B --port abc >> $RAW 2>&1
$B --port 99999 >> $RAW 2>&1
$B --port 48500 --redis-port 48501 --redis-db x >> $RAW 2>&1
$B --port 48500 --redis-port 48501 --redis-db -3 >> $RAW 2>&1
$B --port 48500 --redis-port tcp://127.0.0.1:48501 --test >> $RAW 2>&1
$B --port 48500 --test >> $RAW 2>&1

# 3: with http auth, password-protected redis
PW=pw$RANDOM
RPORT=tcp://127.0.0.1:48502 rc_start --http-auth-username admin --http-auth-password $PW --redis-password s3cret
for i in $(seq $((4 + $(r 6)))); do
  c -X POST "$H/signin" -d "username=$(pick admin admin root guest)" -d "password=$(pick wrong guess $PW $PW)"
done
c -X POST "$H/signin" -H 'Authorization: Bearer bad.token.here'
rc_stop

# 4: wrong redis password, then redis optional and down
RPORT=48502 rc_start --redis-password nope
sleep 2; rc_stop
RPORT=48599 rc_start --redis-optional
sleep 3
for i in $(seq 5); do c "$H/apiv2/key/R:127.0.0.1:48599:0/$(key)"; done
rc_stop

# 5: read-only, url prefix, no-log-data, no scan
rc_start --read-only --url-prefix /rc --no-log-data
for i in $(seq $((40 + $(r 30)))); do H=127.0.0.1:48500/rc op; done
rc_stop
rc_start --no-use-scan
for i in $(seq $((80 + $(r 50)))); do op; done
redis_stop 48501
sleep 3
redis_start 48501; sleep 2
# decoding a missing key crashes the process (uncaught TypeError)
c -X POST "$H/apiv2/key/$CID/missing:$RANDOM?action=decode"
sleep 1
rc_stop
redis_stop 48501

redis_stop 48502 s3cret
