#!/bin/sh
# vtrun.sh NS RUNDIR ARGS... : run vtund in network namespace NS with private /run and /var/log
NS=$1; RD=$2; shift 2
mkdir -p "$RD/run/lock/vtund" "$RD/log/vtund"
exec ip netns exec "$NS" unshare -m sh -c 'mount --bind "$0/run" /run && mount --bind "$0/log" /var/log && exec "$@"' "$RD" "$@"
