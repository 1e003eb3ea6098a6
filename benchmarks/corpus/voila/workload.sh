#!/bin/bash
# Workload for Voila (PyPI voila): `voila --debug` over ./notebooks on 127.0.0.1:57010, then restarted on 57011,
# inside a private network + mount namespace, driven by client.py (HTTP + websocket); a second server on the
# busy port, a start with a bad option value; stdout+stderr captured, first 2500 lines kept.
cd /work/round40/voila || exit 1
OUT=/work/round40/voila
WORK=/tmp/round40-r40g/voila
RAW=$WORK/raw.log
VENV=/tmp/round40-r40g/venv-voila
if [ -z "$R40G_INNER" ]; then
  mkdir -p "$WORK"
  exec unshare -n -m --propagation private env R40G_INNER=1 bash "$0" "$@"
fi
set -m
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round40-r40g/home TMPDIR=/tmp/round40-r40g/tmp XDG_CONFIG_HOME=/tmp/round40-r40g/xdg/config \
  XDG_DATA_HOME=/tmp/round40-r40g/xdg/data XDG_CACHE_HOME=/tmp/round40-r40g/xdg/cache \
  XDG_STATE_HOME=/tmp/round40-r40g/xdg/state XDG_RUNTIME_DIR=/tmp/round40-r40g/xdg/run
export JUPYTER_CONFIG_DIR=$WORK/jupyter-config JUPYTER_DATA_DIR=$WORK/jupyter-data JUPYTER_RUNTIME_DIR=$WORK/jupyter-runtime
mkdir -p "$JUPYTER_CONFIG_DIR" "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR"
: > "$RAW"
VOILA=("$VENV/bin/voila" --debug --no-browser --Voila.ip=127.0.0.1 --Voila.root_dir=$OUT/notebooks)

start() { local n0; n0=$(grep -c "is running at" "$RAW"); "${VOILA[@]}" "$@" >> "$RAW" 2>&1 & PID=$!
  for i in $(seq 40); do sleep 0.5; [ "$(grep -c "is running at" "$RAW")" -gt "$n0" ] && break; done; sleep 1; }
stop_term() { kill -TERM "$PID"; wait "$PID"; }
stop_int() { kill -INT "$PID"; sleep 0.5; kill -INT "$PID"; wait "$PID"; }

# 1: normal run, random traffic
start --port=57010 --NotebookClient.timeout=$((3 + RANDOM % 4))
"$VENV/bin/python" "$OUT/client.py" http://127.0.0.1:57010 $((12 + RANDOM % 9))
# a second server on the same port with no retries
"${VOILA[@]}" --port=57010 --Voila.port_retries=0 >> "$RAW" 2>&1
stop_term
# 2: a start with a bad option value
"${VOILA[@]}" --port=notaport >> "$RAW" 2>&1
# 3: restart with other settings, more traffic
start --port=57011 --NotebookClient.timeout=4 --VoilaConfiguration.file_allowlist='.*\.txt'
"$VENV/bin/python" "$OUT/client.py" http://127.0.0.1:57011 $((6 + RANDOM % 7))
stop_int
umount /dev/shm
sed -n '1,2500p' "$RAW" > "$OUT/voila.log"
wc -l "$RAW" "$OUT/voila.log"
