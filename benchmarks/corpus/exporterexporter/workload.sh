#!/bin/bash
# exporter_exporter workload: the proxy, its fake exporters and scripts run in private net+mount namespaces,
# scraped with curl through good, failing, slow and unknown modules; restarts with good and bad settings.
set -u
DIR=/work/round40/exporterexporter
RUN=/tmp/round40-r40a/ee
LOG=$DIR/exporterexporter.log
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
rm -rf "$LOG" "$RUN"/*
set -m
FAKES=()
for m in "54310 good" "54311 garbage" "54312 slow" "54313 gzipbad"; do python3 "$DIR/fakeexp.py" $m & FAKES+=($!); done
for p in 54310 54311 54312 54313; do for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.1; done; done
PORT=54300
EE=prometheus-exporter-exporter
BASE=(-config.file "$DIR/expexp.yml" -log.level debug -web.listen-address 127.0.0.1:$PORT)
echo 'tok-r40a-123' > "$RUN/token"; : > "$RUN/empty-token"
mkdir -p "$RUN/dup.d"; cp "$DIR/conf.d/extra.yml" "$RUN/dup.d/node.yml"
SRV_PID=; TOKEN=
start_server() { # extra options
  $EE "${BASE[@]}" "$@" >> "$LOG" 2>&1 &
  SRV_PID=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
}
stop_server() { kill -TERM "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=; }
bad_start() { # a misconfigured instance that stops at once
  case $((RANDOM % 11)) in
    0) $EE "${BASE[@]}" ;;
    1) $EE -config.file "$RUN/missing-$RANDOM.yml" -log.level debug ;;
    2) $EE "${BASE[@]}" -config.dirs "$RUN/nodir" ;;
    3) $EE "${BASE[@]}" -config.dirs "$RUN/nodir" -config.skip-dirs -web.listen-address "" ;;
    4) $EE -config.file "" -log.level debug -web.listen-address 127.0.0.1:$((PORT + 1)) -web.proxy-path /metrics ;;
    5) $EE "${BASE[@]}" -web.bearer.token-file "$RUN/no-token-file" ;;
    6) $EE "${BASE[@]}" -web.bearer.token-file "$RUN/empty-token" ;;
    7) $EE "${BASE[@]}" -web.tls.listen-address 127.0.0.1:$((PORT + 2)) -web.tls.cert "$RUN/missing.pem" ;;
    8) $EE -config.file "$DIR/expexp.yml" -log.level debug -web.listen-address "127.0.0.1:$((RANDOM + 70000))" ;;
    9) $EE -config.file "$DIR/bad-$((RANDOM % 3)).yml" -log.level debug ;;
    10) $EE "${BASE[@]}" -config.dirs "$DIR/conf.d" -config.dirs "$RUN/dup.d" ;;
  esac >> "$LOG" 2>&1
}
U=http://127.0.0.1:$PORT
MODS=(node node node node app app app verified verified broken badgzip sluggish gone script script script failing hanging nobinary garbled)
scrape() {
  local r=$((RANDOM % 100)) a=()
  [ -n "$TOKEN" ] && a=(-H "Authorization: Bearer $TOKEN")
  [ -n "$TOKEN" ] && [ $((RANDOM % 8)) -eq 0 ] && a=(-H "Authorization: Bearer wrong$RANDOM")
  if   [ $r -lt 70 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/proxy?module=${MODS[$((RANDOM % ${#MODS[@]}))]}"
  elif [ $r -lt 74 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/proxy?module=extra"
  elif [ $r -lt 79 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/proxy?module=mysql$((RANDOM % 3))"
  elif [ $r -lt 82 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/proxy"
  elif [ $r -lt 85 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/proxy?module=script&args=--verbose"
  elif [ $r -lt 91 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/metrics"
  elif [ $r -lt 95 ]; then curl -s -o /dev/null -m 5 "${a[@]}" "$U/"
  elif [ $r -lt 98 ]; then curl -s -o /dev/null -m 5 "${a[@]}" -H 'Accept: application/json' "$U/"
  else curl -s -o /dev/null -m 5 "${a[@]}" -X POST -d x=1 "$U/proxy?module=node"
  fi
}
RANDOM=$$
N_ROUNDS=${N_ROUNDS:-12}
for round in $(seq "$N_ROUNDS"); do
  TOKEN=
  case $((RANDOM % 6)) in
    0) start_server -config.dirs "$DIR/conf.d" -web.bearer.token-file "$RUN/token"; TOKEN=tok-r40a-123 ;;
    1) start_server -config.dirs "$DIR/conf.d" -allow.net 10.0.0.0/8 -allow.net 127.0.0.0/8 ;;
    2) start_server -config.dirs "$DIR/conf.d" -allow.net 192.168.0.0/16 ;;
    *) start_server -config.dirs "$DIR/conf.d" ;;
  esac
  n=$((RANDOM % 50 + 30))
  for i in $(seq $n); do
    if [ $((RANDOM % 4)) -eq 0 ]; then scrape & else scrape; fi
  done
  wait $(jobs -p | grep -v -e "^$SRV_PID\$" $(printf -- '-e ^%s$ ' "${FAKES[@]}")) 2>/dev/null
  for _ in $(seq $((RANDOM % 3 + 1))); do bad_start; done
  stop_server
done
for p in "${FAKES[@]}"; do kill -- "-$p" 2>/dev/null; done
wait 2>/dev/null
# keep one stretch of at most 2500 whole lines
if [ "$(wc -l < "$LOG")" -gt 2500 ]; then sed -n '1,2500p' "$LOG" > "$RUN/cut.log" && cat "$RUN/cut.log" > "$LOG"; fi
