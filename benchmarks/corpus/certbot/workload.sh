#!/bin/bash
# Randomised certbot workload against a local pebble ACME server (+ pebble-challtestsrv
# for DNS). certbot's own debug log (--logs-dir, no rotation) is the captured log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31e/cb; mkdir -p "$RUN/webroot"
RUNS=${RUNS:-90}
export REQUESTS_CA_BUNDLE=$RUN/pebble-cert.pem
if [ ! -f "$RUN/pebble-cert.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$RUN/pebble-key.pem" -out "$RUN/pebble-cert.pem" \
    -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
fi
start_servers() {
  pebble-challtestsrv -dns01 127.0.0.1:24053 -http01 "" -https01 "" -tlsalpn01 "" -defaultIPv6 "" \
    -management 127.0.0.1:24055 >>"$RUN/challtestsrv.log" 2>&1 &
  echo $! > "$RUN/challtestsrv.pid"
  PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=${NONCEREJECT:-8} PEBBLE_AUTHZREUSE=30 \
    pebble -config "$HERE/pebble-config.json" -dnsserver 127.0.0.1:24053 >>"$RUN/pebble.log" 2>&1 &
  echo $! > "$RUN/pebble.pid"; sleep 1
}
stop_servers() {
  for f in pebble challtestsrv; do kill "$(cat "$RUN/$f.pid")" 2>/dev/null; done; sleep 0.5
}
CB=(certbot --config-dir "$RUN/etc" --work-dir "$RUN/work" --logs-dir "$RUN/logs" --max-log-backups 0 --non-interactive)
SRV=(--server https://127.0.0.1:24000/dir)
names=(www shop api mail blog dev static cdn git wiki)
dom() { echo "${names[$((RANDOM % ${#names[@]}))]}$((RANDOM % 4)).r31e.test"; }
existing() { ls "$RUN/etc/live" 2>/dev/null | grep -v README | shuf -n1; }
cb() { timeout 120 "${CB[@]}" "$@" >>"$RUN/stdout.txt" 2>&1; echo "rc=$? $*" >>"$RUN/runs.txt"; }

webroot_on() { python3 -m http.server 24080 --bind 127.0.0.1 --directory "$RUN/webroot" >/dev/null 2>&1 & echo $! > "$RUN/web.pid"; sleep 0.7; }
webroot_off() { kill "$(cat "$RUN/web.pid")" 2>/dev/null; wait "$(cat "$RUN/web.pid")" 2>/dev/null; }

reaccount() {  # pebble keeps no state across restarts: first meet the stale account, then start over
  cb "${SRV[@]}" show_account
  rm -rf "$RUN/etc/accounts"
  cb "${SRV[@]}" register --agree-tos -m "admin$((RANDOM % 9))@r31e.test" $(shuf -n1 -e --no-eff-email " ")
}
start_servers
cb "${SRV[@]}" register --agree-tos -m "admin@r31e.test" --no-eff-email
for i in $(seq 1 "$RUNS"); do
  k=$(( RANDOM % 100 ))
  if   (( k < 12 )); then  # standalone issuance
    args=(-d "$(dom)"); (( RANDOM % 2 )) && args+=(-d "$(dom)")
    (( RANDOM % 3 == 0 )) && args+=(--key-type rsa --rsa-key-size 2048)
    (( RANDOM % 4 == 0 )) && args+=(--must-staple)
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 --http-01-address 127.0.0.1 "${args[@]}"
  elif (( k < 18 )); then  # webroot issuance
    webroot_on; cb "${SRV[@]}" certonly --webroot -w "$RUN/webroot" -d "$(dom)"; webroot_off
  elif (( k < 24 )); then  # dns-01 through the manual plugin
    d=$(dom); w=$(( RANDOM % 6 ))
    hook=set; (( w == 0 )) && hook=fail; (( w == 1 )) && hook=skip
    ds=(-d "$d"); (( RANDOM % 3 == 0 )) && ds+=(-d "*.$d")
    cb "${SRV[@]}" certonly --manual --preferred-challenges dns "${ds[@]}" \
      --manual-auth-hook "$HERE/dns-hook.sh $hook" --manual-cleanup-hook "$HERE/dns-hook.sh clear"
  elif (( k < 29 )); then  # challenge fails: nobody listening where pebble looks
    cb "${SRV[@]}" certonly --standalone --http-01-port 24082 -d "$(dom)"
  elif (( k < 32 )); then  # standalone port busy
    webroot_on; cb "${SRV[@]}" certonly --standalone --http-01-port 24080 -d "$(dom)"; webroot_off
  elif (( k < 38 )); then
    cb certificates
  elif (( k < 44 )); then
    n=$(existing); [ -n "$n" ] && cb "${SRV[@]}" renew --no-random-sleep-on-renew --cert-name "$n" --force-renewal --http-01-port 24080 \
       --pre-hook "echo pre" --post-hook "$(shuf -n1 -e true false 'echo done')" --deploy-hook "echo deployed"
  elif (( k < 48 )); then
    cb "${SRV[@]}" renew --http-01-port 24080 --no-random-sleep-on-renew
  elif (( k < 52 )); then
    n=$(existing); [ -n "$n" ] && cb "${SRV[@]}" revoke --cert-name "$n" \
       --reason "$(shuf -n1 -e unspecified keycompromise superseded cessationofoperation affiliationchanged)" \
       $(shuf -n1 -e --delete-after-revoke --no-delete-after-revoke)
  elif (( k < 55 )); then
    n=$(existing); [ -n "$n" ] && cb delete --cert-name "$n"
  elif (( k < 58 )); then
    cb "${SRV[@]}" show_account
  elif (( k < 61 )); then
    cb "${SRV[@]}" update_account -m "ops$((RANDOM % 50))@r31e.test"
  elif (( k < 63 )); then
    cb "${SRV[@]}" unregister; cb "${SRV[@]}" register --agree-tos --register-unsafely-without-email
  elif (( k < 65 )); then
    cb "${SRV[@]}" register --agree-tos -m "again@r31e.test"
  elif (( k < 68 )); then  # ACME server unreachable
    cb --server https://127.0.0.1:24999/dir certonly --standalone --http-01-port 24080 -d "$(dom)"
  elif (( k < 70 )); then  # TLS trust failure
    REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt cb "${SRV[@]}" certonly --standalone --http-01-port 24080 -d "$(dom)"
  elif (( k < 73 )); then  # names the CA refuses or certbot rejects
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 -d "$(shuf -n1 -e 'bad_name.r31e.test' '*.wild.r31e.test' 127.0.0.1 localhost 'xn--bad.r31e.test' 'a..b.r31e.test')"
  elif (( k < 75 )); then
    cb delete --cert-name "nosuch$RANDOM.r31e.test"
  elif (( k < 77 )); then
    cb "${SRV[@]}" revoke --cert-path "$RUN/missing/cert$RANDOM.pem"
  elif (( k < 79 )); then
    cb "${SRV[@]}" certonly --csr "$RUN/missing-$RANDOM.csr" --standalone
  elif (( k < 82 )); then  # dry run
    cb "${SRV[@]}" certonly --dry-run --standalone --http-01-port 24080 -d "$(dom)"
  elif (( k < 85 )); then
    n=$(existing); [ -n "$n" ] && cb "${SRV[@]}" certonly --standalone --http-01-port 24080 --cert-name "$n" -d "$n" -d "$(dom)" $(shuf -n1 -e --expand --duplicate --allow-subset-of-names)
  elif (( k < 87 )); then
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 --allow-subset-of-names -d "$(dom)" -d "bad_name$RANDOM.r31e.test"
  elif (( k < 89 )); then
    cb plugins $(shuf -n1 -e --init --prepare --authenticators " ")
  elif (( k < 91 )); then
    n=$(existing); [ -n "$n" ] && cb enhance --cert-name "$n" --redirect
  elif (( k < 93 )); then
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 --key-type ecdsa --elliptic-curve secp384r1 --reuse-key -d "$(dom)"
  elif (( k < 95 )); then  # ACME server restart with nonce trouble
    stop_servers; NONCEREJECT=60 start_servers; reaccount
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 -d "$(dom)"
    stop_servers; start_servers; reaccount
  elif (( k < 97 )); then  # ACME server down (pebble forgets accounts on restart too)
    stop_servers; cb "${SRV[@]}" renew --no-random-sleep-on-renew --force-renewal --http-01-port 24080; start_servers; reaccount
  else
    cb "${SRV[@]}" certonly --standalone --http-01-port 24080 --preferred-challenges tls-alpn-01 -d "$(dom)"
  fi
done
stop_servers
