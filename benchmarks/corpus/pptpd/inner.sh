#!/bin/bash
# Runs inside "ip netns exec r32f1 unshare -m": private /dev (for a private /dev/log), rsyslogd, then the workload.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32f/pp
mkdir -p $W/olddev $W/rs
mount --make-rprivate /
mount --rbind /dev $W/olddev
mount -t tmpfs r32fdev /dev
for n in null zero random urandom tty full; do touch /dev/$n; mount --bind $W/olddev/$n /dev/$n; done
mkdir /dev/pts /dev/shm; mount -t devpts -o newinstance,ptmxmode=0666,mode=620 r32fpts /dev/pts; ln -s pts/ptmx /dev/ptmx
ln -s /proc/self/fd /dev/fd
ip link set lo up
rsyslogd -n -f $HERE/rsyslog.conf -i $W/rsyslogd.pid &
RS=$!
sleep 1
"$HERE/run.sh"
sleep 1
kill $RS; wait $RS
