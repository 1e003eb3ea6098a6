#!/bin/bash
# Randomised workload for imapproxyd (foreground) in front of fakeimap.py, logging via a private rsyslogd.
# Runs itself inside a private mount namespace whose /dev holds the rsyslogd socket /dev/log.
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round36-r36h/imap; mkdir -p $R
if [ -z "$IN_NS" ]; then exec env IN_NS=1 unshare -m --propagation private "$0" "$@"; fi
mkdir -p $R/hostdev && mount --bind /dev $R/hostdev && mount -t tmpfs tmpfs /dev
for d in null zero urandom random full tty; do touch /dev/$d; mount --bind $R/hostdev/$d /dev/$d; done
ln -s /proc/self/fd /dev/fd
PY=python3
r() { echo $(( RANDOM % $1 )); }
echo > $R/pids
rsyslogd -n -f $D/rsyslog.conf -i $R/rsyslogd.pid & RSYS=$!; echo $RSYS >> $R/pids; sleep 1
start_fake() { $PY $D/fakeimap.py 49511 ${1:-ok} >/dev/null 2>&1 & FAKE=$!; echo $FAKE >> $R/pids; sleep 0.5; }
stop_fake() { kill $FAKE 2>/dev/null; wait $FAKE 2>/dev/null; }
start_proxy() { imapproxyd -f ${1:-$D/imapproxy.conf} >/dev/null 2>&1 & PROXY=$!; echo $PROXY >> $R/pids; sleep 1; }
stop_proxy() { kill $PROXY 2>/dev/null; wait $PROXY 2>/dev/null; }
USERS=(alice bob carol dave erin frank grace heidi ivan judy mallory)
SCEN=(normal normal normal normal normal normal normal badpass badpass literal authplain authlogin nologin admin crash abort garbage select)
session() {
  local u=${USERS[$(r ${#USERS[@]})]} s=${SCEN[$(r ${#SCEN[@]})]}
  [ $(r 15) = 0 ] && u=drop$u
  $PY $D/imapclient.py 49510 $s $u
}
start_fake; start_proxy
for round in $(seq ${ROUNDS:-17}); do
  for i in $(seq $((10 + $(r 30)))); do session & sleep 0.$(r 4); done; wait $(jobs -p | grep -v -e "^$RSYS$" -e "^$FAKE$" -e "^$PROXY$") 2>/dev/null
  case $(r 9) in
    0) stop_fake; for i in $(seq $((1 + $(r 3)))); do session; done; start_fake;;     # IMAP server down
    1) stop_proxy; start_proxy;;                                                       # restart
    2) sleep 10;;                                                                      # cached connections expire
    3) stop_proxy; stop_fake; start_fake badbanner; start_proxy; sleep 1; stop_proxy; stop_fake; start_fake; start_proxy;;
    4) stop_proxy; stop_fake; (sleep 2; ) & start_proxy; sleep 3; stop_proxy; start_fake; start_proxy;;  # server down at startup
    5) imapproxyd -f $R/missing.conf >/dev/null 2>&1;;                                 # missing config
    6) sed 's/^send_tcp_keepalives yes/send_tcp_keepalives maybe/; s/^cache_size 16/cache_size many/' $D/imapproxy.conf > $R/bad.conf
       imapproxyd -f $R/bad.conf >/dev/null 2>&1;;                                     # bad values
    7) imapproxyd -f $D/imapproxy.conf >/dev/null 2>&1 & sleep 2; kill $! 2>/dev/null;; # port in use
    8) $PY $D/imapclient.py 49510 normal ${USERS[0]}; $PY $D/imapclient.py 49510 normal ${USERS[0]};;
  esac
done
sleep 10; session
stop_proxy; stop_fake
sleep 1; kill $RSYS; wait
cp $R/imapproxy.log $D/imapproxy.log
