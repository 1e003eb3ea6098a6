#!/bin/bash
# usage: nsrun.sh CMD... ; runs CMD in private net+mount namespace with private /tmp, /var/tmp
exec unshare -n -m --propagation private bash -c '
ip link set lo up
mount --make-rprivate /
mount --bind /tmp/round44-r44d /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round44-r44d
mount --bind /mnt /tmp/round44-r44d
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round44-r44d/home TMPDIR=/tmp/round44-r44d/tmp XDG_CONFIG_HOME=/tmp/round44-r44d/home/.config XDG_CACHE_HOME=/tmp/round44-r44d/home/.cache XDG_DATA_HOME=/tmp/round44-r44d/home/.local/share XDG_STATE_HOME=/tmp/round44-r44d/home/.local/state XDG_RUNTIME_DIR=/tmp/round44-r44d/tmp/run
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
exec "$@"' nsrun "$@"
