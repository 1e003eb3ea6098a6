#!/bin/bash
# mpv workload: one headless mpv (--idle, JSON IPC, -v, --log-file) in a private network+mount
# namespace, driven by drive.py over media written by makemedia.py.
set -u
D=/work/round41/mpv
T=/tmp/round41-r41e/mpv
if [ "${1:-}" != inner ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
ip link set lo up
mkdir -p $T/shm && mount -t tmpfs -o size=64m tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache XDG_DATA_HOME=$T/xdg/data XDG_RUNTIME_DIR=$T/xdg/run XDG_STATE_HOME=$T/xdg/state
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR $XDG_STATE_HOME
cd $T
python3 $D/makemedia.py $T/media
mpv --no-config --idle=yes --vo=null --ao=null -v --log-file=$T/raw.log --input-ipc-server=$T/mpv.sock \
  --load-scripts=no --ytdl=no --osc=no --load-stats-overlay=no --load-osd-console=no --load-auto-profiles=no --input-terminal=no --terminal=no --screenshot-directory=$T/shots \
  > /dev/null 2>&1 &
MPV=$!
for w in $(seq 1 50); do [ -S $T/mpv.sock ] && break; sleep 0.1; done
python3 $D/drive.py $T/mpv.sock $T/media ${STEPS:-170}
python3 - $T/mpv.sock <<'P'
import json, socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b'{"command": ["quit"]}\n'); s.close()
P
wait $MPV
sed -n '1,2500p' $T/raw.log > $D/mpv.log
wc -l $T/raw.log $D/mpv.log
