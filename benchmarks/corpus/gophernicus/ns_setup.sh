#!/bin/bash
# inside a private mount + IPC namespace: private /dev/log and /etc/passwd for ~user lookups
RUN=/tmp/round37-r37a/gophernicus
mount --make-rprivate /
mkdir -p $RUN/ov/u $RUN/ov/w
mount -t overlay overlay -o lowerdir=/dev,upperdir=$RUN/ov/u,workdir=$RUN/ov/w /dev
ln -sf $RUN/log.sock /dev/log
mount --bind $RUN/passwd /etc/passwd
exec "$@"
