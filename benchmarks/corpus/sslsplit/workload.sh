#!/bin/bash
# Randomised workload for sslsplit (debug mode, stderr captured) with TLS and plain backends.
# Ports 46100-46119, addresses on 127.0.0.0/8 only. Run-time files live in ./run.
D=/work/round26/sslsplit
R=$D/run
LOG=$R/sslsplit_full.log
CL="python3 $D/client.py"
rm -rf "$R"; mkdir -p "$R/certdir" "$R/gen" "$R/www"
cd "$R"
: > "$LOG"
BPIDS=()

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }

# --- PKI
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj "/O=SSLsplit Test CA/CN=mitm-ca $RANDOM" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout srv.key -out srv.crt -days 30 -subj "/O=Backend Inc/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,DNS:www.example.test,DNS:mail.example.test,IP:127.0.0.1" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout srv2.key -out srv2.crt -days 30 \
  -subj "/O=Other Backend/CN=secure.example.test" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout cli.key -out cli.crt -days 30 -subj "/CN=client" 2>/dev/null
openssl genrsa -out leaf.key 2048 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout t.key -out t.crt -days 30 -subj "/CN=www.example.test" 2>/dev/null
cat t.crt t.key > certdir/www.example.test.pem
openssl req -x509 -newkey rsa:2048 -nodes -keyout fb.key -out fb.crt -days 30 -subj "/CN=fallback.example.test" 2>/dev/null
cat fb.crt fb.key > fallback.pem
openssl dhparam -dsaparam -out dh.pem 1024 2>/dev/null
echo "not a pem file" > broken.pem
chmod -R a+rX "$R"
for i in 1 2 3 4 5; do head -c $(rnd 100 3000) /dev/urandom | base64 > www/page$i.html; done

# --- backends
start_tls_backend() {
  openssl s_server -accept 127.0.0.1:46110 -cert srv.crt -key srv.key -cert2 srv2.crt -key2 srv2.key \
    -servername secure.example.test -www -quiet >/dev/null 2>&1 &
  TLSPID=$!
}
start_tls_backend
openssl s_server -accept 127.0.0.1:46112 -cert srv.crt -key srv.key -Verify 1 -www -quiet >/dev/null 2>&1 &
BPIDS+=($!)
(cd www && exec python3 -m http.server 46111 --bind 127.0.0.1 >/dev/null 2>&1) &
BPIDS+=($!)
python3 $D/backends.py "$R" >/dev/null 2>&1 &
BPIDS+=($!)
sleep 1.5

SPECS=(https 127.0.0.1 46100 127.0.0.1 46110
       http 127.0.0.1 46101 127.0.0.1 46111
       ssl 127.0.0.1 46102 127.0.0.1 46114
       tcp 127.0.0.1 46103 127.0.0.1 46113
       autossl 127.0.0.1 46104 127.0.0.1 46115
       https 127.0.0.1 46105 sni 46110
       https 127.0.0.1 46106 127.0.0.1 46112
       tcp 127.0.0.1 46107 127.0.0.1 46119
       ssl 127.0.0.1 46108 127.0.0.1 46116
       autossl 127.0.0.1 46109 127.0.0.1 46117)

run_sslsplit() {  # options...
  sslsplit -D "$@" >> "$LOG" 2>&1 &
  SPID=$!
  sleep 2
}
stop_sslsplit() {  # signal
  kill -"$1" $SPID 2>/dev/null; wait $SPID 2>/dev/null
}

CURL="curl -s -o /dev/null -k --max-time 8"
one_round() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 24)) in
      0|1|2) $CURL "https://127.0.0.1:46100/$(pick '' 'index.html' 'a/b?c=1' 'x')" & ;;
      3)     $CURL --resolve "$(pick www.example.test secure.example.test localhost):46100:127.0.0.1" \
               "https://$(pick www.example.test secure.example.test localhost):46100/" & ;;
      4|5)   $CURL "http://127.0.0.1:46101/$(pick '' page1.html page2.html page3.html missing.html 'dir/')" & ;;
      6)     $CURL -X "$(pick POST PUT DELETE OPTIONS)" -d "k=$RANDOM" "http://127.0.0.1:46101/form" & ;;
      7)     $CL tlsecho 46102 "$(pick '' www.example.test mail.example.test)" & ;;
      8|9)   $CL tcpecho 46103 & ;;
      10)    $CL smtp 46104 "$(pick '' mail.example.test)" & ;;
      11)    h=$(pick localhost localhost no-such-host.invalid)
             $CURL --resolve "$h:46105:127.0.0.1" "https://$h:46105/" & ;;
      12)    $CL tlsecho 46105 & ;;                       # no SNI on an sni proxyspec
      13)    $CURL "https://127.0.0.1:46106/" & ;;          # backend demands a client cert
      14)    $CL tcpecho 46107 & ;;                       # dead backend
      15)    $CL tlsecho 46108 & ;;                       # backend closes at once
      16)    $CL "$(pick garbage badhello plainhttp early halfhs)" "$(pick 46100 46102 46105 46106)" & ;;
      17)    $CL "$(pick garbage early)" "$(pick 46101 46103)" & ;;
      18|19) $CL rawhttp "$(pick 46100 46101 46101)" & ;;
      20)    $CURL --tls-max 1.1 --tlsv1 --ciphers 'DEFAULT:@SECLEVEL=0' "https://127.0.0.1:46100/" & ;;
      21)    $CURL --tls-max 1.2 "https://127.0.0.1:46100/page$(rnd 1 5)" & ;;
      22)    $CURL -H "Accept-Encoding: gzip, deflate" -H "Keep-Alive: 300" "http://127.0.0.1:46101/page$(rnd 1 5).html" & ;;
      23)    $CURL --http1.0 "https://127.0.0.1:46100/$(rnd 1 9)" & ;;
    esac
    sleep 0.$(rnd 0 4)
  done
  wait_clients
}
wait_clients() {
  local j
  for j in $(jobs -p); do
    case " ${BPIDS[*]} $TLSPID $SPID " in *" $j "*) ;; *) wait "$j" ;; esac
  done
}

# --- failed start-ups
run_sslsplit -k "$R/missing-ca.key" -c "$R/ca.crt" https 127.0.0.1 46100 127.0.0.1 46110
stop_sslsplit TERM
run_sslsplit -k "$R/broken.pem" -c "$R/broken.pem" https 127.0.0.1 46100 127.0.0.1 46110
stop_sslsplit TERM
run_sslsplit -k ca.key -c ca.crt $(pick https ssl) 127.0.0.1 46110 127.0.0.1 46111
stop_sslsplit TERM
run_sslsplit -k ca.key -c ca.crt https 127.0.0.1 $(pick 46100 notaport) $(pick 127.0.0.1 999.1.1.1)
stop_sslsplit TERM
run_sslsplit -k ca.key -c ca.crt tcp 127.0.0.1 46103
stop_sslsplit TERM

# --- run A: CA signing, passthrough, OCSP denial, connect log, key log
run_sslsplit -k ca.key -c ca.crt -P -O -l "$R/connect.log" -M "$R/keys.log" -S "$R/gen" "${SPECS[@]}"
one_round $(rnd 35 45)
kill -USR1 $SPID; sleep 0.5                 # reopen log files
kill $TLSPID; wait $TLSPID 2>/dev/null     # TLS backend dies
one_round $(rnd 8 12)
start_tls_backend; sleep 1
kill -USR1 $SPID; sleep 0.5
one_round $(rnd 10 20)
stop_sslsplit $(pick TERM INT HUP)

# --- run B: fixed leaf key, target cert dir, fallback cert, protocol limits, no passthrough
run_sslsplit -k ca.key -c ca.crt -K leaf.key -t "$R/certdir" -w "$R/gen" -g dh.pem -G "$(pick prime256v1 secp384r1)" \
  $(pick "-r tls12" "-R tls10" "-Z" "-s ALL:-aNULL:-RC4") "${SPECS[@]}"
one_round $(rnd 30 40)
stop_sslsplit TERM

# --- run C: no CA at all, only a fallback certificate
run_sslsplit -A fallback.pem -P "${SPECS[@]}"
one_round $(rnd 18 28)
# backend that speaks first on an autossl proxyspec: sslsplit aborts
$CL smtp 46109; sleep 0.5
stop_sslsplit $(pick TERM INT QUIT)

kill $TLSPID "${BPIDS[@]}" 2>/dev/null
wait 2>/dev/null
head -n 2500 "$LOG" > "$D/sslsplit.log"
wc -l "$LOG" "$D/sslsplit.log"
