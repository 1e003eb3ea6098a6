#!/bin/bash
# Workload for openhpid (Debian 12 openhpid 3.8.0 with the openhpi-plugin-simulator handler):
# runs "openhpid -n -v" in a private network and mount namespace, its stdout/stderr captured to a
# file, and drives it with the hpi* clients of openhpi-clients plus misbehaving raw TCP peers.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round39-r39c/openhpid
if [ -z "${R39C_INNER:-}" ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -m -n --propagation private env R39C_INNER=1 bash "$0" "$@"
fi
ip link set lo up
mount -t tmpfs -o size=16m tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
  XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run TZ=UTC
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" "$T/var" "$T/run"
cd "$T"
RAW=$T/openhpid.raw.log
PORT=51100
RANDOM=${SEED:-1}
export OPENHPI_UID_MAP=$T/var/uid_map OPENHPI_DAEMON_HOST=127.0.0.1 OPENHPI_DAEMON_PORT=$PORT
export OPENHPICLIENT_CONF=$T/openhpiclient.conf
printf 'domain 1 {\n\thost = "127.0.0.1"\n\tport = %s\n}\n' $PORT > "$OPENHPICLIENT_CONF"
PID=
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

conf() {  # kind -> $T/openhpi.conf
  local c=$T/openhpi.conf
  {
    echo 'OPENHPI_LOG_ON_SEV = "MINOR"'
    echo 'OPENHPI_EVT_QUEUE_LIMIT = 10000'
    echo 'OPENHPI_DEL_SIZE_LIMIT = 10000'
    echo "OPENHPI_DEL_SAVE = \"$(pick YES NO)\""
    echo 'OPENHPI_DAT_SIZE_LIMIT = 0'
    echo 'OPENHPI_DAT_USER_LIMIT = 0'
    echo "OPENHPI_DAT_SAVE = \"$(pick YES NO)\""
    echo 'OPENHPI_PATH = "/usr/lib/openhpi"'
    echo "OPENHPI_VARPATH = \"$T/var\""
    echo "OPENHPI_AUTOINSERT_TIMEOUT = $(pick BLOCK IMMEDIATE 5000000000)"
    echo "OPENHPI_AUTOINSERT_TIMEOUT_READONLY = \"$(pick YES NO)\""
    case $1 in
      good|insecure) printf 'handler libsimulator {\n\tentity_root = "{SYSTEM_CHASSIS,1}"\n\tname = "simulator"\n}\n' ;;
      two) printf 'handler libsimulator {\n\tentity_root = "{SYSTEM_CHASSIS,1}"\n\tname = "simulator"\n}\n'
           printf 'handler libsimulator {\n\tentity_root = "{SYSTEM_CHASSIS,2}"\n\tname = "simulator2"\n}\n'
           printf 'domain 2 {\n\ttag = "second"\n\tentity_pattern = "{SYSTEM_CHASSIS,2}"\n}\n' ;;
      noplugin) printf 'handler libnosuchplugin {\n\tentity_root = "{SYSTEM_CHASSIS,1}"\n}\n' ;;
      noroot) printf 'handler libsimulator {\n\tname = "simulator"\n}\n' ;;
      syntax) printf 'handler libsimulator {\n\tentity_root = "{SYSTEM_CHASSIS,1}"\n\tname = \n' ;;
      unknownkey) echo 'OPENHPI_NO_SUCH_KEY = "1"'
           printf 'handler libsimulator {\n\tentity_root = "{SYSTEM_CHASSIS,1}"\n\tname = "simulator"\n}\n' ;;
    esac
  } > "$c"
  if [ "$1" = insecure ]; then chmod 644 "$c"; else chmod 600 "$c"; fi
}

start() {  # extra daemon options
  openhpid -n -v -c "$CONF" -p $PORT -f "$T/run/openhpid.pid" "$@" >>"$RAW" 2>&1 &
  PID=$!
  for _ in $(seq 40); do
    kill -0 "$PID" 2>/dev/null || break
    timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null && break
    sleep 0.2
  done
  sleep 1
}
stop() {
  [ -n "$PID" ] || return
  kill -"$1" "$PID" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=
}
c() { timeout 15 "$@" >/dev/null 2>&1 </dev/null; }

step() {
  local r=$((RANDOM % 100))
  if   [ $r -lt 10 ]; then c hpitree -$(pick a r c s w i o d)
  elif [ $r -lt 18 ]; then c hpisensor -$(pick t r s)
  elif [ $r -lt 24 ]; then c hpiel -$(pick d p r c)
  elif [ $r -lt 30 ]; then c hpievents -t $((1 + RANDOM % 2)) $(pick -d "")
  elif [ $r -lt 34 ]; then c hpipower -u -$(pick d p r)
  elif [ $r -lt 37 ]; then c hpireset -$(pick r w)
  elif [ $r -lt 40 ]; then c hpifan $(pick "-s auto" "-s $((RANDOM % 100))" "")
  elif [ $r -lt 43 ]; then c hpithres
  elif [ $r -lt 47 ]; then c hpiinv $(pick -V "-a tag$RANDOM" "")
  elif [ $r -lt 50 ]; then c hpialarms $(pick "-c 1" "-m 0" "-n 1" "-o" "-i 2" "")
  elif [ $r -lt 54 ]; then c hpidomain $(pick -V "-t dom$RANDOM" "")
  elif [ $r -lt 58 ]; then c hpitop -$(pick r s c w i a f d)
  elif [ $r -lt 61 ]; then c hpiwdt -$(pick e d r "t $((RANDOM % 60))")
  elif [ $r -lt 63 ]; then c hpisettime -d 12/07/2026 -t 10:$((RANDOM % 60)):00
  elif [ $r -lt 66 ]; then c hpitree -D $((2 + RANDOM % 5))
  elif [ $r -lt 69 ]; then c hpisensor -E "{SYSTEM_CHASSIS,$((RANDOM % 4))}"
  elif [ $r -lt 74 ]; then c /usr/bin/python3 "$D/rawpeer.py" 127.0.0.1:$PORT garbage $((1 + RANDOM % 300))
  elif [ $r -lt 77 ]; then c /usr/bin/python3 "$D/rawpeer.py" 127.0.0.1:$PORT http
  elif [ $r -lt 80 ]; then c /usr/bin/python3 "$D/rawpeer.py" 127.0.0.1:$PORT short
  elif [ $r -lt 83 ]; then c /usr/bin/python3 "$D/rawpeer.py" 127.0.0.1:$PORT idle 0.$((RANDOM % 9))
  elif [ $r -lt 86 ]; then c hpi_shell -N 127.0.0.1:$PORT <<< $'dom\nrpt\nquit\n'
  elif [ $r -lt 89 ]; then (c hpievents -t 2 &); (c hpitree -r &); c hpisensor; sleep 2
  else sleep 0.$((1 + RANDOM % 9))
  fi
}

for round in $(seq 1 12); do
  case $((RANDOM % 10)) in
    0) kind=insecure ;; 1) kind=noplugin ;; 2) kind=noroot ;; 3) kind=syntax ;; 4) kind=unknownkey ;;
    5|6) kind=two ;; *) kind=good ;;
  esac
  [ "$round" = 1 ] && kind=good
  conf $kind; CONF=$T/openhpi.conf
  case $((RANDOM % 5)) in
    0) start -t 2 ;; 1) start -s 3 ;; 2) start -b 127.0.0.1 ;; *) start ;;
  esac
  if kill -0 "$PID" 2>/dev/null; then
    for _ in $(seq $((2 + RANDOM % 5))); do step; done
  fi
  stop "$(pick TERM TERM INT)"
  [ $((RANDOM % 5)) = 0 ] && { CONF=$T/missing.conf; start; stop TERM; }
done
sed -n '1,2500p' "$RAW" > "$D/openhpid.log"
rm -rf "$T"
