#!/bin/bash
# Randomised workload for the Django development server (runserver, --noreload, DEBUG logging).
# Output of every runserver invocation is appended to $RAW.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32f/django
RAW=$W/raw.log
PY=/usr/bin/python3
PORT=36000
mkdir -p $W
export PYTHONUNBUFFERED=1 SITE32_DB=$W/db.sqlite3
rm -f $W/db.sqlite3
start() { # start runserver in the background, record pid
  env "$@" $PY $HERE/manage.py runserver --noreload 127.0.0.1:$PORT >>$RAW 2>&1 &
  echo $! > $W/server.pid; sleep 2
}
stop() { kill -TERM "$(cat $W/server.pid)" 2>/dev/null; wait "$(cat $W/server.pid)" 2>/dev/null; }
# first run before the database exists: unapplied-migrations notice
start; $PY $HERE/client.py $PORT $((RANDOM % 20 + 10)); stop
$PY $HERE/manage.py migrate -v 0 >/dev/null 2>&1
for pick in $(shuf -e 0 1 2 3 4 5 $((RANDOM % 6))); do
  case $pick in
    0) start SITE32_BROKEN=1; stop ;;                       # bad configuration
    1) start; env $PY $HERE/manage.py runserver --noreload 127.0.0.1:$PORT >>$RAW 2>&1 & sleep 3; kill $! 2>/dev/null; stop ;;  # port in use
    2) start SITE32_DEBUG=0; $PY $HERE/client.py $PORT $((RANDOM % 40 + 10)); stop ;;
    *) : ;;
  esac
  start; $PY $HERE/client.py $PORT $((RANDOM % 50 + 15)); stop
done
rm -f $W/db.sqlite3
