#!/bin/bash
# Runs inside "ip netns exec r35d-mt unshare -m": private /dev holding its own /dev/log,
# private /etc/mactelnetd.users, then a private rsyslogd and "mactelnetd -f".
# usage: nsrun.sh start|stop
HERE=$(cd "$(dirname "$0")" && pwd)
M=/tmp/round35-r35d/m
mount --make-rprivate /
mkdir -p $M/olddev
mount --bind /dev $M/olddev
mount -t tmpfs -o mode=755 r35ddev /dev
for d in null zero random urandom tty full; do touch /dev/$d; mount --bind $M/olddev/$d /dev/$d; done
mkdir -p /dev/pts; mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts; ln -s pts/ptmx /dev/ptmx
mount --bind $M/users /etc/mactelnetd.users
rsyslogd -n -f $HERE/rsyslog.conf -i $M/rsyslogd.pid &
echo $! > $M/rsyslogd.pid2
sleep 1
bash $HERE/workload.sh
kill $(cat $M/rsyslogd.pid2)
