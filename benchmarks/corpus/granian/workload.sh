#!/bin/bash
# Granian workload: several granian runs (ASGI / WSGI, reloader, resource monitor, respawns,
# bad configurations) driven by driver.py; granian's stdout+stderr appended to raw.log
# (granian.log is one contiguous stretch of raw.log)
set -u
set -m
D=/work/round37/granian
G=/tmp/round37-r37e/venv_granian/bin/granian
PY=/tmp/round37-r37e/venv_granian/bin/python
RUN=/tmp/round37-r37e/granianrun; mkdir -p $RUN
PORT=48100
LOG=$D/raw.log
COMMON="--host 127.0.0.1 --port $PORT --log-level debug --access-log --working-dir $D/app --static-path-route /static --static-path-mount $D/static"
gstart() { $G "$@" >> $LOG 2>&1 & GP=$!; echo $GP >> $RUN/all.pids; sleep 3; }
gstop() { kill -${1:-INT} $GP 2>/dev/null; for i in $(seq 100); do kill -0 $GP 2>/dev/null || break; sleep 0.2; done; kill -9 $GP 2>/dev/null; wait $GP 2>/dev/null; }
drive() { $PY $D/driver.py $PORT $((RANDOM % $1 + $1 / 2)); }
workers() { pgrep -P $GP; }
for round in $(seq ${ROUNDS:-2}); do
  # 1. ASGI, several workers, respawn on failure, SIGHUP reloads, a killed worker
  gstart --interface asgi --workers $((RANDOM % 2 + 2)) --respawn-failed-workers --respawn-interval 1 $COMMON app:app
  drive 150
  kill -HUP $GP; sleep 5; drive 80
  W=$(workers | shuf -n1); [ -n "$W" ] && kill -9 $W; sleep 4; drive 60
  gstop $(shuf -n1 -e INT TERM)
  # 2. WSGI with the resource monitor (tiny RSS limit makes workers respawn)
  gstart --interface wsgi --workers 2 --blocking-threads 2 --workers-max-rss $((RANDOM % 5 + 1)) --rss-sample-interval 2 --respawn-interval 1 $COMMON wsgi_app:app
  drive 120; sleep $((RANDOM % 4 + 2)); drive 60
  gstop
  # 3. ASGI with the changes reloader; edit the app to trigger reloads
  gstart --interface asgi --reload --reload-paths $D/app --workers 1 $COMMON app:app
  drive 80
  for k in $(seq $((RANDOM % 3 + 1))); do touch $D/app/app.py; sleep 3; drive 40; done
  echo "# temp" > $D/app/extra_mod.py; sleep 3; rm -f $D/app/extra_mod.py; sleep 3
  drive 40
  gstop
  # 4. ASGI whose lifespan startup fails (flag file read by the app)
  touch /tmp/round37-r37e/granian_failstart
  gstart --interface asgi --workers 1 $COMMON app:app; gstop
  rm -f /tmp/round37-r37e/granian_failstart
  # 5. bad configurations and pid files
  $G --interface asgi --workers-lifetime 10 $COMMON app:app >> $LOG 2>&1
  $G --interface asgi --blocking-threads 4 $COMMON app:app >> $LOG 2>&1
  $G --interface wsgi --no-ws $COMMON --workers 9 wsgi_app:app >> $LOG 2>&1 & GP=$!; sleep 4; drive 30; gstop TERM
  echo 1 > $RUN/granian.pid
  $G --interface asgi --pid-file $RUN/granian.pid $COMMON app:app >> $LOG 2>&1
  echo notapid > $RUN/granian.pid
  $G --interface asgi --pid-file $RUN/granian.pid $COMMON app:app >> $LOG 2>&1
  rm -f $RUN/granian.pid
  gstart --interface asgi --pid-file $RUN/granian.pid --task-impl rust $COMMON app:app; drive 40; gstop TERM
  gstart --interface asgi --static-path-route /a --static-path-route /b --static-path-mount $D/static app:app; gstop
  # 6. RSGI interface against an ASGI app (the app fails), then a missing app module
  gstart --interface rsgi $COMMON app:app; drive 20; gstop
  $G --interface asgi $COMMON nosuchmodule:app >> $LOG 2>&1
done
