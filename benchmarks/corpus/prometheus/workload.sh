#!/bin/bash
# Round-11 corpus workload: Prometheus 2.42 server (Debian 12 package `prometheus`), run in the
# foreground with --log.level=debug, its stderr (plain logfmt) appended to $OUT/prometheus.log.
# Randomised workload on 127.0.0.1 only (ports 19000-19049): tiny exporters (fakes.py, beside this
# script) that come and go, return garbage, time out, error, duplicate or stale samples,
# OpenMetrics exemplars, too many series; file_sd files rewritten (some broken), an http_sd
# endpoint, a flaky and a dead Alertmanager, a flaky remote-write sink; config reloads through
# /-/reload and SIGHUP with good and broken configs and rule files; bad PromQL queries over the
# HTTP API; remote-write pushes to the server's own receiver; admin API calls; head compaction
# (hidden 1m block duration, 5m retention); a start with a broken config; restarts (SIGTERM, kill -9).
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
# (needs: apt-get install prometheus curl python3)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-370}
mkdir -p "$OUT"; LOG="$OUT/prometheus.log"; rm -f "$LOG"
W=/tmp/r11prom/work
PIDS="$W/pids"
# stop anything left from an earlier run of this script (by our own pid files only)
if [ -d "$PIDS" ]; then for f in "$PIDS"/*; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done; fi
sleep 1; rm -rf "$W"; mkdir -p "$W/rules" "$W/targets" "$W/data" "$PIDS"
P=19000; API="http://127.0.0.1:$P"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
WORDS=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima)

start_fake() {  # name args...
  local name=$1; shift
  [ -f "$PIDS/$name" ] && kill -0 "$(cat "$PIDS/$name")" 2>/dev/null && return
  python3 "$HERE/fakes.py" "$@" >/dev/null 2>&1 & echo $! > "$PIDS/$name"
}
stop_fake() { [ -f "$PIDS/$1" ] && kill "$(cat "$PIDS/$1")" 2>/dev/null; rm -f "$PIDS/$1"; }

# --- fake peers -------------------------------------------------------------------------------
for p in 19010 19011 19012 19013; do [ $(r 3) -gt 0 ] && start_fake ok$p exporter $p ok; done
start_fake garbage exporter 19014 garbage
start_fake slow exporter 19015 slow
start_fake err exporter 19016 err
start_fake dupes exporter 19017 dupes
start_fake om exporter 19018 openmetrics
start_fake big exporter 19019 big
start_fake am alertmanager 19030
start_fake httpsd httpsd 19035 19010 19011 19012 19013 19021 19022
start_fake rw remotewrite 19040
# nothing ever listens on 19020-19022 (dead targets), 19031 (dead Alertmanager)

# --- configuration --------------------------------------------------------------------------
write_targets() {  # file_sd: random subsets, sometimes broken
  local f=$W/targets/$1.json tg=() p
  for p in 19010 19011 19012 19013 19020 19021 19022; do [ $(r 2) = 0 ] && tg+=("\"127.0.0.1:$p\""); done
  [ ${#tg[@]} = 0 ] && tg=("\"127.0.0.1:1901$(r 4)\"")
  case $(r 8) in
    0) echo "[{\"targets\": [$(IFS=,; echo "${tg[*]}")], \"labels\": {\"env\": " > "$f.tmp" ;;   # truncated JSON
    1) echo "[{\"targets\": [\"127.0.0.1:19010\"], \"labels\": {\"bad label\": \"x\"}}]" > "$f.tmp" ;;
    *) echo "[{\"targets\": [$(IFS=,; echo "${tg[*]}")], \"labels\": {\"env\": \"$(pick "${WORDS[@]}")\", \"rack\": \"r$(r 9)\"}}]" > "$f.tmp" ;;
  esac
  mv "$f.tmp" "$f"
}

write_rules() {  # good rule file
  cat > "$W/rules/main.yml" <<EOF
groups:
  - name: recording-$(pick "${WORDS[@]}")
    interval: $(pick 5s 10s)
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - record: instance:app_requests:rate1m
        expr: sum by (instance) (rate(app_requests_total[1m]))
      - record: job:dup:clash
        expr: up
        labels:
          job: clash
      - record: all:samples:count
        expr: count_over_time({__name__=~".+"}[$(pick 2m 3m 5m)])
  - name: alerts
    interval: 10s
    rules:
      - alert: TargetDown
        expr: up == 0
        for: $(pick 10s 20s 30s)
        labels:
          severity: $(pick page ticket)
        annotations:
          summary: "{{ \$labels.instance }} of {{ \$labels.job }} is down"
      - alert: BrokenTemplate
        expr: up{job="garbage"} == 1
        annotations:
          summary: "{{ .Labels.instance | printf \"%d\" | title | humanize }}"
          desc: "{{ template \"missing.tmpl\" . }}"
      - alert: AlwaysFiring
        expr: vector($(r 100))
        labels:
          team: $(pick "${WORDS[@]}")
EOF
}

write_config() {  # $1 = good | a breakage name
  local si=$(pick 5s 10s) ei=$(pick 5s 10s 15s) extra="" qlog=""
  [ $(r 4) = 0 ] && qlog="  query_log_file: $W/query.log"
  [ "$1" = qlogbad ] && qlog="  query_log_file: /nonexistent/dir$(r 99)/query.log"
  cat > "$W/prometheus.yml.tmp" <<EOF
global:
  scrape_interval: $si
  scrape_timeout: 2s
  evaluation_interval: $ei
  external_labels:
    replica: r1
$qlog
rule_files:
  - $W/rules/*.yml
alerting:
  alertmanagers:
    - timeout: $(pick 3s 5s)
      static_configs:
        - targets: ['127.0.0.1:19030', '127.0.0.1:19031']
remote_write:
  - url: http://127.0.0.1:19040/receive
    remote_timeout: 5s
    queue_config:
      max_shards: 2
      batch_send_deadline: 10s
      min_backoff: 1s
      max_backoff: 5s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:$P']
  - job_name: exporters
    scrape_interval: $si
    file_sd_configs:
      - files: ['$W/targets/*.json']
        refresh_interval: 30s
  - job_name: http-sd
    scrape_interval: 15s
    http_sd_configs:
      - url: http://127.0.0.1:19035/targets
        refresh_interval: $(pick 10s 15s 20s)
  - job_name: garbage
    static_configs:
      - targets: ['127.0.0.1:19014']
  - job_name: slow
    scrape_timeout: 2s
    static_configs:
      - targets: ['127.0.0.1:19015']
  - job_name: errors
    static_configs:
      - targets: ['127.0.0.1:19016']
  - job_name: dupes
    honor_timestamps: true
    static_configs:
      - targets: ['127.0.0.1:19017']
  - job_name: openmetrics
    static_configs:
      - targets: ['127.0.0.1:19018']
  - job_name: big
    sample_limit: $(pick 20 30 40)
    label_limit: $(pick 4 5 6)
    body_size_limit: $(pick 4KB 6KB 8KB)
    static_configs:
      - targets: ['127.0.0.1:19019']
EOF
  case $1 in
    yaml) echo "  - job_name: [broken$(r 9)" >> "$W/prometheus.yml.tmp" ;;
    unknown) sed -i "s/^  scrape_timeout: 2s/  scrape_timeout: 2s\n  scrape_intervall: ${si}/" "$W/prometheus.yml.tmp" ;;
    regex) cat >> "$W/prometheus.yml.tmp" <<EOF
  - job_name: relabel-$(r 99)
    static_configs:
      - targets: ['127.0.0.1:19010']
    relabel_configs:
      - source_labels: [__address__]
        regex: '([a-z$(r 9)'
        target_label: host
EOF
    ;;
    timeout) cat >> "$W/prometheus.yml.tmp" <<EOF
  - job_name: toolong
    scrape_interval: 5s
    scrape_timeout: $((6 + $(r 20)))s
    static_configs:
      - targets: ['127.0.0.1:19010']
EOF
    ;;
    dupjob) cat >> "$W/prometheus.yml.tmp" <<EOF
  - job_name: garbage
    static_configs:
      - targets: ['127.0.0.1:19011']
EOF
    ;;
    duration) sed -i "s/^  evaluation_interval: .*/  evaluation_interval: $(r 60)x/" "$W/prometheus.yml.tmp" ;;
    badtarget) cat >> "$W/prometheus.yml.tmp" <<EOF
  - job_name: badtarget
    static_configs:
      - targets: ['http://127.0.0.1:19010/metrics']
EOF
    ;;
  esac
  mv "$W/prometheus.yml.tmp" "$W/prometheus.yml"
}

break_rules() {  # a broken extra rule file
  local f="$W/rules/extra-$(r 50).yml"
  case $(r 6) in
    0) printf 'groups:\n  - name: broken\n    rules:\n      - record: x:y\n        expr: sum(rate(up[5m])\n' > "$f" ;;
    1) printf 'groups:\n  - name: broken\n    rules:\n      - record: x:y\n        expr: up\n        lables:\n          a: b\n' > "$f" ;;
    2) printf 'groups:\n  - name: alerts\n    rules:\n      - alert: Dup\n        expr: up\n' > "$f" ;;
    3) printf 'groups:\n  - name: broken\n    rules:\n      - alert: Tmpl\n        expr: up\n        annotations:\n          a: "{{ .Labels.foo "\n' > "$f" ;;
    4) printf 'groups:\n  - name: broken\n    rules:\n  -   - : [\n' > "$f" ;;
    5) printf 'groups:\n  - name: broken\n    rules:\n      - record: "bad metric name"\n        expr: up\n' > "$f" ;;
  esac
}
fix_rules() { rm -f "$W"/rules/extra-*.yml; }

reload() { curl -s -m 60 -X POST "$API/-/reload" >/dev/null; }

PROM_PID=""
start_prom() {  # extra flags...
  prometheus --config.file="$W/prometheus.yml" --web.listen-address=127.0.0.1:$P \
    --storage.tsdb.path="$W/data" --storage.tsdb.min-block-duration=1m --storage.tsdb.max-block-duration=3m \
    --storage.tsdb.retention.time=5m --log.level=debug --web.enable-lifecycle --web.enable-admin-api \
    --web.enable-remote-write-receiver --query.max-samples=50000 --query.timeout=$(pick 5s 10s) "$@" 2>> "$LOG" &
  PROM_PID=$!; echo $PROM_PID > "$PIDS/prometheus"
  for i in $(seq 1 30); do curl -s -m 1 "$API/-/ready" >/dev/null && break; sleep 0.5; done
}
stop_prom() { sleep 3; kill "$PROM_PID" 2>/dev/null; wait "$PROM_PID" 2>/dev/null; rm -f "$PIDS/prometheus"; }

BADQ=('sum(rate(up[5m])' 'up{job=' 'rate(up)' 'foo bar' '1 +' 'histogram_quantile(0.9, up' 'up[5m' 'sum by (job (up)'
      'label_replace(up, "a", "$1", "job", "([")' 'count_over_time({__name__=~".+"}[10m])' 'up offset -' 'topk(x, up)' '{}' 'avg_over_time(up)')
GOODQ=('up' 'sum by (job) (up)' 'rate(app_requests_total[1m])' 'job:up:sum' 'ALERTS' 'prometheus_tsdb_head_series' 'scrape_duration_seconds > 1')
query() {
  local q
  if [ $(r 2) = 0 ]; then q=$(pick "${BADQ[@]}"); else q=$(pick "${GOODQ[@]}"); fi
  case $(r 4) in
    0) curl -s -m 12 "$API/api/v1/query_range" --data-urlencode "query=$q" -d "start=$(( $(date +%s) - 300 ))" -d "end=$(date +%s)" -d "step=$(pick 1 15 0 -5 abc 0.001)" >/dev/null ;;
    1) curl -s -m 12 "$API/api/v1/series" --data-urlencode "match[]=$q" >/dev/null ;;
    *) curl -s -m 12 "$API/api/v1/query" --data-urlencode "query=$q" -d "time=$(pick now $(date +%s) yesterday)" >/dev/null ;;
  esac
}

# --- run ------------------------------------------------------------------------------------
write_rules; for t in a b; do write_targets $t; done
write_config good
start_prom --enable-feature=exemplar-storage
END=$((SECONDS + DURATION)); T0=$SECONDS; restarted=0; killed=0; broken=0
BREAKS=(yaml unknown regex timeout dupjob duration badtarget qlogbad)
while [ $SECONDS -lt $END ]; do
  el=$((SECONDS - T0))
  if [ $restarted = 0 ] && [ $el -gt $((DURATION * 45 / 100)) ]; then   # graceful restart, a failed start in between
    restarted=1; stop_prom; sleep 1
    write_config yaml; start_prom; sleep 1; wait "$PROM_PID" 2>/dev/null   # exits at once: broken config
    fix_rules; broken=0; write_config good; start_prom --enable-feature=memory-snapshot-on-shutdown,exemplar-storage,no-such-feature
    continue
  fi
  if [ $killed = 0 ] && [ $el -gt $((DURATION * 75 / 100)) ]; then   # crash and recover
    killed=1; kill -9 "$PROM_PID"; wait "$PROM_PID" 2>/dev/null; sleep 1
    fix_rules; broken=0; write_config good
    start_prom --enable-feature=exemplar-storage
    continue
  fi
  case $(r 40) in
    0|1) p=1901$(r 4); if [ -f "$PIDS/ok$p" ]; then stop_fake ok$p; else start_fake ok$p exporter $p ok; fi ;;
    2) write_targets $(pick a b c) ;;
    3) [ $(r 3) = 0 ] && rm -f "$W/targets/c.json" ;;
    4) if [ $broken = 1 ]; then fix_rules; write_config good; broken=0; else write_config good; fi; reload ;;
    5) write_config "$(pick "${BREAKS[@]}")"; broken=1; reload ;;
    6) break_rules; broken=1; reload ;;
    7) write_rules; kill -HUP "$PROM_PID"; sleep 2 ;;
    8|9|10|11) query ;;
    12|13) python3 "$HERE/fakes.py" rwclient "$API/api/v1/write" "$(pick good good old ooo dup nolabels duplabel garbage unsnappied badproto)" >/dev/null ;;
    14) case $(r 4) in
          0) curl -s -m 20 -X POST "$API/api/v1/admin/tsdb/snapshot?skip_head=$(pick true false)" >/dev/null ;;
          1) curl -s -m 10 -X POST "$API/api/v1/admin/tsdb/delete_series" --data-urlencode "match[]=$(pick 'app_temperature_celsius' 'rw_pushed_value' 'up{job="slow"}' '{bad')" >/dev/null ;;
          2) curl -s -m 20 -X POST "$API/api/v1/admin/tsdb/clean_tombstones" >/dev/null ;;
          3) curl -s -m 10 "$API/federate" --data-urlencode "match[]=$(pick '{job="prometheus"}' 'up' '{__name__=~"app_.*"}' '{')" >/dev/null ;;
        esac ;;
    15) if [ -f "$PIDS/am" ]; then stop_fake am; else start_fake am alertmanager 19030; fi ;;
    16) if [ -f "$PIDS/rw" ] && [ $(r 2) = 0 ]; then stop_fake rw; else start_fake rw remotewrite 19040; fi ;;
    17) if [ -f "$PIDS/om" ] && [ $(r 3) = 0 ]; then stop_fake om; else start_fake om exporter 19018 openmetrics; fi ;;
    18) curl -s -m 5 "$API/api/v1/targets?state=$(pick active dropped any bogus)" >/dev/null; curl -s -m 5 "$API/api/v1/rules" >/dev/null ;;
    20|21|22|23|24|25) query ;;
    26|27|28|29) python3 "$HERE/fakes.py" rwclient "$API/api/v1/write" "$(pick good good old ooo dup nolabels duplabel garbage unsnappied badproto)" >/dev/null ;;
    30|31|32) p=1901$(r 4); if [ -f "$PIDS/ok$p" ]; then stop_fake ok$p; else start_fake ok$p exporter $p ok; fi ;;
    33|34) write_targets $(pick a b c) ;;
    35|36|37) curl -s -m 5 "$API/api/v1/query" --data-urlencode "query=$(pick 'up' 'ALERTS' 'sum(rate(prometheus_http_requests_total[1m]))')" >/dev/null ;;
    38|39) sleep 1 ;;
    19) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$P)); s.sendall(sys.stdin.buffer.read()); s.recv(100)" 2>/dev/null ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
fix_rules; write_config good; reload; sleep 5
for i in $(seq 1 30); do curl -s -m 2 "$API/-/ready" >/dev/null && break; sleep 1; done; sleep 3
curl -s -m 90 -X POST "$API/-/quit" >/dev/null; wait "$PROM_PID" 2>/dev/null; rm -f "$PIDS/prometheus"
for f in "$PIDS"/*; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; done
echo "done: $(wc -l < "$LOG") lines in $LOG"
