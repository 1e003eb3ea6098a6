#!/bin/bash
# Randomised workload for qpsmtpd (Debian 0.94-5, forkserver): config/ holds its configuration
# (logging/file at loglevel 9 into qpsmtpd.log); client.py drives SMTP sessions; the server is
# restarted, reloaded (HUP) and flooded past its per-IP limit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
Q=/tmp/round34-r34b/qp
PORT=42700
SEED=${SEED:-$RANDOM}; RANDOM=$SEED
rm -rf $Q; mkdir -p $Q/spool $Q/maildir; chown -R qpsmtpd $Q; chmod 700 $Q/spool
rm -f "$HERE/qpsmtpd.log"; touch "$HERE/qpsmtpd.log"; chown qpsmtpd "$HERE/qpsmtpd.log"
start() {
  QPSMTPD_CONFIG=$HERE/config /usr/bin/qpsmtpd-forkserver -l 127.0.0.1 -p $PORT -u qpsmtpd -H -m 3 \
    --pid-file $Q/qp.pid > $Q/stderr 2>&1 &
  QPID=$!; sleep 3
}
stop() { kill -TERM $QPID 2>/dev/null; wait $QPID 2>/dev/null; }
start
for round in $(seq 1 ${ROUNDS:-8}); do
  case $((RANDOM % 6)) in
    0) python3 "$HERE/hold.py" $PORT 4 4 & H=$!; sleep 1; python3 "$HERE/client.py" $PORT 1 $RANDOM; wait $H ;;
    1) kill -HUP $QPID; sleep 2 ;;
    2) stop; start ;;
  esac
  python3 "$HERE/client.py" $PORT $((1 + RANDOM % 4)) $RANDOM
done
stop
