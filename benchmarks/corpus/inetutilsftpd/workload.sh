#!/bin/bash
# Drives GNU inetutils ftpd (-d -l -l), started per connection by inetutils-inetd on port 49100 (tcp)
# and 49101 (tcp6), in netns r38g + private mount ns; ftpd's syslog goes to a private rsyslogd.
# Usage: workload.sh  (as root; creates netns r38g if missing)
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R38G_INNER" ]; then
  ip netns list | grep -qw r38g || { ip netns add r38g; ip netns exec r38g ip link set lo up; }
  exec ip netns exec r38g unshare -m --propagation private env R38G_INNER=1 bash "$0" "$@"
fi
set -m
. "$HERE/nsenv.sh"
r() { echo $(( RANDOM % $1 )); }
mkdir -p $W/rs-ftpd
: > $W/ftpd-raw.log
start_rsyslog "$HERE/rsyslog.conf"
# anonymous area and a user home
rm -rf $W/ftproot $W/home/alice
mkdir -p $W/ftproot/pub/docs $W/ftproot/incoming $W/home/alice/pub/docs $W/home/alice/incoming
for d in $W/ftproot $W/home/alice; do
  seq 1 300 | sed 's/^/readme line /' > $d/pub/readme.txt
  head -c 20000 /dev/urandom > $d/pub/data.bin
  echo "guide" > $d/pub/docs/guide.txt
  echo "notes" > $d/notes.txt
done
chown -R 2002:2002 $W/home/alice; chmod 755 $W/home/alice
chown 2001:2001 $W/ftproot/incoming
touch $W/ftproot/pub/ro.txt; chmod 444 $W/ftproot/pub/ro.txt

CONF=$W/ftpd-inetd.conf
write_conf() {
  local o="-d -l -l"
  [ $(r 5) = 0 ] && o="$o -A"
  [ $(r 4) = 0 ] && o="$o --non-rfc2577"
  [ $(r 5) = 0 ] && o="$o -q"
  [ $(r 6) = 0 ] && o="$o -t 3 -T 100"
  [ $(r 6) = 0 ] && o="$o -u 002"
  [ $(r 4) = 0 ] && o="$o -a pam"
  echo "49100 stream tcp nowait root /usr/sbin/ftpd ftpd $o" > $CONF
  echo "49101 stream tcp6 nowait root /usr/sbin/ftpd ftpd -d -l" >> $CONF
}
write_conf
/usr/sbin/inetutils-inetd -d --pidfile=$W/ftpd-inetd.pid $CONF 2>$W/ftpd-inetd.stderr &
INETD=$!
sleep 0.5
PHASES=${PHASES:-14}
for p in $(seq $PHASES); do
  python3 "$HERE/ftpclient.py" 49100 49101 $((2 + $(r 7))) $RANDOM
  write_conf; kill -HUP $INETD; sleep 0.3
done
kill -TERM $INETD; wait $INETD 2>/dev/null
sleep 0.5
kill $RS_PID; wait $RS_PID 2>/dev/null
cp $W/ftpd-raw.log "$HERE/raw.log"
