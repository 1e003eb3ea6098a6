#!/bin/bash
# Randomised workload for baresip 1.0.0 (Debian): verbose (-v) stderr/stdout captured to the log,
# a fake SIP peer (fakepeer.py) as registrar/callee/caller, commands over the cons module.
# Usage: workload.sh [seed]
set -u
SEED=${1:-$RANDOM}; RANDOM=$SEED
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round33-r33d/baresip; mkdir -p "$RUN"; LOG=$RUN/baresip.log; : > "$LOG"
SIP=39520 CONS=39541 PEER=39530 PCTL=39532
python3 - <<'PY'
import wave, math, struct
w = wave.open('/tmp/round33-r33d/tone.wav', 'wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
w.writeframes(b''.join(struct.pack('<h', int(8000 * math.sin(i * 0.3))) for i in range(8000 * 3))); w.close()
PY
python3 "$HERE/fakepeer.py" $PEER $PCTL $SIP $SEED > /dev/null 2>&1 & echo $! > "$RUN/peer.pid"
waitpid() { for i in $(seq 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done; kill -9 "$1" 2>/dev/null; sleep 1; }
variant() {   # a fresh config dir with random audio / network settings
  rm -rf "$RUN/conf"; cp -r "$HERE/conf" "$RUN/conf"
  case $((RANDOM % 6)) in
    0|1) sed -i "s#^audio_source.*#audio_source\t\taufile,/tmp/round33-r33d/tone.wav#" "$RUN/conf/config" ;;
    2) sed -i "s#^audio_source.*#audio_source\t\taufile,/tmp/round33-r33d/missing.wav#" "$RUN/conf/config" ;;
    3) sed -i "s#^audio_source.*#audio_source\t\talsa,default#" "$RUN/conf/config" ;;
    *) : ;;
  esac
  [ $((RANDOM % 8)) = 0 ] && sed -i "s#^net_interface.*#net_interface\t\teth9#" "$RUN/conf/config"
  [ $((RANDOM % 8)) = 0 ] && sed -i "s#^module\t\t\tsrtp.so#module\t\t\tnosuchmod.so#" "$RUN/conf/config"
  [ $((RANDOM % 6)) = 0 ] && echo "<sip:dan@127.0.0.1:39530>;regint=30;mediaenc=srtp-mand;auth_pass=pw" >> "$RUN/conf/accounts"
  [ $((RANDOM % 8)) = 0 ] && echo "this is not an account" >> "$RUN/conf/accounts"
  true
}
for s in $(seq $((5 + RANDOM % 3))); do
  variant
  (cd "$RUN" && exec baresip -f "$RUN/conf" -v < /dev/null >> "$LOG" 2>&1) & BPID=$!
  echo $BPID > "$RUN/ua.pid"
  sleep 2
  if [ $((RANDOM % 6)) = 0 ]; then   # a second instance on the same SIP port fails
    (cd "$RUN" && timeout 10 baresip -f "$RUN/conf" -v < /dev/null >> "$LOG" 2>&1); sleep 1
  fi
  python3 "$HERE/driver.py" $CONS $PCTL $((30 + RANDOM % 80)) $((SEED + s))
  case $((RANDOM % 4)) in
    0) kill -INT $BPID ;;
    1) kill $BPID ;;
    *) python3 -c "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'/quit\n', ('127.0.0.1', $CONS))" ;;
  esac
  waitpid $BPID
done
kill "$(cat "$RUN/peer.pid")"
