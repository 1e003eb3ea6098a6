#!/bin/bash
# Randomised workload for stubby: local unbound (UDP/TCP/DoT) plus scripted misbehaving upstreams.
# Ports used: 29053 29057 29058 29153 29853-29860 (127.0.0.1 only).
DIR=$(cd "$(dirname "$0")" && pwd); RUN=$DIR/run; LOG=$DIR/stubby.raw.log
mkdir -p "$RUN"; : > "$LOG"
SP=29153
cd "$RUN"
if [ ! -f ca.pem ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj "/CN=Test CA" 2>/dev/null
  for n in dns wrong; do
    openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj "/CN=$n.test" 2>/dev/null
    printf "subjectAltName=DNS:$n.test\n" > $n.ext
    openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $n.pem -days 30 -extfile $n.ext 2>/dev/null
  done
  openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -days 30 -subj "/CN=dns.test" 2>/dev/null
fi
PIN=$(openssl x509 -in dns.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)
sed "s#RUN#$RUN#g" "$DIR/unbound.conf" > unbound.conf

start_unbound() { unbound -c "$RUN/unbound.conf" & UB=$!; sleep 0.5; }
stop_unbound() { [ -n "$UB" ] && kill $UB 2>/dev/null; wait $UB 2>/dev/null; UB=; }
start_unbound
python3 "$DIR/misbehave.py" & MB=$!
sleep 1

up() { # yaml for one upstream
  case $1 in
    good)   printf '  - address_data: 127.0.0.1\n    tls_port: 29853\n    tls_auth_name: "dns.test"\n' ;;
    wrong)  printf '  - address_data: 127.0.0.1\n    tls_port: 29854\n    tls_auth_name: "dns.test"\n' ;;
    self)   printf '  - address_data: 127.0.0.1\n    tls_port: 29855\n    tls_auth_name: "dns.test"\n' ;;
    mixed)  printf '  - address_data: 127.0.0.1\n    tls_port: 29856\n    tls_auth_name: "dns.test"\n' ;;
    hangup) printf '  - address_data: 127.0.0.1\n    tls_port: 29857\n    tls_auth_name: "dns.test"\n' ;;
    dead)   printf '  - address_data: 127.0.0.1\n    tls_port: 29858\n    tls_auth_name: "dns.test"\n' ;;
    silent) printf '  - address_data: 127.0.0.1\n    tls_port: 29859\n    tls_auth_name: "dns.test"\n' ;;
    hsclose) printf '  - address_data: 127.0.0.1\n    tls_port: 29860\n    tls_auth_name: "dns.test"\n' ;;
    noauth) printf '  - address_data: 127.0.0.1\n    tls_port: 29853\n' ;;
    pin)    printf '  - address_data: 127.0.0.1\n    tls_port: 29853\n    tls_pubkey_pinset:\n      - digest: "sha256"\n        value: %s\n' "$PIN" ;;
    badpin) printf '  - address_data: 127.0.0.1\n    tls_port: 29853\n    tls_auth_name: "dns.test"\n    tls_pubkey_pinset:\n      - digest: "sha256"\n        value: %s\n' "$(head -c32 /dev/urandom | base64)" ;;
    ubudp)  printf '  - address_data: 127.0.0.1\n    port: 29053\n' ;;
    badudp) printf '  - address_data: 127.0.0.1\n    port: 29057\n' ;;
    deadudp) printf '  - address_data: 127.0.0.1\n    port: 29058\n' ;;
  esac
}

mkconf() { # $1 profile (strict|opp|plain|plaintls) $2.. upstreams ; extra yaml in $EXTRA
  local prof=$1; shift
  {
    echo "resolution_type: GETDNS_RESOLUTION_STUB"
    echo "dns_transport_list:"
    case $prof in
      strict|opp) echo "  - GETDNS_TRANSPORT_TLS" ;;
      plain) echo "  - GETDNS_TRANSPORT_UDP"; echo "  - GETDNS_TRANSPORT_TCP" ;;
      plaintls) echo "  - GETDNS_TRANSPORT_TLS"; echo "  - GETDNS_TRANSPORT_UDP"; echo "  - GETDNS_TRANSPORT_TCP" ;;
    esac
    if [ $prof = strict ]; then echo "tls_authentication: GETDNS_AUTHENTICATION_REQUIRED"; else echo "tls_authentication: GETDNS_AUTHENTICATION_NONE"; fi
    echo "tls_query_padding_blocksize: 128"
    echo "edns_client_subnet_private : 1"
    echo "round_robin_upstreams: $((RANDOM % 2))"
    echo "idle_timeout: $(( (RANDOM % 4 + 1) * 500 ))"
    echo "tls_connection_retries: $((RANDOM % 3 + 1))"
    echo "tls_backoff_time: $((RANDOM % 3 + 1))"
    echo "timeout: $(( (RANDOM % 3 + 1) * 1000 ))"
    case "$EXTRA" in *tls_ca_file*) ;; *) [ $((RANDOM % 4)) -ne 0 ] && echo "tls_ca_file: \"$RUN/ca.pem\"" ;; esac
    [ -n "$EXTRA" ] && printf '%s\n' "$EXTRA"
    echo "listen_addresses:"
    echo "  - 127.0.0.1@$SP"
    echo "upstream_recursive_servers:"
    for u in "$@"; do up $u; done
  } > "$RUN/stubby.yml"
}

start_stubby() { # extra args
  if [ $((RANDOM % 2)) -eq 0 ]; then stubby -C "$RUN/stubby.yml" -v 7 "$@" 2>>"$LOG" & else stubby -C "$RUN/stubby.yml" -l "$@" 2>>"$LOG" & fi
  ST=$!; sleep 0.7
}
stop_stubby() { kill -${1:-TERM} $ST 2>/dev/null; wait $ST 2>/dev/null; ST=; }

clients() { # n clients for d seconds, plus garbage
  local n=$1 d=$2 pids=()
  for i in $(seq $n); do "$DIR/client.sh" $SP $d & pids+=($!); done
  if [ $((RANDOM % 2)) -eq 0 ]; then python3 "$DIR/garbage.py" $SP $((RANDOM % 30 + 5)) & pids+=($!); fi
  [ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
}

pick() { # random subset (at least 1) of args, shuffled
  local out=() a
  for a in "$@"; do [ $((RANDOM % 2)) -eq 0 ] && out+=($a); done
  [ ${#out[@]} -eq 0 ] && out=($1)
  printf '%s\n' "${out[@]}" | shuf | tr '\n' ' '
}

phase_strict() { EXTRA= mkconf strict good $(pick wrong self mixed hangup dead silent hsclose badpin noauth); start_stubby; clients $((RANDOM % 2 + 1)) $((RANDOM % 4 + 3)); stop_stubby; }
phase_opp()    { EXTRA= mkconf opp $(pick good wrong self mixed hangup dead silent hsclose noauth); start_stubby; clients $((RANDOM % 2 + 1)) $((RANDOM % 4 + 3)); stop_stubby; }
phase_plain()  { EXTRA= mkconf plain ubudp $(pick badudp deadudp ubudp); start_stubby; clients $((RANDOM % 4 + 3)) $((RANDOM % 6 + 5)); stop_stubby; }
phase_plaintls() { EXTRA= mkconf plaintls $(pick good ubudp badudp dead deadudp); start_stubby; clients $((RANDOM % 2 + 1)) $((RANDOM % 4 + 3)); stop_stubby; }
phase_pin()    { EXTRA="tls_ca_file: \"$RUN/ca.pem\"" mkconf strict $(shuf -e pin badpin | tr '\n' ' '); start_stubby; clients 2 $((RANDOM % 4 + 3)); stop_stubby; }
phase_allbad() { EXTRA= mkconf strict $(pick dead hangup wrong hsclose self); start_stubby; clients 2 $((RANDOM % 3 + 2)); stop_stubby; }
phase_backend_dies() {
  EXTRA= mkconf $(shuf -n1 -e strict opp) good $(pick good mixed dead); start_stubby
  clients 2 $((RANDOM % 4 + 3)) &
  local c=$!; sleep $((RANDOM % 3 + 1)); stop_unbound; sleep $((RANDOM % 4 + 2)); start_unbound; wait $c
  clients 2 $((RANDOM % 4 + 3)); stop_stubby
}
phase_udp_bulk() { # enough UDP responses for the per-100 statistics
  EXTRA= mkconf plain ubudp; start_stubby
  local j pids=()
  for j in $(seq $((RANDOM % 60 + 110))); do
    dig +time=2 +tries=1 @127.0.0.1 -p $SP $(shuf -n1 -e www.example.test example.test nope.example.test) A >/dev/null 2>&1 & pids+=($!)
    if [ $((j % 20)) -eq 0 ]; then wait "${pids[@]}"; pids=(); fi
  done
  [ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
  stop_stubby
}
phase_errors() {
  case ${1:-$((RANDOM % 11))} in
    0) printf '%s' "$(shuf -n1 -e 'a: b: c' 'listen_addresses: x: [1' 'dns_transport_list: - : GETDNS')" > "$RUN/stubby.yml"; timeout 5 stubby -C "$RUN/stubby.yml" -v 7 2>>"$LOG" ;;
    1) printf '%s' "$(shuf -n1 -e 'round_robin_upstreams: yes please' 'idle_timeout: 1, 2]' 'tls_authentication: GETDNS_AUTHENTICATION_MAYBE')" > "$RUN/stubby.yml"; timeout 5 stubby -C "$RUN/stubby.yml" -l 2>>"$LOG" ;;
    2) printf '%s' "$(shuf -n1 -e 'upstream_recursive_servers: "text"' 'idle_timeout: -5' 'resolution_type: NO_SUCH_TYPE')" > "$RUN/stubby.yml"; timeout 5 stubby -C "$RUN/stubby.yml" -v 7 2>>"$LOG" ;;
    3) timeout 5 stubby -C "$RUN/stubby.yml" -v $(shuf -n1 -e 8 9 42 x) 2>>"$LOG" ;;
    4) EXTRA= mkconf strict good; stubby -C "$RUN/stubby.yml" -v 7 -i >/dev/null 2>>"$LOG" ;;
    5) EXTRA='tls_cipher_list: "NO-SUCH-CIPHER:ALSO-BAD"' mkconf strict good dead; start_stubby; clients 1 3; stop_stubby ;;
    6) EXTRA='tls_curves_list: "NOTACURVE"' mkconf opp good; start_stubby; clients 1 3; stop_stubby ;;
    7) EXTRA="tls_ca_file: \"$RUN/missing-ca.pem\"" mkconf strict good; start_stubby; clients 1 3; stop_stubby ;;
    8) EXTRA= mkconf opp good; start_stubby; timeout 5 stubby -C "$RUN/stubby.yml" -v 7 2>>"$LOG"; clients 1 2; stop_stubby ;;
    9) EXTRA='tls_ciphersuites: "TLS_BOGUS_SUITE"' mkconf strict good; start_stubby; clients 1 3; stop_stubby ;;
    10) timeout 5 stubby -C "$RUN/nonexistent.yml" -v 7 2>>"$LOG" ;;
  esac
  true
}

NORMAL=($(shuf -e phase_strict phase_opp phase_plain phase_plaintls phase_pin phase_allbad phase_backend_dies phase_udp_bulk phase_strict phase_opp))
ERRS=($(shuf -e 0 1 2 3 4 5 6 7 8 9 10))
for k in $(seq 0 10); do
  [ -n "${NORMAL[$k]}" ] && { echo "phase $k: ${NORMAL[$k]}" >&2; ${NORMAL[$k]}; }
  echo "phase $k: errors ${ERRS[$k]}" >&2; phase_errors ${ERRS[$k]}
done
MORE=(phase_strict phase_opp phase_plain phase_plaintls phase_pin phase_allbad phase_backend_dies phase_errors phase_errors phase_udp_bulk)
for k in $(seq 8); do
  p=${MORE[RANDOM % ${#MORE[@]}]}; echo "more $k: $p" >&2; $p
done

stop_unbound
kill $MB 2>/dev/null; wait $MB 2>/dev/null
echo done >&2
