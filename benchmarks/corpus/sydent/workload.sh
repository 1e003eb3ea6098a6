#!/bin/bash
# Sydent (log.level DEBUG, log file) driven over its identity API; fake SMTP + fake homeserver
if [ -z "$R44A_INNER" ]; then
  ip netns list | grep -qw r44a || { ip netns add r44a; ip netns exec r44a ip link set lo up; }
  export R44A_INNER=1
  exec ip netns exec r44a unshare -m --propagation private bash -c '
    mount --make-rprivate /
    mount --bind /tmp/round44-r44a /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round44-r44a
    mount --bind /mnt /tmp/round44-r44a
    umount -l /mnt
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    exec bash "$0" "$@"' "$0" "$@"
fi
set -m
cd /work/round44/sydent
W=/tmp/round44-r44a/syd
V=/tmp/round44-r44a/venv-syd/bin
H=$W/home; mkdir -p $H/tmp $H/cfg $H/cache $H/data $H/run; chmod 700 $H/run
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/cfg XDG_CACHE_HOME=$H/cache XDG_DATA_HOME=$H/data XDG_RUNTIME_DIR=$H/run
rm -rf $W/mail $W/sydent.db $W/tls; mkdir -p $W/mail $W/tls
LOG=$W/sydent-raw.log; rm -f $LOG
sed "s#^log.path = .*#log.path = $LOG#" sydent.conf.in > $W/sydent.conf
export SYDENT_CONF=$W/sydent.conf
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout $W/tls/key.pem -out $W/tls/cert.pem 2>/dev/null
SEED=${SEED:-4402}; RANDOM=$SEED
python3 fakesmtp.py 46201 $W/mail & SP=$!
python3 fakehs.py 46204 $W/tls/cert.pem $W/tls/key.pem & HP=$!
start_syd() { $V/python -m sydent.sydent > $W/stdout.log 2>&1 & YP=$!; sleep 4; }
stop_syd() { kill $YP; wait $YP 2>/dev/null; }
start_syd
$V/python driver.py $SEED $((170 + RANDOM % 30)) $W/mail
stop_syd
start_syd
$V/python driver.py $((SEED+1)) $((90 + RANDOM % 20)) $W/mail
touch $W/mail/FAIL            # SMTP answers 421
$V/python driver.py $((SEED+2)) $((15 + RANDOM % 6)) $W/mail
rm -f $W/mail/FAIL; kill $SP; wait $SP 2>/dev/null   # SMTP gone: connection refused
$V/python driver.py $((SEED+3)) $((15 + RANDOM % 6)) $W/mail
kill $HP; wait $HP 2>/dev/null   # homeserver gone
$V/python driver.py $((SEED+4)) $((12 + RANDOM % 5)) $W/mail
stop_syd
rm -rf $W/tls
T=$(wc -l < $LOG); F=$(( T > 2500 ? T - 2499 : 1 ))
sed -n "${F},\$p" $LOG > /work/round44/sydent/sydent.log
