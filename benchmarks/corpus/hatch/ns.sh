#!/bin/bash
# run "$@" inside a private network + mount namespace with a clean environment
B=/tmp/round45-r45b
exec unshare -n -m --fork bash -c '
ip link set lo up
mount --make-rprivate /
mount --bind /tmp/round45-r45b /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45b
mount --bind /mnt /tmp/round45-r45b
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
[ -e /etc/pip.conf ] && mount --bind /dev/null /etc/pip.conf
mkdir -p /tmp/round45-r45b/home /tmp/round45-r45b/tmp /tmp/round45-r45b/xdg/config /tmp/round45-r45b/xdg/cache /tmp/round45-r45b/xdg/data /tmp/round45-r45b/xdg/state /tmp/round45-r45b/xdg/run
chmod 700 /tmp/round45-r45b/xdg/run
exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 NO_COLOR=1 TERM=dumb \
  HOME=/tmp/round45-r45b/home TMPDIR=/tmp/round45-r45b/tmp XDG_CONFIG_HOME=/tmp/round45-r45b/xdg/config \
  XDG_CACHE_HOME=/tmp/round45-r45b/xdg/cache XDG_DATA_HOME=/tmp/round45-r45b/xdg/data XDG_STATE_HOME=/tmp/round45-r45b/xdg/state \
  XDG_RUNTIME_DIR=/tmp/round45-r45b/xdg/run XDG_CONFIG_DIRS=/tmp/round45-r45b/xdg/config XDG_DATA_DIRS=/tmp/round45-r45b/xdg/data "$@"
' ns "$@"
