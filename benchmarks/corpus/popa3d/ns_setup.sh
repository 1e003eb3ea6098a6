#!/bin/bash
# runs inside the private network + mount namespace: private /dev/log, passwd files and mail spool
RUN=/tmp/round37-r37a/popa3d
mount --make-rprivate /
mkdir -p $RUN/ov/u $RUN/ov/w
mount -t overlay overlay -o lowerdir=/dev,upperdir=$RUN/ov/u,workdir=$RUN/ov/w /dev
ln -sf $RUN/log.sock /dev/log
mount --bind $RUN/etc/passwd /etc/passwd
mount --bind $RUN/etc/shadow /etc/shadow
mount --bind $RUN/etc/group /etc/group
mount --bind $RUN/mail /var/mail
exec "$@"
