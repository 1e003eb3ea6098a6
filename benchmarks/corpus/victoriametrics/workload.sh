#!/bin/bash
# Randomised workload for VictoriaMetrics single-node (Debian victoria-metrics).
# Log: stderr of every victoria-metrics run (default text format, -loggerLevel=INFO), appended
# to one file; then the first 2500 lines are kept as victoriametrics.log.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=$HERE/run
RAW=$HERE/victoriametrics.raw.log
rm -rf "$RUN" "$RAW"; mkdir -p "$RUN"
H=127.0.0.1:27481
VMPID=
GPID=

write_scrape_cfg() {  # $1 = good|bad
  if [ "$1" = bad ]; then
    printf 'scrape_configs:\n  - job_name: self\n    scrape_interval: nope\n    static_configs: [{targets: [%s]\n' "$H" > "$RUN/scrape.yml"
  else
    cat > "$RUN/scrape.yml" <<EOF
global:
  scrape_interval: $((RANDOM % 3 + 2))s
scrape_configs:
  - job_name: self
    static_configs:
      - targets: ['$H']
  - job_name: garbage
    static_configs:
      - targets: ['127.0.0.1:27490']
  - job_name: dead
    scrape_timeout: 1s
    static_configs:
      - targets: ['127.0.0.1:27491', '127.0.0.1:27492']
EOF
    if [ $((RANDOM % 2)) = 0 ]; then
      printf '  - job_name: files\n    file_sd_configs:\n      - files: ["%s/sd_*.yml"]\n' "$RUN" >> "$RUN/scrape.yml"
    fi
  fi
}

start_garbage_target() {  # an HTTP target returning unparsable metrics
  python3 - <<'EOF' > /dev/null 2>&1 &
import http.server, random
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = random.choice([b"not metrics {{{\n", b"ok_metric 1\nbroken{ 2\n", b"m{a=\"b\"} x\n"])
        code = random.choice([200, 200, 500, 404])
        self.send_response(code); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", 27490), H).serve_forever()
EOF
  GPID=$!
}

start_vm() {
  local extra=()
  [ $((RANDOM % 2)) = 0 ] && extra+=(-dedup.minScrapeInterval=$((RANDOM % 5 + 1))s)
  [ $((RANDOM % 2)) = 0 ] && extra+=(-search.logSlowQueryDuration=1ms)
  [ $((RANDOM % 3)) = 0 ] && extra+=(-retentionPeriod=$((RANDOM % 12 + 1)))
  victoria-metrics -storageDataPath="$RUN/data" -httpListenAddr=$H \
    -graphiteListenAddr=127.0.0.1:27482 -influxListenAddr=127.0.0.1:27483 \
    -opentsdbListenAddr=127.0.0.1:27484 -opentsdbHTTPListenAddr=127.0.0.1:27485 \
    -promscrape.config="$RUN/scrape.yml" -promscrape.configCheckInterval=0 \
    -search.maxUniqueTimeseries=$((RANDOM % 200 + 50)) -search.maxQueryDuration=5s \
    -maxLabelsPerTimeseries=8 -loggerLevel=INFO "${extra[@]}" "$@" 2>> "$RAW" &
  VMPID=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://$H/health" && break; kill -0 $VMPID 2>/dev/null || break; sleep 0.2; done
}

stop_vm() {
  [ -n "$VMPID" ] || return
  kill -${1:-INT} "$VMPID" 2>/dev/null; wait "$VMPID" 2>/dev/null; VMPID=
}

c() { curl -s -o /dev/null -m 10 "$@"; }
now() { date +%s; }

ingest_http() {
  local t=$(( $(now) - RANDOM % 600 ))
  case $((RANDOM % 12)) in
    0) printf 'http_req_total{path="/a",code="200"} %d %d000\nhttp_req_total{path="/b",code="500"} 3 %d000\n' $RANDOM $t $t |
         c -X POST --data-binary @- "http://$H/api/v1/import/prometheus" ;;
    1) printf 'broken{ 1\nok 1\n{}\n' | c -X POST --data-binary @- "http://$H/api/v1/import/prometheus" ;;
    2) printf '{"metric":{"__name__":"jobs","q":"%s"},"values":[%d,%d],"timestamps":[%d000,%d000]}\n' q$((RANDOM%5)) $RANDOM $RANDOM $t $((t+10)) |
         c -X POST --data-binary @- "http://$H/api/v1/import" ;;
    3) printf '{"metric":{"__name__":"jobs"},"values":[1,2],"timestamps":[1]}\n{bad json\n' | c -X POST --data-binary @- "http://$H/api/v1/import" ;;
    4) printf 'GOOG,1.23,4.56,NYSE,%d000\nMSFT,3.21,1.2,NASDAQ,%d000\n' $t $t |
         c -X POST --data-binary @- "http://$H/api/v1/import/csv?format=1:label:ticker,2:metric:ask,3:metric:bid,4:label:market,5:time:unix_ms" ;;
    5) printf 'a,b\n' | c -X POST --data-binary @- "http://$H/api/v1/import/csv?format=1:badtype:x" ;;
    6) printf 'a,zz\n' | c -X POST --data-binary @- "http://$H/api/v1/import/csv?format=1:label:x,2:metric:y" ;;
    7) printf 'weather,city=c%d temp=%d.5,hum=%di %d000000000\n' $((RANDOM%9)) $((RANDOM%40)) $((RANDOM%100)) $t |
         c -X POST --data-binary @- "http://$H/write?db=db$((RANDOM%3))" ;;
    8) printf 'weather,city= temp=\n' | c -X POST --data-binary @- "http://$H/influx/write" ;;
    9) printf '[{"metric":"sys.cpu","timestamp":%d,"value":%d,"tags":{"host":"h%d"}}]' $t $RANDOM $((RANDOM%4)) |
         c -X POST --data-binary @- "http://127.0.0.1:27485/api/put" ;;
    10) printf '{"metric": broken' | c -X POST --data-binary @- "http://127.0.0.1:27485/api/put" ;;
    11) case $((RANDOM % 3)) in
          0) printf '{"series":[{"metric":"dd.m","points":[[%d,%d]],"host":"h1","tags":["env:prod"]}]}' $t $RANDOM |
               c -X POST -H 'Content-Type: application/json' --data-binary @- "http://$H/datadog/api/v1/series" ;;
          1) printf 'not protobuf at all' | c -X POST -H 'Content-Encoding: snappy' --data-binary @- "http://$H/api/v1/write" ;;
          2) head -c $((RANDOM % 300 + 1)) /dev/urandom | c -X POST --data-binary @- "http://$H/api/v1/import/native" ;;
        esac ;;
  esac
}

query_http() {
  local e=$(now) s=$(( $(now) - 3600 ))
  case $((RANDOM % 16)) in
    0) c "http://$H/api/v1/query" --data-urlencode "query=sum(rate(http_req_total[5m])) by (code)" ;;
    1) c "http://$H/api/v1/query" --data-urlencode "query=sum(rate(http_req_total[5m]) by" ;;
    2) c "http://$H/api/v1/query_range" --data-urlencode "query=avg_over_time(weather_temp[10m])" -d start=$s -d end=$e -d step=60 ;;
    3) c "http://$H/api/v1/query_range" --data-urlencode "query=up" -d start=$e -d end=$s -d step=60 ;;
    4) c "http://$H/api/v1/query_range" --data-urlencode "query=up" -d start=$s -d end=$e -d step=0 ;;
    5) c "http://$H/api/v1/query" --data-urlencode "query={__name__=~\".+\"}" ;;
    6) c "http://$H/api/v1/query" --data-urlencode "query=nosuchfunc(up)" ;;
    7) c "http://$H/api/v1/query" --data-urlencode "query=up" -d time=notatime ;;
    8) c "http://$H/api/v1/export" -d "match[]={__name__=~\"cpu.*|jobs\"}" ;;
    9) c "http://$H/api/v1/export" -d "match[]=bad{{" ;;
    10) c "http://$H/api/v1/series" -d "match[]={job=\"self\"}" ;;
    11) c "http://$H/api/v1/labels"; c "http://$H/api/v1/label/__name__/values" ;;
    12) c "http://$H/api/v1/status/tsdb"; c "http://$H/api/v1/status/active_queries"; c "http://$H/api/v1/status/top_queries" ;;
    13) c "http://$H/api/v1/admin/tsdb/delete_series" -d "match[]=jobs" ;;
    14) c "http://$H/api/v1/admin/tsdb/delete_series" ;;
    15) c "http://$H/no/such/path"; c "http://$H/api/v1/query"; c "http://$H/federate" -d "match[]={job=\"self\"}" ;;
  esac
}

admin_http() {
  case $((RANDOM % 9)) in
    0|1) c "http://$H/snapshot/create" ;;
    2) c "http://$H/snapshot/list" ;;
    3) local snap; snap=$(curl -s "http://$H/snapshot/list" | tr -d '[]{}"' | tr ',' '\n' | grep -o '[0-9A-F-]\{10,\}' | shuf -n1)
       [ -n "$snap" ] && c "http://$H/snapshot/delete?snapshot=$snap" ;;
    4) c "http://$H/snapshot/delete?snapshot=no-such-snapshot-$RANDOM" ;;
    5) c "http://$H/snapshot/delete_all" ;;
    6) c "http://$H/internal/force_flush"; c "http://$H/internal/resetRollupResultCache" ;;
    7) c "http://$H/internal/force_merge?partition_prefix=$(date +%Y_%m)" ;;
    8) c "http://$H/internal/force_merge?partition_prefix=1999_01"; c "http://$H/-/reload" ;;
  esac
}

sd_file() {
  case $((RANDOM % 3)) in
    0) printf -- "- targets: ['127.0.0.1:27493']\n  labels: {env: sd}\n" > "$RUN/sd_a.yml" ;;
    1) printf -- "- targets: [broken\n" > "$RUN/sd_a.yml" ;;
    2) rm -f "$RUN/sd_a.yml" ;;
  esac
}

ingest_sockets() {
  local p t
  p=$(shuf -n1 -e graphite influx opentsdb); t=$(shuf -n1 -e tcp udp)
  [ $p = opentsdb ] && t=tcp
  python3 "$HERE/vmclient.py" $p $t $((RANDOM % 40 + 5)) 0.$((RANDOM % 4)) 2>/dev/null
}

start_garbage_target
write_scrape_cfg good
start_vm
for round in $(seq $((RANDOM % 3 + 7))); do
  for _ in $(seq $((RANDOM % 20 + 25))); do
    case $((RANDOM % 5)) in
      0|1) ingest_http ;;
      2) ingest_sockets ;;
      3) query_http ;;
      4) admin_http ;;
    esac
    [ $((RANDOM % 10)) = 0 ] && sleep 0.$((RANDOM % 9 + 1))
  done
  case $((RANDOM % 4)) in
    0) write_scrape_cfg bad; kill -HUP $VMPID; sleep 1; write_scrape_cfg good; kill -HUP $VMPID ;;
    1) sd_file; write_scrape_cfg good; kill -HUP $VMPID ;;
    2) victoria-metrics -storageDataPath="$RUN/data2" -httpListenAddr=$H -loggerLevel=INFO 2>> "$RAW" ;;  # port busy
    3) victoria-metrics -storageDataPath="$RUN/data" -httpListenAddr=127.0.0.1:27486 -loggerLevel=INFO 2>> "$RAW" ;;  # data dir locked
  esac
  sleep $((RANDOM % 3 + 2))
  case $((RANDOM % 4)) in
    0) kill $GPID; wait $GPID 2>/dev/null; sleep 2; start_garbage_target ;;  # target dies and comes back
    *) stop_vm INT
       if [ $((RANDOM % 3)) = 0 ]; then  # a start that fails on a bad scrape config
         write_scrape_cfg bad; start_vm; wait $VMPID 2>/dev/null; VMPID=; write_scrape_cfg good
       fi
       start_vm ;;
  esac
done
stop_vm TERM
kill $GPID 2>/dev/null; wait $GPID 2>/dev/null
rm -rf "$RUN"
head -n 2500 "$RAW" > "$HERE/victoriametrics.log"
rm -f "$RAW"
wc -l "$HERE/victoriametrics.log"
