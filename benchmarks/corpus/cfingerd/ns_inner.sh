#!/bin/bash
# Runs inside "ip netns exec r38b_cf unshare -m --propagation private":
# private /etc files and a private /dev with /dev/log -> our rsyslogd socket.
D=$(cd "$(dirname "$0")" && pwd)
C=/tmp/round38-r38b/cf
mount --bind "$D/cfingerd.conf" /etc/cfingerd/cfingerd.conf
mount --bind "$D/services" /etc/services
mount --bind "$D/hosts" /etc/hosts
mount --bind /dev $C/olddev
mount -t tmpfs -o size=1m,mode=755 r38bdev /dev
for n in null zero random urandom full tty; do touch /dev/$n; mount --bind $C/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd
mkdir /dev/pts; mount -t devpts -o newinstance,ptmxmode=0666 r38bpts /dev/pts; ln -s pts/ptmx /dev/ptmx
ln -s $C/log.sock /dev/log
# home directories of two system users, private to this namespace
mount -t tmpfs -o size=1m r38bhome /var/backups
mkdir /var/backups/.project; echo "backups plan" > /var/backups/.plan; chmod 755 /var/backups
ln -s /etc/passwd /var/backups/.pgpkey
touch /var/backups/.fingerlog; chmod 000 /var/backups/.fingerlog
exec "$@"
