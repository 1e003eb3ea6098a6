#!/bin/bash
# PHP built-in web server workload: php -S in private net+mount namespaces, driven by curl and a raw client.
set -u
DIR=/work/round40/phpserver
RUN=/tmp/round40-r40a/php
LOG=$DIR/phpserver.log
if [ -z "${R40A_INNER:-}" ]; then
  cd "$DIR" || exit 1
  exec env R40A_INNER=1 unshare -n -m --propagation private /bin/bash "$DIR/workload.sh" "$@"
fi
cd "$DIR" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round40-r40a/home TMPDIR=/tmp/round40-r40a/tmp XDG_CONFIG_HOME=/tmp/round40-r40a/xdg/config \
  XDG_CACHE_HOME=/tmp/round40-r40a/xdg/cache XDG_DATA_HOME=/tmp/round40-r40a/xdg/data XDG_RUNTIME_DIR=/tmp/round40-r40a/xdg/runtime TZ=UTC
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$RUN"
rm -f "$LOG" "$RUN"/*
PORT=54100
PHPOPTS=(-n -d log_errors=1 -d display_errors=0 -d error_reporting=-1 -d html_errors=0 -d session.save_path="$RUN" -d upload_tmp_dir="$RUN" -d sys_temp_dir="$RUN")
SRV_PID=
set -m   # every background job gets its own process group, so SIGINT reaches the server and its workers
start_server() { # workers
  if [ "$1" -gt 1 ]; then
    PHP_CLI_SERVER_WORKERS=$1 php "${PHPOPTS[@]}" -S 127.0.0.1:$PORT -t docroot router.php 2>> "$LOG" >/dev/null &
  else
    php "${PHPOPTS[@]}" -S 127.0.0.1:$PORT -t docroot router.php 2>> "$LOG" >/dev/null &
  fi
  SRV_PID=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
}
stop_server() { kill -INT -- "-$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=; }
bad_start() { # a second, misconfigured server
  local o=(-S 127.0.0.1:$PORT -t docroot router.php) w=
  case $((RANDOM % 6)) in
    1) o=(-S 127.0.0.1:$PORT -t "$DIR/docroot/missing$((RANDOM % 9))") ;;
    2) o=(-S 127.0.0.1:$PORT -t "$DIR/docroot/index.html") ;;
    3) o=(-S 127.0.0.1 -t docroot) ;;
    4) w=1 ;;
    5) o=(-S "[::1]:$PORT" -t docroot) ;;
  esac
  if [ -n "$w" ]; then PHP_CLI_SERVER_WORKERS=1 php "${PHPOPTS[@]}" -S 127.0.0.1:$((PORT + 1)) -t docroot 2>> "$LOG" >/dev/null &
  else php "${PHPOPTS[@]}" "${o[@]}" 2>> "$LOG" >/dev/null &
  fi
  local p=$!; sleep 0.4; kill -INT -- "-$p" 2>/dev/null; wait $p 2>/dev/null
}
U=http://127.0.0.1:$PORT
C="curl -s -o /dev/null -m 6"
one_request() {
  local r=$((RANDOM % 100))
  if   [ $r -lt 18 ]; then $C "$U/static/doc$((RANDOM % 5 + 1)).txt"
  elif [ $r -lt 24 ]; then $C "$U/"
  elif [ $r -lt 27 ]; then $C "$U/static/site.css"
  elif [ $r -lt 29 ]; then $C -I "$U/static/data.json"
  elif [ $r -lt 33 ]; then $C "$U/static/missing$RANDOM.png"
  elif [ $r -lt 41 ]; then $C "$U/api/hello?name=user$RANDOM"
  elif [ $r -lt 45 ]; then $C -d "qty=$((RANDOM % 9))&item=$RANDOM" "$U/api/form"
  elif [ $r -lt 47 ]; then $C -d "item=none" "$U/api/form"
  elif [ $r -lt 51 ]; then $C "$U/api/notice?d=$((RANDOM % 4))"
  elif [ $r -lt 53 ]; then $C "$U/api/fatal?v=$RANDOM"
  elif [ $r -lt 56 ]; then $C "$U/api/throw?id=$RANDOM"
  elif [ $r -lt 57 ]; then $C "$U/api/parse"
  elif [ $r -lt 59 ]; then $C "$U/api/deprecated"
  elif [ $r -lt 60 ]; then $C "$U/api/memory"
  elif [ $r -lt 61 ]; then $C "$U/api/timeout"
  elif [ $r -lt 64 ]; then $C "$U/api/slow?ms=$((RANDOM % 900 + 100))"
  elif [ $r -lt 67 ]; then $C "$U/api/status?code=$(( (RANDOM % 2) ? 404 : 503 ))"
  elif [ $r -lt 70 ]; then $C "$U/api/nosuch$((RANDOM % 20))"
  elif [ $r -lt 72 ]; then $C "$U/redirect"
  elif [ $r -lt 75 ]; then $C -X "$( ((RANDOM % 2)) && echo DELETE || echo PUT)" "$U/static/doc1.txt"
  elif [ $r -lt 77 ]; then $C -X PATCH -d x=1 "$U/static/data.json"
  elif [ $r -lt 79 ]; then $C -X "$( ((RANDOM % 2)) && echo BREW || echo PROPFIND)" "$U/static/doc2.txt"
  elif [ $r -lt 81 ]; then $C -X OPTIONS "$U/static/doc3.txt"
  elif [ $r -lt 83 ]; then $C -k "https://127.0.0.1:$PORT/"
  else local k=(garbage tls sslv2 idle idle partial badver nullpath badlen)
       python3 "$DIR/client.py" $PORT "${k[$((RANDOM % 9))]}" 2>/dev/null
  fi
}
RANDOM=$$
N_ROUNDS=${N_ROUNDS:-8}
for round in $(seq "$N_ROUNDS"); do
  start_server $( ((RANDOM % 3)) && echo 1 || echo 2)
  n=$((RANDOM % 60 + 30))
  for i in $(seq $n); do
    if [ $((RANDOM % 6)) -eq 0 ]; then one_request & else one_request; fi
  done
  wait $(jobs -p | grep -v "^$SRV_PID\$") 2>/dev/null
  if [ $((RANDOM % 3)) -ne 0 ]; then bad_start; fi
  stop_server
done
# keep one stretch of at most 2500 whole lines
if [ "$(wc -l < "$LOG")" -gt 2500 ]; then sed -n '1,2500p' "$LOG" > "$RUN/cut.log" && cat "$RUN/cut.log" > "$LOG"; fi
