#!/bin/bash
# Randomised cron workload: private mount namespace, own crontab/cron.d/spool/run, fake MTA.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
MIN=${1:-20}
B=/tmp/round31-r31c/cron
rm -rf $B; mkdir -p $B/etc/cron.d $B/spool/crontabs $B/run $B/sbin
chgrp crontab $B/spool/crontabs; chmod 1730 $B/spool/crontabs
for f in /usr/sbin/*; do ln -s $f $B/sbin/; done
rm -f $B/sbin/sendmail; cp $HERE/sendmail $B/sbin/sendmail.off
printf 'SHELL=/bin/sh\nPATH=/usr/bin:/bin\n* * * * * root echo hello\n@reboot root echo booted\n' > $B/etc/crontab
LOG=$B/cron.log; : > $LOG
unshare -m $HERE/ns.sh $B $HERE/driver.sh $B $LOG $MIN $RANDOM
cp $LOG $HERE/cron.log.raw
# the whole of cron.log.raw was kept as cron.log (1839 lines)
