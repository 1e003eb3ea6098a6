#!/bin/bash
# Jetforce workload: serves ./site over TLS on 127.0.0.1:47510, driven by gemclient.py.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round37-r37d/jet
VENV=/tmp/round37-r37d/venv_jetforce
PORT=47510
LOG=$HERE/jetforce.log
mkdir -p $W/adhoc
rm -f $LOG $W/adhoc/*
# keys and certificates live outside the folder
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost -keyout $W/srv.key -out $W/srv.crt 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=testca -keyout $W/ca.key -out $W/ca.crt 2>/dev/null
for u in alice bob; do
  openssl req -newkey rsa:2048 -nodes -subj /CN=$u -keyout $W/$u.key -out $W/$u.csr 2>/dev/null
  openssl x509 -req -in $W/$u.csr -CA $W/ca.crt -CAkey $W/ca.key -CAcreateserial -days 30 -out $W/$u.crt 2>/dev/null
done
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=mallory -keyout $W/mallory.key -out $W/mallory.crt 2>/dev/null

export PYTHONUNBUFFERED=1 TMPDIR=$W/adhoc
PID=
start() {  # extra jetforce flags
  $VENV/bin/jetforce --host 127.0.0.1 --port $PORT --hostname localhost --dir "$HERE/site" "$@" >>$LOG 2>&1 &
  PID=$!; echo $PID > $W/jetforce.pid
  sleep 2
}
stop() { kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; PID=; }

U=gemini://localhost:$PORT
paths=(/ /index.gmi /docs/ /docs /docs/readme.txt /docs/notes.gmi /docs/data.json /docs/big.txt /docs/sub/ /docs/sub/deep.md
  /nolisting/ /nolisting/b.gz /missing.gmi /docs/nope.txt /../etc/passwd /cgi-bin/hello.sh /cgi-bin/hello.sh/extra/path
  "/cgi-bin/hello.sh?x=1" /cgi-bin/ask.sh "/cgi-bin/ask.sh?zed" /cgi-bin/whoami.sh /cgi-bin/broken.sh /cgi-bin/silent.sh
  /cgi-bin/move.sh /cgi-bin/slow.sh /cgi-bin/plain.txt /cgi-bin/ /cgi-bin/nothere.sh "/docs/%2e%2e/index.gmi" "/caf%C3%A9.gmi")
weights=(9 3 6 3 5 4 2 2 2 2 2 1 4 3 1 8 2 2 3 3 3 2 2 2 2 1 1 2 1 1)
pick_path() {
  local total=0 w r i
  for w in "${weights[@]}"; do total=$((total+w)); done
  r=$((RANDOM % total))
  for i in "${!weights[@]}"; do r=$((r-weights[i])); if [ $r -lt 0 ]; then echo "${paths[$i]}"; return; fi; done
}
bad_line() {
  case $((RANDOM % 14)) in
    0) echo "req http://example.org/" ;;
    1) echo "req gemini://elsewhere.test/" ;;
    2) echo "req gemini://localhost:1965/" ;;
    3) echo "req gemini://[::1/bad" ;;
    4) echo "req just-a-path" ;;
    5) echo "req " ;;
    6) echo "req $U/$(head -c $((1030 + RANDOM % 200)) /dev/zero | tr '\0' a)" ;;
    7) echo "req $U/\\xff\\xfe\\xc3" ;;
    8) echo "drop x" ;;
    9) echo "half $U/docs/big.txt" ;;
    10) echo "plain GET / HTTP/1.0\\r\\n\\r\\n" ;;
    11) echo "req gemini://localhost:$PORT/docs/readme.txt#frag" ;;
    12) echo "req gopher://localhost/" ;;
    13) echo "req //localhost/" ;;
  esac
}
batch() {  # n requests, percent bad, client cert
  local n=$1 bad=$2 cert=${3:--} i
  for ((i=0; i<n; i++)); do
    if [ $((RANDOM % 100)) -lt $bad ]; then bad_line; else echo "req $U$(pick_path)"; fi
  done | $VENV/bin/python "$HERE/gemclient.py" 127.0.0.1 $PORT $cert ${cert/.crt/.key}
}

# 1: normal TLS server with client CA
start --tls-certfile $W/srv.crt --tls-keyfile $W/srv.key --tls-cafile $W/ca.crt
batch $((120 + RANDOM % 60)) 15
batch $((20 + RANDOM % 20)) 10 $W/alice.crt
batch $((10 + RANDOM % 10)) 10 $W/mallory.crt
# bad configuration: second server on the same port
$VENV/bin/jetforce --host 127.0.0.1 --port $PORT --dir "$HERE/site" --tls-certfile $W/srv.crt --tls-keyfile $W/srv.key >>$LOG 2>&1 &
P2=$!; sleep 3; kill -TERM $P2 2>/dev/null; wait $P2 2>/dev/null
batch $((60 + RANDOM % 40)) 25 $W/bob.crt
stop
# bad configurations
$VENV/bin/jetforce --port $PORT --dir "$HERE/no-such-dir" >>$LOG 2>&1
$VENV/bin/jetforce --port $PORT --dir "$HERE/site" --rate-limit lots >>$LOG 2>&1
$VENV/bin/jetforce --port $PORT --dir "$HERE/site" --tls-certfile $W/missing.crt --tls-keyfile $W/missing.key >>$LOG 2>&1 &
P2=$!; sleep 3; kill -TERM $P2 2>/dev/null; wait $P2 2>/dev/null
# 2: rate limited, default lang, ad-hoc certificate
start --rate-limit 40/m --default-lang en
batch $((80 + RANDOM % 40)) 20
stop
# 3: proxy protocol enabled (plain clients break it)
start --tls-certfile $W/srv.crt --tls-keyfile $W/srv.key --proxy-protocol
batch $((5 + RANDOM % 5)) 10
stop
# 4: back to normal, different index file, then a long run
start --tls-certfile $W/srv.crt --tls-keyfile $W/srv.key --tls-cafile $W/ca.crt --index-file notes.gmi --cgi-dir cgi-bin
batch $((150 + RANDOM % 80)) 12
batch $((30 + RANDOM % 20)) 15 $W/alice.crt
stop
# 5: plain TCP
start --no-tls --default-lang fr
for ((i=0; i<$((20 + RANDOM % 20)); i++)); do echo "tcp $U$(pick_path)"; done | $VENV/bin/python "$HERE/gemclient.py" 127.0.0.1 $PORT
stop
