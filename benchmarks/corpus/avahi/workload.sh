#!/bin/bash
# Avahi 0.8 (Debian 12 packages avahi-daemon, avahi-utils, dbus) in private network namespaces.
# Instance A (logged: --debug, stderr to avahi.log) in r17av_a, instance B in r17av_b, a veth pair
# between them plus a second pair that goes up/down/away; each has its own private D-Bus (system
# bus address in env) and, in its own mount namespace, a tmpfs runtime dir and private static
# services dir. Clients: avahi-publish/browse/resolve/set-host-name on both buses, raw mDNS
# packets (mdns.py), host and service name conflicts, static service files good and broken with
# SIGHUP reloads, interfaces and addresses up/down, restarts, stop.
# Run as root: bash workload.sh [OUT_DIR] [DURATION]   (default OUT_DIR = folder of this script)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-180}
W=/tmp/r17av; mkdir -p "$OUT"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
cleanup() { for x in A B; do [ -f $W/avahi$x.pid ] && kill "$(cat $W/avahi$x.pid)" 2>/dev/null; done; sleep 1
  for x in A B; do [ -f $W/bus$x.pid ] && kill "$(cat $W/bus$x.pid)" 2>/dev/null; done
  for n in r17av_a r17av_b; do ip netns del $n 2>/dev/null; done; }
[ -d $W ] && cleanup; rm -rf $W; mkdir -p $W/svcA $W/svcB; rm -f "$OUT/avahi.log"
for n in r17av_a r17av_b; do ip netns add $n; ip netns exec $n ip link set lo up; ip netns exec $n sysctl -qw net.ipv6.conf.default.accept_dad=0; done
A="ip netns exec r17av_a"; B="ip netns exec r17av_b"
mkpair() { ip link add $1 netns r17av_a type veth peer name $2 netns r17av_b
  $A ip link set $1 up; $B ip link set $2 up
  $A ip addr add 192.0.2.$3/24 dev $1 2>/dev/null; $B ip addr add 192.0.2.$4/24 dev $2 2>/dev/null; }
mkpair ava avb 1 2
mkpair av2a av2b 65 66; $A ip addr change 198.51.100.1/24 dev av2a; $B ip addr add 198.51.100.2/24 dev av2b
$A ip addr del 192.0.2.65/24 dev av2a 2>/dev/null; $B ip addr del 192.0.2.66/24 dev av2b 2>/dev/null
for x in A B; do
  cat > $W/dbus$x.conf <<C
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=$W/bus$x</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/><allow receive_sender="*"/></policy></busconfig>
C
  dbus-daemon --config-file=$W/dbus$x.conf --fork --print-pid > $W/bus$x.pid
done
conf() { # instance hostname
  cat <<C
[server]
host-name=$2
domain-name=local
use-ipv4=yes
use-ipv6=yes
allow-interfaces=$([ $1 = A ] && echo ava,av2a || echo avb,av2b)
enable-dbus=yes
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=yes
publish-workstation=yes
[reflector]
[rlimits]
C
}
start() { # instance hostname
  local x=$1 ns=r17av_$(echo $1 | tr AB ab) log
  [ $x = A ] && log="$OUT/avahi.log" || log=$W/avahiB.log
  conf $x $2 > $W/avahi$x.conf
  DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/bus$x ip netns exec $ns unshare -m sh -c "
    mount -t tmpfs none /run/avahi-daemon 2>/dev/null || { mkdir -p /run/avahi-daemon; mount -t tmpfs none /run/avahi-daemon; }
    mount --bind $W/svc$x /etc/avahi/services
    exec avahi-daemon -f $W/avahi$x.conf --no-chroot --debug --no-rlimits" >> "$log" 2>&1 &
  echo $! > $W/avahi$x.pid; sleep 1.5; }
alive() { kill -0 "$(cat $W/avahi$1.pid)" 2>/dev/null; }
svcfile() { # dir name good|bad
  local t=$(pick _http._tcp _ipp._tcp _ssh._tcp _smb._tcp _ftp._tcp) p=$((1024 + $(r 60000)))
  if [ $3 = good ]; then cat > $1/$2.service <<S
<?xml version="1.0" standalone='no'?>
<!DOCTYPE service-group SYSTEM "avahi-service.dtd">
<service-group><name replace-wildcards="yes">$2 on %h</name>
<service><type>$t</type><port>$p</port><txt-record>v=$(r 10)</txt-record></service></service-group>
S
  else pick "<service-group><name>$2</name><service><type>$t</type>" "<service-group><service><port>$p</port></service></service-group>" "<servicegroup><name>$2</name></servicegroup>" "<service-group><name>$2</name><service><type>bad type $RANDOM</type><port>$p</port></service></service-group>" "<service-group><name>$2</name><service><type>$t</type><port>999999</port></service></service-group>" > $1/$2.service; fi; }
for i in 1 2; do svcfile $W/svcA web$RANDOM good; done
start A r17host; start B r17b
END=$((SECONDS + DURATION)); names=(r17host r17b lab-$RANDOM kitchen pi$RANDOM)
while [ $SECONDS -lt $END ]; do
  alive A || start A $(pick r17host r17b node$RANDOM)
  alive B || start B $(pick r17b r17host node$RANDOM)
  export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/busA
  case $(r 24) in
    0|1) n="$(pick Web Printer Share Files Cam) $RANDOM"; t=$(pick _http._tcp _ipp._tcp _smb._tcp _ssh._tcp)
       timeout $((2 + $(r 5))) avahi-publish -s "$n" $t $((1024 + $(r 60000))) "k=$RANDOM" >/dev/null 2>&1 &
       [ $(r 3) = 0 ] && DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/busB timeout 3 avahi-publish -s "$n" $t 80 >/dev/null 2>&1 & ;;
    2) timeout $((2 + $(r 4))) avahi-publish -a "$(pick alias$RANDOM r17b r17host h$(r 50)).local" 192.0.2.$((100 + $(r 100))) >/dev/null 2>&1 & ;;
    3) DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/busB timeout $((2 + $(r 4))) avahi-publish -a -R "$(pick r17host b$(r 50) r17b).local" 192.0.2.$((100 + $(r 100))) >/dev/null 2>&1 & ;;
    4|5) timeout 3 avahi-browse -a$(pick r t p rt) >/dev/null 2>&1 & ;;
    6) timeout 3 avahi-resolve -$(pick n 4 6) -n "$(pick r17b r17host nosuch$RANDOM printer).local" >/dev/null 2>&1 & ;;
    7) timeout 3 avahi-resolve -a 192.0.2.$(pick 2 1 $((3 + $(r 200)))) >/dev/null 2>&1 & ;;
    8) DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/bus$(pick A B) avahi-set-host-name "$(pick ${names[@]} x$RANDOM)" >/dev/null 2>&1 ;;
    9|10) $B python3 $HERE/mdns.py 192.0.2.2 $(pick query legacy response conflict badport badttl garbage truncated badflags) 2>/dev/null ;;
    11) DBUS_SYSTEM_BUS_ADDRESS=unix:path=$W/busB timeout 3 avahi-publish -s "Web $RANDOM" _http._tcp 80 >/dev/null 2>&1 & ;;
    12) svcfile $W/svcA $(pick web file print)$(r 30) $(pick good good bad); kill -HUP "$(cat $W/avahiA.pid)" ;;
    13) f=$(ls $W/svcA | shuf -n1); [ -n "$f" ] && rm -f "$W/svcA/$f"; kill -HUP "$(cat $W/avahiA.pid)" ;;
    14) $A ip link set av2a down; sleep 0.$((3 + $(r 6))); $A ip link set av2a up ;;
    15) a=192.0.2.$((3 + $(r 50))); $A ip addr add $a/24 dev ava; sleep 1; $A ip addr del $a/24 dev ava ;;
    16) a=2001:db8:5::$(printf %x $((1 + $(r 4000)))); $A ip -6 addr add $a/64 dev $(pick ava av2a) nodad; sleep 1; $A ip -6 addr del $a/64 dev ava 2>/dev/null ;;
    17) [ $(r 3) = 0 ] && { $A ip link del av2a; sleep 1; mkpair av2a av2b 65 66; } ;;
    18) $B ip link set avb down; sleep $((1 + $(r 2))); $B ip link set avb up ;;
    19) [ $(r 3) = 0 ] && { kill -$(pick TERM INT) "$(cat $W/avahiA.pid)"; sleep 1; } ;;
    20) [ $(r 2) = 0 ] && { kill "$(cat $W/avahiB.pid)"; sleep 1; start B $(pick r17host r17b); } ;;
    21) kill -$(pick USR1 HUP) "$(cat $W/avahiA.pid)" ;;
    22) timeout 2 avahi-browse -d $(pick local nosuch.local example) _http._tcp >/dev/null 2>&1 & ;;
    23) for k in $(seq $((2 + $(r 5)))); do timeout 2 avahi-publish -s "Burst $RANDOM" _ftp._tcp 21 >/dev/null 2>&1 & done ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
sleep 2; kill "$(cat $W/avahiA.pid)"; sleep 2; cleanup
