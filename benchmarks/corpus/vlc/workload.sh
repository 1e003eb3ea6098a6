#!/bin/bash
# Randomised workload for cvlc (Debian 12 vlc-bin) as a headless streaming server with VLM (telnet) and lua http.
D=/work/round30/vlc
R=$D/run
LOG=$D/vlc.raw.log
mkdir -p "$R/home"; chmod 777 "$R" "$R/home"; rm -f "$LOG"; touch "$LOG"; chmod 666 "$LOG"
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
# test media: three mono 8 kHz WAV tones
python3 - "$R" <<'EOP'
import math, struct, sys, wave
for name, secs, f in [('tone1', 20, 440), ('tone2', 8, 660), ('tone3', 40, 330)]:
    w = wave.open(f'{sys.argv[1]}/{name}.wav', 'wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b''.join(struct.pack('<h', int(8000 * math.sin(2 * math.pi * f * i / 8000))) for i in range(8000 * secs)))
    w.close()
EOP
cat > "$R/vlm.conf" <<EOC
new ch1 broadcast enabled loop
setup ch1 input $R/tone1.wav
setup ch1 output #standard{access=http,mux=wav,dst=127.0.0.1:35400/ch1}
new ch2 broadcast enabled
setup ch2 input $R/tone2.wav
setup ch2 output #standard{access=http,mux=ts,dst=127.0.0.1:35400/ch2}
control ch1 play
control ch2 play
EOC
chmod 644 "$R/vlm.conf" "$R"/*.wav
VLC=
start_vlc() {
  HOME=$R/home setpriv --reuid=nobody --regid=nogroup --clear-groups \
    cvlc -I telnet --telnet-host 127.0.0.1 --telnet-port 35401 --telnet-password vlmpw \
    --extraintf http --http-host 127.0.0.1 --http-port 35402 --http-password webpw \
    --vlm-conf "$R/vlm.conf" --aout dummy \
    --file-logging --logfile "$LOG" --log-verbose 2 "$@" > /dev/null 2>&1 &
  VLC=$!
  sleep 2
}
stop_vlc() { [ -n "$VLC" ] && kill -"$1" "$VLC" 2>/dev/null; wait "$VLC" 2>/dev/null; VLC=; }
PIDS=()
activity() {
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    r=$((RANDOM % 100))
    if   [ $r -lt 25 ]; then python3 "$D/http_client.py" stream & PIDS+=($!)
    elif [ $r -lt 40 ]; then python3 "$D/http_client.py" web & PIDS+=($!)
    elif [ $r -lt 50 ]; then python3 "$D/http_client.py" garbage & PIDS+=($!)
    elif [ $r -lt 68 ]; then python3 "$D/vlm_client.py" 35401 vlmpw vlm & PIDS+=($!)
    elif [ $r -lt 80 ]; then python3 "$D/vlm_client.py" 35401 vlmpw bad & PIDS+=($!)
    elif [ $r -lt 88 ]; then python3 "$D/vlm_client.py" 35401 vlmpw cli & PIDS+=($!)
    else python3 "$D/vlm_client.py" 35401 vlmpw badpw & PIDS+=($!)
    fi
    sleep 0.$((RANDOM % 7 + 2))
  done
}
start_vlc
activity 40
stop_vlc TERM
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=()
start_vlc --sout-keep
activity 30
python3 - <<'EOP'
import socket, time
s = socket.create_connection(('127.0.0.1', 35401)); time.sleep(0.3)
for l in ['vlmpw', 'shutdown']:
    s.sendall((l + '\r\n').encode()); time.sleep(0.5)
EOP
sleep 2; stop_vlc INT
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
head -n 2500 "$LOG" > "$D/vlc.log"
wc -l "$LOG" "$D/vlc.log"
