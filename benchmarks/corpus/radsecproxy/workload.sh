#!/bin/bash
# Randomised workload for radsecproxy (proxy A is the logged one). Ports 24800-24849 on 127.0.0.1.
set -u
D=/work/round21/radsecproxy
R=$D/run
rm -rf "$R"; mkdir -p "$R"; cd "$R"
R_() { echo $((RANDOM % $1)); }

# --- certificates: CA, proxy A, proxy B, clients, a rogue CN and a foreign CA ---
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3 -subj /CN=TestCA 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 3 -subj /CN=OtherCA 2>/dev/null
for n in a b client rogue; do
  openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj /CN=$n.proxy.test 2>/dev/null
  openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $n.pem -days 3 2>/dev/null
done
mv client.pem client0.pem; cp client0.pem client.pem
mkdir -p foreign rogue good
openssl req -newkey rsa:2048 -nodes -keyout foreign/client.key -out f.csr -subj /CN=client.proxy.test 2>/dev/null
openssl x509 -req -in f.csr -CA other.pem -CAkey other.key -CAcreateserial -out foreign/client.pem -days 3 2>/dev/null
cp ca.pem foreign/ca.pem; cp ca.pem rogue/ca.pem; cp ca.pem good/ca.pem
cp rogue.pem rogue/client.pem; cp rogue.key rogue/client.key
cp client.pem client.key good/

cat > a.conf <<C
ListenUDP 127.0.0.1:24812
ListenTCP 127.0.0.1:24813
ListenTLS 127.0.0.1:24814
LogLevel 5
LogDestination file://$R/a.log
FTicksReporting Full
FTicksMAC VendorKeyHashed
FTicksKey k3y
LoopPrevention on
tls default {
    CACertificateFile $R/ca.pem
    CertificateFile $R/a.pem
    CertificateKeyFile $R/a.key
    CacheExpiry 30
}
rewrite strip {
    removeAttribute 5
    modifyAttribute 1:/^(.*)@acct\.example$/\1@example.com/
}
client 127.0.0.1 {
    type udp
    secret s1
    fticksVISCOUNTRY NO
    fticksVISINST lo1
    rewriteIn strip
}
client 127.0.0.2 {
    type udp
    secret s2
    duplicateInterval 3
}
client 127.0.0.3 {
    type udp
    secret s3
}
client 127.0.0.1 {
    type tcp
    secret s1
}
client 127.0.0.4 {
    type tcp
    secret s4
}
client tlspeers {
    host 127.0.0.0/24
    type tls
    secret radsec
    matchCertificateAttribute CN:/^(client|b)\.proxy\.test$/
}
server udp1 {
    host 127.0.0.1
    port 24820
    type udp
    secret b1
    StatusServer auto
}
server udp2 {
    host 127.0.0.1
    port 24821
    type udp
    secret b1
    RetryCount 1
    RetryInterval 1
}
server tlsB {
    host 127.0.0.1
    port 24830
    type tls
    secret radsec
    StatusServer on
    certificateNameCheck off
    tcpKeepalive on
}
server tcpB {
    host 127.0.0.1
    port 24831
    type tcp
    secret t1
}
server deadudp {
    host 127.0.0.1
    port 24829
    type udp
    secret x
    RetryCount 0
}
realm example.com {
    server udp1
    server udp2
    accountingServer udp1
}
realm tls.example {
    server tlsB
    accountingServer tlsB
}
realm tcp.example {
    server tcpB
    accountingServer tcpB
}
realm viatls.example {
    server udp2
    accountingServer udp2
}
realm deny.example {
    replymessage "Denied by proxy"
    AccountingResponse on
}
realm /^anonymous/ {
    replymessage "No anonymous"
}
realm unknown.org {
    server deadudp
}
realm * {
}
C

cat > b.conf <<C
ListenUDP 127.0.0.1:24840
ListenTCP 127.0.0.1:24831
ListenTLS 127.0.0.1:24830
LogLevel 2
LogDestination file://$R/b.log
tls default {
    CACertificateFile $R/ca.pem
    CertificateFile $R/b.pem
    CertificateKeyFile $R/b.key
}
client 127.0.0.1 {
    type tls
    secret radsec
}
client 127.0.0.1 {
    type tcp
    secret t1
}
client 127.0.0.1 {
    type udp
    secret sb
}
server 127.0.0.1 {
    type udp
    port 24822
    secret b1
}
server aTLS {
    host 127.0.0.1
    port 24814
    type tls
    secret radsec
    certificateNameCheck off
}
realm viatls.example {
    server aTLS
    accountingServer aTLS
}
realm * {
    server 127.0.0.1
    accountingServer 127.0.0.1
}
C

declare -A BK
start_backend() { python3 $D/backend.py $1 b1 & BK[$1]=$!; }
stop_backend() { kill ${BK[$1]} 2>/dev/null; wait ${BK[$1]} 2>/dev/null; }
start_a() { radsecproxy -c $R/a.conf -i $R/a.pid; sleep 0.5; }
stop_a() { local p=$(cat $R/a.pid 2>/dev/null); [ -n "$p" ] && kill $p 2>/dev/null; while [ -n "$p" ] && kill -0 $p 2>/dev/null; do sleep 0.1; done; sleep 0.3; }
start_b() { radsecproxy -c $R/b.conf -i $R/b.pid; sleep 0.3; }
stop_b() { local p=$(cat $R/b.pid 2>/dev/null); [ -n "$p" ] && kill $p 2>/dev/null; while [ -n "$p" ] && kill -0 $p 2>/dev/null; do sleep 0.1; done; sleep 0.3; }

radc() { # radclient from 127.0.0.1 to proxy A (or B), random request type
  local users=""; local n=$((1 + $(R_ 4)))
  local port=${1:-24812} sec=${2:-s1}
  local kind=$(R_ 4)
  for i in $(seq $n); do
    local realm=$(shuf -n1 -e example.com tls.example tcp.example viatls.example deny.example acct.example nowhere.net)
    local u=$(shuf -n1 -e bob alice bad chal slow)$(R_ 100)@$realm
    case $kind in
      0|1) printf 'User-Name = "%s"\nUser-Password = "pw%s"\nNAS-Port = %d\nCalling-Station-Id = "02-00-00-%02x-%02x-%02x"\n\n' "$u" $RANDOM $(R_ 40) $(R_ 256) $(R_ 256) $(R_ 256);;
      2) printf 'User-Name = "%s"\nAcct-Status-Type = %s\nAcct-Session-Id = "%08x"\n\n' "$u" $(shuf -n1 -e Start Stop Interim-Update) $RANDOM;;
      3) printf 'Message-Authenticator = 0x00\n\n';;
    esac
  done > req.$$.txt
  local cmd=auth; [ $kind = 2 ] && cmd=acct; [ $kind = 3 ] && cmd=status
  timeout 10 radclient -q -t 2 -r 1 -f req.$$.txt 127.0.0.1:$port $cmd $sec >/dev/null 2>&1
  rm -f req.$$.txt
}

pyc() { # random python client
  case $(R_ 9) in
    0|1) python3 $D/client.py udp 127.0.0.1 24812 s1 127.0.0.1 $((3 + $(R_ 8)));;
    2) python3 $D/client.py udp 127.0.0.1 24812 s2 127.0.0.2 $((3 + $(R_ 6)));;
    3) python3 $D/client.py udp 127.0.0.1 24812 wrong 127.0.0.3 $((2 + $(R_ 5)));;
    4) python3 $D/client.py udp 127.0.0.1 24812 s9 127.0.0.$((9 + $(R_ 5))) $((1 + $(R_ 3)));;
    5) python3 $D/client.py tcp 127.0.0.1 24813 $(shuf -n1 -e s1 s4) 127.0.0.$(shuf -n1 -e 1 4) $((2 + $(R_ 6)));;
    6) python3 $D/client.py tcp 127.0.0.1 24813 s1 127.0.0.$((7 + $(R_ 3))) 2;;
    7) python3 $D/client.py tls 127.0.0.1 24814 radsec 127.0.0.$((20 + $(R_ 5))) $((2 + $(R_ 6))) $R/good;;
    8) python3 $D/client.py tls 127.0.0.1 24814 radsec 127.0.0.30 2 $R/$(shuf -n1 -e rogue foreign);;
  esac >/dev/null 2>&1
}

garbage_tls() { # plain bytes / half handshakes to the TLS and TCP listeners
  local src port
  case $(R_ 3) in
    0) src=127.0.0.1; port=24814;;
    1) src=127.0.0.21; port=24814;;
    2) src=127.0.0.4; port=24813;;
  esac
  timeout 3 python3 -c 'import os,random,socket,sys,time
s=socket.socket(); s.bind((sys.argv[1],0)); s.connect(("127.0.0.1",int(sys.argv[2])))
if random.random()<0.7: s.sendall(os.urandom(random.randint(1,200)))
time.sleep(0.3); s.close()' $src $port >/dev/null 2>&1
}

for p in 24820 24821 24822; do start_backend $p; done
start_b
start_a

phase() {
  local rounds=$1
  for i in $(seq $rounds); do
    case $(R_ 10) in
      0|1|2) radc & ;;
      3) radc 24840 sb & ;;   # via proxy B -> A over TLS
      9) garbage_tls & ;;
      *) pyc & ;;
    esac
    sleep 0.$((1 + $(R_ 4)))
  done
  wait_clients
}
wait_clients() { for j in $(jobs -p); do case " ${BK[*]} " in *" $j "*) ;; *) wait $j 2>/dev/null;; esac; done; }

phase $((8 + $(R_ 4)))
# backend udp1 dies -> failover to udp2, status-server probes
stop_backend 24820
phase $((5 + $(R_ 3)))
start_backend 24820
phase $((4 + $(R_ 3)))
# proxy B (TLS/TCP server of A) dies and comes back
stop_b
phase $((4 + $(R_ 3)))
start_b
phase $((4 + $(R_ 3)))
# reload (SIGHUP): log reopen, TLS context reload
kill -HUP $(cat $R/a.pid); sleep 0.5
phase $((4 + $(R_ 3)))
# a second instance while A runs: its listeners cannot bind, it exits
radsecproxy -c $R/a.conf -i $R/second.pid >/dev/null 2>&1; sleep 1
# restart proxy A
stop_a; start_a
phase $((5 + $(R_ 3)))
# backend udp2 dies too
stop_backend 24821
both=$(R_ 2); [ $both = 0 ] && stop_backend 24820
phase $((4 + $(R_ 3)))
[ $both = 0 ] && start_backend 24820
start_backend 24821
phase $((4 + $(R_ 3)))
kill -HUP $(cat $R/a.pid); sleep 0.3
phase $((4 + $(R_ 3)))
phase $((4 + $(R_ 3)))
stop_a
stop_b
for p in 24820 24821 24822; do stop_backend $p; done
wait 2>/dev/null
cp $R/a.log $D/full.log
