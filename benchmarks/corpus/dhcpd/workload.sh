#!/bin/bash
# Round-12 corpus workload: ISC DHCP server 4.4 (Debian 12 package isc-dhcp-server), run in the
# foreground with -f -d (its log lines go to stderr, no header), serving a bridge in network
# namespace r12d-srv on UDP port 20467 (-p; clients on 20468), OMAPI on 127.0.0.1:20470 inside
# that namespace. Clients: raw scapy DHCP/BOOTP packets from namespace r12d-c0 (dhcpclient.py,
# also acting as relay agent for three remote subnets and one unknown one) and dhclient in
# namespaces r12d-c1..c4; omshell for OMAPI lease/host changes; restarts with good, broken and
# changed configurations (dhcpdrive.py does the randomised part).
# Run as root on Debian 12:
#   apt-get install -y isc-dhcp-server isc-dhcp-client python3-scapy iproute2
#   bash workload.sh [DURATION_SECONDS] [SEED]        (writes ./dhcpd.log next to this script)
# dhcpd.log here was written by: bash workload.sh 450 2024
set -u
HERE=$(dirname "$(readlink -f "$0")")
DURATION=${1:-270}
SEED=${2:-$RANDOM}
W=/tmp/r12d-run
LOG=$HERE/dhcpd.log

cleanup() {
  for p in "$W"/c?.pid "$W"/dhcpd.pid; do
    # only a process that is really ours (its command line names our work dir)
    [ -s "$p" ] && grep -qs "$W" /proc/"$(cat "$p")"/cmdline && kill "$(cat "$p")" 2>/dev/null
  done
  sleep 1
  for n in srv c0 c1 c2 c3 c4; do ip netns del r12d-$n 2>/dev/null; done
  true
}
cleanup
rm -rf "$W"; mkdir -p "$W"; rm -f "$LOG"

# ---------------------------------------------------------------- network
ip netns add r12d-srv
ip netns exec r12d-srv ip link set lo up
ip netns exec r12d-srv ip link add r12dbr type bridge
ip netns exec r12d-srv ip addr add 10.212.0.1/24 dev r12dbr
ip netns exec r12d-srv ip link set r12dbr up
# a second interface with an address but no subnet declaration
ip netns exec r12d-srv ip link add r12ddum type veth peer name r12ddumb
ip netns exec r12d-srv ip addr add 10.219.0.1/24 dev r12ddum
ip netns exec r12d-srv ip link set r12ddum up
ip netns exec r12d-srv ip link set r12ddumb up
for c in c0 c1 c2 c3 c4; do
  ip netns add r12d-$c
  ip netns exec r12d-$c ip link set lo up
  ip link add r12d${c}s type veth peer name r12d${c}
  ip link set r12d${c}s netns r12d-srv
  ip link set r12d${c} netns r12d-$c
  ip netns exec r12d-srv ip link set r12d${c}s master r12dbr up
  ip netns exec r12d-$c ip link set r12d${c} up
done
# c0 is also the "relay agent" for 10.213/24, 10.215/24, 10.216/24 and an unknown 10.99/24
ip netns exec r12d-c0 ip addr add 10.212.0.2/24 dev r12dc0
for r in 10.213.0.1 10.215.0.1 10.216.0.1 10.99.0.1; do
  ip netns exec r12d-c0 ip addr add $r/32 dev r12dc0
  ip netns exec r12d-srv ip route add ${r%.1}.0/24 via 10.212.0.2
done

# ---------------------------------------------------------------- configuration
cat > "$W/dhcpd.conf" <<'EOF'
# r12 dhcpd configuration
authoritative;
ddns-update-style none;
omapi-port 20470;
default-lease-time 40;
max-lease-time 60;
min-lease-time 10;
ping-check true;
ping-timeout 1;
dhcp-cache-threshold 25;
option domain-name "r12.test";
option domain-name-servers 10.212.0.1;

class "printers" {
  match if substring(option host-name, 0, 3) = "prn";
  lease limit 2;
}

on commit {
  log(info, concat("lease ", binary-to-ascii(10, 8, ".", leased-address), " committed to ", binary-to-ascii(16, 8, ":", substring(hardware, 1, 6))));
}
on release {
  log(info, concat("lease ", binary-to-ascii(10, 8, ".", leased-address), " released by client"));
}
on expiry {
  log(info, concat("lease ", binary-to-ascii(10, 8, ".", leased-address), " expired"));
}

subnet 10.212.0.0 netmask 255.255.255.0 {
  option routers 10.212.0.1;
  allow bootp;
  pool {
    range 10.212.0.100 10.212.0.139;
  }
}

subnet 10.213.0.0 netmask 255.255.255.0 {
  option routers 10.213.0.1;
  log-threshold-high 75;
  log-threshold-low 40;
  adaptive-lease-time-threshold 50;
  pool {
    range 10.213.0.10 10.213.0.17;
  }
}

subnet 10.215.0.0 netmask 255.255.255.0 {
  not authoritative;
  option routers 10.215.0.1;
  min-secs 3;
  deny bootp;
  pool {
    range 10.215.0.50 10.215.0.90;
  }
}

subnet 10.216.0.0 netmask 255.255.255.0 {
  option routers 10.216.0.1;
  boot-unknown-clients false;
  pool {
    range 10.216.0.10 10.216.0.40;
  }
}

host fixed1 { hardware ethernet 02:12:00:00:00:01; fixed-address 10.212.0.20; option host-name "fixed1"; }
host fixed2 { hardware ethernet 02:12:00:00:00:02; fixed-address 10.212.0.21; }
host clash { hardware ethernet 02:12:00:00:00:03; fixed-address 10.212.0.105; }
host nobooting { hardware ethernet 02:12:00:00:00:04; deny booting; }
host pxe1 { hardware ethernet 02:12:00:00:00:05; fixed-address 10.212.0.30; filename "pxelinux.0"; next-server 10.212.0.1; }
host known-d1 { hardware ethernet 02:16:00:00:00:01; }
host known-d2 { hardware ethernet 02:16:00:00:00:02; }
EOF
C=$W/dhcpd.conf
# a good variant without the 10.215 subnet (its old leases then have no subnet)
awk '/^subnet 10.215.0.0/{f=1} f&&/^}$/{f=0; next} !f{print}' "$C" > "$W/dhcpd-noC.conf"
# broken variants tried on some restarts
sed 's/default-lease-time 40;/default-lease-time forty;/' "$C" > "$W/bad-number.conf"
sed 's/option domain-name "r12.test";/option domain-nmae "r12.test";/' "$C" > "$W/bad-option.conf"
sed 's/range 10.213.0.10 10.213.0.17;/range 10.213.0.10 10.213.1.17;/' "$C" > "$W/bad-range.conf"
awk '/^subnet 10.215.0.0/{f=1} f&&/^}$/{f=0; next} {print}' "$C" > "$W/bad-brace.conf"
sed 's/fixed-address 10.212.0.21;/fixed-address 10.212.0.321;/' "$C" > "$W/bad-ip.conf"
sed 's/  min-secs 3;/  min-secs 3;\n  pool { }/' "$C" > "$W/bad-pool.conf"
sed 's/host fixed2 {/host fixed1 {/' "$C" > "$W/bad-duphost.conf"
sed 's/log-threshold-high 75;/log-threshold-high 75%;/' "$C" > "$W/bad-semicolon.conf"
touch "$W/dhcpd.leases"

cat > "$W/dhclient-script" <<'EOF'
#!/bin/sh
# minimal dhclient script for the r12 namespaces: only (un)configures the address
case "$reason" in
  BOUND|RENEW|REBIND|REBOOT)
    if [ -n "$old_ip_address" ] && [ "$old_ip_address" != "$new_ip_address" ]; then ip addr flush dev "$interface"; fi
    ip addr replace "$new_ip_address/$new_subnet_mask" dev "$interface" ;;
  EXPIRE|FAIL|RELEASE|STOP)
    ip addr flush dev "$interface" ;;
esac
exit 0
EOF
chmod +x "$W/dhclient-script"

# ---------------------------------------------------------------- run
ip netns exec r12d-c0 /usr/bin/python3 "$HERE/dhcpdrive.py" "$W" "$LOG" "$DURATION" "$SEED" > "$W/driver.out" 2>&1
cleanup
echo "seed $SEED: $(wc -l < "$LOG") lines in $LOG"
