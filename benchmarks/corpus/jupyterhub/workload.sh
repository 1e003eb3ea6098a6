#!/bin/bash
# JupyterHub workload: `jupyterhub --debug` (DummyAuthenticator, SimpleLocalProcessSpawner,
# configurable-http-proxy) in a private net+mount namespace, driven with logins, spawns,
# REST API calls and bad requests; restarts; the hub's stdout+stderr is the log.
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
T=$BASE/jh
rm -rf $T; mkdir -p $T; cd $T
RAW=$BASE/jupyterhub-raw.log
: > $RAW
H=http://127.0.0.1:52520
TOK="Authorization: token r39f-workload-token-0123456789abcdef"
USERS=(alice bob carol dave erin badfrank slowgus)
r() { echo $(( RANDOM % $1 )); }
pick() { echo ${USERS[$(r ${#USERS[@]})]}; }

start() {
  $BASE/venv-jh/bin/jupyterhub --debug -f $DIR/jupyterhub_config.py "$@" >> $RAW 2>&1 &
  HP=$!
  for i in $(seq 60); do curl -s -o /dev/null $H/hub/api && break; sleep 0.5; done
}
stop() { kill -INT $HP; wait $HP; }

login() {  # login USER PASSWORD
  rm -f cj; curl -s -c cj -b cj -o /dev/null $H/hub/login
  x=$(awk '/_xsrf/{print $7}' cj)
  curl -s -c cj -b cj -o /dev/null -d "username=$1&password=$2&_xsrf=$x" "$H/hub/login?next=/hub/home"
}
api() { curl -s -o /dev/null -H "$TOK" "$@"; }

step() {
  u=$(pick)
  case $(r 24) in
    0|1|2) login $u pw; curl -s -b cj -o /dev/null $H/hub/home ;;
    3) login $u wrong$(r 9) ;;
    4) login "" pw ;;
    5|6|7) api -X POST $H/hub/api/users/$u/server ;;
    8|9) api -X DELETE $H/hub/api/users/$u/server ;;
    10) api $H/hub/api/users ;;
    11) api $H/hub/api/users/$u ;;
    12) api $H/hub/api/users/nobody$(r 50) ;;
    13) api -X POST $H/hub/api/users/$u ;;
    14) api -X POST -d '{"usernames": [' $H/hub/api/users ;;
    15) api -X POST -d "{\"note\": \"wl\", \"expires_in\": $(( 60 + $(r 600) ))}" $H/hub/api/users/$u/tokens ;;
    16) curl -s -o /dev/null -H "Authorization: token bogus$(r 999)" $H/hub/api/users ;;
    17) curl -s -o /dev/null $H/hub/api/users ;;
    18) api $H/hub/api/info; api $H/hub/api/proxy ;;
    19) login $u pw; curl -s -b cj -o /dev/null -L --max-redirs 4 $H/user/$u/tree ;;
    20) curl -s -o /dev/null $H/hub/nowhere$(r 20) ;;
    21) login $u pw; x=$(awk '/_xsrf/{print $7}' cj); curl -s -b cj -o /dev/null $H/hub/logout ;;
    22) api -X DELETE $H/hub/api/users/$u ;;
    23) api -X PATCH -d '{"admin": false}' $H/hub/api/users/$u ;;
  esac
  [ $(r 4) = 0 ] && sleep 0.$(r 9)
}
steps() { for i in $(seq $1); do step; done; }

start
steps $(( 40 + $(r 30) ))
# kill the proxy behind the hub's back: the hub notices and starts it again
kill -TERM $(cat $T/proxy.pid) 2>/dev/null; sleep 6
steps $(( 20 + $(r 20) ))
# kill one user's single-user server behind the hub's back
api -X POST $H/hub/api/users/carol/server; sleep 2
pkid=$(ps -o pid= --ppid $HP | grep -vw "$(cat $T/proxy.pid)" | head -n 1); [ -n "$pkid" ] && kill -TERM $pkid
sleep 7
steps $(( 10 + $(r 10) ))
stop
# a start with a bad setting, then a normal restart over the same database
$BASE/venv-jh/bin/jupyterhub --debug -f $DIR/jupyterhub_config.py --JupyterHub.port=notaport >> $RAW 2>&1
start
steps $(( 40 + $(r 30) ))
sleep 22
steps $(( 10 + $(r 10) ))
stop

# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > $DIR/jupyterhub.log
wc -l $RAW $DIR/jupyterhub.log
