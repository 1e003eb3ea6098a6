#!/bin/bash
# Randomised workload for miniupnpd, run in private network namespaces:
#   r29upnp  (the router: wan0 + lan0, nftables tables, miniupnpd)
#   r29upnpW (the WAN side: a fake STUN server)
#   r29upnpC (the LAN side: UPnP IGD / NAT-PMP / PCP / SSDP clients)
# miniupnpd runs with -d (debug level; messages also written to stderr, which is the log).
set -u
D=/work/round29/miniupnpd
cd "$D"
LOG=$D/miniupnpd.log
PIDS=$D/pids.txt
R=r29upnp; W=r29upnpW; C=r29upnpC
: > "$LOG"; : > "$PIDS"
rm -f "$D/upnp.leases" "$D/run.pid" "$D"/bad-*.conf

r() { shuf -i "$1-$2" -n 1; }
pick() { shuf -e "$@" -n 1; }
coin() { [ "$(r 1 100)" -le "${1:-50}" ]; }
nap() { sleep "$(awk -v a="$1" -v b="$2" 'BEGIN{srand(); printf "%.2f", a+rand()*(b-a)}')"; }
cl() { ip netns exec $C python3 "$D/upnpclient.py" "$@" 2>> "$D/client.out" >/dev/null; }
clout() { ip netns exec $C python3 "$D/upnpclient.py" "$@" 2>> "$D/client.out"; }

mine() {  # a recorded PID that still runs in one of our namespaces
  case "$(ip netns identify "$1" 2>/dev/null)" in $R|$W|$C) return 0 ;; esac
  return 1
}
cleanup() {
  while read -r p; do mine "$p" && kill "$p" 2>/dev/null; done < "$PIDS"
  sleep 1
  while read -r p; do mine "$p" && kill -9 "$p" 2>/dev/null; done < "$PIDS"
  for n in $R $W $C; do ip netns del "$n" 2>/dev/null; done
}
trap cleanup EXIT

# ---------------------------------------------------------------- network
for n in $R $W $C; do ip netns add $n; ip netns exec $n ip link set lo up; done
ip link add r29uwan type veth peer name r29uwanp
ip link set r29uwan netns $R; ip link set r29uwanp netns $W
ip link add r29ulan type veth peer name r29ulanc
ip link set r29ulan netns $R; ip link set r29ulanc netns $C
ip netns exec $R ip link set r29uwan name wan0
ip netns exec $R ip link set r29ulan name lan0
ip netns exec $C ip link set r29ulanc name lanc
ip netns exec $R ip addr add 10.77.0.2/24 dev wan0
ip netns exec $R ip addr add 192.168.77.1/24 dev lan0
ip netns exec $R ip addr add fd77::1/64 dev lan0 nodad
ip netns exec $R ip addr add fd78::2/64 dev wan0 nodad
ip netns exec $W ip addr add 10.77.0.1/24 dev r29uwanp
ip netns exec $W ip addr add fd78::1/64 dev r29uwanp nodad
ip netns exec $C ip addr add 192.168.77.10/24 dev lanc
for i in 11 12 13 200; do ip netns exec $C ip addr add 192.168.77.$i/24 dev lanc; done
ip netns exec $C ip addr add fd77::10/64 dev lanc nodad
ip netns exec $C ip addr add fd77::11/64 dev lanc nodad
for n in $R:wan0 $R:lan0 $W:r29uwanp $C:lanc; do ip netns exec "${n%%:*}" ip link set "${n#*:}" up; done
ip netns exec $R ip route add default via 10.77.0.1
ip netns exec $R ip -6 route add default via fd78::1
ip netns exec $C ip route add default via 192.168.77.1
ip netns exec $C ip -6 route add default via fd77::1
sleep 1

# ---------------------------------------------------------------- configuration (random per run)
HTTP_PORT=$(r 23800 23899); export UPNP_HTTP_PORT=$HTTP_PORT
PUBLIC=203.0.113.$(r 2 250)
SECURE=$(pick yes yes no)
CONF=$D/miniupnpd.conf
cat > "$CONF" <<EOF
ext_ifname=wan0
listening_ip=lan0
http_port=$HTTP_PORT
enable_natpmp=yes
enable_upnp=yes
ext_perform_stun=yes
ext_stun_host=10.77.0.1
secure_mode=$SECURE
system_uptime=$(pick yes no)
notify_interval=$(r 40 90)
clean_ruleset_threshold=$(r 1 3)
clean_ruleset_interval=$(r 25 45)
min_lifetime=$(r 60 120)
max_lifetime=$(r 3600 86400)
lease_file=$D/upnp.leases
friendly_name=$(pick "Lab Router" "r29 gateway" "MiniUPnPd test box")
model_number=$(r 1 9)
serial=$(r 10000000 99999999)
uuid=3d3cec3a-8cf0-11e0-98ee-00$(printf '%010x' $(r 1 99999999))
force_igd_desc_v1=no
allow 1024-65535 192.168.77.0/25 1024-65535
allow $(r 23000 23099)-$(r 23900 23999) 192.168.77.10/32 $(r 23000 23099)-$(r 23900 23999)
deny 0-65535 0.0.0.0/0 0-65535
EOF
grep -q "^uuid" "$CONF" && UUID=$(sed -n 's/^uuid=//p' "$CONF")
echo "http=$HTTP_PORT public=$PUBLIC secure=$SECURE"

stun_mode() { echo "$1 $PUBLIC" > "$D/stun.mode"; }
stun_mode full
ip netns exec $W python3 "$D/upnpclient.py" stun 10.77.0.1 3478 "$D/stun.mode" 3000 2>> "$D/client.out" &
echo $! >> "$PIDS"

# run miniupnpd: a private mount namespace hides /dev/console (it would fall back to it without syslogd)
mup() {
  timeout 6 unshare -m sh -c 'mount --bind /dev/null /dev/console && exec ip netns exec r29upnp miniupnpd "$@"' sh "$@" >> "$LOG" 2>&1
}
start_main() {
  unshare -m sh -c 'mount --bind /dev/null /dev/console && exec ip netns exec r29upnp miniupnpd "$@"' sh \
      -d -f "$CONF" -P "$D/run.pid" "$@" >> "$LOG" 2>&1 &
  MPID=$!
  echo $MPID >> "$PIDS"
  for _ in $(seq 60); do grep -q "Listening for NAT-PMP/PCP traffic" <(tail -n 30 "$LOG") && break; sleep 0.25; done
  sleep 0.5
}
bad_conf() {  # NAME EXTRA-LINES (sed expression applied to the good config)
  sed "$2" "$CONF" > "$D/bad-$1.conf"
}

# ---------------------------------------------------------------- start-up failures
bad_conf igd 's/^force_igd_desc_v1=no/force_igd_desc_v1=maybe/'
bad_conf life 's/^min_lifetime=.*/min_lifetime=7200/; s/^max_lifetime=.*/max_lifetime=90/'
bad_conf nostun '/^ext_stun_host=/d'
bad_conf stunip 's/^ext_stun_host=.*/ext_stun_host=10.77.0.1\next_ip=203.0.113.9/'
bad_conf option 's/^model_number=.*/model_numbr=3/'
bad_conf perm 's/^deny 0-65535 0.0.0.0\/0 0-65535/deny 0-65535 0.0.0.0\/0/'
bad_conf permip 's/^deny 0-65535 0.0.0.0\/0 0-65535/allow 1024-65535 192.168.300.0\/24 1024-65535/'
bad_conf publan 's/^listening_ip=lan0/listening_ip=192.0.3.1\/24/'
bad_conf nostunip 's/^ext_perform_stun=yes/ext_perform_stun=no/'
FAILS=(igd life nostun stunip option perm permip publan extip extbad missing)
for f in $(shuf -e "${FAILS[@]}" -n "$(r 8 11)"); do
  case $f in
    extip)   mup -d -f "$D/bad-nostunip.conf" -P "$D/bad.pid" -o "$(pick 10.1.2.3 192.168.1.1 172.16.0.9)" ;;
    extbad)  mup -d -f "$D/bad-nostunip.conf" -P "$D/bad.pid" -o "$(pick 300.1.2.3 1.2.3 not-an-ip)" ;;
    missing) mup -d -f "$D/nosuch-$(r 1 99).conf" -P "$D/bad.pid" ;;
    *)       mup -d -f "$D/bad-$f.conf" -P "$D/bad.pid" ;;
  esac
  nap 0.1 0.4
done
rm -f "$D/bad.pid"

# no nftables tables yet: the redirection engine cannot start
if coin 70; then
  timeout 4 unshare -m sh -c 'mount --bind /dev/null /dev/console && exec ip netns exec r29upnp miniupnpd "$@"' sh \
      -d -f "$CONF" -P "$D/bad.pid" >> "$LOG" 2>&1
  rm -f "$D/bad.pid"
fi
ip netns exec $R nft -f "$D/nft_init.nft"

# ---------------------------------------------------------------- helpers for the client activity
CLIENTS=(192.168.77.10 192.168.77.11 192.168.77.12 192.168.77.13)
cli() { pick "${CLIENTS[@]}"; }
EPORTS=()
add_map() {  # one UPnP AddPortMapping with random parameters
  local c eport proto lease
  c=$(cli); eport=$(r 23000 23999); proto=$(pick TCP UDP)
  lease=$(pick 0 0 3600 $(r 20 40))
  cl soap "$c" AddPortMapping "$eport" "$proto" "$(r 23000 23999)" "$c" "$lease"
  EPORTS+=("$eport:$proto:$c")
}
some_map() { [ ${#EPORTS[@]} -gt 0 ] && pick "${EPORTS[@]}" || echo "23999:TCP:192.168.77.10"; }

ssdp_batch() {
  local k
  for k in $(shuf -e root igd1 igd2 wanip wanip1 uuid unknown wancommon noman nost notify garbage -n "$(r 4 7)"); do
    cl ssdp "$(cli)" "$k"; nap 0.1 0.5
  done
}
http_batch() {
  local k
  for k in $(shuf -e root wanipc wancfg l3f dp ip6fc missing rebind method junk badlen expect close -n "$(r 6 10)"); do
    cl http "$(cli)" "$k"; nap 0.1 0.3
  done
}
info_batch() {
  local a
  for a in $(shuf -e GetExternalIPAddress GetStatusInfo GetConnectionTypeInfo GetNATRSIPStatus SetConnectionType \
             RequestConnection ForceTermination GetCommonLinkProperties GetTotalBytesSent GetTotalBytesReceived \
             GetTotalPacketsSent GetTotalPacketsReceived GetDefaultConnectionService SetDefaultConnectionService \
             SendSetupMessage GetSupportedProtocols GetAssignedRoles FooBarAction BadXML WrongService -n "$(r 7 12)"); do
    cl soap "$(cli)" "$a"; nap 0.05 0.3
  done
}
mapping_batch() {
  local i m e p c ac
  for i in $(seq "$(r 2 4)"); do add_map; nap 0.1 0.3; done
  c=$(cli); cl soap "$c" AddPortMapping "$(r 23000 23999)" "$(pick TCP UDP)" "$(r 23000 23999)" "$c" "$(r 15 30)"
  m=$(some_map); e=${m%%:*}; p=$(echo "$m" | cut -d: -f2); c=${m##*:}
  # the same external port requested by another client: conflict
  cl soap 192.168.77.11 AddPortMapping "$e" "$p" "$(r 23000 23999)" 192.168.77.11 0
  # a mapping for somebody else (secure mode), a privileged port, a client outside the allowed range
  cl soap 192.168.77.12 AddPortMapping "$(r 23000 23999)" TCP "$(r 23000 23999)" 192.168.77.13 0
  cl soap "$(cli)" AddPortMapping "$(pick 80 443 22 631)" TCP "$(pick 80 8080)" "$(cli)" 0
  cl soap 192.168.77.200 AddPortMapping "$(r 23000 23999)" UDP "$(r 23000 23999)" 192.168.77.200 0
  cl soap "$(cli)" AddPortMapping 0 TCP "$(r 23000 23999)" 192.168.77.10 0
  cl soap 192.168.77.10 AddPortMapping "$(r 23000 23999)" TCP "$(r 23000 23999)" 192.168.77.10 0 10.77.0.$(r 3 99)
  ac=$(cli); cl soap "$ac" AddAnyPortMapping "$(r 23000 23999)" "$(pick TCP UDP)" "$(r 23000 23999)" "$ac" "$(pick 0 600)"
  ac=$(cli); cl soap "$ac" AddAnyPortMapping "$e" "$p" "$(r 23000 23999)" "$ac" 0
  for k in BadPort BadProto MissingArgs; do cl soap "$(cli)" "$k"; done
  cl soap "$c" GetSpecificPortMappingEntry "$e" "$p"
  cl soap "$(cli)" GetSpecificPortMappingEntry "$(r 23000 23999)" "$(pick TCP UDP)"
  for i in $(seq 0 "$(r 2 5)"); do cl soap "$(cli)" GetGenericPortMappingEntry "$i"; done
  cl soap "$(cli)" GetGenericPortMappingEntry "$(r 40 99)"
  cl soap "$(cli)" GetListOfPortMappings 23000 23999 "$(pick TCP UDP)" "$(r 2 20)"
  cl soap "$(cli)" GetListOfPortMappings 1 1000 TCP 10
  m=$(some_map); e=${m%%:*}; p=$(echo "$m" | cut -d: -f2); c=${m##*:}
  if [ "$c" != 192.168.77.13 ]; then cl soap 192.168.77.13 DeletePortMapping "$e" "$p"; fi
  cl soap "$c" DeletePortMapping "$e" "$p"
  cl soap "$c" DeletePortMapping "$e" "$p"
  cl soap "$(cli)" DeletePortMappingRange "$(r 23000 23400)" "$(r 23500 23999)" "$(pick TCP UDP)" "$(pick 0 1)"
  cl soap "$(cli)" DeletePortMappingRange 23990 23000 TCP 1
  # owners remove most of what is left
  for m in "${EPORTS[@]}"; do
    coin 70 && cl soap "${m##*:}" DeletePortMapping "${m%%:*}" "$(echo "$m" | cut -d: -f2)"
  done
  EPORTS=()
}
natpmp_batch() {
  local i c p ip_ ep
  cl natpmp "$(cli)" public
  for i in $(seq "$(r 2 4)"); do
    c=$(cli); p=$(pick udp tcp); ip_=$(r 23000 23999); ep=$(pick "$ip_" "$(r 23000 23999)" 0)
    cl natpmp "$c" map "$p" "$ip_" "$ep" "$(pick 60 120 3600 7200)"
    if coin 50; then cl natpmp "$c" map "$p" "$ip_" "$ep" 0; fi
  done
  cl natpmp "$(cli)" map tcp 0 0 0
  for k in $(shuf -e short version opcode -n "$(r 1 3)"); do cl natpmp "$(cli)" "$k"; done
}
pcp_batch() {
  local k c
  for k in $(shuf -e map peer thirdparty prefer filter badopt announce version short opcode spoof response badlen -n "$(r 7 10)"); do
    c=$(cli)
    case $k in
      map|peer|prefer|filter|badopt|thirdparty) cl pcp "$c" "$k" "$(pick tcp udp)" "$(r 23000 23999)" "$(pick 0 "$(r 23000 23999)")" "$(pick 30 120 600 100000)" ;;
      *) cl pcp "$c" "$k" ;;
    esac
    nap 0.05 0.3
  done
}
pinhole_batch() {
  local id ids=()
  cl soap fd77::10 GetFirewallStatus
  cl soap fd77::1$(r 0 1) GetOutboundPinholeTimeout
  id=$(clout soap fd77::10 AddPinholeId fd78::1 "$(r 23000 23999)" fd77::10 "$(r 23000 23999)" "$(pick 6 17)" "$(pick 600 3600 86400)"); [ -n "$id" ] && ids+=("$id")
  id=$(clout soap fd77::10 AddPinholeId "" 0 fd77::10 "$(r 23000 23999)" 17 "$(pick 3600 7200)"); [ -n "$id" ] && ids+=("$id")
  cl soap fd77::10 AddPinhole "" 0 fd77::10 "$(r 23000 23999)" 6 "$(r 20 40)"
  cl soap fd77::11 AddPinhole fd78::1 "$(r 23000 23999)" fd77::10 "$(r 23000 23999)" 6 600
  cl soap fd77::10 AddPinhole fd78::1 0 fd77::10 0 "$(pick 6 99)" 600
  cl soap 192.168.77.10 AddPinhole fd78::1 23500 fd77::10 23501 6 120
  [ ${#ids[@]} -gt 0 ] || return 0
  for i in 1 2 3; do
    cl soap fd77::10 "$(pick UpdatePinhole UpdatePinhole CheckPinholeWorking GetPinholePackets)" "$(pick "${ids[@]}")" "$(pick 600 0 100000)"
  done
  cl soap fd77::11 DeletePinhole "$(pick "${ids[@]}")"
  cl soap fd77::10 DeletePinhole "${ids[0]}"
}
SIDS=()
gena_batch() {
  local k sid c
  for k in $(shuf -e deadcb deadcb badnt badcb both ntsid badpath subscribe -n "$(r 5 8)"); do
    c=$(cli)
    sid=$(clout gena "$c" "$k")
    [ -n "$sid" ] && SIDS+=("$sid")
    nap 0.1 0.4
  done
  if [ ${#SIDS[@]} -gt 0 ]; then
    sid=$(pick "${SIDS[@]}"); cl gena "$(cli)" renew "$sid"
    cl gena "$(cli)" renew "uuid:$(r 1000 9999)-not-a-sid"
  fi
}

# ---------------------------------------------------------------- main run
start_main
# a second daemon with the same pid file
mup -d -f "$CONF" -P "$D/run.pid"

# discovery, descriptions, queries, events and IPv6 pinholes (no IPv4 mappings yet)
for b in $(shuf -e ssdp http info gena pinhole); do "${b}_batch"; nap 0.3 1.2; done

# the upstream STUN view changes: restrictive NAT, no answer, odd answers, back to full cone
for m in $(shuf -e partial symmetric none error junk mapped -n "$(r 2 4)") full; do
  stun_mode "$m"
  kill -USR1 "$MPID"
  sleep "$( [ "$m" = none ] && echo 12 || echo 4)"
  if [ "$m" != full ] && coin 60; then cl natpmp "$(cli)" map udp "$(r 23000 23999)" 0 600; cl pcp "$(cli)" map tcp "$(r 23000 23999)" 0 600; fi
done

# WAN interface trouble: address change, link down and up
ip netns exec $R ip addr add 10.77.0.$(r 3 40)/24 dev wan0; sleep 1
ip netns exec $R ip link set wan0 down; sleep 1
cl natpmp "$(cli)" public
ip netns exec $R ip link set wan0 up; sleep 1
ip netns exec $R ip route replace default via 10.77.0.1
ip netns exec $R ip route replace default via fd78::1 2>/dev/null
kill -USR1 "$MPID"; sleep 4

# port mappings through UPnP IGD, NAT-PMP and PCP
for b in $(shuf -e mapping natpmp pcp); do "${b}_batch"; nap 0.3 1; done
# let short leases expire and the ruleset cleaner run
sleep "$(r 55 70)"
cl soap "$(cli)" GetGenericPortMappingEntry 0

# restart: the daemon reloads its leases
kill "$MPID"; wait "$MPID" 2>/dev/null
sleep 1
start_main
for b in $(shuf -e info ssdp http -n 2); do "${b}_batch"; done
cl natpmp "$(cli)" public
kill "$MPID"; wait "$MPID" 2>/dev/null
echo "done: $(wc -l < "$LOG") lines"
