#!/bin/bash
# tsserver workload: runs the scripted stdio client (client/tsclient.py) against tsserver in a
# private net+mount namespace; tsserver writes its verbose log to tsserver.log, which is then
# cut to its first 2500 lines.
D=/work/round43/tsserver
if [ -z "$R43G_INNS" ]; then
  exec env R43G_INNS=1 unshare -n -m --propagation private /bin/bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
B=/tmp/round43-r43g/ts-home
rm -rf /tmp/round43-r43g/ts-proj; mkdir -p "$B" /tmp/round43-r43g/ts-proj
export HOME=$B TMPDIR=$B XDG_CONFIG_HOME=$B XDG_CACHE_HOME=$B XDG_DATA_HOME=$B XDG_RUNTIME_DIR=$B
rm -f "$D/tsserver.log"
TSS_LOG="-level verbose -file $D/tsserver.log" SEED=${SEED:-12} python3 "$D/client/tsclient.py" ${OPS:-70}
sed -i -n '1,2500p' "$D/tsserver.log"
