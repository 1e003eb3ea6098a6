#!/bin/bash
# lego workload: runs pebble + pebble-challtestsrv + many lego invocations inside a private
# network+mount namespace. lego's stderr/stdout are appended to $RAW; the kept log is cut by sed.
set -u
D=/work/round41/lego
T=/tmp/round41-r41e/lego
if [ "${1:-}" != inner ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
ip link set lo up
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache XDG_DATA_HOME=$T/xdg/data XDG_RUNTIME_DIR=$T/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR $T/pki $T/acct
cd $T
RAW=$T/raw.log; : > $RAW
# TLS cert for pebble's ACME endpoint (generated outside the labelled folder)
openssl req -x509 -newkey rsa:2048 -nodes -keyout $T/pki/key.pem -out $T/pki/cert.pem -days 30 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
cat > $T/pebble.json <<J
{"pebble": {"listenAddress": "127.0.0.1:60000", "managementListenAddress": "127.0.0.1:60001",
 "certificate": "$T/pki/cert.pem", "privateKey": "$T/pki/key.pem",
 "httpPort": 60002, "tlsPort": 60003, "ocspResponderURL": "", "externalAccountBindingRequired": false}}
J
pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 127.0.0.1:60053 -http01 "" -https01 "" \
  -tlsalpn01 "" -management 127.0.0.1:60055 > $T/challtestsrv.out 2>&1 &
CTS=$!
start_pebble() {
  # a restarted pebble forgets every account: usually start the clients afresh too
  [ $((RANDOM % 4)) != 0 ] && rm -rf $T/acct/*
  PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=$((RANDOM % 25)) PEBBLE_CHAIN_LENGTH=$((2 + RANDOM % 2)) \
  PEBBLE_ALTERNATE_ROOTS=$((RANDOM % 3)) PEBBLE_AUTHZREUSE=$((RANDOM % 60)) \
    pebble -config $T/pebble.json -dnsserver 127.0.0.1:60053 >> $T/pebble.out 2>&1 &
  PEB=$!
  for w in $(seq 1 40); do curl -sk -o /dev/null https://127.0.0.1:60000/dir && break; sleep 0.5; done
}
stop_pebble() { kill $PEB; wait $PEB 2>/dev/null; }
start_pebble
export LEGO_CA_CERTIFICATES=$T/pki/cert.pem
cat > $T/dnshook.sh <<'H'
#!/bin/bash
# lego exec DNS provider hook: sets/clears TXT records in challtestsrv
case "$1" in
  present) curl -s -o /dev/null -d "{\"host\":\"$2\",\"value\":\"$3\"}" http://127.0.0.1:60055/set-txt ;;
  cleanup) curl -s -o /dev/null -d "{\"host\":\"$2\"}" http://127.0.0.1:60055/clear-txt ;;
esac
[ -f /tmp/round41-r41e/lego/hookfail ] && exit 3
exit 0
H
chmod +x $T/dnshook.sh
export EXEC_PATH=$T/dnshook.sh EXEC_PROPAGATION_TIMEOUT=12 EXEC_POLLING_INTERVAL=2 EXEC_SEQUENCE_INTERVAL=3
S=https://127.0.0.1:60000/dir
words=(alpha beta gamma delta eps zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau)
rw() { echo ${words[$((RANDOM % ${#words[@]}))]}; }
dom() { echo "$(rw)$((RANDOM % 90)).$(rw).test"; }
emails=(ops@example.test admin@example.test dev@example.test sec@example.test)
L() { timeout 60 lego "$@" >> $RAW 2>&1; }
chal() {
  case $((RANDOM % 6)) in
    0|1|2) echo "--http --http.port 127.0.0.1:60002" ;;
    3) echo "--tls --tls.port 127.0.0.1:60003" ;;
    4) echo "--dns exec --dns.resolvers 127.0.0.1:60053" ;;
    5) echo "--dns exec --dns.resolvers 127.0.0.1:60053 --dns.disable-cp" ;;
  esac
}
keyt() { local k=(rsa2048 ec256 ec384 ec256 rsa4096); echo ${k[$((RANDOM % 5))]}; }
N=${N:-330}
for i in $(seq 1 $N); do
  E=${emails[$((RANDOM % 4))]}; P=$T/acct/$((RANDOM % 3))
  C="--server $S --email $E --path $P --key-type $(keyt)"
  r=$((RANDOM % 100))
  if   [ $r -lt 30 ]; then
    ds=""; for j in $(seq 1 $((1 + RANDOM % 3))); do ds="$ds -d $(dom)"; done
    L $C --accept-tos $(chal) $ds run $([ $((RANDOM%4)) = 0 ] && echo --preferred-chain "Pebble Root CA 0") $([ $((RANDOM%5)) = 0 ] && echo --no-bundle)
  elif [ $r -lt 42 ]; then
    d=$(ls $P/certificates 2>/dev/null | grep '\.crt$' | grep -v issuer | shuf -n1 | sed 's/\.crt$//')
    [ -z "$d" ] && d=$(dom)
    if [ $((RANDOM % 10)) = 0 ]; then
      # without --no-random-sleep lego sleeps up to 8 minutes: cut it short
      timeout 4 lego $C $(chal) -d "$d" renew --days 100000 >> $RAW 2>&1
    else
      L $C $(chal) -d "$d" renew --no-random-sleep --days $((RANDOM % 2 ? 100000 : 10)) $([ $((RANDOM%3)) = 0 ] && echo --reuse-key)
    fi
  elif [ $r -lt 50 ]; then
    d=$(ls $P/certificates 2>/dev/null | grep '\.crt$' | grep -v issuer | shuf -n1 | sed 's/\.crt$//')
    [ -z "$d" ] && d=$(dom)
    L $C -d "$d" revoke $([ $((RANDOM%2)) = 0 ] && echo --keep) --reason $((RANDOM % 6))
  elif [ $r -lt 55 ]; then
    # validation fails: nothing listens where the CA connects
    L $C --accept-tos --http --http.port 127.0.0.1:60010 -d $(dom) run
  elif [ $r -lt 59 ]; then
    touch $T/hookfail; L $C --accept-tos --dns exec --dns.resolvers 127.0.0.1:60053 -d $(dom) run; rm -f $T/hookfail
  elif [ $r -lt 62 ]; then
    L --server https://127.0.0.1:60009/dir --email $E --path $P --accept-tos --http --http.port 127.0.0.1:60002 -d $(dom) run
  elif [ $r -lt 65 ]; then
    L --server $S --path $P --accept-tos --http -d $(dom) run
  elif [ $r -lt 68 ]; then
    L $C --accept-tos -d $(dom) run
  elif [ $r -lt 70 ]; then
    L $C --accept-tos --http --http.port nonsense -d $(dom) run
  elif [ $r -lt 72 ]; then
    L $C --accept-tos --http run
  elif [ $r -lt 74 ]; then
    L $C --accept-tos --http -d "bad_name!.test" run
  elif [ $r -lt 77 ]; then
    L --server $S --email nobody$((RANDOM%9))@example.test --path $T/acct/empty -d $(dom) renew --no-random-sleep --days 30
  elif [ $r -lt 80 ]; then
    # CSR based order
    d=$(dom); openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout $T/csr.key \
      -subj /CN=$d -addext "subjectAltName=DNS:$d" -out $T/csr.pem 2>/dev/null
    L $C --accept-tos --http --http.port 127.0.0.1:60002 --csr $T/csr.pem run
  elif [ $r -lt 82 ]; then
    L $C --accept-tos --http --http.port 127.0.0.1:60002 --csr $T/missing.csr run
  elif [ $r -lt 84 ]; then
    L $C --accept-tos --http -d $(dom) --key-type dsa1024 run
  elif [ $r -lt 86 ]; then
    L $C --accept-tos --eab --http -d $(dom) run
  elif [ $r -lt 88 ]; then
    L $C --accept-tos --http --http.port 127.0.0.1:60002 --http.webroot $T/nowhere/www -d $(dom) run
  elif [ $r -lt 91 ]; then
    stop_pebble
    L $C --accept-tos --http --http.port 127.0.0.1:60002 -d $(dom) run
    start_pebble
  elif [ $r -lt 94 ]; then
    L $C --accept-tos --http --http.port 127.0.0.1:60002 -d $(dom) -d "*.$(rw).test" run
  elif [ $r -lt 96 ]; then
    L $C --accept-tos --dns exec --dns.resolvers 127.0.0.1:60053 -d "*.$(rw).test" run
  else
    stop_pebble; start_pebble
  fi
done
stop_pebble; kill $CTS; wait $CTS 2>/dev/null
# keep one contiguous stretch of whole lines (at most 2,500)
sed -n '1,2500p' $RAW > $D/lego.log
wc -l $D/lego.log
# leave no private keys or certificates behind
rm -rf $T/pki $T/acct
