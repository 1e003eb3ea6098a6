#!/bin/bash
# Randomised workload for TinyMUX (netmux). Log: stderr of netmux (-e -), appended to raw.log.
set -u
HERE=/work/round28/tinymux
PORT=56100
RUN=$HERE/run
CL="python3 $HERE/mux_client.py"
rm -rf "$RUN"; mkdir -p "$RUN"
cd "$RUN" && /usr/games/tinymux-install >/dev/null
GAME=$RUN/tinymux/game
cd "$GAME"
sed -i "s/^port 2860/port $PORT/" netmux.conf
cat >> netmux.conf <<'EOF'
# workload: most detailed logging (all classes except raw buffer allocation dumps)
log accounting all_commands bad_commands bugs checkpoints config_changes create killing logins network problems security shouts startup suspect time_usage wizard
log_options flags location owner timestamp
forbid_site 127.0.0.66 255.255.255.255
suspect_site 127.0.0.77 255.255.255.255
register_site 127.0.0.88 255.255.255.255
EOF
LOG=$RUN/raw.log
: > "$LOG"
PIDS=$HERE/pids.txt
: > "$PIDS"

start() {
  cd "$GAME"
  # same database rotation as the packaged Startmux script
  [ -r data/netmux.db ] && mv -f data/netmux.db data/netmux.db.old
  if [ -r data/netmux.db.new ]; then mv data/netmux.db.new data/netmux.db
  elif [ -r data/netmux.db.old ]; then cp data/netmux.db.old data/netmux.db; fi
  LD_LIBRARY_PATH=./bin ./bin/netmux -c netmux.conf -p netmux.pid -e - 2>>"$LOG" >/dev/null &
  MUXPID=$!
  echo "$MUXPID" >> "$PIDS"
  sleep 2
}
children() { ps -o pid=,comm= --ppid "$MUXPID" 2>/dev/null; }
killchild() { # kill the slave (DNS) or stubslave child of netmux by its own pid
  local p; p=$(children | awk -v n="$1" '$2==n {print $1; exit}')
  [ -n "$p" ] && kill -"$2" "$p"
}
rsleep() { sleep "$(awk -v a="$1" -v b="$2" 'BEGIN{srand(); print a+rand()*(b-a)}')"; }

start
$CL setup $PORT
$CL play $PORT $((RANDOM % 4 + 4))
$CL admin $PORT
$CL play $PORT $((RANDOM % 4 + 3))
kill -HUP "$MUXPID"; rsleep 0.5 1.5
$CL disabled $PORT
$CL toad $PORT
$CL play $PORT $((RANDOM % 3 + 3))
killchild slave TERM; rsleep 0.5 1
$CL play $PORT 3
kill -INT "$MUXPID"; sleep 0.5
kill -USR2 "$MUXPID"; rsleep 1 2
$CL admin $PORT
$CL play $PORT $((RANDOM % 4 + 3))
$CL wizcmd $PORT "@startslave"
kill -USR1 "$MUXPID"; sleep 3
$CL play $PORT $((RANDOM % 3 + 2))
killchild stubslave KILL; rsleep 0.5 1
$CL wizcmd $PORT "@restart"; sleep 3
$CL play $PORT $((RANDOM % 4 + 3))
$CL admin $PORT
$CL wizcmd $PORT "@shutdown"; sleep 3
wait "$MUXPID" 2>/dev/null
# cold start from the saved database, then SIGTERM
start
$CL play $PORT $((RANDOM % 4 + 4))
$CL admin $PORT
$CL play $PORT $((RANDOM % 3 + 2))
kill -TERM "$MUXPID"
# netmux can hang after SIGTERM while waiting on a forked dump child; give it 60 s, then kill it
for i in $(seq 60); do kill -0 "$MUXPID" 2>/dev/null || break; sleep 1; done
kill -0 "$MUXPID" 2>/dev/null && kill -KILL "$MUXPID"
wait "$MUXPID" 2>/dev/null
start
$CL play $PORT 3
$CL admin $PORT
$CL wizcmd $PORT "@shutdown"; sleep 3
wait "$MUXPID" 2>/dev/null
cp "$LOG" "$HERE/full.log"
wc -l "$HERE/full.log"
