#!/bin/bash
# Round-20 corpus workload: Prometheus blackbox exporter 0.23 (Debian 12 package
# prometheus-blackbox-exporter), --log.level=debug --log.format=logfmt, stderr to $OUT/blackbox.log,
# for DURATION seconds of randomised /probe requests (http, tcp, icmp, dns, grpc modules) against
# targets that answer, fail, refuse or time out (targets.py next to this script), unknown modules,
# bad targets, config reloads good and broken, a restart and a stop.
# 127.0.0.1 only, TCP ports 22053, 22115, 22200-22203 (22299 stays closed).
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/bb20w; rm -rf "$W"; mkdir -p "$OUT" "$W"; rm -f "$OUT/blackbox.log"
LOG="$OUT/blackbox.log"; BB=127.0.0.1:22115
r() { echo $((RANDOM % $1)); }
stopproc() { kill $1 2>/dev/null; for k in $(seq 1 30); do kill -0 $1 2>/dev/null || break; sleep 0.2; done
  kill -9 $1 2>/dev/null; wait $1 2>/dev/null; }
python3 "$HERE/targets.py" & TG=$!

good_config() {
cat > "$W/bb.yml" <<EOF
modules:
  http_2xx:
    prober: http
    timeout: $((3 + $(r 3)))s
  http_post_2xx:
    prober: http
    http:
      method: POST
      body: '{"check": $RANDOM}'
      headers:
        Content-Type: application/json
  http_body:
    prober: http
    http:
      fail_if_body_not_matches_regexp: ["hello world"]
      fail_if_body_matches_regexp: ["version=[1-3]"]
  http_header:
    prober: http
    http:
      fail_if_header_not_matches:
      - header: X-Server
        regexp: "targets"
      fail_if_header_matches:
      - header: Content-Type
        regexp: "json"
        allow_missing: true
  http_auth:
    prober: http
    http:
      basic_auth:
        username: prober
        password: s3cret
  http_auth_wrong:
    prober: http
    http:
      basic_auth:
        username: prober
        password: wrong$(r 100)
  http_404:
    prober: http
    http:
      valid_status_codes: [404]
  http_nofollow:
    prober: http
    http:
      follow_redirects: false
  http_ssl:
    prober: http
    http:
      fail_if_not_ssl: true
  http_https:
    prober: http
    timeout: 2s
    http:
      tls_config:
        insecure_skip_verify: true
  http_ip6:
    prober: http
    http:
      preferred_ip_protocol: ip6
      ip_protocol_fallback: false
  http_version:
    prober: http
    http:
      valid_http_versions: ["HTTP/2.0"]
  http_short:
    prober: http
    timeout: $((1 + $(r 2)))s
  tcp_connect:
    prober: tcp
    timeout: 2s
  ssh_banner:
    prober: tcp
    timeout: 3s
    tcp:
      query_response:
      - expect: "^SSH-2.0-"
      - send: "SSH-2.0-blackbox-ssh-check"
  smtp_starttls:
    prober: tcp
    timeout: 3s
    tcp:
      query_response:
      - expect: "^220 "
      - send: "EHLO prober\r"
      - expect: "^250-STARTTLS"
  tcp_tls:
    prober: tcp
    timeout: 2s
    tcp:
      tls: true
  icmp:
    prober: icmp
    timeout: $((1 + $(r 2)))s
  icmp_ttl:
    prober: icmp
    timeout: 2s
    icmp:
      ttl: $((1 + $(r 5)))
      payload_size: $((16 + $(r 64)))
  dns_a:
    prober: dns
    timeout: 2s
    dns:
      query_name: "www.example.test"
      query_type: "A"
      valid_rcodes: [NOERROR]
      validate_answer_rrs:
        fail_if_not_matches_regexp: ["www.example.test.\t300\tIN\tA\t192.0.2.*"]
  dns_mx_tcp:
    prober: dns
    timeout: 2s
    dns:
      transport_protocol: tcp
      query_name: "example.test"
      query_type: "MX"
      validate_answer_rrs:
        fail_if_matches_regexp: [".*nomx.*"]
        fail_if_none_matches_regexp: [".*IN\tMX.*"]
  dns_txt_strict:
    prober: dns
    timeout: 2s
    dns:
      query_name: "txt.example.test"
      query_type: "TXT"
      validate_answer_rrs:
        fail_if_all_match_regexp: [".*spf1.*"]
      validate_authority_rrs:
        fail_if_not_matches_regexp: [".*SOA.*"]
  dns_nx:
    prober: dns
    timeout: 2s
    dns:
      query_name: "nothing$(r 99).invalid"
      valid_rcodes: [NXDOMAIN]
  dns_refused:
    prober: dns
    timeout: 2s
    dns:
      query_name: "refused.test"
  dns_broken:
    prober: dns
    timeout: 2s
    dns:
      query_name: "broken.test"
      query_type: AAAA
  dns_slow:
    prober: dns
    timeout: 2s
    dns:
      query_name: "slow.example.test"
  grpc_plain:
    prober: grpc
    timeout: 2s
    grpc:
      tls: false
      service: "svc$(r 9)"
EOF
}
bad_config() {
  good_config
  case $(r 4) in
    0) echo "  broken: [" >> "$W/bb.yml" ;;
    1) sed -i '0,/prober: tcp/s//prober: telnet/' "$W/bb.yml" ;;
    2) sed -i '0,/query_type: "MX"/s//query_type: "BOGUS"/' "$W/bb.yml" ;;
    3) sed -i '0,/regexp: "targets"/s//regexp: "([unclosed"/' "$W/bb.yml" ;;
  esac
}
good_config
start_bb() {
  prometheus-blackbox-exporter --config.file="$W/bb.yml" --web.listen-address=$BB \
    --log.level=debug --log.format=logfmt 2>> "$LOG" & BBPID=$!
  sleep 1
}
start_bb
probe() { curl -s -o /dev/null -m 12 -G "http://$BB/probe" --data-urlencode "module=$1" --data-urlencode "target=$2" ${3:+--data-urlencode "debug=true"}; }
H=127.0.0.1:22200
paths=(/ "/ok?x=$RANDOM" /missing /error /redirect /loop /slow /auth /json "/page$RANDOM")
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  p=${paths[$(r ${#paths[@]})]}
  case $(r 24) in
    0|1|2) probe http_2xx "http://$H$p" ;;
    3) probe http_2xx "$H$p" ;;
    4) probe $(echo http_post_2xx http_body http_header http_nofollow | cut -d' ' -f$((1 + $(r 4)))) "http://$H$p" ;;
    5) probe $(echo http_auth http_auth_wrong | cut -d' ' -f$((1 + $(r 2)))) "http://$H/auth" ;;
    6) probe $(echo http_404 http_ssl http_version http_ip6 | cut -d' ' -f$((1 + $(r 4)))) "http://$(echo $H localhost:22200 | cut -d' ' -f$((1 + $(r 2))))$p" ;;
    7) probe http_https "https://$H/" ;;
    8) probe http_short "http://$H/slow" ;;
    9) probe http_2xx "http://$(echo 127.0.0.1:22299 nohost$(r 50).invalid localhost:22299 | cut -d' ' -f$((1 + $(r 3))))/" ;;
    10) probe tcp_connect "127.0.0.1:$(echo 22200 22201 22299 22203 | cut -d' ' -f$((1 + $(r 4))))" ;;
    11) probe $(echo ssh_banner smtp_starttls | cut -d' ' -f$((1 + $(r 2)))) "127.0.0.1:$(echo 22201 22202 22203 22299 | cut -d' ' -f$((1 + $(r 4))))" ;;
    12) probe tcp_tls "127.0.0.1:$(echo 22200 22201 | cut -d' ' -f$((1 + $(r 2))))" ;;
    13) probe icmp "$(echo 127.0.0.1 127.0.0.$((2 + $(r 50))) localhost ::1 | cut -d' ' -f$((1 + $(r 4))))" ;;
    14) probe $(echo icmp icmp_ttl | cut -d' ' -f$((1 + $(r 2)))) "$(echo 192.0.2.$((1 + $(r 200))) 198.51.100.$(r 250) nohost$(r 9).invalid | cut -d' ' -f$((1 + $(r 3))))" ;;
    15|16) probe $(echo dns_a dns_mx_tcp dns_txt_strict dns_nx dns_refused dns_broken dns_slow | cut -d' ' -f$((1 + $(r 7)))) "127.0.0.1:22053" ;;
    17) probe $(echo dns_a dns_nx | cut -d' ' -f$((1 + $(r 2)))) "$(echo 127.0.0.1:22299 127.0.0.1 | cut -d' ' -f$((1 + $(r 2))))" ;;
    18) probe grpc_plain "$(echo 127.0.0.1:22200 127.0.0.1:22299 | cut -d' ' -f$((1 + $(r 2))))" ;;
    19) case $(r 5) in   # bad requests
          0) probe "nomodule$(r 20)" "http://$H/" ;;
          1) curl -s -o /dev/null "http://$BB/probe?module=http_2xx" ;;
          2) probe http_2xx "http://[::1:bad$(r 9)/" ;;
          3) curl -s -o /dev/null "http://$BB/probe?target=$H&module=icmp&timeout=$(r 3)" -H "X-Prometheus-Scrape-Timeout-Seconds: $(echo 0.2 abc 1.5 | cut -d' ' -f$((1 + $(r 3))))" ;;
          4) probe tcp_connect "127.0.0.1" ;;
        esac ;;
    20) probe $(echo http_2xx tcp_connect dns_a | cut -d' ' -f$((1 + $(r 3)))) "$(echo http://$H/ 127.0.0.1:22053 127.0.0.1:22201 | cut -d' ' -f$((1 + $(r 3))))" debug ;;
    21) good_config; if [ $(r 2) = 0 ]; then curl -s -o /dev/null -XPOST http://$BB/-/reload; else kill -HUP $BBPID; fi ;;
    22) bad_config; if [ $(r 2) = 0 ]; then curl -s -o /dev/null -XPOST http://$BB/-/reload; else kill -HUP $BBPID; fi; sleep 0.3; good_config ;;
    23) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((DURATION / 2)) ]; then RESTARTED=1; stopproc $BBPID; start_bb; fi ;;
  esac
  sleep 0.$((1 + $(r 5)))
done
sleep 1; stopproc $BBPID; stopproc $TG
echo "lines: $(wc -l < "$LOG")"
