#!/bin/bash
# pysnmp workload: one process holds an agent (command responder), a notification receiver and a
# manager, with pysnmp debugging on; the process is started several times. log = its stderr.
RANDOM=4655
DIR=/work/round46/pysnmp
ST=/tmp/round46-r46b/pysnmp
PY=/tmp/round46-r46b/venv/bin/python
if [ -z "$IN_R46B_NS" ]; then
  # private network namespace (loopback only) and mount namespace with private /tmp, /var/tmp, /dev/shm
  cd "$DIR" || exit 1
  export IN_R46B_NS=1 HOME=/tmp/round46-r46b/home TMPDIR=/tmp/round46-r46b/tmp \
    XDG_CONFIG_HOME=/tmp/round46-r46b/xdg/config XDG_DATA_HOME=/tmp/round46-r46b/xdg/data \
    XDG_CACHE_HOME=/tmp/round46-r46b/xdg/cache XDG_STATE_HOME=/tmp/round46-r46b/xdg/state \
    XDG_RUNTIME_DIR=/tmp/round46-r46b/xdg/runtime
  mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
  exec unshare -n -m -- /bin/bash -c '
    ip link set lo up
    mount --make-rprivate /
    mount --bind /tmp/round46-r46b /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round46-r46b
    mount --bind /mnt /tmp/round46-r46b
    umount -l /mnt
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    exec "$0" "$@"' "$DIR/workload.sh" "$@"
fi
cd "$DIR" || exit 1
rm -rf "$ST"; mkdir -p "$ST"
RAW=$ST/raw.log
: > "$RAW"
for run in 1 2 3; do
  "$PY" "$DIR/snmplab.py" "$RANDOM" $(( RANDOM % 5 + 8 )) io,dsp,msgproc,app,acl 2>> "$RAW" > "$ST/stdout.$run"
done
sed -n '1,2500p' "$RAW" > "$DIR/pysnmp.log"
