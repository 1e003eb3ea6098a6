#!/bin/bash
# Round-20 corpus workload: Prometheus Alertmanager 0.25 (Debian 12 package prometheus-alertmanager),
# --log.level=debug --log.format=logfmt, stderr to $OUT/alertmanager.log, for DURATION seconds of
# randomised alerts, silences, inhibitions, webhook receivers (answering, failing, hanging, dead),
# a second cluster peer that comes and goes, config reloads good and broken, a restart and a stop.
# All on 127.0.0.1, TCP ports 22093-22199.  Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/am20w; rm -rf "$W"; mkdir -p "$OUT" "$W"; rm -f "$OUT/alertmanager.log"
LOG="$OUT/alertmanager.log"
AM=127.0.0.1:22093
r() { echo $((RANDOM % $1)); }

# webhook receivers: /ok 200, /fail 500, /flaky 200 or 503, /bad 400, /hang sleeps 25 s; 22101 is dead
cat > "$W/hooks.py" <<'PY'
import http.server, random, time, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get('Content-Length', 0)); self.rfile.read(n)
        p = self.path
        if p.startswith('/hang'): time.sleep(25); code = 200
        elif p.startswith('/fail'): code = 500
        elif p.startswith('/bad'): code = 400
        elif p.startswith('/flaky'): code = random.choice([200, 503, 502])
        else: code = 200
        try:
            self.send_response(code); self.end_headers(); self.wfile.write(b'ok\n')
        except Exception: pass
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', 22100), H).serve_forever()
PY
python3 "$W/hooks.py" & HOOKS=$!

good_config() {
cat > "$W/am.yml" <<EOF
global:
  resolve_timeout: $((20 + $(r 40)))s
route:
  receiver: team-ok
  group_by: [alertname, cluster]
  group_wait: $((1 + $(r 2)))s
  group_interval: $((8 + $(r 7)))s
  repeat_interval: $((20 + $(r 30)))s
  routes:
  - matchers: [ 'team="db"' ]
    receiver: team-fail
  - matchers: [ 'team="web"' ]
    receiver: team-flaky
    continue: true
  - matchers: [ 'team="web"' ]
    receiver: team-multi
  - matchers: [ 'team="batch"' ]
    receiver: team-hang
  - matchers: [ 'team="legacy"' ]
    receiver: team-dead
  - matchers: [ 'team="noise"' ]
    receiver: blackhole
  - matchers: [ 'team="audit"' ]
    receiver: team-bad
    group_by: ['...']
inhibit_rules:
- source_matchers: [ 'severity="critical"' ]
  target_matchers: [ 'severity="warning"' ]
  equal: [cluster]
- source_matchers: [ 'alertname="NodeDown"' ]
  target_matchers: [ 'alertname=~"Disk.*|HighLoad"' ]
  equal: [instance]
receivers:
- name: team-ok
  webhook_configs:
  - url: http://127.0.0.1:22100/ok
    send_resolved: true
- name: team-fail
  webhook_configs:
  - url: http://127.0.0.1:22100/fail
- name: team-flaky
  webhook_configs:
  - url: http://127.0.0.1:22100/flaky
    send_resolved: true
- name: team-multi
  webhook_configs:
  - url: http://127.0.0.1:22100/ok/multi
  - url: http://127.0.0.1:22100/fail/multi
- name: team-hang
  webhook_configs:
  - url: http://127.0.0.1:22100/hang
- name: team-dead
  webhook_configs:
  - url: http://127.0.0.1:22101/dead
    max_alerts: 2
- name: team-bad
  webhook_configs:
  - url: http://127.0.0.1:22100/bad
- name: blackhole
EOF
}
bad_config() {
  good_config
  case $(r 4) in
    0) echo "  - nonsense: [" >> "$W/am.yml" ;;
    1) sed -i 's/receiver: team-hang/receiver: team-missing/' "$W/am.yml" ;;
    2) sed -i 's#http://127.0.0.1:22101/dead#not a url#' "$W/am.yml" ;;
    3) sed -i "s/group_wait: .*/group_wait: forever/" "$W/am.yml" ;;
  esac
}
good_config
start_am() {
  prometheus-alertmanager --config.file="$W/am.yml" --storage.path="$W/data" \
    --web.listen-address=$AM --cluster.listen-address=127.0.0.1:22094 \
    --cluster.peer-timeout=2s --data.maintenance-interval=40s --alerts.gc-interval=30s \
    --log.level=debug --log.format=logfmt 2>> "$LOG" & MAIN=$!
  sleep 2
}
PEER=""
start_peer() {
  prometheus-alertmanager --config.file="$W/am.yml" --storage.path="$W/data2" \
    --web.listen-address=127.0.0.1:22095 --cluster.listen-address=127.0.0.1:22096 \
    --cluster.peer=127.0.0.1:22094 --log.level=info 2>> "$W/peer.log" & PEER=$!
}
# stop a process by pid; SIGKILL if it has not exited after 6 s (a hung webhook can hold shutdown)
stopproc() { kill ${2:-} $1 2>/dev/null; for k in $(seq 1 30); do kill -0 $1 2>/dev/null || break; sleep 0.2; done
  kill -9 $1 2>/dev/null; wait $1 2>/dev/null; }
stop_peer() { [ -n "$PEER" ] && stopproc $PEER $( [ $(r 3) = 0 ] && echo -9 ); PEER=""; }
start_am

names=(HighLoad DiskFull DiskSlow NodeDown Watchdog CertExpiry QueueBacklog ReplicaLag TargetDown BackupFailed)
teams=(ops db web batch legacy noise audit ops web)
sevs=(warning critical info warning)
post_alert() {
  local n=${names[$(r ${#names[@]})]} t=${teams[$(r ${#teams[@]})]} s=${sevs[$(r 4)]}
  local c="c$(r 3)" i="node$(r 6):9100" ends=""
  [ $(r 4) = 0 ] && ends=",\"endsAt\":\"$(date -u -d "-$((1 + $(r 60))) sec" +%FT%TZ)\""
  curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/alerts \
    -d "[{\"labels\":{\"alertname\":\"$n\",\"team\":\"$t\",\"severity\":\"$s\",\"cluster\":\"$c\",\"instance\":\"$i\"},\"annotations\":{\"summary\":\"value $RANDOM\"}$ends}]"
}
SILS=()
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  U="$(printf %08x $RANDOM$RANDOM | cut -c1-8)-$(printf %04x $RANDOM)-4$(printf %03x $(r 4095))-8$(printf %03x $(r 4095))-$(printf %012x $RANDOM$RANDOM | cut -c1-12)"
  case $(r 21) in
    0|1|2|3|4|5) post_alert ;;
    6) for k in $(seq 1 $((2 + $(r 4)))); do post_alert; done ;;
    7) id=$(curl -s -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/silences \
         -d "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"${names[$(r ${#names[@]})]}\",\"isRegex\":false}],\"startsAt\":\"$(date -u +%FT%TZ)\",\"endsAt\":\"$(date -u -d "+$((30 + $(r 300))) sec" +%FT%TZ)\",\"createdBy\":\"user$(r 9)\",\"comment\":\"maint $RANDOM\"}" \
         | python3 -c 'import sys,json; print(json.load(sys.stdin).get("silenceID",""))' 2>/dev/null)
       [ -n "$id" ] && SILS+=("$id") ;;
    8) amtool --alertmanager.url=http://$AM silence add "team=~\"$(echo ${teams[$(r 9)]})\"" --duration=$((1 + $(r 5)))m --author=amtool$(r 5) --comment="window $RANDOM" >/dev/null 2>&1 ;;
    9) if [ ${#SILS[@]} -gt 0 ]; then k=$(r ${#SILS[@]}); curl -s -o /dev/null -XDELETE http://$AM/api/v2/silence/${SILS[$k]}; fi
       [ $(r 3) = 0 ] && curl -s -o /dev/null -XDELETE http://$AM/api/v2/silence/00000000-0000-0000-0000-$(printf %012d $RANDOM) ;;
    10) # bad input: broken JSON, missing labels, bad silence
       case $(r 9) in
         0) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/alerts -d '[{"labels":{"alertname":' ;;
         1) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/alerts -d '[{"labels":{},"annotations":{"x":"y"}}]' ;;
         2) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/silences -d '{"matchers":[],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2019-01-01T00:00:00Z","createdBy":"x","comment":"bad"}' ;;
         3) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v1/alerts -d "[{\"labels\":{\"alertname\":\"V1Alert$(r 5)\",\"team\":\"ops\"}}]" ;;
         4) curl -s -o /dev/null http://$AM/api/v2/silence/$U ;;
         5) curl -s -o /dev/null -G http://$AM/api/v2/alerts --data-urlencode "filter=team=~\"[$(r 9)\"" ;;
         6) curl -s -o /dev/null -G http://$AM/api/v2/silences --data-urlencode "filter={bad$(r 9)" ;;
         7) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/silences \
              -d "{\"id\":\"$U\",\"matchers\":[{\"name\":\"team\",\"value\":\"db\",\"isRegex\":false}],\"startsAt\":\"$(date -u +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+5 min' +%FT%TZ)\",\"createdBy\":\"ghost\",\"comment\":\"update missing\"}" ;;
         8) curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/silences \
              -d "{\"matchers\":[{\"name\":\"team\",\"value\":\"[$(r 9)\",\"isRegex\":true}],\"startsAt\":\"$(date -u +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+5 min' +%FT%TZ)\",\"createdBy\":\"x$(r 9)\",\"comment\":\"bad regex\"}" ;;
       esac ;;
    11) curl -s -o /dev/null http://$AM/api/v2/alerts; curl -s -o /dev/null http://$AM/api/v2/silences; curl -s -o /dev/null http://$AM/api/v2/status
        amtool --alertmanager.url=http://$AM alert query >/dev/null 2>&1 ;;
    12) good_config; if [ $(r 2) = 0 ]; then curl -s -o /dev/null -XPOST http://$AM/-/reload; else kill -HUP $MAIN; fi ;;
    13) bad_config; curl -s -o /dev/null -XPOST http://$AM/-/reload; sleep 0.5; good_config ;;
    14) if [ -z "$PEER" ]; then start_peer; elif [ $(r 3) = 0 ]; then kill -STOP $PEER; sleep $((2 + $(r 5))); kill -CONT $PEER; else stop_peer; fi ;;
    15) # resolve some alerts explicitly
       n=${names[$(r ${#names[@]})]}
       curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/alerts \
         -d "[{\"labels\":{\"alertname\":\"$n\",\"team\":\"ops\",\"severity\":\"warning\",\"cluster\":\"c$(r 3)\",\"instance\":\"node$(r 6):9100\"},\"endsAt\":\"$(date -u +%FT%TZ)\"}]" ;;
    16) # critical NodeDown to inhibit others on the same instance
       i="node$(r 6):9100"; c="c$(r 3)"
       curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' http://$AM/api/v2/alerts \
         -d "[{\"labels\":{\"alertname\":\"NodeDown\",\"severity\":\"critical\",\"team\":\"ops\",\"cluster\":\"$c\",\"instance\":\"$i\"}},{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"warning\",\"team\":\"ops\",\"cluster\":\"$c\",\"instance\":\"$i\"}}]" ;;
    17) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((DURATION / 2)) ]; then RESTARTED=1; stopproc $MAIN; sleep 1; start_am; fi ;;
    18|19) post_alert; [ $(r 2) = 0 ] && curl -s -o /dev/null http://$AM/api/v2/silence/$U ;;
    *) sleep 1 ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
stop_peer
sleep 5; stopproc $MAIN
stopproc $HOOKS
echo "lines: $(wc -l < "$LOG")"
