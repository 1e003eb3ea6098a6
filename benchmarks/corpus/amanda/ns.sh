#!/bin/bash
# run a command as backup inside a private mount namespace where /etc/amanda, /var/log/amanda and /var/lib/amanda
# are this folder's configuration and scratch directories under /tmp/round32-r32i
D=$(cd "$(dirname "$0")" && pwd)
A=/tmp/round32-r32i/amanda
exec unshare -m bash -c "mount --make-rprivate / && mount --bind $D/etc /etc/amanda && mount --bind $A/dbg /var/log/amanda && mount --bind $A/varlib /var/lib/amanda && cd /tmp && runuser -u backup -- \"\$@\"" ns "$@"
