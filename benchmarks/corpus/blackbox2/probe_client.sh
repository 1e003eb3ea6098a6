#!/bin/bash
# probe_client.sh BASE COUNT [curl options...] -- random /probe requests against a blackbox exporter
BASE="$1"; COUNT="$2"; shift 2
CX=("$@")
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
W=127.0.0.1:45210; S=127.0.0.1:45211
probe() { # probe MODULE TARGET [extra query] [header]
  local q="module=$1&target=$(printf '%s' "$2" | sed 's/ /%20/g; s/&/%26/g')${3:+&$3}"
  if [ -n "$4" ]; then curl -s -o /dev/null --max-time 12 "${CX[@]}" -H "$4" "$BASE/probe?$q"
  else curl -s -o /dev/null --max-time 12 "${CX[@]}" "$BASE/probe?$q"; fi
}
for ((i = 0; i < COUNT; i++)); do
  case $((RANDOM % 36)) in
  0|1) probe http_2xx "$(pick $W/ok $W/ok http://$W/redirect $W/fail $W/missing $W/nocontent localhost:45210/ok $W/headers $W/big)" ;;
  2) probe http_2xx "$(pick $W/slow $W/drop $W/garbage $W/loop 127.0.0.1:45299/ http://no-such-host.invalid/ 'http://[::1' 'http://127.0.0.1:port/' 'ftp://127.0.0.1/')" ;;
  3) probe http_ip6 "$(pick 127.0.0.1:45210/ok 127.0.0.2:45210/ok)" ;;
  4) probe http_post "$(pick $W/api $W/api $W/ok)" ;;
  5|6) probe http_body "$(pick $W/ok $W/degraded $W/missing $W/plain)" ;;
  7) probe http_headers "$(pick $W/ok $W/headers $W/headers $W/plain)" ;;
  8) probe http_codes "$(pick $W/ok $W/nocontent $W/missing $W/fail)" ;;
  9) probe http_http2_only "$W/ok" ;;
  10) probe http_noredirect "$(pick $W/redirect $W/redirect-other $W/ok)" ;;
  11) probe http_2xx "$(pick https://$S/redirect-other http://$W/redirect-other)" ;;
  12) probe http_ssl_required "$(pick https://$S/ok http://$W/ok https://$S/redirect)" ;;
  13) probe http_no_ssl "$(pick https://$S/ok http://$W/ok)" ;;
  14) probe https_verify "$(pick https://$S/ok https://$S/missing)" ;;
  15) probe https_ca "$(pick https://$S/ok https://$S/headers)" ;;
  16) probe http_gzip "$(pick $W/gzip $W/plain $W/gzip)" ;;
  17) probe http_limit "$(pick $W/big $W/ok $W/big)" ;;
  18) probe http_auth "$(pick $W/auth $W/auth $W/ok)" ;;
  19) probe http_missing_ca "https://$S/ok" ;;
  20|21) probe tcp_connect "$(pick 127.0.0.1:45220 127.0.0.1:45299 127.0.0.1 no-such-host.invalid:80 127.0.0.1:45225 '127.0.0.1:99999')" ;;
  22|23) probe tcp_banner "$(pick 127.0.0.1:45220 127.0.0.1:45220 127.0.0.1:45225 127.0.0.1:45221)" ;;
  24) probe tcp_starttls "$(pick 127.0.0.1:45221 127.0.0.1:45221 127.0.0.1:45220)" ;;
  25) probe tcp_tls "$(pick 127.0.0.1:45222 127.0.0.1:45222 127.0.0.1:45220)" ;;
  26) probe "$(pick tcp_source tcp_bad_source)" 127.0.0.1:45220 ;;
  27|28) probe "$(pick icmp icmp icmp_ttl icmp_source icmp_ip6)" "$(pick 127.0.0.1 127.0.0.2 127.3.2.1 localhost no-such-host.invalid)" ;;
  29|30) probe "$(pick dns_a dns_mx_tcp dns_txt dns_soa dns_nxdomain dns_strict)" "$(pick 127.0.0.1:45230 127.0.0.1:45230 127.0.0.1:45230 127.0.0.1:45299 127.0.0.1)" ;;
  31) probe dns_slow 127.0.0.1:45230 ;;
  32|33) probe "$(pick grpc_plain grpc_service grpc_tls)" "$(pick 127.0.0.1:45240 127.0.0.1:45240 127.0.0.1:45241 127.0.0.1:45299)" ;;
  34) case $((RANDOM % 5)) in
      0) probe "$(pick nope http_3xx DNS_A tcp)" 127.0.0.1:45220 ;;
      1) curl -s -o /dev/null "${CX[@]}" "$BASE/probe?module=http_2xx" ;;
      2) probe http_2xx "$W/ok" debug=true ;;
      3) probe "$(pick http_2xx tcp_connect)" "$(pick $W/ok 127.0.0.1:45225)" "" "X-Prometheus-Scrape-Timeout-Seconds: $(pick 1.2 2 abc)" ;;
      4) probe http_2xx "$W/ok" hostname=$(pick app.local 127.0.0.2) ;;
      esac ;;
  35) curl -s -o /dev/null "${CX[@]}" "$BASE/$(pick metrics config '' 'logs?id=1' 'logs?id=x' -/healthy)" ;;
  esac
  sleep 0.0$((RANDOM % 3))
done
