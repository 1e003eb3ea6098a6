#!/bin/bash
# Round-20 workload: Gerbera 1.1.0 UPnP media server (Debian 12 package `gerbera`), `--debug`, log file via `-l`.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [PHASE_SECONDS]
# Writes OUT_DIR/gerbera.log (default: this script's folder). Needs python3 (stdlib only) and iproute2.
# libupnp in Debian 12 refuses ports below 49152 and any loopback interface, so gerbera runs in a private
# network namespace `r20g` (a veth pair inside it, 10.28.28.1, unreachable from the host); the configured
# <port> is 28460 but libupnp takes 49152 inside the namespace. Clients run in the same namespace.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PH=${2:-60}
BASE=/tmp/r20g; LOG=$OUT/gerbera.log; URL=http://10.28.28.1:49152
mkdir -p "$OUT"; rm -f "$LOG"
ip netns del r20g 2>/dev/null
ip netns add r20g
ip -n r20g link set lo up
ip -n r20g link add r20gd type veth peer name r20gp
ip -n r20g link set r20gp up; ip -n r20g link set r20gd up
ip netns exec r20g sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip -n r20g addr add 10.28.28.1/24 dev r20gd
ip -n r20g route add default dev r20gd
rm -rf "$BASE"; mkdir -p "$BASE"/home "$BASE"/media/{inotify,timed,manual}
W=(sunset river party holiday morning city trip snow)
r() { echo $((RANDOM % $1)); }
for i in $(seq 1 $((2 + $(r 3)))); do head -c $((100 + $(r 20000))) /dev/urandom > "$BASE/media/inotify/${W[$(r 8)]}_$RANDOM.jpg"; done
head -c $((500 + $(r 9000))) /dev/urandom > "$BASE/media/inotify/${W[$(r 8)]}_$RANDOM.mp3"
for i in $(seq 1 $((1 + $(r 3)))); do head -c $((100 + $(r 20000))) /dev/urandom > "$BASE/media/timed/${W[$(r 8)]}_$RANDOM.mkv"; done
ALB="$BASE/media/manual/album$(r 9)"; mkdir -p "$ALB"
for i in 1 2; do head -c $((100 + $(r 5000))) /dev/urandom > "$ALB/track$i.ogg"; done
head -c 300 /dev/urandom > "$BASE/media/manual/clip$(r 99).avi"
python3 "$HERE/mkconfig.py" "$BASE" "$BASE/config.xml"
sed 's/ level="basic"//' "$BASE/config.xml" > "$BASE/broken.xml"

GPID=
start() { ip netns exec r20g gerbera -c "$1" --debug -l "$LOG" "${@:2}" & GPID=$!; sleep 4; }
stop() { kill -"${1:-TERM}" "$GPID" 2>/dev/null; for i in $(seq 1 20); do kill -0 "$GPID" 2>/dev/null || break; sleep 0.5; done
         kill -KILL "$GPID" 2>/dev/null; wait "$GPID" 2>/dev/null; }
clients() { ip netns exec r20g python3 "$HERE/clients.py" "$URL" "$BASE/media" "$PH" "$LOG" "$1"; }  # until PH s or $1 log lines

start "$BASE/config.xml" --add "$BASE/media/manual/clip"*.avi
clients 700
stop TERM                                          # restart
start "$BASE/broken.xml"; wait "$GPID" 2>/dev/null  # broken configuration: refuses to start
start "$BASE/config.xml"
clients 1300
kill -HUP "$GPID"; sleep 4                         # SIGHUP (gerbera 1.1 fails to reload and exits)
kill -0 "$GPID" 2>/dev/null || { wait "$GPID" 2>/dev/null; start "$BASE/config.xml"; }
clients 2150
stop INT                                           # final stop (SIGINT)
ip netns del r20g
wc -l "$LOG"
