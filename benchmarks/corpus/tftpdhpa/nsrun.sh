#!/bin/sh
# run a command in a private mount namespace whose /dev/log is our private rsyslogd socket
F=/work/round27/tftpdhpa
exec unshare -m sh -c "
mount --make-rprivate / 2>/dev/null
touch $F/run/null.keep
mount --bind /dev/null $F/run/null.keep
mount -t tmpfs tmpfs /dev
touch /dev/null && mount --bind $F/run/null.keep /dev/null
ln -s $F/run/log.sock /dev/log
exec \"\$@\"
" nsrun "$@"
