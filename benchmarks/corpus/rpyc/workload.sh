#!/bin/bash
# Drives an RPyC classic server (rpyc_classic, DEBUG logging to --logfile) with random clients.
# A TCP registry server (rpyc_registry) comes and goes; its own log is not kept.
# Runs itself inside a private network + mount namespace. Usage: bash /work/round40/rpyc/workload.sh [seed]
set -u
D=/work/round40/rpyc
T=/tmp/round40-r40e/rpyc
V=/tmp/round40-r40e/venv-rpyc
if [ -z "${R40E_INNS:-}" ]; then
  mkdir -p "$T"
  R40E_INNS=1 exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
cd "$D"
SEED=${1:-4040}
RANDOM=$SEED
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
rm -rf "$T/home" "$T/tmp" "$T/xdg" "$T/pki"
mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/cache" "$T/xdg/data" "$T/xdg/state" "$T/xdg/run" "$T/pki"
chmod 700 "$T/xdg/run"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
  XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state XDG_RUNTIME_DIR=$T/xdg/run
# throwaway keys, outside the folder, deleted at the end
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/pki/server.key" -out "$T/pki/server.crt" -days 2 -subj "/CN=localhost" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/pki/client.key" -out "$T/pki/client.crt" -days 2 -subj "/CN=r40e-client/O=Round40" 2>/dev/null
RAW=$T/raw.log
rm -f "$RAW" "$T/registry-tcp.log"
PORT=56100
REGT=56102
REGU=56103
REGPID=""
set -m; "$V/bin/rpyc_registry" -m TCP -p $REGT -t 30 --logfile "$T/registry-tcp.log" & REGPID=$!; set +m

reg_toggle() {
  if [ -n "$REGPID" ] && [ $((RANDOM % 3)) -eq 0 ]; then kill -INT "$REGPID"; wait "$REGPID" 2>/dev/null; REGPID=""
  elif [ -z "$REGPID" ] && [ $((RANDOM % 2)) -eq 0 ]; then
    set -m; "$V/bin/rpyc_registry" -m TCP -p $REGT -t 30 --logfile "$T/registry-tcp.log" & REGPID=$!; set +m
  fi
  sleep 0.5
}

# every mode once plus a few random extra, in random order
modes=(0 1 2 3 4 5 6 7 8 9 $((RANDOM % 10)) $((RANDOM % 10)) $((RANDOM % 10)))
for ((i = ${#modes[@]} - 1; i > 0; i--)); do j=$((RANDOM % (i + 1))); t=${modes[i]}; modes[i]=${modes[j]}; modes[j]=$t; done
phase=0
for mode in "${modes[@]}"; do
  phase=$((phase + 1))
  reg_toggle
  args=(--logfile "$RAW" -p $PORT)
  cmode=plain
  n=$((3 + RANDOM % 22))
  case $mode in
    0|1|2) args+=(-m threaded) ;;
    3|4) args+=(-m forking) ;;
    5) args+=(-m threaded --register --registry-type TCP --registry-host 127.0.0.1 --registry-port $REGT) ;;
    6) args+=(-m forking --register --registry-type TCP --registry-host 127.0.0.1 --registry-port $REGT) ;;
    7) args+=(-m threaded --register --registry-type TCP --registry-host 127.0.0.1 --registry-port $REGU) ;;
    8) args+=(-m threaded --ssl-keyfile "$T/pki/server.key" --ssl-certfile "$T/pki/server.crt" --ssl-cafile "$T/pki/client.crt"); cmode=ssl; n=$((10 + RANDOM % 20)) ;;
    9) args+=(-m oneshot); n=1 ;;
  esac
  set -m
  "$V/bin/rpyc_classic" "${args[@]}" > /dev/null 2>&1 &
  SPID=$!
  set +m
  sleep 1.5
  "$V/bin/python" "$D/client.py" 127.0.0.1 $PORT $cmode $n $((SEED + phase)) "$T/pki/client.key" "$T/pki/client.crt"
  sleep $((RANDOM % 4)).$((RANDOM % 10))
  if kill -0 "$SPID" 2>/dev/null; then
    if [ $((RANDOM % 4)) -eq 0 ]; then kill -TERM "$SPID"; else kill -INT "$SPID"; fi
  fi
  wait "$SPID" 2>/dev/null
  sleep 0.3
done
[ -n "$REGPID" ] && kill -INT "$REGPID" && wait "$REGPID" 2>/dev/null
rm -rf "$T/pki"
# keep one contiguous stretch of whole lines
sed -n '1,2500p' "$RAW" > "$D/rpyc.log"
wc -l "$RAW" "$D/rpyc.log"
