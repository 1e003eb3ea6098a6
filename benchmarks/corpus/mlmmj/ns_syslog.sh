#!/bin/bash
# Runs inside `unshare -m --propagation private`: gives this mount namespace its own /dev
# (a tmpfs holding the device nodes of the real one) so that a private rsyslogd can own /dev/log.
RUN=/tmp/round32-r32d/mlmmj
mkdir -p $RUN/olddev $RUN/rsyslog
mount --rbind /dev $RUN/olddev
mount -t tmpfs -o mode=755 r32d-dev /dev
for n in null zero full random urandom tty; do touch /dev/$n; mount --bind $RUN/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
mkdir /dev/shm /dev/pts
rsyslogd -n -f "$(dirname "$0")/rsyslog.conf" -i $RUN/rsyslogd.pid & RSPID=$!
for i in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done
"$@"
sleep 1
kill $RSPID; wait $RSPID
