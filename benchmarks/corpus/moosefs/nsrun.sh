#!/bin/bash
# nsrun.sh SOCKET CMD...: run CMD in a private mount namespace whose /dev/log is SOCKET
# (so a private rsyslogd receives its syslog messages; the real /dev is untouched).
SOCK=$1; shift
exec unshare -m --propagation private bash -c '
set -e
SOCK=$1; shift
ND=$(mktemp -d /work/round26/moosefs/run/dev.XXXXXX)
mount -t tmpfs -o size=1m,mode=755 tmpfs "$ND"
for n in null zero random urandom full tty fuse; do
  touch "$ND/$n"; mount --bind "/dev/$n" "$ND/$n"
done
mkdir "$ND/pts" "$ND/shm"; mount --bind /dev/pts "$ND/pts"; mount --bind /dev/shm "$ND/shm"
ln -s /proc/self/fd "$ND/fd"; ln -s "$SOCK" "$ND/log"
mount --rbind "$ND" /dev
exec "$@"
' nsrun "$SOCK" "$@"
