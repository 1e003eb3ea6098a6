#!/bin/bash
# nsrun.sh LOGSOCK CMD...: run CMD in a private mount namespace whose /dev/log is LOGSOCK
# (a private tmpfs /dev with the usual device nodes; nothing changes outside the namespace).
# Extra bind mounts: env NSBINDS="src:dst src:dst".
LOGSOCK=$1; shift
exec unshare -m --propagation private /bin/bash -c '
set -e
LOGSOCK=$1; shift
mount -t tmpfs -o mode=755 nsdev /dev
mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5
mknod -m 666 /dev/random c 1 8; mknod -m 666 /dev/urandom c 1 9
mknod -m 666 /dev/tty c 5 0; mknod -m 666 /dev/full c 1 7
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
ln -s "$LOGSOCK" /dev/log
for b in $NSBINDS; do mount --bind "${b%%:*}" "${b#*:}"; done
exec "$@"' nsrun "$LOGSOCK" "$@"
