#!/bin/bash
# runs inside a private mount namespace: gives /dev/log -> private rsyslogd socket,
# and optionally swaps monopd's config file and game directory (namespace-private).
B=/tmp/round34-r34g/monopd
mount --rbind /dev $B/olddev
mount -t tmpfs tmpfs /dev
for n in null zero urandom random full; do touch /dev/$n; mount --bind $B/olddev/$n /dev/$n; done
ln -s $B/log.sock /dev/log
[ -n "$CONF" ] && mount --bind "$CONF" /etc/monopd.conf
[ -n "$GAMEDIR" ] && mount --bind "$GAMEDIR" /usr/share/games/monopd/games
[ -n "$NOGAMEDIR" ] && mount -t tmpfs tmpfs /usr/share/games/monopd
exec "$@"
