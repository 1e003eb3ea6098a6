#!/bin/bash
# opentracker (Debian 0.0~git20210823.110868e) workload. opentracker writes to stderr and, for
# completed downloads, to syslog. A private rsyslogd listens on the /dev/log socket inside
# opentracker's chroot directory ($OT/root/dev/log) and appends opentracker's syslog messages to
# opentracker.log; opentracker's stderr is appended (O_APPEND) to the same file. Ports 23300-23302.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OT=/tmp/round31-r31d/ot
LOG=$HERE/opentracker.log
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
echo "seed $SEED"
mkdir -p "$OT/root/dev" "$OT/rs" "$OT/root/lib/x86_64-linux-gnu"
# glibc needs libgcc_s inside the chroot for pthread_cancel at shutdown
cp /lib/x86_64-linux-gnu/libgcc_s.so.1 "$OT/root/lib/x86_64-linux-gnu/"
: > "$LOG"

# whitelist of served info hashes (inside the chroot)
python3 -c "
import random; r = random.Random($SEED)
for _ in range(25): print('%040x' % r.getrandbits(160))" > "$OT/hashes.txt"
cp "$OT/hashes.txt" "$OT/root/whitelist.txt"

cat > "$OT/rsyslog.conf" <<EOF
global(workDirectory="$OT/rs")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$OT/root/dev/log" RateLimit.Interval="0")
if \$programname == 'opentracker' then action(type="omfile" file="$LOG" template="RSYSLOG_FileFormat")
EOF
rsyslogd -n -f "$OT/rsyslog.conf" -i "$OT/rsyslogd.pid" > "$OT/rsyslogd.out" 2>&1 &
RS_PID=$!
sleep 1

mkconf() {
  {
    echo "# opentracker test configuration"
    echo "listen.tcp_udp 127.0.0.1:23300"
    [ $((RANDOM % 3)) -eq 0 ] && echo "listen.tcp 127.0.0.1:23301"
    [ $((RANDOM % 3)) -eq 0 ] && echo "listen.udp 127.0.0.1:23302"
    echo "access.whitelist /whitelist.txt"
    echo "tracker.rootdir $OT/root"
    echo "tracker.user ${1:-_opentracker}"
    [ $((RANDOM % 2)) -eq 0 ] && echo "access.stats_path stats"
    [ $((RANDOM % 3)) -eq 0 ] && echo "tracker.redirect_url http://127.0.0.1:23300/info"
    [ $((RANDOM % 4)) -eq 0 ] && echo "listen.udp.workers $((1 + RANDOM % 3))"
    # lines this build does not know, or cannot parse
    [ $((RANDOM % 2)) -eq 0 ] && echo "access.blacklist /blacklist.txt"
    [ $((RANDOM % 3)) -eq 0 ] && echo "livesync.cluster.listen 127.0.0.1:23303"
    [ $((RANDOM % 3)) -eq 0 ] && echo "access.stats 127.0.0.1"
    [ $((RANDOM % 3)) -eq 0 ] && echo "listen.tcp_udp not-an-address"
    [ $((RANDOM % 4)) -eq 0 ] && echo "  tracker.verbose yes"
    [ $((RANDOM % 4)) -eq 0 ] && echo "listen.tcp 127.0.0.1:port"
  } > "$OT/ot.conf"
}

start_ot() { # extra args
  opentracker -f "$OT/ot.conf" "$@" 2>> "$LOG" &
  OT_PID=$!
  sleep 0.5
}
stop_ot() { kill -"${1:-INT}" "$OT_PID" 2>/dev/null; wait "$OT_PID" 2>/dev/null; }

# failing or short-lived invocations: help, version, bad option, bad address, missing files
opentracker -h 2>> "$LOG"
opentracker -v 2>> "$LOG"
opentracker -x 2>> "$LOG"
opentracker -i ::1 -p 23300 2>> "$LOG"
opentracker -p notaport 2>> "$LOG"

RUNS=$((4 + RANDOM % 3))
for i in $(seq 1 "$RUNS"); do
  user=_opentracker
  [ $((RANDOM % 5)) -eq 0 ] && user=nosuchuser$RANDOM
  mkconf "$user"
  extra=()
  [ $((RANDOM % 3)) -eq 0 ] && extra+=(-l "/missing-state-$RANDOM.txt")
  [ $((RANDOM % 4)) -eq 0 ] && extra+=(-f "$OT/missing-$RANDOM.conf")
  # whitelist sometimes missing at start
  if [ $((RANDOM % 4)) -eq 0 ]; then rm -f "$OT/root/whitelist.txt"; else cp "$OT/hashes.txt" "$OT/root/whitelist.txt"; fi
  start_ot "${extra[@]}"
  # a bad chroot directory fails
  [ $((RANDOM % 4)) -eq 0 ] && { opentracker -p 23301 -P 23301 -d "$OT/nonexistent$RANDOM" 2>> "$LOG"; }
  cp "$OT/hashes.txt" "$OT/root/whitelist.txt"
  for b in $(seq 1 $((2 + RANDOM % 4))); do
    python3 "$HERE/otclient.py" 23300 "$OT/hashes.txt" $((200 + RANDOM % 400)) $RANDOM
    # reload the whitelist (SIGHUP), sometimes while the file is missing
    if [ $((RANDOM % 3)) -eq 0 ]; then
      if [ $((RANDOM % 2)) -eq 0 ]; then rm -f "$OT/root/whitelist.txt"; else cp "$OT/hashes.txt" "$OT/root/whitelist.txt"; fi
      kill -HUP "$OT_PID"
      sleep 0.3
    fi
  done
  stop_ot INT
done

kill -TERM "$RS_PID"; wait "$RS_PID" 2>/dev/null
rm -rf "$OT/rs" "$OT/root/lib"
