#!/bin/bash
# Run inside a private mount namespace: give the program a /dev of its own whose /dev/log
# is the socket of our private rsyslogd, then exec the program.
# usage: devlog.sh SOCKET PROGRAM ARGS...
sock=$1; shift
old=/tmp/round31-r31i/olddev.$$
mkdir -p "$old"
mount --bind /dev "$old"
mount -t tmpfs -o size=1m,mode=755 r31idev /dev
for f in null zero random urandom tty; do touch /dev/$f; mount --bind "$old/$f" /dev/$f; done
mkdir -p /dev/net; touch /dev/net/tun; mount --bind "$old/net/tun" /dev/net/tun
ln -s "$sock" /dev/log
umount -l "$old"; rmdir "$old"
exec "$@"
