#!/bin/sh
# runs dhcp6s in the server namespace with a private /var/lib/dhcpv6; args: config log
D=/tmp/round35-r35e/wide
mount --bind $D/db /var/lib/dhcpv6
exec /usr/sbin/dhcp6s -f -D -c "$1" -k $D/ctlkey -p 48010 -P $D/dhcp6s.pid ws0 2>>"$2"
