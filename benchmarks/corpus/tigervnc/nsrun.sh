#!/bin/bash
# (called by workload.sh)
# run a command in a private mount namespace where /dev/log is the private rsyslogd socket
set -e
D=/work/round26/tigervnc/run
mount --bind /dev $D/realdev
mount -t tmpfs tmpfs /dev
for n in null zero urandom random full tty; do touch /dev/$n; mount --bind $D/realdev/$n /dev/$n; done
mkdir /dev/shm /dev/pts; mount --bind $D/realdev/shm /dev/shm
ln -s $D/realdev/fd /dev/fd
ln -s $D/log.sock /dev/log
exec "$@"
