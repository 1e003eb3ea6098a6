#!/bin/bash
# run the given command inside private net+mount namespaces with private HOME/TMPDIR/XDG dirs
T=/tmp/round45-r45h
if [ -z "$R45H_INNS" ]; then
  mkdir -p $T/lektor
  cd /work/round45/lektor || exit 1
  exec unshare -n -m --fork env R45H_INNS=1 bash /work/round45/lektor/nsrun.sh "$@"
fi
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$T/lektor/home TMPDIR=$T/lektor/tmp XDG_CONFIG_HOME=$T/lektor/xdg/config XDG_CACHE_HOME=$T/lektor/xdg/cache XDG_DATA_HOME=$T/lektor/xdg/data XDG_STATE_HOME=$T/lektor/xdg/state XDG_RUNTIME_DIR=$T/lektor/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
cd /work/round45/lektor || exit 1
exec "$@"
