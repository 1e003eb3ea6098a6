#!/bin/bash
# Randomised workload for the Prometheus blackbox exporter (Debian prometheus-blackbox-exporter).
# Usage: workload.sh [probes]. Log: stderr of the exporter at --log.level=debug.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32b/bbe
LOG=$BASE/exporter.stderr
PORT=34410
N=${1:-400}
mkdir -p "$BASE"
cd "$BASE"
[ -f cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
cp "$HERE/blackbox.yml" "$BASE/blackbox.yml"
python3 "$HERE/peers.py" cert.pem key.pem & PEERS=$!
echo "$PEERS" > peers.mypid
sleep 1
U=http://127.0.0.1:$PORT
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start() {
  prometheus-blackbox-exporter --config.file="$BASE/blackbox.yml" --web.listen-address=127.0.0.1:$PORT \
    --log.level=debug --history.limit=$((20 + RANDOM % 100)) --timeout-offset=0.$((RANDOM % 9 + 1)) 2>>"$LOG" &
  BPID=$!
  echo "$BPID" > exporter.mypid
  sleep 1
}

probe() {
  local m=$1 t=$2
  curl -s -o /dev/null --max-time 8 -G "$U/probe" --data-urlencode "module=$m" --data-urlencode "target=$t" \
    $( (( RANDOM % 5 == 0 )) && echo "-H X-Prometheus-Scrape-Timeout-Seconds:$((RANDOM % 5 + 1))" )
}

H=127.0.0.1:34421
S=127.0.0.1:34422
one() {
  case $((RANDOM % 40)) in
    0|1|2) probe http_2xx "http://$H/$(pick ok ok ok notfound error redirect loop slow big close lastmod)" ;;
    4) probe http_2xx "$(pick $H/ok localhost:34421/ok http://127.0.0.1:34439/ 'http://[::1]:34421/ok' http://[::1]:34439/ 'http://%zz' '')" ;;
    5) probe http_post "http://$H/$(pick ok post x)" ;;
    6) probe http_noredirect "http://$H/$(pick redirect ok)" ;;
    7|8) probe http_body "http://$H/$(pick ok bad default gzip)" ;;
    9) probe http_gzip "http://$H/$(pick gzip badgzip ok)" ;;
    10|11) probe "$(pick http_tls http_tls_insecure http_tls_verify http_v4only_fail)" "https://$(pick $S localhost:34422 127.0.0.1:34421)/$(pick ok lastmod notfound)" ;;
    12) probe http_limit "http://$H/$(pick big ok)" ;;
    13) probe http_v6 "http://$(pick localhost '[::1]'):34421/ok" ;;
    14|15) probe tcp_connect "$(pick 127.0.0.1:34423 127.0.0.1:34421 127.0.0.1:34438 localhost:34423 127.0.0.1 [::1]:34423)" ;;
    16|17|18) probe "$(pick ssh_banner ssh_banner smtp_banner irc_banner)" "127.0.0.1:34423" ;;
    19) probe "$(pick tcp_tls tcp_tls_verify)" "$(pick 127.0.0.1:34425 localhost:34425 127.0.0.1:34423)" ;;
    20|21|22) probe "$(pick dns_a dns_a dns_soa dns_aaaa)" "127.0.0.1:34424" ;;
    23) probe "$(pick dns_tcp dns_a)" "$(pick 127.0.0.1:34424 127.0.0.1:34437 127.0.0.1)" ;;
    24|25) probe "$(pick icmp icmp icmp_df icmp_v6)" "$(pick 127.0.0.1 localhost ::1 127.0.0.2 ::1)" ;;
    26) probe "$(pick grpc_plain grpc_tls)" "$(pick 127.0.0.1:34421 127.0.0.1:34422 127.0.0.1:34436)" ;;
    27) probe "$(pick nosuchmodule http_2xx)" "" ;;
    28) curl -s -o /dev/null "$U/probe?target=$H" ;;
    29) curl -s -o /dev/null "$U/$(pick metrics '' config 'logs?id=1' 'logs?id=abc' 'logs?id=99999' -/healthy)" ;;
    30) curl -s -o /dev/null -G "$U/probe" --data-urlencode "module=http_2xx" --data-urlencode "target=http://$H/ok" -d debug=true ;;
    31) curl -s -o /dev/null -G "$U/probe" --data-urlencode "module=$(pick tcp_connect dns_a ssh_banner)" --data-urlencode "target=127.0.0.1:$(pick 34423 34424)" -d debug=true ;;
    32) curl -s -o /dev/null -G "$U/probe" --data-urlencode "module=http_2xx" --data-urlencode "target=http://$H/ok" -d hostname=foo.test ;;
    33|34) probe "$(pick icmp_v6 icmp_df icmp)" "$(pick ::1 127.0.0.1 localhost)" ;;
    35) probe "$(pick dns_a dns_soa)" "$(pick localhost:34424 [::1]:34424 127.0.0.1:34424)" ;;
    *) probe http_2xx "http://$H/ok" ;;
  esac
}

reload_good() { cp "$HERE/blackbox.yml" "$BASE/blackbox.yml"; if (( RANDOM % 2 )); then kill -HUP "$BPID"; else curl -s -o /dev/null -X POST "$U/-/reload"; fi; }
reload_bad() {
  case $((RANDOM % 3)) in
    0) printf 'modules:\n  x:\n    prober: nope\n' > "$BASE/blackbox.yml" ;;
    1) printf 'modules: [broken\n' > "$BASE/blackbox.yml" ;;
    2) printf 'modules:\n  y:\n    prober: http\n    timeout: 5x\n' > "$BASE/blackbox.yml" ;;
  esac
  if (( RANDOM % 2 )); then kill -HUP "$BPID"; else curl -s -o /dev/null -X POST "$U/-/reload"; fi
  sleep 0.3
  reload_good
}

: > "$LOG"
start
for i in $(seq 1 "$N"); do
  one
  (( RANDOM % 35 == 0 )) && reload_good
  (( RANDOM % 30 == 0 )) && reload_bad
  (( RANDOM % 50 == 0 )) && curl -s -o /dev/null -X GET "$U/-/reload"
  if (( RANDOM % 90 == 0 )); then kill -TERM "$BPID"; wait "$BPID" 2>/dev/null; start; fi
done
# a start with a broken config, and one on a busy port
printf 'modules: [broken\n' > "$BASE/bad.yml"
prometheus-blackbox-exporter --config.file="$BASE/bad.yml" --web.listen-address=127.0.0.1:34411 --log.level=debug 2>>"$LOG"
prometheus-blackbox-exporter --config.file="$BASE/blackbox.yml" --web.listen-address=127.0.0.1:$PORT --log.level=debug 2>>"$LOG"
kill -TERM "$BPID"; wait "$BPID" 2>/dev/null
kill "$PEERS"; wait "$PEERS" 2>/dev/null
