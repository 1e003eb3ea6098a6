#!/bin/bash
# gophernicus workload: private rsyslogd; inetd-style wrapper (inetd.py, 127.0.0.1:46070) running
# gophernicus -d per connection as _gophernicus, in a private mount + IPC namespace
# (own /dev/log -> private rsyslogd socket, own /etc/passwd for ~user selectors, own SysV shm).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37a/gophernicus
mkdir -p $RUN/rsyslog
rm -f $RUN/gophernicus.raw.log
chmod 755 /tmp/round37-r37a $RUN
cat > $RUN/passwd <<P
root:x:0:0:root:/root:/bin/bash
_gophernicus:x:151:150:gophernicus daemon:/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
sysuser:x:50:50:system user:$RUN/home/sysuser:/usr/sbin/nologin
alice:x:46001:46001:Alice:$RUN/home/alice:/bin/sh
bob:x:46002:46002:Bob:$RUN/home/bob:/bin/sh
carol:x:46003:46003:Carol:$RUN/home/carol:/bin/sh
dave:x:46004:46004:Dave:$RUN/home/dave:/bin/sh
P
/usr/sbin/rsyslogd -n -f "$HERE/rsyslog.conf" -i $RUN/rsyslogd.pid &
RSYS=$!
sleep 1
unshare -m -i "$HERE/ns_setup.sh" /usr/bin/python3 "$HERE/driver.py" "${SEED:-$RANDOM}"
sleep 1
kill $RSYS; wait $RSYS
rm -rf $RUN/ov
cp $RUN/gophernicus.raw.log "$HERE/gophernicus.log"
