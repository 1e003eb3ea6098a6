#!/bin/bash
# Randomised workload for Hypercorn serving app.py (ports 27100-27102 on 127.0.0.1).
# Log: error log and access log of every server run, captured (stdout+stderr) to $OUT.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
V=/tmp/round31-r31h/hyp/bin
CLIPY=/tmp/round31-r31h/sanic/bin/python
RUN=/tmp/round31-r31h/hyprun
OUT=${OUT:-$RUN/hypercorn.log}
SESSIONS=${SESSIONS:-8}
mkdir -p $RUN
if [ ! -f $RUN/key.pem ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout $RUN/key.pem -out $RUN/cert.pem -days 2 -subj /CN=127.0.0.1 2>/dev/null
fi
FMT='%(h)s %(l)s %(t)s "%(r)s" %(s)s %(st)s %(b)s "%(f)s" "%(a)s" %(L)s'
PATHS=(/ / / /json /json?x=1 /echo /slow?t=0.2 /block /error /keyerror /nostart /badpath /status/204 /status/418
       /status/503 /status/599 /redirect /stream /push /nothere /favicon.ico)
AGENTS=("curl/7.88" "r31h-probe/1.0" "Mozilla/5.0 (X11; Linux x86_64)" "python-requests/2.31")

request() {  # $1 scheme://host:port
  local p=${PATHS[$((RANDOM % ${#PATHS[@]}))]} a=${AGENTS[$((RANDOM % ${#AGENTS[@]}))]} extra=()
  case $((RANDOM % 6)) in 0) extra=(--http2-prior-knowledge) ;; 1) extra=(-X POST -d "payload=$RANDOM") ;; 2) extra=(-e "http://ref.example/$RANDOM") ;; esac
  [[ $1 == https* ]] && extra=(-k "${extra[@]/--http2-prior-knowledge/--http2}")
  curl -s -o /dev/null -m 4 -A "$a" "${extra[@]}" "$1$p"
}

for ((s = 0; s < SESSIONS; s++)); do
  args=(-b 127.0.0.1:27100 --access-logfile - --error-logfile - --log-level debug --access-logformat "$FMT" --graceful-timeout 2)
  base=(http://127.0.0.1:27100)
  case $((RANDOM % 4)) in
    0) args+=(--debug) ;;
    1) args=(-b 127.0.0.1:27101 --certfile $RUN/cert.pem --keyfile $RUN/key.pem --insecure-bind 127.0.0.1:27100 "${args[@]:2}"); base+=(https://127.0.0.1:27101) ;;
    2) args+=(-w 2 -b 127.0.0.1:27102); base+=(http://127.0.0.1:27102) ;;
    3) args+=(--keep-alive 1 --read-timeout 1) ;;
  esac
  case $((RANDOM % 5)) in 0) lif=raise ;; 1) lif=shutdown-raise ;; *) lif=ok ;; esac
  (cd $HERE && R31H_LIFESPAN=$lif exec $V/hypercorn "${args[@]}" app:app) >>"$OUT" 2>&1 &
  pid=$!
  sleep 3
  n=$((60 + RANDOM % 120))
  for ((i = 0; i < n; i++)); do
    b=${base[$((RANDOM % ${#base[@]}))]}
    case $((RANDOM % 14)) in
      0) $CLIPY $HERE/client.py ws ${b##*:} ;;
      1) $CLIPY $HERE/client.py garbage ${b##*:} ;;
      2) $CLIPY $HERE/client.py partial 27100 ;;
      3) $CLIPY $HERE/client.py abort 27100 ;;
      *) request "$b" ;;
    esac
  done
  if [ $((RANDOM % 3)) = 0 ]; then  # a second server on a busy port fails to bind
    (cd $HERE && timeout 10 $V/hypercorn -b 127.0.0.1:27100 --error-logfile - --log-level debug app:app) >>"$OUT" 2>&1
  fi
  if [ $((RANDOM % 4)) = 0 ]; then  # an application path that does not exist
    (cd $HERE && timeout 10 $V/hypercorn -b 127.0.0.1:27102 --error-logfile - --log-level debug nosuchmodule:app) >>"$OUT" 2>&1
  fi
  kill -TERM $pid; wait $pid
done
