#!/bin/bash
# gssproxy workload: a private MIT KDC (realm R31K.TEST, port 30088) and gssproxy -i (debug_level
# from the config, 1-3, changed by SIGHUP reloads; stderr -> gssproxy.log) inside the r31k
# network/mount namespaces (/var/lib/gssproxy bind-mounted to a private directory), driven by
# gss_client.py through the gssproxy interposer (GSS_USE_PROXY=yes) as root and as other uids,
# raw junk on the socket, broken configurations, KDC outage, a bad socket path, restarts.
set -u
W=/work/round31/gssproxy
source $W/ns.sh
G=$T/gss
LOG=$G/gssproxy.full.log
R() { echo $((RANDOM % ($2 - $1 + 1) + $1)); }
export KRB5_CONFIG=$G/krb5.conf KRB5_KDC_PROFILE=$G/kdc.conf

# --- a fresh private realm (keys are generated here, never kept in the folder)
rm -rf $G; mkdir -p $G/kdc $G/run $G/varlib/clients $G/varlib/rcache; chmod 1777 $G/run
cp $W/krb5.conf $G/krb5.conf; sed "s#@G@#$G#g" $W/kdc.conf.in > $G/kdc.conf
kdb5_util create -s -r R31K.TEST -P "$(head -c 12 /dev/urandom | base64)" >/dev/null 2>&1
for p in alice bob carol; do kadmin.local -q "addprinc -pw pw-$p-$RANDOM $p" >/dev/null 2>&1; done
for p in HTTP/www.r31k.test nfs/www.r31k.test host/www.r31k.test; do kadmin.local -q "addprinc -randkey $p" >/dev/null 2>&1; done
kadmin.local -q "ktadd -k $G/http.keytab HTTP/www.r31k.test nfs/www.r31k.test host/www.r31k.test" >/dev/null 2>&1
kadmin.local -q "ktadd -norandkey -k $G/client.keytab alice bob" >/dev/null 2>&1
chmod 644 $G/client.keytab   # the uid-1000 service reads it as root anyway

: > $LOG
ns_up
nsx mount --bind $G/varlib /var/lib/gssproxy
start_kdc() { nsx_bg krb5kdc -n -P $G/run/kdc.pid; echo $! > $G/run/kdc.bgpid; sleep 0.5; }
stop_kdc() { kill $(cat $G/run/kdc.bgpid) 2>/dev/null; wait $(cat $G/run/kdc.bgpid) 2>/dev/null; }
conf() { sed "s#@G@#$G#g" $W/$1 > $G/run/gssproxy.conf; }
start_gp() { nsx_bg bash -c "exec env KRB5_TRACE=/dev/null gssproxy -i -c $G/run/gssproxy.conf >> $LOG 2>&1"; echo $! > $G/run/gp.pid; sleep 1; }
stop_gp() { kill $(cat $G/run/gp.pid) 2>/dev/null; wait $(cat $G/run/gp.pid) 2>/dev/null; sleep 0.3; }
hup() { conf $1; kill -HUP $(cat $G/run/gp.pid); sleep 0.7; }
client() { # uid count
  local u=$1 n=$2
  if [ $u = 0 ]; then
    nsx env KRB5CCNAME=FILE:$G/run/client_cc_0 GSS_USE_PROXY=yes timeout 120 /usr/bin/python3 $W/gss_client.py $n >/dev/null 2>&1
  else
    nsx env KRB5CCNAME=FILE:$G/run/client_cc_$u GSS_USE_PROXY=yes timeout 120 setpriv --reuid=$u --regid=$u --clear-groups /usr/bin/python3 $W/gss_client.py $n >/dev/null 2>&1
  fi
}
mixed() { # rounds
  local i
  for i in $(seq 1 $1); do
    case $((RANDOM % 8)) in
      0|1|2|3) client 0 $(R 2 5) ;;
      4|5|6) client 1000 $(R 2 4) ;;
      7) client $((RANDOM % 2 ? 1001 : 65534)) $(R 1 2) ;;
    esac
  done
}

start_kdc
# 1. configuration file missing: gssproxy exits
nsx bash -c "timeout 5 env KRB5_TRACE=/dev/null gssproxy -i --debug-level=1 -c $G/run/nosuch.conf >> $LOG 2>&1"
# 2. start at debug level 1, then turn it up and down with reloads (some reloads are rejected)
conf gssproxy-l1.conf; start_gp
mixed $(R 4 8)
hup gssproxy-l2.conf; mixed $(R 3 5)
hup gssproxy-bad.conf; mixed $(R 1 3)
hup gssproxy.conf; mixed $(R 2 4)
hup gssproxy-broken.conf; mixed $(R 1 2)
hup gssproxy-l1.conf; mixed $(R 3 6)
# another instance asked to listen on a socket in a directory that does not exist
nsx bash -c "timeout 5 env KRB5_TRACE=/dev/null gssproxy -i -s $G/nosuchdir/gp.sock -c $G/run/gssproxy.conf >> $LOG 2>&1"
# 3. the KDC goes away for a while
stop_kdc; mixed $(R 1 3); start_kdc
mixed $(R 2 5)
stop_gp
# 4. restarts: with the broken file and with the bad file (both refuse to start), then level 3
conf gssproxy-broken.conf
nsx bash -c "timeout 5 env KRB5_TRACE=/dev/null gssproxy -i -c $G/run/gssproxy.conf >> $LOG 2>&1"
conf gssproxy-bad.conf
nsx bash -c "timeout 5 env KRB5_TRACE=/dev/null gssproxy -i -c $G/run/gssproxy.conf >> $LOG 2>&1"
conf gssproxy.conf; start_gp
mixed $(R 1 3)
hup gssproxy-l2.conf; mixed $(R 3 5)
hup gssproxy-l1.conf; mixed $(R 4 8)
stop_gp
stop_kdc
ns_down
head -n 2500 $LOG > $W/gssproxy.log
wc -l $LOG $W/gssproxy.log
rm -rf $G
