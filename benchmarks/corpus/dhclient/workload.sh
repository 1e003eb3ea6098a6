#!/bin/bash
# Randomised workload for ISC dhclient (Debian isc-dhcp-client 4.4.3-P1) against an ISC dhcpd of ours,
# on a veth pair between two private network namespaces (r39b-ds: server, r39b-dc: client).
# The log is dhclient's stderr/stdout (-d -v) of every run, appended to one file; the kept stretch is cut with sed.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round39-r39b/dh
CYCLES=${CYCLES:-90}
rm -rf "$T"; mkdir -p "$T/home" "$T/tmp" "$T/run"
RAW=$T/dhclient.raw; : > "$RAW"
ENVV="env -i HOME=$T/home TMPDIR=$T/tmp XDG_RUNTIME_DIR=$T/run XDG_CONFIG_HOME=$T/home/.config XDG_DATA_HOME=$T/home/.local PATH=/usr/sbin:/usr/bin:/sbin:/bin"
SRV="ip netns exec r39b-ds unshare -m $ENVV"
CLI="ip netns exec r39b-dc unshare -m $ENVV R39B_FAIL_FILE=$T/failnext"
DPID=; CPID=

ip netns del r39b-ds 2>/dev/null; ip netns del r39b-dc 2>/dev/null
ip netns add r39b-ds; ip netns add r39b-dc
ip netns exec r39b-ds ip link add r39bs0 type veth peer name r39bc0 netns r39b-dc
ip netns exec r39b-ds ip link set lo up; ip netns exec r39b-dc ip link set lo up
ip netns exec r39b-ds ip link set r39bs0 up
ip netns exec r39b-ds ip addr add 10.39.2.1/24 dev r39bs0
: > "$T/dhcpd.leases"

srv_start() {  # $1 = config a|b|deny
  srv_stop
  ip netns exec r39b-ds ip -4 addr flush dev r39bs0
  if [ "$1" = b ]; then ip netns exec r39b-ds ip addr add 10.39.3.1/24 dev r39bs0
  else ip netns exec r39b-ds ip addr add 10.39.2.1/24 dev r39bs0; fi
  $SRV dhcpd -4 -f -d -p 50567 -cf "$D/dhcpd-$1.conf" -lf "$T/dhcpd.leases" -pf "$T/dhcpd.pid" r39bs0 >> "$T/dhcpd.out" 2>&1 &
  DPID=$!; SRVCONF=$1; sleep 0.5
}
srv_stop() { if [ -n "$DPID" ]; then kill "$DPID" 2>/dev/null; wait "$DPID" 2>/dev/null; DPID=; fi; }
cli_start() {  # extra args
  $CLI dhclient -4 -d -v -p 50568 -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" "$@" r39bc0 >> "$RAW" 2>&1 &
  CPID=$!
}
cli_stop() { if [ -n "$CPID" ]; then kill "$CPID" 2>/dev/null; wait "$CPID" 2>/dev/null; CPID=; fi; }
cli_end() {  # end a running client in a random way
  case $((RANDOM % 5)) in
    0|1) cli_stop ;;
    2) $CLI dhclient -4 -d -v -r -p 50568 -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0 >> "$RAW" 2>&1; wait "$CPID" 2>/dev/null; CPID= ;;
    3) $CLI dhclient -4 -d -v -x -p 50568 -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0 >> "$RAW" 2>&1; wait "$CPID" 2>/dev/null; cli_stop ;;
    4) kill -HUP "$CPID" 2>/dev/null; sleep 1; cli_stop ;;
  esac
}
once() {  # a short-lived client run, killed after $1 seconds if still alive
  local s=$1; shift
  $CLI timeout -s TERM "$s" dhclient -4 -d -v -p 50568 "$@" >> "$RAW" 2>&1
}

srv_start a
for ((c = 0; c < CYCLES; c++)); do
  r=$((RANDOM % 100))
  if   [ $r -lt 30 ]; then   # normal operation: bind and renew a while, then end
    [ "$SRVCONF" = a ] || srv_start a
    cli_start; sleep $((5 + RANDOM % 25)); cli_end
  elif [ $r -lt 42 ]; then   # server goes away while the client holds a lease, comes back later
    [ "$SRVCONF" = a ] || srv_start a
    cli_start; sleep $((3 + RANDOM % 6)); srv_stop; SRVCONF=none
    sleep $((10 + RANDOM % 30)); srv_start a; sleep $((2 + RANDOM % 10)); cli_end
  elif [ $r -lt 52 ]; then   # server renumbered: the old lease is refused (DHCPNAK), a new one granted
    if [ "$SRVCONF" = b ]; then srv_start a; else srv_start b; fi
    cli_start; sleep $((6 + RANDOM % 12)); cli_end
  elif [ $r -lt 60 ]; then   # server grants nothing
    srv_start deny
    cli_start; sleep $((10 + RANDOM % 20)); cli_end
  elif [ $r -lt 66 ]; then   # no server at all, try once
    srv_stop; SRVCONF=none
    once 30 -1 -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0
  elif [ $r -lt 72 ]; then   # meant to make the script refuse the address; dhclient does not pass its environment to the script, so this is a plain run
    [ "$SRVCONF" = a ] || srv_start a
    touch "$T/failnext"; cli_start; sleep $((8 + RANDOM % 10)); cli_end; rm -f "$T/failnext"
  elif [ $r -lt 76 ]; then   # bad configuration file
    once 5 -cf "$D/dhclient-bad.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0
  elif [ $r -lt 80 ]; then   # missing configuration file
    once 5 -cf "$T/missing.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0
  elif [ $r -lt 84 ]; then   # no such interface
    once 5 -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bx$((RANDOM % 9))
  elif [ $r -lt 88 ]; then   # lease file in a missing directory
    [ "$SRVCONF" = a ] || srv_start a
    once $((6 + RANDOM % 8)) -cf "$D/dhclient.conf" -lf "$T/nodir/dhclient.leases" -pf "$T/dhclient.pid" -sf "$D/script.sh" r39bc0
  elif [ $r -lt 92 ]; then   # corrupted lease file
    [ "$SRVCONF" = a ] || srv_start a
    printf 'lease {\n  interface "r39bc0";\n  fixed-address 10.39.2.999;\n  option subnet-mask 255.255.255.0\n  renew 9 2099/13/01 00:00:00;\n}\nbogus;\n' >> "$T/dhclient.leases"
    cli_start; sleep $((4 + RANDOM % 8)); cli_end
  elif [ $r -lt 96 ]; then   # missing script
    [ "$SRVCONF" = a ] || srv_start a
    once $((5 + RANDOM % 6)) -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/dhclient.pid" -sf "$T/noscript.sh" r39bc0
  else                       # pid file in a missing directory, no-pid
    [ "$SRVCONF" = a ] || srv_start a
    once $((5 + RANDOM % 6)) -cf "$D/dhclient.conf" -lf "$T/dhclient.leases" -pf "$T/nodir/dhclient.pid" -sf "$D/script.sh" r39bc0
  fi
done
cli_stop; srv_stop
ip netns del r39b-dc; ip netns del r39b-ds
N=$(wc -l < "$RAW")
if [ "$N" -gt 2500 ]; then sed -n "1,2500p" "$RAW" > "$D/dhclient.log"; else cp "$RAW" "$D/dhclient.log"; fi
wc -l "$D/dhclient.log"
