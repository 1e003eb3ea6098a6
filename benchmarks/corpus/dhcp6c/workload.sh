#!/bin/bash
# Randomised workload for WIDE dhcp6c (client, labelled) against dhcp6s servers (not labelled).
# Runs everything in private network namespaces r37b-6c (client) and r37b-6s (server);
# /var/lib/dhcpv6 (DUID files) is replaced by a private bind mount in a private mount namespace.
D=/work/round37/dhcp6c
T=/tmp/round37-r37b/6
LOG=$D/dhcp6c.log
DUR=${1:-600}
mkdir -p $T/c $T/s
[ -s $T/ctlkey ] || head -c 16 /dev/urandom | base64 > $T/ctlkey
head -c 16 /dev/urandom | base64 > $T/badkey
# the client DUID the server host entries refer to
printf '\x0e\x00\x00\x01\x00\x01\x32\xa9\x0a\x03\x1a\x8d\xc6\xa7\x73\xc0' > $T/c/dhcp6c_duid
$D/netns.sh down; $D/netns.sh up
r() { echo $(( RANDOM % $1 )); }
CPID=; SPID=
start_server() {  # $1 = config
  ip netns exec r37b-6s unshare -m sh -c "mount --bind $T/s /var/lib/dhcpv6 && exec dhcp6s -f -D -c $D/$1 -k $T/ctlkey -p 46501 -P $T/dhcp6s.pid r37b6s0" >> $T/dhcp6s.out 2>&1 &
  SPID=$!
}
stop_server() { [ -n "$SPID" ] && kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; SPID=; }
start_client() {  # $1 = config, rest = interfaces
  local c=$1; shift
  ip netns exec r37b-6c unshare -m sh -c "mount --bind $T/c /var/lib/dhcpv6 && exec dhcp6c -f -D -c $D/$c -k $T/ctlkey -p $T/dhcp6c.pid $*" >> $LOG 2>&1 &
  CPID=$!
}
stop_client() { [ -n "$CPID" ] && kill -${1:-TERM} $CPID 2>/dev/null; sleep 1; kill -0 $CPID 2>/dev/null && kill -KILL $CPID; wait $CPID 2>/dev/null; CPID=; }
ctl() { ip netns exec r37b-6c dhcp6ctl -k ${KEY:-$T/ctlkey} "$@" >/dev/null 2>&1; }
: > $LOG
sleep 2
start_server s_good.conf
sleep 1
start_client c_full.conf r37b6c0
END=$(( $(date +%s) + DUR ))
while [ $(date +%s) -lt $END ]; do
  sleep $(( 1 + $(r 12) ))
  case $(r 20) in
    0|1) stop_server; sleep $(r 3); start_server $(shuf -n1 -e s_good.conf s_good.conf s_other.conf s_auth.conf s_bad.conf) ;;
    2) stop_server; sleep $(( 5 + $(r 20) )); start_server s_good.conf ;;
    3|4) stop_client; start_client $(shuf -n1 -e c_full.conf c_full.conf c_na.conf c_info.conf c_auth.conf c_authbad.conf) $(shuf -n1 -e r37b6c0 r37b6c0 "r37b6c0 r37b6d1") ;;
    5) stop_client; start_client $(shuf -n1 -e c_bad.conf c_bad2.conf) r37b6c0; sleep 2; start_client c_full.conf r37b6c0 ;;
    6) stop_client; start_client c_full.conf nosuch9; sleep 2; start_client c_full.conf r37b6c0 ;;
    7) kill -HUP $CPID 2>/dev/null ;;
    8) ctl reload ;;
    9) ctl stop interface r37b6c0; sleep $(r 4); ctl start interface r37b6c0 ;;
    10) ctl start interface $(shuf -n1 -e r37b6c0 r37b6d1 nosuch0) ;;
    11) KEY=$T/badkey ctl reload ;;
    12) ctl stop; sleep 1; wait $CPID 2>/dev/null; start_client c_full.conf r37b6c0 ;;
    13) ip -n r37b-6c link set r37b6c0 down; sleep $(( 1 + $(r 5) )); ip -n r37b-6c link set r37b6c0 up ;;
    14) stop_client $(shuf -n1 -e TERM INT KILL); rm -f $T/c/dhcp6c_duid; start_client c_full.conf r37b6c0; sleep 3
        printf '\x0e\x00\x00\x01\x00\x01\x32\xa9\x0a\x03\x1a\x8d\xc6\xa7\x73\xc0' > $T/c/dhcp6c_duid ;;
    15) printf 'xx' > $T/c/dhcp6c_duid; stop_client; start_client c_na.conf r37b6c0; sleep 2
        printf '\x0e\x00\x00\x01\x00\x01\x32\xa9\x0a\x03\x1a\x8d\xc6\xa7\x73\xc0' > $T/c/dhcp6c_duid ;;
    16) ip -n r37b-6c addr flush dev r37b6c0 scope global ;;
    *) : ;;  # let timers run (renew/rebind)
  esac
done
stop_client; stop_server
$D/netns.sh down
