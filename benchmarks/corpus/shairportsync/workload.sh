#!/bin/bash
# Randomised workload for shairport-sync (stdout backend, -vv to stderr) with a private D-Bus
# bus and a private avahi-daemon (own network/mount namespace) so mDNS registration works.
set -u
D=/work/round30/shairportsync
cd "$D"
RUN=$D/run
rm -rf "$RUN" "$D/shairportsync.log"
mkdir -p "$RUN"
cat > "$RUN/dbus.conf" <<X
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$RUN/dbus.sock</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
X
cat > "$RUN/avahi.conf" <<X
[server]
host-name=r30speaker
domain-name=local
use-ipv4=yes
use-ipv6=no
enable-dbus=yes
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
X
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$RUN/dbus.sock
cleanup() {
  for f in sps avahi dbus; do [ -f "$RUN/$f.pid" ] && kill "$(cat "$RUN/$f.pid")" 2>/dev/null; done
  sleep 1; rm -rf "$RUN"
}
trap cleanup EXIT
dbus-daemon --config-file="$RUN/dbus.conf" --nofork --nopidfile > "$RUN/dbus.out" 2>&1 &
echo $! > "$RUN/dbus.pid"; sleep 0.5
unshare -m -n sh -c "mount -t tmpfs tmpfs /run && mkdir -p /run/avahi-daemon && exec avahi-daemon -f $RUN/avahi.conf --no-chroot --no-drop-root --no-rlimits -s" > "$RUN/avahi.out" 2>&1 &
echo $! > "$RUN/avahi.pid"; sleep 1

PW=""
start_sps() {   # $@: extra options
  shairport-sync -c "$D/shairport-sync.conf" -vv -u "$@" > /dev/null 2>> "$D/shairportsync.log" &
  echo $! > "$RUN/sps.pid"; sleep 2
}
stop_sps() { kill -TERM "$(cat "$RUN/sps.pid")" 2>/dev/null; wait "$(cat "$RUN/sps.pid")" 2>/dev/null; sleep 0.5; }
alive() { kill -0 "$(cat "$RUN/sps.pid")" 2>/dev/null || { wait "$(cat "$RUN/sps.pid")" 2>/dev/null; start_sps "$@"; }; }
cl() { python3 "$D/client.py" 16500 "$@" 2>/dev/null; }
lport() { echo $((16600 + 2 * (RANDOM % 40))); }
dset() {  # set a property of the native D-Bus interface
  dbus-send --system --print-reply --dest=org.gnome.ShairportSync /org/gnome/ShairportSync \
    org.freedesktop.DBus.Properties.Set "string:$1" "string:$2" "variant:$3" > /dev/null 2>&1
}

start_sps
cl garbage "$(lport)" "" $((5 + RANDOM % 8))
cl session "$(lport)" "" $((10 + RANDOM % 5))
dset org.gnome.ShairportSync LoudnessFilterActive boolean:true
dset org.gnome.ShairportSync LoudnessThreshold double:-$((10 + RANDOM % 20)).0
dset org.gnome.ShairportSync DriftTolerance double:0.00$((1 + RANDOM % 9))
dset org.gnome.ShairportSync Interpolation string:$(shuf -n1 -e soxr basic)
dset org.gnome.ShairportSync.Diagnostics Statistics boolean:$(shuf -n1 -e true false)
dset org.gnome.ShairportSync.Diagnostics ElapsedTime boolean:false
cl short "$(lport)" ""
# two clients at once: the second interrupts the first
cl session "$(lport)" "" 5 & a=$!
sleep $((1 + RANDOM % 2)); cl short 16690 ""; wait $a
alive
cl abandon "$(lport)" ""
cl garbage "$(lport)" "" $((8 + RANDOM % 8))
alive
cl notiming "$(lport)" ""
alive
cl session "$(lport)" "" $((3 + RANDOM % 4))
dset org.gnome.ShairportSync LoudnessFilterActive boolean:false
dset org.gnome.ShairportSync.Diagnostics Verbosity int32:$(shuf -n1 -e 1 2)
alive
cl short "$(lport)" ""
dset org.gnome.ShairportSync.Diagnostics Verbosity int32:2
stop_sps
# restart with a password: wrong and right credentials
PW=secret$RANDOM
start_sps --password="$PW"
cl wrongpw "$(lport)" "$PW"
cl session "$(lport)" "$PW" $((2 + RANDOM % 3))
cl garbage "$(lport)" "$PW" 4
alive --password="$PW"
cl wrongpw "$(lport)" "$PW"
stop_sps
