#!/bin/bash
# run inside: unshare -m -n --propagation private
D=/work/round41/unscd
ip link set lo up
mount -t tmpfs -o mode=755 r41c-run /run
mkdir -p /run/lock /dev/shm
mount -t tmpfs r41c-shm /dev/shm
for f in passwd group hosts nsswitch.conf resolv.conf; do mount --bind $D/etc/$f /etc/$f; done
