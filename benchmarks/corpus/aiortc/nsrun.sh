#!/bin/bash
# nsrun.sh NETNS cmd... : run inside network namespace NETNS with a private mount namespace,
# private /tmp, /var/tmp, /dev/shm and a private environment.
ns=$1; shift
exec ip netns exec "$ns" unshare -m bash -c '
  mount --make-rprivate /; mount --bind /tmp/round46-r46a /mnt; mount -t tmpfs tmpfs /tmp
  mkdir -p /tmp/round46-r46a; mount --bind /mnt /tmp/round46-r46a; mount -t tmpfs tmpfs /var/tmp
  mount -t tmpfs tmpfs /dev/shm
  cd /work/round46/aiortc
  exec env -i PATH=/usr/bin:/bin HOME=/tmp/round46-r46a/home TMPDIR=/tmp/round46-r46a/tmp \
    XDG_CONFIG_HOME=/tmp/round46-r46a/xdg/config XDG_CACHE_HOME=/tmp/round46-r46a/xdg/cache \
    XDG_DATA_HOME=/tmp/round46-r46a/xdg/data XDG_RUNTIME_DIR=/tmp/round46-r46a/xdg/runtime \
    PYTHONHASHSEED=46 "$@"' _ "$@"
