#!/bin/bash
# Randomised workload for dhcpcd: the client runs in the foreground with debug (-B -d) in
# namespace r29dC and writes its own log file (-j run/dhcpcd.log). ISC dhcpd serves
# 127.29.0.0/16 on a bridge in namespace r29dS; namespace r29dX holds a rogue host
# (rogue.py: misbehaving DHCP server, ARP claims, junk) and address conflicts.
set -u
D=/work/round29/dhcpcd
W=$D/run
LOG=$W/dhcpcd.log
rm -rf "$W"; mkdir -p "$W"
: > "$LOG"
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }

CMAC=02:29:00:00:00:01
FIXED=127.29.0.77
SRV_PID=""
CLI_PID=""
CLI_FAM=""   # -4 when the client runs IPv4 only: its control socket is then r29dc0-4.sock
ROGUE_PID=""

net_up() {
  ip netns add r29dS; ip netns add r29dC; ip netns add r29dX
  ip -n r29dS link add r29br type bridge
  ip link add r29dc0 type veth peer name r29dcb
  ip link add r29dx0 type veth peer name r29dxb
  ip link set r29dc0 netns r29dC; ip link set r29dcb netns r29dS
  ip link set r29dx0 netns r29dX; ip link set r29dxb netns r29dS
  for ns in r29dS r29dC r29dX; do
    ip netns exec $ns sysctl -qw net.ipv4.conf.all.route_localnet=1 net.ipv4.conf.default.route_localnet=1
    ip -n $ns link set lo up
  done
  ip -n r29dC link set r29dc0 address $CMAC
  ip -n r29dS link set r29dcb master r29br; ip -n r29dS link set r29dxb master r29br
  ip -n r29dS link set r29br up; ip -n r29dS link set r29dcb up; ip -n r29dS link set r29dxb up
  ip -n r29dC link set r29dc0 up; ip -n r29dX link set r29dx0 up
  ip netns exec r29dS sysctl -qw net.ipv4.conf.r29br.route_localnet=1
  ip netns exec r29dX sysctl -qw net.ipv4.conf.r29dx0.route_localnet=1
  ip netns exec r29dC sysctl -qw net.ipv4.conf.r29dc0.route_localnet=1
  ip -n r29dS addr add 127.29.0.1/16 dev r29br
  ip -n r29dX addr add 127.29.0.9/16 dev r29dx0
}
net_down() { for ns in r29dC r29dX r29dS; do ip netns del $ns 2>/dev/null; done; }

# ---------- DHCP server (ISC dhcpd, foreground, its own output kept apart)
server_start() {   # [fresh] [reserve]
  server_stop
  local lo=50 hi=150
  [ "${1:-}" = fresh ] && { : > $W/dhcpd.leases; lo=$(pick 160 170); hi=$(( lo + 20 )); }
  {
    echo "option rfc3442-classless-static-routes code 121 = array of integer 8;"
    echo "authoritative;"
    echo "default-lease-time $(pick 10 20 20 30);"
    echo "max-lease-time 60;"
    echo "min-lease-time 10;"
    echo "subnet 127.29.0.0 netmask 255.255.0.0 {"
    echo "  range 127.29.0.$lo 127.29.0.$hi;"
    echo "  option routers 127.29.0.1;"
    echo "  option domain-name-servers 127.29.0.1;"
    echo "  option domain-name \"r29.test\";"
    [ $(R 2) = 0 ] && echo "  option rfc3442-classless-static-routes 24, 127,30,0, 127,29,0,1, 0, 127,29,0,1;"
    [ $(R 3) = 0 ] && echo "  option interface-mtu $(pick 1400 1500);"
    [ $(R 3) = 0 ] && echo "  option ntp-servers 127.29.0.1;"
    echo "}"
    [ "${2:-}" = reserve ] && echo "host r29client { hardware ethernet $CMAC; fixed-address $FIXED; }"
  } > $W/dhcpd.conf
  touch $W/dhcpd.leases
  ip netns exec r29dS dhcpd -4 -d -cf $W/dhcpd.conf -lf $W/dhcpd.leases -pf $W/dhcpd.pid r29br >> $W/dhcpd.out 2>&1 &
  SRV_PID=$!
  sleep 1
}
server_stop() { [ -n "$SRV_PID" ] && { kill "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=""; }; }

# ---------- the client
CONF=$W/dhcpcd.conf
client_conf() {   # extra lines...
  {
    echo "# dhcpcd workload configuration"
    echo "hostname r29client"
    echo "$(pick clientid duid)"
    echo "persistent"
    echo "option domain_name_servers, domain_name, domain_search, host_name"
    echo "option classless_static_routes, interface_mtu, ntp_servers"
    [ $(R 2) = 0 ] && echo "option rapid_commit"
    [ $(R 3) = 0 ] && echo "option ipv6_only_preferred"
    echo "require dhcp_server_identifier"
    [ $(R 2) = 0 ] && echo "noipv4ll"
    [ $(R 3) = 0 ] && echo "ipv4only"
    [ $(R 3) = 0 ] && echo "vendorclassid r29-workload"
    [ $(R 4) = 0 ] && echo "$(pick 'leasetime abc' 'metric x1' 'nosuchoption 1' 'static ip_address=300.1.1.1' 'timeout forever' 'reboot -x' 'vendor 300,ab' 'define 300 string bad' 'iaid')"
    for l in "$@"; do echo "$l"; done
  } > $CONF
}
client_start() {  # extra dhcpcd args
  CLI_FAM=""; case " $* " in *" -4 "*) CLI_FAM="-4" ;; esac
  ip netns exec r29dC dhcpcd -B -d -j $LOG -f $CONF -c $D/hook.sh "$@" r29dc0 >> $W/dhcpcd.stderr 2>&1 &
  CLI_PID=$!
}
client_run() {    # run to completion (bounded)
  local n0; n0=$(wc -l < $LOG)
  timeout 40 ip netns exec r29dC dhcpcd -B -d -j $LOG -f $CONF -c $D/hook.sh "$@" >> $W/dhcpcd.stderr 2>&1
  # if that dhcpcd died abnormally (e.g. a crash in test mode), its privsep helpers are left
  # behind: stop exactly the helper PIDs it logged, and their children
  local p c
  for p in $(tail -n +$(( n0 + 1 )) $LOG | sed -n 's/.*spawned \(privileged\|network\|controller\) proxy on PID \([0-9]*\)$/\2/p'); do
    if kill -0 "$p" 2>/dev/null && grep -q dhcpcd /proc/$p/comm 2>/dev/null; then
      for c in $(ps -o pid= --ppid "$p"); do kill -KILL "$c" 2>/dev/null; done
      kill -KILL "$p" 2>/dev/null
    fi
  done
}
client_stop() {
  [ -n "$CLI_PID" ] && { kill -"$(pick TERM TERM INT ALRM)" "$CLI_PID" 2>/dev/null; wait "$CLI_PID" 2>/dev/null; CLI_PID=""; }
}
ctl() {   # control command to the running client, logged into the same file. The full safe
          # configuration (own config, no-op hook, foreground) is passed too, so that a command
          # that finds no daemon can never start one with the system's hooks.
  timeout 10 ip netns exec r29dC dhcpcd $(pick -d '') -B -f $CONF -c $D/hook.sh -j $LOG $CLI_FAM "$@" >> $W/dhcpcd.ctl 2>&1
}
ensure_client() {  # restart the client if a release/stop ended it
  if [ -n "$CLI_PID" ] && ! kill -0 "$CLI_PID" 2>/dev/null; then
    wait "$CLI_PID" 2>/dev/null; CLI_PID=""
  fi
  [ -z "$CLI_PID" ] && client_start -4
}
sig() { [ -n "$CLI_PID" ] && kill -"$1" "$CLI_PID" 2>/dev/null; }

rogue() {   # mode seconds [ip]
  timeout $(( $2 + 5 )) ip netns exec r29dX python3 $D/rogue.py r29dx0 "${3:-127.29.0.9}" "$1" "$2" >> $W/rogue.out 2>&1
}
rogue_bg() { rogue "$@" & ROGUE_PID=$!; }
rogue_wait() { [ -n "$ROGUE_PID" ] && { wait "$ROGUE_PID" 2>/dev/null; ROGUE_PID=""; }; }
client_addr() { ip -n r29dC -4 addr show r29dc0 | awk '/inet / {split($2,a,"/"); print a[1]; exit}'; }

cleanup() {
  [ -n "$ROGUE_PID" ] && kill "$ROGUE_PID" 2>/dev/null
  client_stop; server_stop; net_down
  rm -f /var/lib/dhcpcd/r29dc0*.lease /var/lib/dhcpcd/r29dc0*.lease6
}
trap cleanup EXIT

random_event() {
  local e=$(R 24)
  case $e in 20|21) e=12 ;; 22) e=16 ;; 23) e=11 ;; esac
  case $e in
    0)  sig USR1 ;;
    1)  sig HUP ;;
    2)  sig USR2 ;;
    3)  ctl -n r29dc0 ;;
    4)  ctl -N r29dc0 ;;
    5)  ctl -k r29dc0; sleep $(( RANDOM % 4 + 2 )); ensure_client ;;
    6)  ctl -U r29dc0 ;;
    7)  ip -n r29dS link set r29dcb down; sleep $(( RANDOM % 6 + 1 )); ip -n r29dS link set r29dcb up ;;
    8)  server_stop; sleep $(( RANDOM % 20 + 15 )); server_start ;;
    9)  server_start fresh; sleep 25; server_start ;;
    10) server_start reserve; ip -n r29dX addr add $FIXED/16 dev r29dx0; ctl -n r29dc0; sleep 15
        ip -n r29dX addr del $FIXED/16 dev r29dx0; sleep 5; server_start ;;
    11) a=$(client_addr); [ -n "$a" ] && rogue arpclaim $(( RANDOM % 10 + 3 )) "$a" ;;
    12) server_stop
        rogue_bg "$(pick nak nak_nosid noaddr invalid request_op wrongxid wronghw badtype ackdisc noserverid ipv6only rapid offer)" 12
        sleep 1; ctl -n r29dc0; rogue_wait; server_start ;;
    13) rogue garbage $(( RANDOM % 5 + 2 )) ;;
    14) a=$(client_addr); [ -n "$a" ] && ip -n r29dC addr del "$a/16" dev r29dc0 ;;
    15) ip -n r29dC link set r29dc0 down; ip -n r29dC link set r29dc0 address 02:29:00:00:00:0$(pick 2 3 1); ip -n r29dC link set r29dc0 up ;;
    16) rogue_bg "$(pick offer nak ackdisc wrongxid)" 10; sleep 1; ctl -n r29dc0; rogue_wait ;;
    17) ctl -U ;;
    18) ctl $(pick --release --rebind --renew) r29dc0; sleep 3; ensure_client ;;
    19) ip -n r29dC link set r29dc0 mtu $(pick 1400 1500 1280) ;;
  esac
}
run_events() {
  local end=$(( SECONDS + $1 ))
  while [ $SECONDS -lt $end ]; do ensure_client; random_event; sleep "$(pick 1 2 3 4)"; done
}

net_up

# ---------- a few invocations that fail or end at once
for i in $(seq $(( RANDOM % 3 + 2 ))); do
  case $(R 7) in
    0) ctl -k r29dc0 ;;                                  # nothing running yet
    1) ctl -x r29dc0 ;;
    2) client_conf; client_run -t 5 -4 r29nosuch$(R 9) ;;
    3) client_conf; client_run -l "$(pick abc -5 x)" r29dc0 ;;
    4) client_conf; client_run -t "$(pick ten -1)" r29dc0 ;;
    5) client_conf; client_run -T -4 -t 8 r29dc0 ;;       # test mode, no server yet
    6) client_conf; client_run --inform=300.1.2.3 r29dc0 ;;
  esac
done

# ---------- main run with the server up
server_start
client_conf
client_start $(pick '' '' '-l 25' '-4')
sleep 12
run_events $(( 400 + RANDOM % 60 ))
client_stop
sleep 1

# ---------- test mode / inform / static fallback
client_conf; client_run -T -4 -t 10 r29dc0
server_stop
client_conf "fallback r29static" "profile r29static" "static ip_address=127.29.0.66/16" "static routers=127.29.0.1"
client_run -1 -4 -t $(pick 8 12) r29dc0
server_start
client_conf; client_run -1 -4 --inform=127.29.0.88/16 -t 10 r29dc0
ip -n r29dC addr flush dev r29dc0 scope global

# ---------- second run: black/white list and the rogue server
client_conf "$(pick 'blacklist 127.29.0.9' 'whitelist 127.29.0.1')" "arping 127.29.0.1" "profile 127.29.0.1" "static domain_name_servers=127.29.0.1"
client_start -4
sleep 10
for i in $(seq $(( RANDOM % 3 + 3 ))); do
  ensure_client
  rogue_bg "$(pick offer nak noaddr garbage)" 8; sleep 1; ctl -n r29dc0; rogue_wait; sleep 2
done
run_events $(( 60 + RANDOM % 30 ))
ctl -x r29dc0
sleep 2
client_stop
cleanup
trap - EXIT
wc -l "$LOG"
