#!/bin/bash
# Round-6 corpus workload: ISC Kea DHCPv4 server 2.2 (Debian 12 package kea-dhcp4-server), logging
# to a file at severity DEBUG, debuglevel 45 (host-lookup and hook loggers at INFO), driven
# for DURATION seconds by a randomised DHCP client workload (scapy, client.py beside this script)
# over a veth pair between two private network namespaces (r6kea, r6cli): nothing leaves them.
# Run as root: bash workload.sh OUT_DIR [DURATION]
#   needs: apt-get install kea-dhcp4-server kea-admin kea-common socat python3-venv iproute2
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-135}
RUN=/tmp/r6kea; mkdir -p "$OUT" "$RUN"; rm -f "$OUT/kea.log"* "$RUN"/leases4.csv* "$RUN"/*.pid
export KEA_PIDFILE_DIR=$RUN KEA_LOCKFILE_DIR=$RUN
[ -x $RUN/venv/bin/python ] || { python3 -m venv $RUN/venv && $RUN/venv/bin/pip install -q scapy; }
PY=$RUN/venv/bin/python
HOOKS=/usr/lib/x86_64-linux-gnu/kea/hooks

# --- two namespaces joined by a veth pair; test-net addresses only
ip netns del r6kea 2>/dev/null; ip netns del r6cli 2>/dev/null
ip netns add r6kea; ip netns add r6cli
ip link add kea0 type veth peer name cli0
ip link set kea0 netns r6kea; ip link set cli0 netns r6cli
ip -n r6kea addr add 192.0.2.1/24 dev kea0; ip -n r6kea link set kea0 up; ip -n r6kea link set lo up
ip -n r6cli addr add 192.0.2.2/24 dev cli0; ip -n r6cli link set cli0 up; ip -n r6cli link set lo up
# the "relays" 203.0.113.1 (known subnet) and 198.51.100.1 (no subnet) live in the client namespace
ip -n r6cli addr add 203.0.113.1/32 dev cli0; ip -n r6cli addr add 198.51.100.1/32 dev cli0
ip -n r6kea route add 203.0.113.0/24 via 192.0.2.2; ip -n r6kea route add 198.51.100.0/24 via 192.0.2.2

write_conf() {  # $1 valid lifetime, $2 extra reservation number, $3 pool end of subnet 2
cat > $RUN/kea-dhcp4.conf <<CONF
{"Dhcp4": {
 "interfaces-config": {"interfaces": ["kea0"], "dhcp-socket-type": "raw"},
 "control-socket": {"socket-type": "unix", "socket-name": "$RUN/kea4-ctrl.sock"},
 "lease-database": {"type": "memfile", "persist": true, "name": "$RUN/leases4.csv", "lfc-interval": 45},
 "expired-leases-processing": {"reclaim-timer-wait-time": 7, "flush-reclaimed-timer-wait-time": 20,
                               "hold-reclaimed-time": 30, "max-reclaim-leases": 40, "max-reclaim-time": 200},
 "valid-lifetime": $1, "renew-timer": $(($1 / 4)), "rebind-timer": $(($1 / 2)),
 "decline-probation-period": 25,
 "match-client-id": true,
 "ddns-send-updates": false,
 "hooks-libraries": [{"library": "$HOOKS/libdhcp_lease_cmds.so"}, {"library": "$HOOKS/libdhcp_stat_cmds.so"},
                     {"library": "$HOOKS/libdhcp_bootp.so"}],
 "option-data": [{"name": "domain-name-servers", "data": "192.0.2.53, 192.0.2.54"}, {"name": "domain-name", "data": "r6.example"}],
 "client-classes": [
   {"name": "voip", "test": "substring(option[60].hex,0,4) == 'voip'", "option-data": [{"name": "tftp-server-name", "data": "tftp.r6.example"}]},
   {"name": "kiosk", "test": "substring(option[60].hex,0,5) == 'kiosk'", "valid-lifetime": 20},
   {"name": "BOOTP", "option-data": [{"name": "boot-file-name", "data": "pxelinux.0"}]}
 ],
 "subnet4": [
  {"id": 1, "subnet": "192.0.2.0/24", "pools": [{"pool": "192.0.2.100 - 192.0.2.160"}],
   "option-data": [{"name": "routers", "data": "192.0.2.1"}],
   "reservations": [
     {"hw-address": "aa:bb:cc:00:00:01", "ip-address": "192.0.2.10", "hostname": "printer-a"},
     {"hw-address": "aa:bb:cc:00:00:02", "ip-address": "192.0.2.11", "hostname": "camera-b"},
     {"hw-address": "aa:bb:cc:00:00:03", "ip-address": "192.0.2.120", "hostname": "inpool-c"},
     {"hw-address": "aa:bb:cc:00:00:04", "client-classes": ["voip"], "hostname": "phone-d"},
     {"hw-address": "aa:bb:cc:00:01:$2", "ip-address": "192.0.2.$((20 + 10#$2))"}]},
  {"id": 2, "subnet": "203.0.113.0/24", "pools": [{"pool": "203.0.113.10 - 203.0.113.$3"}],
   "option-data": [{"name": "routers", "data": "203.0.113.1"}]}
 ],
 "loggers": [
   {"name": "kea-dhcp4", "output_options": [{"output": "$OUT/kea.log", "maxsize": 0}], "severity": "DEBUG", "debuglevel": 45},
   {"name": "kea-dhcp4.hosts", "output_options": [{"output": "$OUT/kea.log", "maxsize": 0}], "severity": "INFO"},
   {"name": "kea-dhcp4.callouts", "output_options": [{"output": "$OUT/kea.log", "maxsize": 0}], "severity": "INFO"},
   {"name": "kea-dhcp4.hooks", "output_options": [{"output": "$OUT/kea.log", "maxsize": 0}], "severity": "INFO"}]
}}
CONF
}
ctl() { echo "$1" | socat -t 2 - UNIX-CONNECT:$RUN/kea4-ctrl.sock; echo; }
start_kea() { ip netns exec r6kea kea-dhcp4 -c $RUN/kea-dhcp4.conf >>$RUN/stdout.txt 2>&1 & echo $! > $RUN/kea.pid; sleep 1.5; }
r() { echo $((RANDOM % $1)); }

write_conf 60 07 15
start_kea
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 24) in
    0|1|2|3|4|5) ip netns exec r6cli $PY "$HERE/client.py" dora ;;
    6|7) ip netns exec r6cli $PY "$HERE/client.py" reserved ;;
    8|9) ip netns exec r6cli $PY "$HERE/client.py" relay ;;
    10) ip netns exec r6cli $PY "$HERE/client.py" unknown ;;
    11) ip netns exec r6cli $PY "$HERE/client.py" nak ;;
    12) ip netns exec r6cli $PY "$HERE/client.py" wrongsid ;;
    13) ip netns exec r6cli $PY "$HERE/client.py" release_unknown ;;
    14) ip netns exec r6cli $PY "$HERE/client.py" bootp ;;
    15) ip netns exec r6cli $PY "$HERE/client.py" kiosk ;;
    16) ip netns exec r6cli $PY "$HERE/client.py" garbage ;;
    17) ip netns exec r6cli $PY "$HERE/client.py" flood ;;
    18) ip netns exec r6cli perfdhcp -l 203.0.113.1 -r 5 -R $((2 + $(r 10))) -n $((2 + $(r 6))) -b mac=02:5e:00:00:$(printf %02x $(r 256)):00 -p 3 192.0.2.1 >/dev/null 2>&1 ;;
    19) # control channel: reads and lease commands
        case $(r 10) in
          0) ctl '{"command": "list-commands"}' ;;
          1) ctl '{"command": "statistic-get-all"}' ;;
          2) ctl '{"command": "lease4-get-all", "arguments": {"subnets": [1]}}' ;;
          3) ctl "{\"command\": \"lease4-get\", \"arguments\": {\"ip-address\": \"192.0.2.$((100 + $(r 61)))\"}}" ;;
          4) ctl "{\"command\": \"lease4-del\", \"arguments\": {\"ip-address\": \"203.0.113.$((10 + $(r 6)))\"}}" ;;
          5) ctl "{\"command\": \"lease4-add\", \"arguments\": {\"ip-address\": \"192.0.2.$((100 + $(r 61)))\", \"hw-address\": \"02:ad:00:00:00:$(printf %02x $(r 256))\"}}" ;;
          6) ctl '{"command": "stat-lease4-get"}' ;;
          7) ctl '{"command": "leases-reclaim", "arguments": {"remove": false}}' ;;
          8) ctl '{"command": "config-get"}' ;;
          9) ctl '{"command": "version-get"}' ;;
        esac >/dev/null ;;
    20) # control channel: errors
        case $(r 4) in
          0) ctl "{\"command\": \"no-such-cmd-$(r 99)\"}" ;;
          1) ctl '{"command": "lease4-get", "arguments": {"ip-address": "not-an-ip"}}' ;;
          2) ctl '{"command": ' ;;
          3) ctl '{"command": "config-test", "arguments": {"Dhcp4": {"subnet4": [{"subnet": "bogus"}]}}}' ;;
        esac >/dev/null ;;
    21) # reload a changed configuration over the control socket (sometimes a broken one)
        if [ $(r 4) = 0 ]; then cp $RUN/kea-dhcp4.conf $RUN/good.conf; echo '{"Dhcp4": { "subnet4": [ }' > $RUN/kea-dhcp4.conf
             ctl '{"command": "config-reload"}' >/dev/null; cp $RUN/good.conf $RUN/kea-dhcp4.conf
        else write_conf $((40 + $(r 60))) $(printf %02d $(r 99)) $((12 + $(r 6))); ctl '{"command": "config-reload"}' >/dev/null; fi ;;
    22) [ $(r 3) = 0 ] && { write_conf $((40 + $(r 60))) $(printf %02d $(r 99)) $((12 + $(r 6))); kill -HUP $(cat $RUN/kea.pid); } ;;
    23) [ $(r 4) = 0 ] && { ctl '{"command": "config-write", "arguments": {"filename": "'$RUN'/written.json"}}' >/dev/null; ctl '{"command": "shutdown"}' >/dev/null; sleep 2; start_kea; } ;;
  esac
  sleep 1.$(r 10)
done
ctl '{"command": "shutdown"}' >/dev/null; sleep 2
kill $(cat $RUN/kea.pid) 2>/dev/null
ip netns del r6kea; ip netns del r6cli
