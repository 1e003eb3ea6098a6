#!/bin/bash
# Private rsyslogd in debug mode (-d, RSYSLOG_DEBUGLOG), randomised traffic, HUPs, flaky forward peer.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round31-r31c/rsyslog; rm -rf $B; mkdir -p $B/spool $B/hosts
R=$RANDOM
start() {
  RSYSLOG_DEBUGLOG=$B/debug.log RSYSLOG_DEBUG=NoStdOut rsyslogd -dn -f $HERE/rsyslog.conf -i $B/rsyslogd.pid > /dev/null 2>&1 &
  echo $! > $B/daemon.pid; sleep 2
}
start
for round in 1 2 3; do
  p=""
  [ $((RANDOM % 3)) != 0 ] && { python3 $HERE/peer.py $((R + round)) 25 & p=$!; }
  python3 $HERE/client.py $((R + 10 * round)) $((25 + RANDOM % 25)) $B/log.sock &
  c=$!
  sleep $((5 + RANDOM % 5)); kill -HUP $(cat $B/daemon.pid)
  wait $c; [ -n "$p" ] && wait $p
done
kill -TERM $(cat $B/daemon.pid); wait $(cat $B/daemon.pid) 2>/dev/null
cp $B/debug.log $HERE/rsyslog.log.raw
# rsyslog.log is one contiguous stretch of whole lines of the raw debug log (lines 7001-9500 of the
# run that was kept: steady operation across the first HUP, past start-up and before shutdown):
#   sed -n 7001,9500p rsyslog.log.raw > rsyslog.log
