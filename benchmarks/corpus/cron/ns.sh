#!/bin/bash
# Runs inside a private mount namespace: binds our own config dirs over cron's fixed paths.
set -u
B=$1; shift
mount --make-rprivate /
mount --bind $B/etc/crontab /etc/crontab
mount --bind $B/etc/cron.d /etc/cron.d
mount --bind $B/spool /var/spool/cron
mount --bind $B/run /run
mount --bind $B/sbin /usr/sbin
exec "$@"
