#!/bin/bash
# usage: ns.sh CMD... ; runs CMD in private net+mount namespace with private /tmp,/var/tmp
exec unshare -n -m --fork bash -c '
mount --make-rprivate /
ip link set lo up
mkdir -p /tmp/round44-r44e
mount --bind /tmp/round44-r44e /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round44-r44e
mount --bind /mnt /tmp/round44-r44e
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round44-r44e/home TMPDIR=/tmp/round44-r44e/tmp XDG_CONFIG_HOME=/tmp/round44-r44e/home/.config XDG_CACHE_HOME=/tmp/round44-r44e/home/.cache XDG_DATA_HOME=/tmp/round44-r44e/home/.local/share XDG_RUNTIME_DIR=/tmp/round44-r44e/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR
exec "$@"' ns "$@"
