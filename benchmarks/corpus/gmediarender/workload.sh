#!/bin/bash
# Workload for gmediarender (Debian 12 gmediarender 0.1): runs it in the foreground with its debug
# log file (--logfile), in a private network and mount namespace (loopback plus a veth pair
# r39c0/r39c1 that exists only there), and drives it with upnpctl.py (SOAP actions, GENA
# subscriptions, HTTP GETs, SSDP M-SEARCH) while a python http.server serves test media.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round39-r39c/gmediarender
if [ -z "${R39C_INNER:-}" ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -m -n --propagation private env R39C_INNER=1 bash "$0" "$@"
fi
ip link set lo up
ip link add r39c0 type veth peer name r39c1
ip addr add 10.39.3.1/24 dev r39c0; ip addr add 10.39.3.2/24 dev r39c1
ip link set r39c0 up; ip link set r39c1 up
ip route add 239.0.0.0/8 dev r39c1
mount -t tmpfs -o size=16m tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
  XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run TZ=UTC
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" "$T/media" "$T/run"
LOG=$T/gmediarender.raw.log
PORT=51200
RANDOM=${SEED:-1}
# test media: short WAV tones and a text file that is not audio
/usr/bin/python3 - "$T/media" <<'PY'
import math, struct, sys, wave
for i, sec in ((1, 0.6), (2, 1.2), (3, 2.0)):
    w = wave.open(f"{sys.argv[1]}/tone{i}.wav", "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i * n / 8000)))
                           for n in range(int(8000 * sec))))
    w.close()
open(f"{sys.argv[1]}/notaudio.txt", "w").write("this is not audio\n")
PY
/usr/bin/python3 -m http.server 51201 --bind 10.39.3.2 -d "$T/media" >/dev/null 2>&1 & MEDIA_PID=$!
/usr/bin/python3 -m http.server 51202 --bind 10.39.3.2 -d "$T/run" >/dev/null 2>&1 & CB_PID=$!
sleep 1
PID=
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start() {
  gmediarender --logfile="$LOG" -I r39c0 -p $PORT -f "Renderer $RANDOM" -u "r39c-$RANDOM" \
    -P "$T/run/gmediarender.pid" --gstout-audiosink=fakesink "$@" >>"$T/stdout.txt" 2>&1 &
  PID=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null --max-time 1 "http://10.39.3.1:$PORT/description.xml" && break
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.2
  done
}
stop() {
  [ -n "$PID" ] || return
  kill -"$1" "$PID" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=
}

for round in $(seq 1 8); do
  opts=()
  case $((RANDOM % 6)) in
    0) opts+=(--mime-filter audio) ;;
    1) opts+=(--mime-filter -audio/x-flac) ;;
    2) opts+=(--gstout-buffer-duration 0.5) ;;
    3) opts+=(--gstout-initial-volume-db "$(pick -6 -20 0)") ;;
  esac
  [ $((RANDOM % 7)) = 0 ] && { start -o nosuchoutput; stop TERM; }
  [ $((RANDOM % 7)) = 0 ] && { start --gstout-audiosink=nosuchsink; sleep 1; timeout 60 /usr/bin/python3 "$D/upnpctl.py" 10.39.3.1 $PORT http://10.39.3.2:51201 http://10.39.3.2:51202/cb $RANDOM 15; stop TERM; }
  start "${opts[@]}"
  if kill -0 "$PID" 2>/dev/null; then
    timeout 240 /usr/bin/python3 "$D/upnpctl.py" 10.39.3.1 $PORT http://10.39.3.2:51201 http://10.39.3.2:51202/cb $RANDOM $((40 + RANDOM % 80))
  fi
  stop "$(pick TERM INT)"
done
kill "$MEDIA_PID" "$CB_PID" 2>/dev/null; wait "$MEDIA_PID" "$CB_PID" 2>/dev/null
sed -n '1,2500p' "$LOG" > "$D/gmediarender.log"
rm -rf "$T"
