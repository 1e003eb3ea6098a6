#!/bin/bash
# Run "$@" in a private mount namespace whose /dev/log is the private rsyslogd socket
# (so nothing outside this folder is touched). Usage: unshare -m --propagation private nsenv.sh cmd...
R=/work/round21/inn/run
mkdir -p $R/olddev
mount --rbind /dev $R/olddev
mount -t tmpfs -o mode=755 tmpfs /dev
for n in null zero full random urandom tty; do touch /dev/$n; mount --bind $R/olddev/$n /dev/$n; done
for n in pts shm; do mkdir -p /dev/$n; mount --rbind $R/olddev/$n /dev/$n 2>/dev/null; done
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
ln -s $R/log.sock /dev/log
exec "$@"
