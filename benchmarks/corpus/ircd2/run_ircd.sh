#!/bin/sh
# start ircd (foreground, -t) in a private mount namespace so that its compiled-in
# paths (/etc/ircd, /var/log/ircd, /run/ircd) point into this folder.
# usage: run_ircd.sh <instance dir>
D=$(cd "$1" && pwd)
exec unshare -m --propagation private sh -c "mount --bind '$D/etc' /etc/ircd && mount --bind '$D/log' /var/log/ircd && mount --bind '$D/pid' /run/ircd && exec /usr/sbin/ircd -t"
