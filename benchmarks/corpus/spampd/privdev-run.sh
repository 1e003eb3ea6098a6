#!/bin/sh
# Run a command in the current (private) mount namespace with a private /dev whose "log"
# is the socket of our own rsyslogd, and our own directory as spampd's SpamAssassin home.
# Called as: unshare -m --propagation private ./privdev-run.sh CMD...
D=/tmp/round33-r33f/spampd/dev
mkdir -p $D
mount -t tmpfs tmpfs $D
for n in null zero random urandom full tty; do touch $D/$n; mount --bind /dev/$n $D/$n; done
mkdir -p $D/shm $D/pts
ln -s /proc/self/fd $D/fd
ln -s /tmp/round33-r33f/spampd/log.sock $D/log
mount --rbind $D /dev
mount --bind /tmp/round33-r33f/spampd/home /var/cache/spampd
exec "$@"
