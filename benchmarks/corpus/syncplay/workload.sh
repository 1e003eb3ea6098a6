#!/bin/bash
# Randomised Syncplay server workload: several server runs with random configurations,
# scripted clients (client.py), port clashes, TLS certificate rotation, shutdowns.
# Log: stdout+stderr of syncplay-server appended to syncplay.log in this folder.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32h/syncplay
PY=/usr/bin/python3
LOG=$HERE/syncplay.log
PORT=36801
mkdir -p "$RUN" && cd "$RUN" || exit 1
: > "$LOG"
export PYTHONUNBUFFERED=1
mk_tls() {  # throwaway self-signed certificate, outside the labelled folder
  mkdir -p "$RUN/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$RUN/tls/privkey.pem" -out "$RUN/tls/cert.pem" \
    -days 2 -subj /CN=localhost 2>/dev/null
  cp "$RUN/tls/cert.pem" "$RUN/tls/chain.pem"
}
printf 'Welcome $username ($userIp) to $$ the watch party!\nRoom: ${room} | version ${version}\n' > "$RUN/motd.txt"
printf 'Broken motd $ here\n' > "$RUN/motd_bad.txt"
ROUNDS=${ROUNDS:-$((7 + RANDOM % 4))}
for r in $(seq 1 "$ROUNDS"); do
  args=(--port $PORT)
  pw=""
  (( RANDOM % 2 )) && { pw="pw$RANDOM"; args+=(--password "$pw"); }
  (( RANDOM % 3 == 0 )) && args+=(--salt "SALT$RANDOM")
  (( RANDOM % 4 == 0 )) && args+=(--isolate-rooms)
  (( RANDOM % 5 == 0 )) && args+=(--disable-chat)
  (( RANDOM % 5 == 0 )) && args+=(--disable-ready)
  case $((RANDOM % 3)) in 0) args+=(--motd-file "$RUN/motd.txt");; 1) args+=(--motd-file "$RUN/motd_bad.txt");; esac
  tls=none
  case $((RANDOM % 5)) in
    0|1) mk_tls; args+=(--tls "$RUN/tls"); tls=good;;
    2) args+=(--tls "$RUN/missing-tls-$RANDOM"); tls=bad;;
  esac
  case $((RANDOM % 6)) in
    0) args+=(--stats-db-file "/nonexistent/r32h/stats$RANDOM.db");;
    1) args+=(--stats-db-file "$RUN/stats.db");;
  esac
  $PY /usr/bin/syncplay-server "${args[@]}" >> "$LOG" 2>&1 &
  spid=$!
  sleep 1.5
  if (( RANDOM % 3 == 0 )); then   # a second instance on the same port
    timeout 5 $PY /usr/bin/syncplay-server --port $PORT >> "$LOG" 2>&1
  fi
  n=$((120 + RANDOM % 200))
  $PY "$HERE/client.py" 127.0.0.1 $PORT $n "$pw" &
  c1=$!
  (( RANDOM % 2 )) && { $PY "$HERE/client.py" 127.0.0.1 $PORT $((RANDOM % 150)) "$pw" & c2=$!; }
  if [ $tls = good ] && (( RANDOM % 2 )); then
    sleep 1
    if (( RANDOM % 2 )); then echo "garbage" > "$RUN/tls/cert.pem"; else rm -f "$RUN/tls/chain.pem"; touch "$RUN/tls/cert.pem"; fi
    $PY "$HERE/client.py" 127.0.0.1 $PORT $((5 + RANDOM % 20)) "$pw"
    mk_tls; touch "$RUN/tls/cert.pem"
  fi
  wait $c1; [ -n "$c2" ] && wait $c2; c2=""
  if (( RANDOM % 2 )); then kill -TERM $spid; else kill -INT $spid; fi
  for i in $(seq 1 50); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
  kill -KILL $spid 2>/dev/null
  wait $spid 2>/dev/null
done
rm -rf "$RUN/tls" "$RUN/stats.db"
