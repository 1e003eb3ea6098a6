#!/bin/bash
# usage: ns.sh <command...>  -- runs command in private net+mount namespace with private /tmp
mkdir -p /tmp/round46-r46f/home /tmp/round46-r46f/tmp /tmp/round46-r46f/run /tmp/round46-r46f/fjroot
exec unshare -m -n --fork bash -c '
mount --make-rprivate /
mount --bind /tmp/round46-r46f /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round46-r46f
mount --bind /mnt /tmp/round46-r46f
umount -l /mnt 2>/dev/null
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
mount --bind /tmp/round46-r46f/fjroot /root
ip link set lo up
export HOME=/tmp/round46-r46f/home TMPDIR=/tmp/round46-r46f/tmp XDG_CONFIG_HOME=/tmp/round46-r46f/home/.config XDG_CACHE_HOME=/tmp/round46-r46f/home/.cache XDG_DATA_HOME=/tmp/round46-r46f/home/.local/share XDG_RUNTIME_DIR=/tmp/round46-r46f/run
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
exec "$@"' ns "$@"
