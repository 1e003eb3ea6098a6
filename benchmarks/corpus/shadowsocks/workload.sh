#!/bin/bash
# Randomised workload for shadowsocks-libev: ss-server -v (labelled log: shadowsocks.log, its
# stdout+stderr), driven by ss-local / ss-tunnel clients, curl through SOCKS5, and hand-made
# good and broken AEAD clients (ssclient.py). Ports 25500-25599 on 127.0.0.1 only.
D=$(cd "$(dirname "$0")" && pwd)
R=$D/run
LOG=$D/shadowsocks.log
C="python3 $D/ssclient.py"
rm -rf "$R"; mkdir -p "$R"; : > "$LOG"
SRV=25500; HTTP=25530; ECHO=25531; DNS=25553; MGR=25590
PW=pw$RANDOM$RANDOM
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
PIDS=()

# backends
python3 -m http.server $HTTP --bind 127.0.0.1 --directory "$R" > /dev/null 2>&1 & PIDS+=($!)
$C udpecho $ECHO 1200 & PIDS+=($!)
$C dns $DNS 1200 & PIDS+=($!)
$C sink $MGR 1200 & PIDS+=($!)
head -c $((20000 + $(rnd 200000))) /dev/urandom > "$R/blob.bin"
printf '[accept_all]\n\n[black_list]\n127.0.0.5\n\n[outbound_block_list]\n127.0.0.3\n^blocked\\.test$\n' > "$R/acl.txt"
printf '#!/bin/sh\nsleep %s\nexit 1\n' $((4 + $(rnd 4))) > "$R/plugin.sh"; chmod +x "$R/plugin.sh"
echo '{"server":"127.0.0.1", "server_port": 25500, "password":' > "$R/broken.json"

SPID=
start_server() {  # method, extra args
  local m=$1; shift
  ss-server -s 127.0.0.1 -p $SRV -k "$PW" -m "$m" -v -t "$(pick 3 5 8)" -d 127.0.0.1:$DNS "$@" >> "$LOG" 2>&1 &
  SPID=$!
  sleep 0.7
}
stop_server() { kill "-${1:-INT}" "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=; sleep 0.3; }
oneshot() { timeout "${T:-4}" ss-server -s 127.0.0.1 -p $((SRV + 1)) -k "$PW" -v "$@" >> "$LOG" 2>&1; }

CPIDS=()
start_clients() {  # method
  local m=$1
  ss-local -s 127.0.0.1 -p $SRV -b 127.0.0.1 -l 25510 -k "$PW" -m "$m" -u -t 10 > /dev/null 2>&1 & CPIDS+=($!)
  ss-local -s 127.0.0.1 -p $SRV -b 127.0.0.1 -l 25511 -k "wrong$PW" -m "$m" > /dev/null 2>&1 & CPIDS+=($!)
  ss-local -s 127.0.0.1 -p $SRV -b 127.0.0.1 -l 25512 -k "$PW" -m "$(pick chacha20-ietf-poly1305 aes-128-gcm)" > /dev/null 2>&1 & CPIDS+=($!)
  ss-tunnel -s 127.0.0.1 -p $SRV -b 127.0.0.1 -l 25520 -L 127.0.0.1:$HTTP -k "$PW" -m "$m" > /dev/null 2>&1 & CPIDS+=($!)
  ss-tunnel -s 127.0.0.1 -p $SRV -b 127.0.0.1 -l 25521 -L 127.0.0.1:$ECHO -k "$PW" -m "$m" -U > /dev/null 2>&1 & CPIDS+=($!)
  sleep 0.5
}
stop_clients() { local p; for p in "${CPIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; CPIDS=(); }

curlvia() {  # socks port
  local host url
  host=$(pick 127.0.0.1 127.0.0.1 localhost a.ok.test b.ok.test c.bad.test d.slow.test e.v6.test 127.0.0.3 blocked.test "[::1]")
  url="http://$host:$(pick $HTTP $HTTP $HTTP 25901 25977)/$(pick "" blob.bin acl.txt missing)"
  timeout 12 curl -s -o /dev/null --max-time 10 --socks5-hostname "127.0.0.1:$1" "$url"
}

action() {
  local aead=$1
  case $(rnd 14) in
    0|1|2) curlvia 25510 & ;;
    3) curlvia "$(pick 25511 25512)" & ;;
    4) timeout 8 curl -s -o /dev/null --max-time 6 "http://127.0.0.1:25520/$(pick "" blob.bin)" & ;;
    5) python3 -c 'import socket,os,random
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.settimeout(1)
for i in range(random.randint(1,5)):
    s.sendto(os.urandom(random.randint(8,900)),("127.0.0.1",25521))
    try: s.recvfrom(4096)
    except OSError: pass' & ;;
    6|7|8) [ "$aead" = 1 ] && TARGET=$HTTP $C raw $SRV "$PW" "$(pick ok ok badtype badname namelen shortv4 shortv6 closedport v6 name name replay wrongpass garbage fragment saltonly idle halfopen rst)" & ;;
    9) [ "$aead" = 1 ] && ECHO=$ECHO $C udp $SRV "$PW" "$(pick ok ok badtype name garbage wrongpass)" & ;;
    10) timeout 3 python3 -c 'import socket,os,random
s=socket.create_connection(("127.0.0.1",25500));s.sendall(os.urandom(random.randint(1,200)));s.settimeout(2)
try: s.recv(10)
except OSError: pass' & ;;
    11) for k in $(seq 1 $((2 + $(rnd 5)))); do curlvia 25510 & done ;;
    12) [ "$aead" = 1 ] && SRCADDR=127.0.0.$(pick 5 5 6) TARGET=$HTTP $C raw $SRV "$PW" ok &
        timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$SRV; sleep 0.$(rnd 9)" 2>/dev/null & ;;
    13) [ "$aead" = 1 ] && for k in $(seq 1 $((2 + $(rnd 4)))); do TARGET=$HTTP $C raw $SRV "$PW" "$(pick ok name badtype wrongpass)" & done ;;
  esac
  sleep "0.$(rnd 5)"
}
churn() { local n; for n in $(seq 1 "$2"); do action "$1"; done; sleep 2; }

# phase 1: AEAD cipher, TCP+UDP, ACL, manager stats, tuning options
M=$(pick aes-256-gcm aes-256-gcm)
start_server "$M" -u --acl "$R/acl.txt" --manager-address 127.0.0.1:$MGR $(pick --reuse-port "") $(pick --fast-open "") -n $(pick 2048 4096 8192)
start_clients "$M"
churn 1 $((90 + $(rnd 40)))
stop_server INT; stop_clients

# failed start-ups
T=3 oneshot -m "$(pick foo aes-999-gcm rot13)"
T=3 oneshot -m aes-256-gcm --key "$(pick abc Zm9vYmFy not-base64!)"
T=3 oneshot -m aes-256-gcm -a "nosuch$RANDOM"
T=3 oneshot -c "$R/broken.json"
T=3 oneshot -c "$R/none.json"
T=12 oneshot -m aes-256-gcm --plugin "$R/plugin.sh"

# phase 2: port already taken by a running server, second one fails
start_server aes-256-gcm -u -a nobody
T=3 ss-server -s 127.0.0.1 -p $SRV -k "$PW" -m aes-256-gcm -v >> "$LOG" 2>&1
start_clients aes-256-gcm
churn 1 $((50 + $(rnd 30)))
stop_server "$(pick INT TERM)"; stop_clients

# phase 3: stream cipher, IPv6-first resolution, MTU
M=$(pick aes-256-cfb chacha20-ietf aes-128-ctr)
start_server "$M" -u -6 --mtu $(pick 1200 1400 1492)
start_clients "$M"
churn 0 $((50 + $(rnd 30)))
stop_server KILL; stop_clients

# phase 4: UDP only
start_server aes-256-gcm -U
start_clients aes-256-gcm
churn 1 $((25 + $(rnd 15)))
stop_server INT; stop_clients

# phase 5: back to normal, with ACL
start_server aes-256-gcm -u --acl "$R/acl.txt" --manager-address 127.0.0.1:$MGR
start_clients aes-256-gcm
churn 1 $((80 + $(rnd 40)))
sleep 3
stop_server TERM; stop_clients

for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
wait
echo "lines: $(wc -l < "$LOG")"
