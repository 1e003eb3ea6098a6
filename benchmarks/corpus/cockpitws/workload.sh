#!/bin/bash
# Drives cockpit-ws (--no-tls --port 49200, G_MESSAGES_DEBUG=all) in netns r38g + private mount ns;
# its stderr is the log. Usage: workload.sh  (as root; creates netns r38g if missing)
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R38G_INNER" ]; then
  ip netns list | grep -qw r38g || { ip netns add r38g; ip netns exec r38g ip link set lo up; }
  exec ip netns exec r38g unshare -m --propagation private env R38G_INNER=1 bash "$0" "$@"
fi
set -m
. "$HERE/nsenv.sh"
r() { echo $(( RANDOM % $1 )); }
LOG=$W/cockpit-raw.log; : > $LOG
mkdir -p $W/cockpit-etc/cockpit $W/cockpit-rt
write_conf() {
  {
    echo "[WebService]"
    [ $(r 2) = 0 ] && echo "Origins = http://127.0.0.1:49200 http://localhost:49200"
    [ $(r 3) = 0 ] && echo "LoginTitle = Test $(r 100)"
    [ $(r 3) = 0 ] && echo "MaxStartups = 2"
    [ $(r 4) = 0 ] && echo "AllowUnencrypted = true"
    [ $(r 4) = 0 ] && echo "UrlRoot = /cockpit-root/"
    [ $(r 4) = 0 ] && echo "ProtocolHeader = X-Forwarded-Proto"
    echo "[Session]"
    echo "IdleTimeout = $((1 + $(r 5)))"
    [ $(r 3) = 0 ] && echo "Banner = /nonexistent/banner"
  } > $W/cockpit-etc/cockpit/cockpit.conf
}
start_ws() {
  write_conf
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=$HOME TMPDIR=$TMPDIR XDG_RUNTIME_DIR=$W/cockpit-rt \
      XDG_CONFIG_DIRS=$W/cockpit-etc G_MESSAGES_DEBUG=all \
      /usr/lib/cockpit/cockpit-ws --no-tls --port 49200 --address 127.0.0.1 >> $LOG 2>&1 &
  WS=$!
  sleep 0.7
}
ROUNDS=${ROUNDS:-4}
for i in $(seq $ROUNDS); do
  start_ws
  python3 "$HERE/client.py" 49200 $((10 + $(r 20))) $RANDOM
  kill -TERM $WS; wait $WS 2>/dev/null
done
cp $LOG "$HERE/raw.log"
