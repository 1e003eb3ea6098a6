#!/bin/bash
# Run inside a private mount namespace: a /dev of its own with only null/zero/urandom
# (no /dev/log, no /dev/console), so syslog() reaches only the program's stderr (LOG_PERROR).
old=/tmp/round31-r31i/olddev.$$
mkdir -p "$old"
mount --bind /dev "$old"
mount -t tmpfs -o size=1m,mode=755 r31idev /dev
for f in null zero random urandom; do touch /dev/$f; mount --bind "$old/$f" /dev/$f; done
umount -l "$old"; rmdir "$old"
exec "$@"
