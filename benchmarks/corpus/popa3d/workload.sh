#!/bin/bash
# popa3d workload: private rsyslogd, private netns (popa3d -D binds port 110 there),
# private mount ns with its own /etc/passwd, /etc/shadow, /etc/group, /var/mail and /dev/log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37a/popa3d
NS=r37a-pop
mkdir -p $RUN/etc $RUN/mail $RUN/rsyslog
rm -f $RUN/popa3d.raw.log
chmod 2775 $RUN/mail; chgrp 8 $RUN/mail
h() { openssl passwd -6 "$1"; }
{
  echo "root:x:0:0:root:/root:/bin/bash"
  echo "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"
  echo "popa3d:x:152:151::/var/lib/popa3d:/usr/sbin/nologin"
  n=46001; for u in alice bob carol dave erin frank; do echo "$u:x:$n:8::/nonexistent:/usr/sbin/nologin"; n=$((n+1)); done
} > $RUN/etc/passwd
grep -v '^popa3d:' $RUN/etc/passwd > $RUN/etc/passwd.broken
{
  echo "root:*:19000:0:99999:7:::"; echo "nobody:*:19000:0:99999:7:::"; echo "popa3d:*:19000:0:99999:7:::"
  for pair in alice:wonderland7 bob:builder-42 carol:singing#carol dave:dave.pw erin:erin1999 frank:frankly; do
    echo "${pair%%:*}:$(h "${pair#*:}"):19000:0:99999:7:::"
  done
} > $RUN/etc/shadow
chmod 640 $RUN/etc/shadow
printf 'root:x:0:\nmail:x:8:\npopa3d:x:151:\nnogroup:x:65534:\n' > $RUN/etc/group
/usr/sbin/rsyslogd -n -f "$HERE/rsyslog.conf" -i $RUN/rsyslogd.pid &
RSYS=$!
sleep 1
ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS unshare -m "$HERE/ns_setup.sh" /usr/bin/python3 "$HERE/driver.py" "${SEED:-$RANDOM}"
sleep 2
for p in $(ip netns pids $NS); do kill $p; done
sleep 1
ip netns del $NS
kill $RSYS; wait $RSYS
rm -rf $RUN/ov
cp $RUN/popa3d.raw.log "$HERE/popa3d.log"
