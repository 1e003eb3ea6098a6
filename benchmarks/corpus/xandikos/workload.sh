#!/bin/bash
# Randomised workload for the xandikos CalDAV/CardDAV server (Debian 12 package).
# The server runs in the foreground, its stderr appended to xandikos.log.
set -u
cd "$(dirname "$0")"
HERE=$PWD
HOST=127.0.0.1
PORT=$((39080 + RANDOM % 20))
DATA=$HERE/data
LOG=$HERE/xandikos.log
rm -rf "$DATA" "$LOG" pids
: > "$LOG"

start() {  # start the server with the given extra options; record its PID
  /usr/bin/python3 "$HERE/run_xandikos.py" -l $HOST -p $PORT "$@" >>"$HERE/stdout.txt" 2>>"$LOG" &
  SRV=$!
  echo $SRV >> pids
  for i in $(seq 50); do curl -s -o /dev/null http://$HOST:$PORT/health && break; sleep 0.2; done
}
stop() { kill -INT $SRV 2>/dev/null; wait $SRV 2>/dev/null; }
clients() {  # run $1 clients of $2 requests each in parallel
  local p=()
  for i in $(seq "$1"); do
    /usr/bin/python3 "$HERE/client.py" $HOST $PORT $RANDOM "$2" & p+=($!)
  done
  wait "${p[@]}"
}
git_commit_bad() {  # put unparseable / UID-less items straight into the git store
  local d=$DATA/user/calendars/calendar
  n=$((RANDOM % 2 + 1))
  for i in $(seq $n); do
    printf 'BEGIN:VCALENDAR\r\nTHIS IS BROKEN %s\r\n' $RANDOM > "$d/broken-$RANDOM.ics"
  done
  printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240301T100000Z\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$d/nouid-$RANDOM.ics"
  git -C "$d" add -A >/dev/null 2>&1
  git -C "$d" -c user.name=ops -c user.email=ops@example.org commit -qm "manual import" >/dev/null 2>&1
}

# 1. start against a missing directory without --autocreate: warnings, 404s
start -d "$DATA"
curl -s -o /dev/null -X PROPFIND -H 'Depth: 0' http://$HOST:$PORT/user/
curl -s -o /dev/null http://$HOST:$PORT/user/calendars/calendar/
stop

# 2. start with --defaults: creates principal, calendar, addressbook, inbox
start -d "$DATA" --defaults
clients 3 $((70 + RANDOM % 30))

# 3. items that cannot be parsed appear in the store behind the server's back
git_commit_bad
clients 2 $((50 + RANDOM % 30))
stop

# 4. restart (plain --autocreate, other principal path given) and more clients
start -d "$DATA" --autocreate
clients 3 $((60 + RANDOM % 30))
git_commit_bad
clients 2 $((40 + RANDOM % 20))
stop

# 5. a second principal that does not exist, then shut down
start -d "$DATA" --current-user-principal /other/
clients 2 $((30 + RANDOM % 20))
stop

rm -f pids
