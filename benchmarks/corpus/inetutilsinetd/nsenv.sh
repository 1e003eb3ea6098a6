#!/bin/bash
# Private /dev (with /dev/log of our own rsyslogd), /dev/shm and /etc/passwd|shadow|group copies.
# Sourced inside: ip netns exec r38g unshare -m --propagation private
W=/tmp/round38-r38g
mkdir -p $W/etc $W/hostdev $W/home $W/tmp $W/xdg
export HOME=$W/home TMPDIR=$W/tmp XDG_RUNTIME_DIR=$W/xdg XDG_CONFIG_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg
mount --bind /dev $W/hostdev
mount -t tmpfs tmpfs /dev
for n in null zero full random urandom tty ptmx; do touch /dev/$n; mount --bind $W/hostdev/$n /dev/$n; done
mkdir -p /dev/shm /dev/pts; mount -t tmpfs tmpfs /dev/shm
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
umount $W/hostdev
for f in passwd shadow group; do cp /etc/$f $W/etc/$f; done
H=$(python3 -c 'import crypt;print(crypt.crypt("secret1",crypt.mksalt(crypt.METHOD_SHA512)))' 2>/dev/null)
echo "ftp:x:2001:2001:ftp:$W/ftproot:/usr/sbin/nologin" >> $W/etc/passwd
echo "alice:x:2002:2002:alice:$W/home/alice:/bin/bash" >> $W/etc/passwd
echo "svcuser:x:2003:2003:svc:$W/home:/bin/bash" >> $W/etc/passwd
echo "ftp:!:19000:0:99999:7:::" >> $W/etc/shadow
echo "alice:$H:19000:0:99999:7:::" >> $W/etc/shadow
echo "svcuser:!:19000:0:99999:7:::" >> $W/etc/shadow
printf 'ftp:x:2001:\nalice:x:2002:\nsvcgrp:x:2003:\n' >> $W/etc/group
for f in passwd shadow group; do mount --bind $W/etc/$f /etc/$f; done
start_rsyslog() { # $1 = conf
  rm -f /dev/log; rsyslogd -n -f "$1" -i $W/rsyslogd.$$.pid & RS_PID=$!
  for i in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done
}
