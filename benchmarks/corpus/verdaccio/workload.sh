#!/bin/bash
# Verdaccio 5.33 (npm registry, installed from the npm registry into /opt/r14verdaccio) with a
# randomised workload of npm clients and curl on 127.0.0.1 only (ports 31401-31405).
# Log: type file, format pretty-timestamped, level trace -> $OUT/verdaccio.log (appended across restarts).
# Uplinks: a second Verdaccio (stopped and started during the run), a dead port, a flaky fake
# registry (fakes.py). A webhook sink (fakes.py) receives publish notifications and comes and goes.
# Run as root on Debian 12 (nodejs + npm installed):  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-300}
V=/opt/r14verdaccio; W=/tmp/r14v; UPW=/tmp/r14up
MAIN=127.0.0.1:31401; UP=127.0.0.1:31402
if [ ! -x $V/node_modules/.bin/verdaccio ]; then
  mkdir -p $V && (cd $V && npm init -y >/dev/null && npm install verdaccio@5.33.0)
fi
for f in $W/pid $UPW/pid $W/flaky.pid $W/hook.pid; do [ -f $f ] && kill $(cat $f) 2>/dev/null; done
sleep 1
rm -rf $W $UPW; mkdir -p $W $UPW $OUT; rm -f "$OUT/verdaccio.log"
export NODE_ENV=development
cat > $W/config.yaml <<EOF
storage: $W/storage
auth:
  htpasswd:
    file: $W/htpasswd
    max_users: 12
    algorithm: bcrypt
    rounds: 4
uplinks:
  upstream:
    url: http://$UP/
    timeout: 3s
    max_fails: 2
    fail_timeout: 10s
  deadlink:
    url: http://127.0.0.1:31403/
    timeout: 2s
  flaky:
    url: http://127.0.0.1:31404/
    timeout: 3s
    max_fails: 3
    fail_timeout: 5s
packages:
  '@private/*':
    access: \$authenticated
    publish: \$authenticated
    unpublish: \$authenticated
  'up-*':
    access: \$all
    publish: \$authenticated
    proxy: upstream
  'ghost-*':
    access: \$all
    publish: \$authenticated
    proxy: deadlink
  'flaky-*':
    access: \$all
    publish: \$authenticated
    proxy: flaky
  'admin-*':
    access: \$all
    publish: alice
    unpublish: alice
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
    proxy: upstream
notify:
  method: POST
  headers: [{'Content-Type': 'application/json'}]
  endpoint: http://127.0.0.1:31405/hook
  content: '{"name":"{{name}}","version":"{{#each versions}}{{version}} {{/each}}"}'
server:
  keepAliveTimeout: 5
web:
  enable: true
  title: r14
listen: $MAIN
log: { type: file, path: $OUT/verdaccio.log, format: pretty-timestamped, level: trace }
EOF
cat > $UPW/config.yaml <<EOF
storage: $UPW/storage
auth:
  htpasswd:
    file: $UPW/htpasswd
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
listen: $UP
log: { type: file, path: $UPW/up.log, format: pretty-timestamped, level: http }
EOF

start_main() { (cd $V && nohup node_modules/.bin/verdaccio -c $W/config.yaml >>$W/stdout.txt 2>&1 & echo $! > $W/pid); sleep 3; }
start_up()   { (cd $V && nohup node_modules/.bin/verdaccio -c $UPW/config.yaml >>$UPW/stdout.txt 2>&1 & echo $! > $UPW/pid); sleep 3; }
stop_pid()   { [ -f "$1" ] || return 0; local p; p=$(cat "$1"); kill $p 2>/dev/null
  for _ in $(seq 1 30); do kill -0 $p 2>/dev/null || break; sleep 0.5; done
  kill -9 $p 2>/dev/null; rm -f "$1"; }
start_flaky(){ python3 $HERE/fakes.py uplink 31404 2>/dev/null & echo $! > $W/flaky.pid; }
start_hook() { python3 $HERE/fakes.py hook 31405 2>/dev/null & echo $! > $W/hook.pid; }
start_up; start_main; start_flaky; start_hook

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
declare -A TOKEN PASS
USERS=(alice bob carol dave erin frank)
adduser() { # $1 registry $2 user $3 password -> prints token
  curl -s -m 10 -XPUT -H 'content-type: application/json' \
    -d "{\"_id\":\"org.couchdb.user:$2\",\"name\":\"$2\",\"password\":\"$3\",\"type\":\"user\"}" \
    "http://$1/-/user/org.couchdb.user:$2" | python3 -c 'import sys,json; print(json.load(sys.stdin).get("token",""))' 2>/dev/null
}
npmrc() { # $1 user -> path of an npmrc with that user's token
  local f=$W/npmrc-$1; printf 'registry=http://%s/\n//%s/:_authToken=%s\n' $MAIN $MAIN "${TOKEN[$1]:-none}" > $f; echo $f; }
for u in "${USERS[@]}"; do PASS[$u]=pw-$u-$RANDOM; TOKEN[$u]=$(adduser $MAIN $u ${PASS[$u]}); done
UPTOKEN=$(adduser $UP seeder seedpass)
printf 'registry=http://%s/\n//%s/:_authToken=%s\n' $UP $UP "$UPTOKEN" > $W/npmrc-up
NPM="npm --no-audit --no-fund --loglevel=error --fetch-retries=0 --fetch-timeout=8000"

mkpkg() { # $1 name $2 version -> dir
  local d; d=$(mktemp -d $W/pkg.XXXXXX)
  printf '{"name":"%s","version":"%s","description":"pkg %s","main":"index.js","license":"MIT"}\n' "$1" "$2" "$RANDOM" > $d/package.json
  head -c $((200 + RANDOM * 3)) /dev/urandom | base64 > $d/index.js
  [ $(r 2) = 0 ] && echo "# $1 $RANDOM" > $d/README.md
  echo $d
}
# seed the upstream registry with up-* packages
for n in up-left-pad up-colors up-lodashish up-chalkish up-yargsy; do
  for v in 1.0.0 1.1.0 2.0.$(r 9); do d=$(mkpkg $n $v); (cd $d && $NPM publish --userconfig $W/npmrc-up >/dev/null 2>&1); rm -rf $d; done
done

LOCAL=(pad-util str-helper tiny-log math-kit date-fmt color-bits @private/secret-sauce @private/core-lib admin-tools net-probe)
declare -A VER
nextver() { local v=${VER[$1]:-0.9.$(r 5)}; IFS=. read -r a b c <<<"$v"
  case $(r 4) in 0) v=$a.$((b+1)).0;; 1) v=$((a+1)).0.0;; *) v=$a.$b.$((c+1));; esac; VER[$1]=$v; echo $v; }
inst() { local d; d=$(mktemp -d $W/inst.XXXXXX); (cd $d && timeout 40 $NPM install --prefer-online --cache $W/cache-$(r 3) --userconfig "$1" "${@:2}" >/dev/null 2>&1); rm -rf $d; }

END=$((SECONDS + DURATION)); i=0
while [ $SECONDS -lt $END ]; do
  i=$((i+1)); u=$(pick "${USERS[@]}"); p=$(pick "${LOCAL[@]}"); rc=$(npmrc $u)
  case $(r 27) in
    0|1|2) v=$(nextver $p); d=$(mkpkg $p $v); (cd $d && timeout 30 $NPM publish --userconfig $rc >/dev/null 2>&1); rm -rf $d ;;
    3) [ -n "${VER[$p]:-}" ] && { d=$(mkpkg $p ${VER[$p]}); (cd $d && timeout 30 $NPM publish --userconfig $rc >/dev/null 2>&1); rm -rf $d; } ;;   # duplicate version
    4|5) inst $rc "$p@${VER[$p]:-latest}" ;;
    6) inst $rc "$(pick up-left-pad up-colors up-lodashish up-chalkish up-yargsy up-missing-$(r 50))" ;;
    7) inst $rc "ghost-$(pick alpha beta gamma)-$(r 20)" ;;
    8) inst $rc "flaky-$(pick one two three four)" ;;
    9) timeout 20 $NPM view --userconfig $rc "$(pick nope-$RANDOM $p $p@9.9.$(r 9) up-colors flaky-two)" >/dev/null 2>&1 ;;
    10) [ -n "${VER[$p]:-}" ] && timeout 20 $NPM unpublish --force --userconfig $rc "$p@${VER[$p]}" >/dev/null 2>&1 && unset "VER[$p]" ;;
    11) timeout 20 $NPM unpublish --force --userconfig $(pick $rc $(npmrc nobody)) "$p" >/dev/null 2>&1 && unset "VER[$p]" ;;
    12) case $(r 3) in
          0) timeout 20 $NPM dist-tag add --userconfig $rc "$p@${VER[$p]:-1.0.0}" "$(pick beta next canary rc$(r 9))" >/dev/null 2>&1 ;;
          1) timeout 20 $NPM dist-tag rm --userconfig $rc "$p" "$(pick beta next canary)" >/dev/null 2>&1 ;;
          2) timeout 20 $NPM dist-tag ls --userconfig $rc "$p" >/dev/null 2>&1 ;; esac ;;
    13) timeout 20 $NPM deprecate --userconfig $rc "$p@${VER[$p]:-0.0.1}" "use $(pick pad-util tiny-log something-else) instead $RANDOM" >/dev/null 2>&1 ;;
    14) curl -s -m 5 -XPUT -H 'content-type: application/json' -d "{\"name\":\"$u\",\"password\":\"wrong$RANDOM\"}" "http://$MAIN/-/user/org.couchdb.user:$u" >/dev/null ;;
    15) nu=user$(r 40); t=$(adduser $MAIN $nu pass$RANDOM) ;;    # new users until max_users, then refusals / conflicts
    16) curl -s -m 5 -XPUT -H 'content-type: application/json' -d "{\"name\":\"$u\",\"password\":\"${PASS[$u]}\"}" "http://$MAIN/-/user/org.couchdb.user:$u" >/dev/null
        timeout 20 $NPM whoami --userconfig $(pick $rc $rc $(npmrc ghost)) >/dev/null 2>&1 ;;
    17) timeout 20 $NPM search --userconfig $rc "$(pick pad tiny up- kit secret zzz$(r 9))" >/dev/null 2>&1 ;;
    18) case $(r 4) in
          0) curl -s -m 5 "http://$MAIN/@private%2f$(pick secret-sauce core-lib none)" >/dev/null ;;
          1) curl -s -m 5 -u "$u:wrong$(r 99)" "http://$MAIN/@private%2fcore-lib" >/dev/null ;;
          2) curl -s -m 5 -u "$u:${PASS[$u]}" "http://$MAIN/@private%2fsecret-sauce" >/dev/null ;;
          3) curl -s -m 5 -H "Authorization: Bearer bogus$RANDOM" "http://$MAIN/$p" >/dev/null ;; esac ;;
    19) curl -s -m 5 -XPOST -H 'content-type: application/json' -d "{\"username\":\"$u\",\"password\":\"$(pick ${PASS[$u]} bad$RANDOM)\"}" "http://$MAIN/-/verdaccio/sec/login" >/dev/null ;;
    20) case $(r 6) in
          0) curl -s -m 5 -XPUT -H 'content-type: application/json' -d '{"name": broken' "http://$MAIN/$p" >/dev/null ;;
          1) curl -s -m 5 "http://$MAIN/$p/-/$p-$(r 9).$(r 9).$(r 9).tgz" >/dev/null ;;
          2) curl -s -m 5 "http://$MAIN/..%2f..%2fetc%2fpasswd" >/dev/null ;;
          3) curl -s -m 5 -XDELETE "http://$MAIN/-/user/token/$(pick abc $RANDOM)" >/dev/null ;;
          4) curl -s -m 5 "http://$MAIN/-/v1/search?text=$(pick pad kit up)&size=$(r 30)" >/dev/null ;;
          5) curl -s -m 5 "http://$MAIN/-/all" >/dev/null ;; esac ;;
    21) timeout 20 $NPM ping --userconfig $rc >/dev/null 2>&1
        timeout 20 $NPM $(pick star unstar) --userconfig $rc "$p" >/dev/null 2>&1 ;;
    22) timeout 20 $NPM token $(pick list create) --userconfig $rc >/dev/null 2>&1 </dev/null
        timeout 20 $NPM owner ls --userconfig $rc "$p" >/dev/null 2>&1 ;;
    23|24|25|26) case $(r 4) in
          0) stop_pid $UPW/pid; sleep $(r 3) ;;           # upstream goes away
          1) [ -f $UPW/pid ] || start_up ;;
          2) if [ -f $W/hook.pid ]; then stop_pid $W/hook.pid; else start_hook; fi ;;
          3) stop_pid $W/pid; sleep 1; start_main ;;  # restart the registry
        esac ;;
  esac
  sleep 0.$(r 9); sleep 0.$(r 9)
done
stop_pid $W/pid; stop_pid $UPW/pid; stop_pid $W/flaky.pid; stop_pid $W/hook.pid
