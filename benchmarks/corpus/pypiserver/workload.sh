#!/bin/bash
# Randomised workload for pypiserver (PyPI pypiserver). Log: pypiserver.log (--log-file, -vvv).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
VENV=/tmp/round31-r31n/venv
RUN=/tmp/round31-r31n/pypi; rm -rf "$RUN"; mkdir -p "$RUN/packages" "$RUN/extra" "$RUN/dl"
LOG=$HERE/pypiserver.log; rm -f "$LOG"
PORT=33010
"$VENV/bin/python" - <<PY
from passlib.apache import HtpasswdFile
h = HtpasswdFile("$RUN/htpasswd", new=True)
h.set_password("uploader", "s3cret"); h.set_password("ci", "ci-pass"); h.save()
PY
start() {
  local opts=("-a" "update")
  case $((RANDOM % 3)) in 1) opts=("-a" "update,download");; 2) opts=("-a" "update,list");; esac
  [ $((RANDOM % 2)) = 0 ] && opts+=("--overwrite")
  [ $((RANDOM % 3)) = 0 ] && opts+=("--disable-fallback") || opts+=("--fallback-url" "http://127.0.0.1:33011/simple/")
  [ $((RANDOM % 2)) = 0 ] && opts+=("--hash-algo" "sha256")
  env --default-signal=INT "$VENV/bin/pypi-server" run -vvv --log-file "$LOG" --log-stream none -i 127.0.0.1 -p $PORT \
      -P "$RUN/htpasswd" "${opts[@]}" --health-endpoint /health "$RUN/packages" "$RUN/extra" \
      2>> "$RUN/stderr.txt" &
  echo $! > "$RUN/pypi.pid"; sleep 1.5
}
stop() { kill -${1:-TERM} "$(cat "$RUN/pypi.pid")"; wait "$(cat "$RUN/pypi.pid")" 2>/dev/null; sleep 0.3; }
start
for phase in 1 2 3 4 5; do
  "$VENV/bin/python" "$HERE/client.py" $PORT $((60 + RANDOM % 80)) "$VENV/bin/pip"
  # a package file vanishes behind the server's back
  f=$(ls "$RUN/packages" | shuf -n1); [ -n "$f" ] && rm -f "$RUN/packages/$f"
  stop $([ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM)
  start
done
stop
