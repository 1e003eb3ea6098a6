#!/bin/sh
# Run a command in a private mount namespace whose /dev holds the private rsyslogd socket as /dev/log.
# usage: nsrun.sh RUNDIR command args...
RUN=$1; shift
exec unshare -m --propagation private sh -c '
RUN=$1; shift
for n in null zero random urandom full tty; do
  [ -e "$RUN/dev/$n" ] || touch "$RUN/dev/$n"
  mount --bind /dev/$n "$RUN/dev/$n"
done
[ -e "$RUN/dev/fd" ] || ln -s /proc/self/fd "$RUN/dev/fd"
mount --bind "$RUN/dev" /dev
exec "$@"' nsrun "$RUN" "$@"
