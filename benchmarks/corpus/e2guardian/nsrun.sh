#!/bin/bash
# Runs "$@" inside a private mount namespace whose /dev/log is a private rsyslogd's socket.
# (The machine's /dev is left untouched.)
R=/work/round23/e2guardian/run
mkdir -p $R/devroot $R/rsyslog
mount -t tmpfs tmpfs $R/devroot
for d in null zero random urandom full tty; do touch $R/devroot/$d; mount --bind /dev/$d $R/devroot/$d; done
mkdir $R/devroot/shm $R/devroot/pts; mount --bind /dev/shm $R/devroot/shm
ln -s /proc/self/fd $R/devroot/fd; ln -s /proc/self/fd/0 $R/devroot/stdin; ln -s /proc/self/fd/1 $R/devroot/stdout; ln -s /proc/self/fd/2 $R/devroot/stderr
mount --rbind $R/devroot /dev
cat > $R/rsyslog.conf <<C
global(workDirectory="$R/rsyslog")
module(load="imuxsock" SysSock.Use="on" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
if \$programname == "e2guardian" then action(type="omfile" file="$R/syslog.out")
C
rsyslogd -n -f $R/rsyslog.conf -i $R/rsyslogd.pid &
RS=$!
sleep 1
"$@"
sleep 1
kill $RS; wait $RS
