#!/bin/bash
# Randomised workload for snapserver 0.26 (ports 23704/23705/23780/23710-23712, 127.0.0.1 only).
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/snapsv_r21
LOG=$HERE/snapserver.log
rm -rf "$W"; mkdir -p "$W"; rm -f "$LOG"
mkfifo "$W/fifo2"
head -c $((48000*4*2)) /dev/urandom > "$W/tone.raw"
PIDS=()

CODECS=(flac ogg opus pcm)
rc() { echo "${CODECS[RANDOM % 4]}"; }
cat > "$W/snapserver.conf" <<CONF
[server]
threads = $((RANDOM % 3 + 1))
datadir = $W
[http]
enabled = true
bind_to_address = 127.0.0.1
port = 23780
doc_root = $W/www
[tcp]
enabled = true
bind_to_address = 127.0.0.1
port = 23705
[stream]
bind_to_address = 127.0.0.1
port = 23704
source = pipe://$W/fifo1?name=Pipe1&codec=$(rc)
source = pipe://$W/fifo2?name=Pipe2&mode=read&codec=$(rc)
source = file://$W/tone.raw?name=File&codec=$(rc)
source = process://$HERE/gen_pcm.sh?name=Proc&codec=$(rc)&dryout_ms=$((RANDOM % 1500 + 500))
source = tcp://127.0.0.1:23710?name=TcpSrv&mode=server&codec=$(rc)
source = tcp://127.0.0.1:23711?name=TcpCli&mode=client&codec=$(rc)
source = meta:///Pipe1/TcpSrv/File?name=Meta
source = pipe://$W/fifo3?name=Odd&sampleformat=44100:24:2&codec=$(rc)&chunk_ms=$((RANDOM % 30 + 10))
buffer = $((RANDOM % 1000 + 500))
send_to_muted = $((RANDOM % 2))
[logging]
sink = stdout
filter = *:debug
CONF
mkdir -p "$W/www"; echo "<html>snap</html>" > "$W/www/index.html"

start_server() {
  snapserver -c "$W/snapserver.conf" >>"$LOG" 2>>"$W/stderr.txt" &
  SRV=$!
  sleep 1.5
}
start_client() { # $1 = host id
  snapclient -h 127.0.0.1 -p 23704 --hostID "$1" --player file:filename=null \
    --latency $((RANDOM % 50)) --logsink null >/dev/null 2>&1 &
  PIDS+=($!)
}
feed_pipe() { # write PCM into a fifo for a while
  timeout $((RANDOM % 4 + 2)) sh -c "cat /dev/urandom > $1" 2>/dev/null &
}
feed_tcp() {
  python3 - "$1" <<'PY' &
import os, random, socket, sys, time
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
    end = time.time() + random.uniform(1, 4)
    while time.time() < end:
        s.sendall(os.urandom(3840)); time.sleep(0.02)
    s.close()
except OSError:
    pass
PY
}
tcp_listener() { # something for the TcpCli source to connect to, which dies soon
  python3 - <<'PY' &
import os, random, socket, time
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", 23711)); l.listen(1); l.settimeout(6)
try:
    c, _ = l.accept()
    end = time.time() + random.uniform(1, 3)
    while time.time() < end:
        c.sendall(os.urandom(3840)); time.sleep(0.02)
    c.close()
except OSError:
    pass
l.close()
PY
}

start_server
for i in $(seq 1 $((RANDOM % 2 + 2))); do start_client "client-$i-$RANDOM"; sleep 0.3; done
for round in 1 2; do
  feed_pipe "$W/fifo1"; feed_pipe "$W/fifo2"
  feed_tcp 23710
  [ $((RANDOM % 2)) = 0 ] && tcp_listener
  python3 "$HERE/rpc_client.py" $((RANDOM % 10 + 12))
  # a client dies, another connects
  if [ ${#PIDS[@]} -gt 0 ]; then
    k=$((RANDOM % ${#PIDS[@]})); kill -TERM "${PIDS[$k]}" 2>/dev/null
    [ $((RANDOM % 2)) = 0 ] && kill -KILL "${PIDS[$(( (k+1) % ${#PIDS[@]} ))]}" 2>/dev/null
  fi
  start_client "late-$round-$RANDOM"
  feed_tcp 23712
  sleep 1
done
# restart the server (clients reconnect)
if [ $((RANDOM % 2)) = 0 ]; then
  python3 "$HERE/rpc_client.py" crash   # server dies on a malformed Hello
else
  kill -TERM $SRV
fi
wait $SRV 2>/dev/null
sleep 1
start_server
feed_pipe "$W/fifo1"
python3 "$HERE/rpc_client.py" $((RANDOM % 10 + 10))
# clients go away
for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; sleep 0.2; done
sleep 1
python3 "$HERE/rpc_client.py" 5
kill -INT $SRV; wait $SRV 2>/dev/null
wait
