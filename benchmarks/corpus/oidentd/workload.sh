#!/bin/bash
# Randomised oidentd workload: restarts with varying options, good and bad configs,
# reloads, and randomised ident clients (client.py). Log: oidentd's stderr (-S -d).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31e/oidentd; mkdir -p "$RUN"
LOG=${LOG:-$RUN/oidentd.full.log}
PORT=24113 PROXYPORT=24114
ROUNDS=${ROUNDS:-26}
cd "$HERE"

start() {  # start oidentd with options; records pid
  oidentd "$@" >>"$LOG" 2>&1 &
  echo $! > "$RUN/oidentd.pid"; sleep 0.4
}
stop() {
  local p; p=$(cat "$RUN/oidentd.pid" 2>/dev/null) || return
  kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; rm -f "$RUN/oidentd.pid"
}

# forwarding target: a second oidentd acting for proxy 127.0.0.1 (its log is not kept)
oidentd -i -S -p $PROXYPORT -a 127.0.0.1 -P 127.0.0.1 -C /etc/oidentd.conf >"$RUN/proxy.log" 2>&1 &
PROXY=$!; echo $PROXY > "$RUN/proxy.pid"

for r in $(seq 1 "$ROUNDS"); do
  base=(-i -S -p $PORT -C "$HERE/oidentd.conf")
  (( RANDOM % 6 )) && base+=(-d)
  extra=(-a 127.0.0.1); v6=""
  (( RANDOM % 3 == 0 )) && { extra+=(-a ::1); v6=6; }
  case $(( RANDOM % 10 )) in
    0) extra+=(-e) ;;
    1) extra+=(-r "guest$RANDOM") ;;
    2) extra+=(-R "static$((RANDOM % 9))") ;;
    3|4) extra+=(-m -f 24119) ;;
    5) extra+=(-o) ;;
    6) extra+=(-o "Plan9" -c "US-ASCII") ;;
  esac
  extra+=(-l $(( 4 + RANDOM % 8 )) -t $(( 2 + RANDOM % 2 )))
  # sometimes a broken start first: bad config, bad option or port in use
  if (( RANDOM % 3 == 0 )); then
    case $(( RANDOM % 4 )) in
      0|1) oidentd -i -S -d -p $PORT -a 127.0.0.1 -C "$HERE/bad$(( 1 + RANDOM % 11 )).conf" >>"$LOG" 2>&1 ;;
      2) opts=("-p 99999" "-p 0x" "-a no.such.host.invalid" "-u nosuchuser_r31e" "-g nosuchgroup_r31e"
               "-l lots" "-t soon" "-d -q" "-C $RUN/missing.conf")
         oidentd -i -S ${opts[$(( RANDOM % ${#opts[@]} ))]} -p $PORT -a 127.0.0.1 -C "$HERE/oidentd.conf" >>"$LOG" 2>&1 ;;
      3) oidentd -i -S -d -p $PROXYPORT -a 127.0.0.1 -C "$HERE/oidentd.conf" >>"$LOG" 2>&1 ;;
    esac
  fi
  start "${base[@]}" "${extra[@]}"
  n=$(( 20 + RANDOM % 60 ))
  python3 "$HERE/client.py" $PORT $n $v6 2>>"$RUN/client.err"
  if (( RANDOM % 3 == 0 )); then
    kill -HUP "$(cat "$RUN/oidentd.pid")"; sleep 0.3
    python3 "$HERE/client.py" $PORT $(( 5 + RANDOM % 20 )) $v6 2>>"$RUN/client.err"
  fi
  stop
done
kill $PROXY; wait $PROXY 2>/dev/null; rm -f "$RUN/proxy.pid"
