#!/bin/bash
# Round-16 corpus workload: gpsd 3.22 (Debian 12 packages gpsd, gpsd-clients), foreground,
# debug level 4 (-D 4), stderr written to $OUT/gpsd.log; listens on 127.0.0.1:36101 only, control
# socket in /tmp/r16gpsd. Fed by pseudo-terminals, a UDP and a TCP source (gpsdrive.py, same folder)
# with good and corrupt NMEA/AIVDM; devices added and removed over the control socket; JSON clients
# and gpspipe with good and bad commands; SIGHUP; a restart; stop.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
RUN=/tmp/r16gpsd
mkdir -p "$OUT" "$RUN"; rm -f "$OUT/gpsd.log" "$RUN/ctl.sock"
start() {
  gpsd -N -n -D 4 -S 36101 -F "$RUN/ctl.sock" -P "$RUN/gpsd.pid" "$@" 2>>"$OUT/gpsd.log" &
  echo $! > "$RUN/gpsd.bgpid"; sleep 2
}
stop() { kill -TERM "$(cat "$RUN/gpsd.bgpid")" 2>/dev/null; sleep 2; }
half=$((DURATION / 2))
start
( for i in 1 2 3; do sleep $((RANDOM % (half / 3) + 5)); kill -HUP "$(cat "$RUN/gpsd.bgpid")" 2>/dev/null; done ) &
HUPPER=$!
python3 "$HERE/gpsdrive.py" "$RUN/ctl.sock" "$half"
wait "$HUPPER"
stop
# restart with a missing device and a dead TCP source on the command line
start /dev/ttyGONE$((RANDOM % 10)) tcp://127.0.0.1:$((36900 + RANDOM % 99))
( sleep $((RANDOM % 30 + 10)); kill -HUP "$(cat "$RUN/gpsd.bgpid")" 2>/dev/null ) &
HUPPER=$!
python3 "$HERE/gpsdrive.py" "$RUN/ctl.sock" "$half"
wait "$HUPPER"
stop
