#!/bin/bash
# Round-16 corpus workload: tinc 1.0 VPN daemon (Debian 12 package tinc), four nodes
# (alpha, bravo, charlie, delta) each in its own private network namespace, joined by a
# bridge in a fifth namespace, plus a "rogue" namespace for impostors and garbage.
# Every tincd runs with -d 3 and --logfile; the kept log is alpha's file, unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (writes OUT_DIR/tinc.log)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/r16tinc; P=34655
mkdir -p "$OUT"; rm -f "$OUT/tinc.log"
rm -rf "$W"; mkdir -p "$W"
NODES=(alpha bravo charlie delta)
r() { echo $((RANDOM % $1)); }

cleanup() {
  for f in "$W"/*/pid "$W"/rogue*/pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  sleep 1
  for n in br 1 2 3 4 5; do ip netns del r16t$n 2>/dev/null; done
}
cleanup

# --- network: bridge namespace + one namespace per node (+ rogue ns 5) ---
ip netns add r16tbr
ip -n r16tbr link add br0 type bridge; ip -n r16tbr link set br0 up
for i in 1 2 3 4 5; do
  ip netns add r16t$i
  ip link add r16tv$i type veth peer name r16tb$i
  ip link set r16tv$i netns r16t$i; ip link set r16tb$i netns r16tbr
  ip -n r16t$i link set r16tv$i name eth0
  ip -n r16t$i addr add 172.31.216.$i/24 dev eth0
  ip -n r16t$i link set eth0 up; ip -n r16t$i link set lo up
  ip -n r16tbr link set r16tb$i master br0; ip -n r16tbr link set r16tb$i up
done

# --- tinc configuration ---
mkconf() { # name idx connectto...
  local n=$1 i=$2; shift 2; local d=$W/$n
  mkdir -p "$d/hosts"
  {
    echo "Name = $n"; echo "Interface = tun0"; echo "Device = /dev/net/tun"; echo "Mode = router"
    echo "BindToAddress = 172.31.216.$i"; echo "PingInterval = $((8 + $(r 5)))"; echo "PingTimeout = 3"
    echo "MaxTimeout = 20"; echo "KeyExpire = $((40 + $(r 30)))"
    for c in "$@"; do echo "ConnectTo = $c"; done
  } > "$d/tinc.conf"
  printf 'Address = 172.31.216.%s\nPort = %s\nSubnet = 10.216.0.%s/32\n' $i $P $i > "$d/hosts/$n"
  tincd -c "$d" -K2048 </dev/null >/dev/null 2>&1
  cat > "$d/tinc-up" <<EOF
#!/bin/sh
ip addr add 10.216.0.$i/24 dev \$INTERFACE
ip link set \$INTERFACE up
EOF
  cat > "$d/tinc-down" <<'EOF'
#!/bin/sh
ip link set $INTERFACE down
EOF
  cat > "$d/host-up" <<'EOF'
#!/bin/sh
exit 0
EOF
  cat > "$d/host-down" <<'EOF'
#!/bin/sh
# fails now and then, to show a failing script
[ $(( $(date +%s) % 3 )) = 0 ] && exit 3
exit 0
EOF
  cat > "$d/subnet-up" <<'EOF'
#!/bin/sh
exit 0
EOF
  chmod +x "$d"/tinc-up "$d"/tinc-down "$d"/host-up "$d"/host-down "$d"/subnet-up
}
mkconf alpha 1 bravo
mkconf bravo 2 alpha
mkconf charlie 3 alpha bravo
mkconf delta 4 charlie alpha
# exchange host files
for a in "${NODES[@]}"; do for b in "${NODES[@]}"; do [ $a != $b ] && cp "$W/$b/hosts/$b" "$W/$a/hosts/$b"; done; done
# impostors: "charlie" with a different key, and "echo" unknown to everybody
mkdir -p "$W/rogue/hosts"
cp "$W/charlie/tinc.conf" "$W/rogue/tinc.conf"; sed -i 's/172.31.216.3/172.31.216.5/; /^ConnectTo/d' "$W/rogue/tinc.conf"; echo "ConnectTo = alpha" >> "$W/rogue/tinc.conf"
printf 'Address = 172.31.216.5\nPort = %s\nSubnet = 10.216.0.3/32\n' $P > "$W/rogue/hosts/charlie"
tincd -c "$W/rogue" -K2048 </dev/null >/dev/null 2>&1
cp "$W/alpha/hosts/alpha" "$W/rogue/hosts/alpha"
mkdir -p "$W/rogue2/hosts"
printf 'Name = echo\nBindToAddress = 172.31.216.5\nConnectTo = alpha\nDeviceType = dummy\n' > "$W/rogue2/tinc.conf"
printf 'Address = 172.31.216.5\nPort = %s\nSubnet = 10.216.0.5/32\n' $P > "$W/rogue2/hosts/echo"
tincd -c "$W/rogue2" -K2048 </dev/null >/dev/null 2>&1
cp "$W/alpha/hosts/alpha" "$W/rogue2/hosts/alpha"

idx() { case $1 in alpha) echo 1;; bravo) echo 2;; charlie) echo 3;; delta) echo 4;; esac; }
start() { # node
  local n=$1 i; i=$(idx $n)
  local log="$W/$n/tincd.log"; [ $n = alpha ] && log="$OUT/tinc.log"
  ip netns exec r16t$i tincd -c "$W/$n" -d 3 --logfile="$log" --pidfile="$W/$n/pid"
}
stop() { local n=$1 s=${2:-TERM}; [ -f "$W/$n/pid" ] && kill -$s "$(cat "$W/$n/pid")" 2>/dev/null; sleep 0.5; rm -f "$W/$n/pid"; }
sig() { [ -f "$W/$1/pid" ] && kill -$2 "$(cat "$W/$1/pid")" 2>/dev/null; }
rogue() { # dir seconds
  ip netns exec r16t5 tincd -c "$W/$1" -d 1 --logfile="$W/$1.log" --pidfile="$W/$1/pid"
  sleep "$2"; [ -f "$W/$1/pid" ] && kill "$(cat "$W/$1/pid")" 2>/dev/null; rm -f "$W/$1/pid"
}
garbage() {
  ip netns exec r16t5 python3 - "$@" <<'PY'
import socket, random, sys, time
kind = random.choice(["text", "bytes", "unknown", "badver", "halfid", "udp", "lateclose", "badnum"])
if kind == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(random.randint(1, 4)):
        s.sendto(random.randbytes(random.randint(20, 300)), ("172.31.216.1", 34655))
    sys.exit()
s = socket.create_connection(("172.31.216.1", 34655), timeout=3)
try:
    if kind == "text":
        s.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"hello there\n", b"SSH-2.0-OpenSSH_9.2\r\n", b"QUIT\n"]))
    elif kind == "bytes":
        s.sendall(random.randbytes(random.randint(8, 200)))
    elif kind == "unknown":
        s.sendall(b"0 %s 17\n" % random.choice([b"mallory", b"eve", b"trudy", b"zulu%d" % random.randint(1, 99)]))
    elif kind == "badver":
        s.sendall(b"0 bravo %d\n" % random.choice([3, 12, 18, 99]))
    elif kind == "badnum":
        s.sendall(b"%d foo bar\n" % random.choice([42, 77, 255, 1000]))
    elif kind == "halfid":
        s.sendall(b"0 delta 17\n")
        time.sleep(0.3)
        s.sendall(b"1 " + random.randbytes(50).hex().encode() + b"\n")
    elif kind == "lateclose":
        time.sleep(random.uniform(0.5, 2))
    try:
        s.recv(4096)
    except Exception:
        pass
except Exception:
    pass
s.close()
PY
}

for n in "${NODES[@]}"; do start $n; sleep 0.$((2 + $(r 7))); done
sleep 4
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  a=${NODES[$(r 4)]}; b=${NODES[$(r 4)]}
  case $(r 20) in
    0|1|2|3) ip netns exec r16t$(idx $a) ping -c $((1 + $(r 4))) -i 0.3 -W 1 10.216.0.$(idx $b) >/dev/null 2>&1 ;;
    4) ip netns exec r16t$(idx $a) ping -c 1 -W 1 10.216.0.$((5 + $(r 200))) >/dev/null 2>&1 ;;
    5) [ $a != alpha ] && { stop $a KILL; sleep $((1 + $(r 4))); start $a; } ;;
    6) [ $a != alpha ] && { stop $a TERM; sleep $((1 + $(r 6))); start $a; } ;;
    7) sig alpha HUP ;;
    8) sig alpha USR1 ;;
    9) sig alpha USR2 ;;
    10) sig alpha WINCH ;;
    11) sig alpha ALRM ;;
    12|13) garbage ;;
    14) rogue rogue $((2 + $(r 4))) & ;;
    15) rogue rogue2 $((2 + $(r 4))) & ;;
    16) # alpha's copy of a peer's key goes wrong, reload, then is repaired
        p=${NODES[$((1 + $(r 3)))]}; cp "$W/alpha/hosts/$p" "$W/$p.good"
        sed -i '/BEGIN RSA/,$d' "$W/alpha/hosts/$p"; sed -n '/BEGIN RSA/,$p' "$W/rogue/hosts/charlie" >> "$W/alpha/hosts/$p"
        sig alpha HUP; stop $p TERM; start $p; sleep $((3 + $(r 5)))
        cp "$W/$p.good" "$W/alpha/hosts/$p"; sig alpha HUP ;;
    17) # toggle ConnectTo lines and reload
        if grep -q "ConnectTo = delta" "$W/alpha/tinc.conf"; then sed -i '/ConnectTo = delta/d' "$W/alpha/tinc.conf"; else echo "ConnectTo = delta" >> "$W/alpha/tinc.conf"; fi
        sig alpha HUP ;;
    18) [ $(r 4) = 0 ] && { sig alpha INT; ip netns exec r16t1 ping -c 2 -i 0.3 -W 1 10.216.0.$((2 + $(r 3))) >/dev/null 2>&1; sig alpha INT; } ;;
    19) [ $(r 3) = 0 ] && { stop alpha TERM; sleep $((1 + $(r 3))); start alpha; } ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
sleep 2
for n in delta charlie bravo alpha; do stop $n TERM; done
sleep 1
cleanup
