#!/bin/bash
# usage: ns NAME cmd...   -- run in private net+mount namespace with private tmp and HOME
name=$1; shift
export R45HOME=/tmp/round45-r45e/home-$name
mkdir -p $R45HOME/{tmp,cache,config,data,state,runtime}
chmod 700 $R45HOME/runtime
exec unshare -n -m --propagation private bash -c '
ip link set lo up
mount --bind /tmp/round45-r45e /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45e
mount --bind /mnt /tmp/round45-r45e
umount -l /mnt 2>/dev/null
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
export HOME=$R45HOME TMPDIR=$R45HOME/tmp XDG_CACHE_HOME=$R45HOME/cache XDG_CONFIG_HOME=$R45HOME/config XDG_DATA_HOME=$R45HOME/data XDG_STATE_HOME=$R45HOME/state XDG_RUNTIME_DIR=$R45HOME/runtime
exec "$@"' ns "$@"
