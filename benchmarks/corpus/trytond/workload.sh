#!/bin/bash
# Randomised workload for trytond (SQLite, logging at DEBUG via logging.conf -> $LOG).
# Several server sessions (plain, --dev, failing starts), JSON-RPC clients (client.py),
# occasional trytond-cron, SIGTERM/SIGINT stops.
set -u
set -m
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round34-r34e/tryton
LOG=$BASE/trytond.log
SESSIONS=${SESSIONS:-6}
CONF=$HERE/trytond.conf
LCONF=$HERE/logging.conf
URL=http://127.0.0.1:44200
r() { echo $(( RANDOM % $1 )); }
mkdir -p "$BASE/db" "$BASE/www"
: > "$LOG"
# fresh database (schema created by trytond-admin, its output not part of the log)
rm -f "$BASE/db/r34e.sqlite"; touch "$BASE/db/r34e.sqlite"
echo admin123 > "$BASE/pass"
TRYTONPASSFILE=$BASE/pass trytond-admin -c "$CONF" -d r34e --all --email admin@example.org > "$BASE/admin.out" 2>&1
: > "$LOG"

for s in $(seq "$SESSIONS"); do
  opts=""
  [ "$(r 3)" = 0 ] && opts="--dev"
  case $(r 8) in
    0) extra="$BASE/missing.conf" ;;   # configuration file that cannot be read
    *) extra="" ;;
  esac
  trytond -c "$CONF" $extra --logconf "$LCONF" --pidfile "$BASE/trytond.pid" $opts > "$BASE/stdout.txt" 2>&1 &
  pid=$!
  sleep 3
  if [ "$(r 5)" = 0 ]; then
    # a second server on the same port fails to bind
    timeout 10 trytond -c "$CONF" --logconf "$LCONF" > /dev/null 2>&1
  fi
  cronpid=""
  if [ "$(r 3)" = 0 ]; then
    trytond-cron -c "$CONF" -d r34e --logconf "$LCONF" > /dev/null 2>&1 &
    cronpid=$!
  fi
  clients=$((1 + $(r 3)))
  cpids=()
  for c in $(seq $clients); do
    python3 "$HERE/client.py" "$URL" r34e $((15 + $(r 40))) &
    cpids+=($!)
    sleep 2
  done
  wait "${cpids[@]}" 2>/dev/null
  [ -n "$cronpid" ] && { sleep $(( $(r 20) )); kill -TERM "$cronpid"; wait "$cronpid" 2>/dev/null; }
  case $(r 2) in 0) kill -INT $pid ;; 1) kill -TERM $pid ;; esac
  wait $pid 2>/dev/null
  sleep 1
done
rm -f "$BASE/pass"
