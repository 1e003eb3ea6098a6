#!/bin/bash
# Round-13 corpus workload: stunnel 5.68 (Debian 12 stunnel4) with its own log file
# (output = $LOGDIR/stunnel.log, debug = 7), tunnelling local TCP services over TLS with
# generated certificates, on 127.0.0.1:23100-23199 only. Clients with good, rogue and missing
# certificates, wrong PSKs, plain text on TLS ports, TLS to plain ports, closed/slow/resetting
# backends, failover, idle timeouts, session reuse, SIGHUP reloads (good and broken configs),
# SIGUSR1 log reopen, restarts, stop.
# Run as root on Debian 12:  bash workload.sh [LOGDIR] [DURATION_SECONDS]
set -u
LOGDIR=${1:-/work/round13/stunnel}; DURATION=${2:-70}
W=/tmp/r13stn
export DEBIAN_FRONTEND=noninteractive
command -v stunnel4 >/dev/null || apt-get install -y stunnel4 openssl curl python3 >/dev/null 2>&1
rm -rf $W; mkdir -p $W/tls; mkdir -p "$LOGDIR"; rm -f "$LOGDIR/stunnel.log"
RND() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# --- TLS material -------------------------------------------------------------------------------
cd $W/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=r13 stunnel CA" -keyout ca.key -out ca.pem 2>/dev/null
for n in localhost client1 client2; do
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$n" -keyout $n.key -out $n.csr 2>/dev/null
  openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out $n.pem 2>/dev/null
done
# an expired client certificate signed by the right CA
openssl req -newkey rsa:2048 -nodes -subj "/CN=oldclient" -keyout old.key -out old.csr 2>/dev/null
openssl x509 -req -in old.csr -CA ca.pem -CAkey ca.key -CAcreateserial -not_before 20200101000000Z -not_after 20200201000000Z -out old.pem 2>/dev/null \
  || openssl x509 -req -in old.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -out old.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=rogue" -keyout rogue.key -out rogue.pem 2>/dev/null
cat localhost.pem localhost.key > server.pem
printf 'alice:%s\nbob:%s\n' "$(openssl rand -hex 20)" "$(openssl rand -hex 20)" > psk.txt; chmod 600 psk.txt
cd /

# --- backends: echo, http-ish, slow, reset ------------------------------------------------------
cat > $W/backends.py <<'PY'
import socket, threading, time, random, struct, sys
def serve(port, handler):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(50)
    while True:
        c, _ = s.accept(); threading.Thread(target=handler, args=(c,), daemon=True).start()
def echo(c):
    try:
        while True:
            d = c.recv(4096)
            if not d: break
            c.sendall(d)
    except OSError: pass
    c.close()
def http(c):
    try:
        c.settimeout(5); d = c.recv(4096)
        body = b"hello %d\n" % random.randint(1, 10**6) * random.randint(1, 200)
        c.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    except OSError: pass
    c.close()
def slow(c):
    time.sleep(random.uniform(5, 12)); c.close()
def reset(c):
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close()
for p, h in ((23151, echo), (23152, http), (23154, slow), (23155, reset)):
    threading.Thread(target=serve, args=(p, h), daemon=True).start()
while True: time.sleep(1)
PY
python3 $W/backends.py & echo $! > $W/backends.pid

# --- configuration ------------------------------------------------------------------------------
write_conf() {  # $1 = good | alt | broken | badfile
cat > $W/stunnel.conf <<CONF
; private stunnel instance for the round-13 corpus
foreground = yes
pid = $W/stunnel.pid
output = $LOGDIR/stunnel.log
debug = 7
syslog = no
socket = l:SO_REUSEADDR=1

[web]
accept = 127.0.0.1:23101
connect = 127.0.0.1:23152
cert = $W/tls/server.pem
TIMEOUTidle = $(pick 5 8 10)
sessionCacheTimeout = 120

[mtls]
accept = 127.0.0.1:23102
connect = 127.0.0.1:23151
cert = $W/tls/server.pem
CAfile = $W/tls/ca.pem
verifyChain = yes
requireCert = yes
$( [ "$1" = alt ] && echo "checkHost = client1" )

[deadbackend]
accept = 127.0.0.1:23103
connect = 127.0.0.1:23153
cert = $W/tls/server.pem
TIMEOUTconnect = 2

[failover]
accept = 127.0.0.1:23104
connect = 127.0.0.1:23153
connect = 127.0.0.1:23151
failover = $(pick rr prio)
cert = $W/tls/server.pem

[slow]
accept = 127.0.0.1:23105
connect = 127.0.0.1:$(pick 23154 23155)
cert = $W/tls/server.pem
TIMEOUTidle = 3

[psk]
accept = 127.0.0.1:23106
connect = 127.0.0.1:23151
PSKsecrets = $W/tls/psk.txt
ciphers = PSK

[out-web]
client = yes
accept = 127.0.0.1:23111
connect = 127.0.0.1:23101
CAfile = $W/tls/ca.pem
verifyChain = yes
checkHost = $( [ "$1" = alt ] && echo wronghost.example || echo localhost )

[out-mtls]
client = yes
accept = 127.0.0.1:23112
connect = 127.0.0.1:23102
cert = $W/tls/$(pick client1 client2 client1).pem
key = $W/tls/$(pick client1 client2 client1).key
CAfile = $W/tls/ca.pem
verifyPeer = yes

[out-nocert]
client = yes
accept = 127.0.0.1:23113
connect = 127.0.0.1:23102

[out-plain]
client = yes
accept = 127.0.0.1:23114
connect = 127.0.0.1:23152

[out-psk]
client = yes
accept = 127.0.0.1:23115
connect = 127.0.0.1:23106
PSKsecrets = $W/tls/psk-client.txt

[out-dead]
client = yes
accept = 127.0.0.1:23116
connect = 127.0.0.1:23103
delay = yes
$( [ "$1" = alt ] && printf '[extra]\naccept = 127.0.0.1:23107\nconnect = 127.0.0.1:23151\ncert = %s\n' "$W/tls/server.pem" )
$( [ "$1" = broken ] && printf '[broken]\naccept = 127.0.0.1:23108\nconnect = 127.0.0.1:23151\ncert = %s\nfrobnicate = yes\n' "$W/tls/server.pem" )
$( [ "$1" = badfile ] && printf '[badfile]\naccept = 127.0.0.1:23109\nconnect = 127.0.0.1:23151\ncert = %s/tls/missing-%d.pem\n' "$W" "$RANDOM" )
CONF
}
client_psk() {  # right or wrong PSK for the out-psk service
  if [ "$1" = good ]; then grep "^$(pick alice bob):" $W/tls/psk.txt > $W/tls/psk-client.txt
  else printf '%s:%s\n' "$(pick alice bob mallory)" "$(openssl rand -hex 20)" > $W/tls/psk-client.txt; fi
  chmod 600 $W/tls/psk-client.txt
}
start_stn() { stunnel4 $W/stunnel.conf >>$W/stderr 2>&1 & sleep 1.5; }
stop_stn() { [ -f $W/stunnel.pid ] && kill "$(cat $W/stunnel.pid)" 2>/dev/null; sleep 1.5; }
hup() { kill -HUP "$(cat $W/stunnel.pid)" 2>/dev/null; sleep 1; }

# raw plaintext client
cat > $W/raw.py <<'PY'
import socket, sys, time
port, data, wait = int(sys.argv[1]), sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), float(sys.argv[3])
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=5); s.sendall(data); time.sleep(wait)
    try: s.recv(4096)
    except OSError: pass
    s.close()
except OSError: pass
PY

CA=$W/tls/ca.pem
action() {
  case ${1:-$(pick $(seq 0 15) 19 19)} in
    0|1) timeout 8 curl -s --cacert $CA https://localhost:23101/$(pick index a/b img.png api/v$(RND 1 3)) -o /dev/null ;;
    2) timeout 8 curl -s http://127.0.0.1:23111/$(pick x y z) -o /dev/null ;;            # plain -> stunnel client -> [web]
    3) echo "ping $RANDOM" | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23102 -cert $W/tls/$(pick client1 client2).pem -key $W/tls/client1.key -CAfile $CA >/dev/null 2>&1
       echo "ping $RANDOM" | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23102 -cert $W/tls/client2.pem -key $W/tls/client2.key -CAfile $CA >/dev/null 2>&1 ;;
    4) case $(RND 0 2) in  # bad client certificates on the mutual-TLS port
         0) echo x | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23102 -cert $W/tls/rogue.pem -key $W/tls/rogue.key >/dev/null 2>&1 ;;
         1) echo x | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23102 >/dev/null 2>&1 ;;
         2) echo x | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23102 -cert $W/tls/old.pem -key $W/tls/old.key >/dev/null 2>&1 ;;
       esac ;;
    5) python3 $W/raw.py $(pick 23101 23102 23106 23104) "$(pick 'GET / HTTP/1.0\r\n\r\n' 'HELO x\r\n' 'garbage\n' '\x16\x03\x01\x00\x05hello' '')" $(RND 0 2) ;;
    6) echo "hi" | timeout 6 openssl s_client -quiet -connect 127.0.0.1:23103 -CAfile $CA >/dev/null 2>&1 ;;   # dead backend
    7) for i in $(seq $(RND 1 3)); do echo "fo $RANDOM" | timeout 5 openssl s_client -quiet -connect 127.0.0.1:23104 >/dev/null 2>&1; done ;;
    8) echo "slow" | timeout 14 openssl s_client -quiet -connect 127.0.0.1:23105 >/dev/null 2>&1 & ;;
    9) client_psk $(pick good good bad); echo "psk $RANDOM" | timeout 5 python3 $W/raw.py 23115 "psk data $RANDOM\n" 1 ;;
    10) python3 $W/raw.py 23112 "mtls via stunnel client $RANDOM\n" $(RND 0 1) ;;
    11) python3 $W/raw.py 23113 "no cert $RANDOM\n" 1 ;;
    12) timeout 6 curl -s http://127.0.0.1:23114/ -o /dev/null ;;                       # TLS spoken to a plain backend
    13) python3 $W/raw.py 23116 "to dead $RANDOM\n" 1 ;;
    14) timeout 6 openssl s_client -connect 127.0.0.1:23101 -CAfile $CA -reconnect </dev/null >/dev/null 2>&1 ;;  # session reuse
    15) timeout 5 openssl s_client -connect 127.0.0.1:$(pick 23101 23102) $(pick -tls1_2 -tls1_3 '-cipher NULL-SHA256 -tls1_2' '-tls1_1') </dev/null >/dev/null 2>&1 ;;
    16) write_conf $(pick good alt alt); hup ;;
    17) write_conf $(pick broken badfile); hup; write_conf good ;;
    18) kill -USR1 "$(cat $W/stunnel.pid)" 2>/dev/null; sleep 0.5; python3 $W/raw.py 23107 "x\n" 0 ;;
    20) stop_stn; write_conf good; start_stn ;;
    19) echo "idle" | timeout 14 openssl s_client -quiet -connect 127.0.0.1:23101 -CAfile $CA >/dev/null 2>&1 & ;;  # idle until TIMEOUTidle
  esac
}

write_conf good; client_psk good
start_stn
END=$(( $(date +%s) + DURATION ))
N=0
while [ "$(date +%s)" -lt $END ]; do
  N=$((N + 1))
  case $N in   # reloads, a log reopen and a restart at fixed points, random client actions otherwise
    5|15) action 16 ;; 8|18) action 17 ;; 11) action 18 ;; 13) action 20 ;; *) action ;;
  esac
  sleep $(RND 2 4).$(RND 0 9)
  [ -f $W/stunnel.pid ] && kill -0 "$(cat $W/stunnel.pid)" 2>/dev/null || { write_conf good; start_stn; }
done
sleep 3; stop_stn
kill "$(cat $W/backends.pid)" 2>/dev/null
wait 2>/dev/null
wc -l "$LOGDIR/stunnel.log"
