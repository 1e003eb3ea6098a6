#!/bin/bash
# Randomised workload for Cloud Commander (npm cloudcmd, prefix /tmp/round37-r37f/cc, with the
# optional request logger morgan installed beside it in the same prefix).
# Runs itself inside a private network namespace (unshare -n, loopback only): cloudcmd checks
# the npm registry for updates at every start.
# One exporter (--export, port 48530) and several importers (--import, ports 48531-48539)
# over $ROOT; curl drives the exporter's REST API. Every instance's stdout+stderr is appended to $RAW.
set -u
if [ -z "${IN_NETNS:-}" ]; then
  exec unshare -n env IN_NETNS=1 bash "$0" "$@"
fi
ip link set lo up
D=$(cd "$(dirname "$0")" && pwd)
P=/tmp/round37-r37f
C=$P/cc/bin/cloudcmd
RAW=$P/cc-raw.log
ROOT=$P/ccroot
export HOME=$P/cchome NO_COLOR=1   # NO_COLOR: morgan's dev format without escape sequences
rm -rf $ROOT $HOME; mkdir -p $ROOT/docs $ROOT/src $ROOT/tmp $HOME
for i in $(seq 12); do echo "file $i $RANDOM" > $ROOT/docs/f$i.txt; done
echo 'int main(){return 0;}' > $ROOT/src/main.c
: > $RAW
RANDOM=${SEED:-3131}
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

E=http://127.0.0.1:48530
EPID=
exp_start() {
  $C --port 48530 --root $ROOT --no-open --export --export-token tok --log "$@" >> $RAW 2>&1 &
  EPID=$!
  for i in $(seq 60); do curl -s -o /dev/null $E/ && break; sleep 0.25; done
}
exp_stop() { [ -n "$EPID" ] && kill -INT $EPID 2>/dev/null; wait $EPID 2>/dev/null; EPID=; }
declare -A IPID
imp_start() {  # port token [listen]
  $C --port $1 --root $ROOT --no-open --import --import-url $E --import-token $2 --name node$1 \
    ${3:+--import-listen} --log >> $RAW 2>&1 &
  IPID[$1]=$!
}
imp_stop() { kill -INT ${IPID[$1]} 2>/dev/null; wait ${IPID[$1]} 2>/dev/null; unset "IPID[$1]"; }

c() { curl -s -o /dev/null -m 5 "$@"; }
J='Content-Type: application/json'
KEYS=(editor theme columns packer showDotFiles vim confirmCopy confirmMove oneFilePanel keysPanel)
val() {
  case $1 in
    editor) pick edward dword deepword;; theme) pick light dark;; packer) pick tar zip;;
    columns) pick name-size-date name-size-date-owner-mode;; *) pick true false;;
  esac
}
op() {
  local f="f$(( $(r 12) + 5 )).txt" g="f$(( $(r 4) + 1 )).txt"   # f5..f16 come and go, f1..f4 stay
  case $(r 24) in
    0|1|2|3|4) c $E/api/v1/fs/$(pick docs/ src/ tmp/ "" nope/ docs/$g src/main.c);;
    5|6) c -X PUT $E/api/v1/fs/$(pick docs tmp)/$f --data-binary "data $RANDOM";;
    7) c -X PUT "$E/api/v1/fs/tmp/d$(r 5)?dir";;
    8) c -X DELETE $E/api/v1/fs/$(pick docs tmp)/$f;;
    9) c -X PATCH $E/api/v1/fs/docs/$f --data-binary $'--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n';;
    10|11|12|13|14) k=$(pick "${KEYS[@]}"); c -X PATCH $E/api/v1/config -H "$J" -d "{\"$k\":\"$(val $k)\"}";;
    15) c -X PUT $E/api/v1/move -H "$J" -d "{\"from\":\"/tmp\",\"to\":\"/nope\",\"names\":[\"$f\"]}";;
    16|17) c -X PUT $E/api/v1/rename -H "$J" -d "{\"from\":\"/tmp/$f\",\"to\":\"/tmp/r$f\"}";;
    18) c -X PUT $E/api/v1/fs/$(pick docs src)/ --data-binary x;;
    19) c $E/$(pick "" fs/docs/ fs/src/ config.html);;
    20) c $E/api/v1/config;;
    21) c -X PUT $E/api/v1/$(pick move rename) -H "$J" -d '{broken';;
    22) c $E/$(pick dist/cloudcmd.common.js img/logo.png favicon.ico missing.css);;
    23) c $E/api/v1/fs/src/main.c?$(pick hash info beautify minify);;
  esac
}

# 1: exporter, importers that listen for config changes, one with a bad token
exp_start
for p in 48531 48532 48533 48534; do imp_start $p tok listen; done
imp_start 48535 wrong
sleep 4
for i in $(seq $((250 + $(r 100)))); do op; done
# one-shot importers (receive config once, then disconnect)
for p in 48536 48537; do imp_start $p $(pick tok tok wrong); done
sleep 4
for i in $(seq $((150 + $(r 100)))); do op; done
imp_stop 48536; imp_stop 48537; imp_stop 48535
# exporter goes away and comes back; importers reconnect
exp_stop
sleep $((3 + $(r 4)))
exp_start
sleep 3
for i in $(seq $((150 + $(r 100)))); do op; done
imp_stop 48534
# bad command lines and a port already in use
$C --port 48530 --root $ROOT --no-open >> $RAW 2>&1
timeout 10 $C --no-open --port abc >> $RAW 2>&1
for a in "--editor vi" "--columns wide" "--theme neon" "--menu none" "--packer rar" \
         "--root $ROOT/nope" "--frobnicate" "--config $HOME/none.json"; do
  timeout 10 $C --port 48539 --no-open $a >> $RAW 2>&1
done
exp_stop
sleep 2
# 2: exporter with auth and a URL prefix
exp_start --auth --username admin --password s3cret --prefix /cc
E=http://127.0.0.1:48530/cc
for i in $(seq $((40 + $(r 30)))); do
  case $(r 3) in
    0) c -u admin:s3cret $E/api/v1/fs/docs/;;
    1) c -u admin:$(pick wrong guess) $E/api/v1/fs/docs/;;
    2) c $E/api/v1/config;;
  esac
done
exp_stop
sleep 2
E=http://127.0.0.1:48530
exp_start
sleep 3
for i in $(seq $((120 + $(r 80)))); do op; done
# an unknown REST API name ends the process (unhandled rejection)
c $E/api/v1/$(pick nosuch missing)
sleep 1
exp_stop
sleep 2
for p in "${!IPID[@]}"; do imp_stop $p; done
