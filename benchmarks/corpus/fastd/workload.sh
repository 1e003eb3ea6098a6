#!/bin/bash
# Round-20 corpus workload: fastd v22 (Debian 12 package). A hub instance "a" (127.0.0.1:26201,
# `log level debug`, stderr appended to $OUT/fastd.log) peers over UDP on 127.0.0.x with two
# permanent instances b and c and with many short-lived client instances (known, unknown, verified
# and refused keys, wrong mode, MTU and methods, wrong recipient key, own key); peer files are
# added, changed, renamed, broken and removed with SIGHUP reloads; garbage UDP packets; Ethernet
# frames injected on the TAP devices; SIGUSR2 resets; status-socket dumps; hub restarts; stop.
# Only ports 26200-26899 on 127.0.0.x are used. Scratch files in /tmp/r20fastd.
# Run as root: bash workload.sh OUT_DIR [DURATION_SECONDS]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/r20fastd
mkdir -p "$OUT"; rm -f "$OUT/fastd.log"
[ -d $W ] && for f in $W/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
rm -rf $W; mkdir -p $W/peers-a $W/peers-b $W/peers-c $W/cl
cd $W
r() { echo $((RANDOM % $1)); }
genkey() { fastd --generate-key --machine-readable; }
pubof() { printf 'secret "%s";' "$1" > $W/tmp.conf; fastd -c $W/tmp.conf --show-key --machine-readable; }

SA=$(genkey); PA=$(pubof $SA)
SB=$(genkey); PB=$(pubof $SB)
SC=$(genkey); PC=$(pubof $SC)
# pool of known dynamic keys (configured in peers-a without remote)
declare -a KS KP KN
names=(alpha bravo charlie delta echo foxtrot golf hotel)
for i in 0 1 2 3 4 5 6 7; do KS[$i]=$(genkey); KP[$i]=$(pubof ${KS[$i]}); KN[$i]=${names[$i]}$(r 90); done
# pool of unknown keys, half of them accepted by the on-verify script
declare -a US UP
for i in 0 1 2 3 4 5; do US[$i]=$(genkey); UP[$i]=$(pubof ${US[$i]}); done
: > $W/allowed
for i in 0 2 4; do echo ${UP[$i]} >> $W/allowed; done

cat > $W/verify.sh <<'EOF'
#!/bin/sh
sleep 0.$((RANDOM % 3)) 2>/dev/null
grep -q "^$PEER_KEY\$" /tmp/r20fastd/allowed
EOF
cat > $W/hook.sh <<'EOF'
#!/bin/sh
# fails now and then
[ $(( $(od -An -N1 -tu1 /dev/urandom) % 4 )) -eq 0 ] && exit $(( $(od -An -N1 -tu1 /dev/urandom) % 5 + 1 ))
exit 0
EOF
chmod +x $W/verify.sh $W/hook.sh

cat > $W/a.conf <<EOF
log level debug;
interface "r20fa";
mode tap;
bind 127.0.0.1:26201;
method "salsa2012+umac";
method "null+salsa2012+umac";
method "null";
secret "$SA";
mtu 1400;
status socket "$W/a.sock";
on verify "$W/verify.sh";
on establish "$W/hook.sh";
on disestablish "$W/hook.sh";
on up "ip link set \$INTERFACE up";
include peers from "peers-a";
EOF
mkpeer() { # name key [remote]
  if [ -n "${3:-}" ]; then printf 'key "%s";\nremote %s;\nfloat yes;\n' "$2" "$3" > "$W/peers-a/$1"
  else printf 'key "%s";\n' "$2" > "$W/peers-a/$1"; fi
}
mkpeer nodeb $PB "127.0.0.2:26202"
mkpeer nodec $PC "127.0.0.3:26203"
for i in 0 1 2 3 4 5; do mkpeer ${KN[$i]} ${KP[$i]}; done

mkside() { # name secret ip port method mode mtu
  cat > $W/$1.conf <<EOF
log level info;
interface "r20f$1";
mode $6;
bind 127.0.0.$3:$4;
method "$5";
secret "$2";
mtu $7;
on up "ip link set \$INTERFACE up";
peer "hub" { key "$PA"; remote 127.0.0.1:26201; float yes; }
EOF
}
mkside b $SB 2 26202 salsa2012+umac tap 1400
mkside c $SC 3 26203 null tap 1400

start_a() { fastd -c $W/a.conf 2>> "$OUT/fastd.log" & echo $! > $W/a.pid; }
start_side() { fastd -c $W/$1.conf 2>> $W/$1.err & echo $! > $W/$1.pid; }
stop() { [ -f $W/$1.pid ] && kill ${2:-} "$(cat $W/$1.pid)" 2>/dev/null; rm -f $W/$1.pid; }
hup() { kill -HUP "$(cat $W/a.pid)"; }

# a short-lived client instance: client ID secret method mode mtu peerkey lifetime [signal]
client() {
  local id=$1 sec=$2 meth=$3 mode=$4 mtu=$5 pk=$6 life=$7 sig=${8:-TERM}
  local ip=$((10 + $(r 200))) port=$((26300 + $(r 500)))
  cat > $W/cl/$id.conf <<EOF
log level info;
interface "r20c$id";
mode $mode;
bind 127.0.0.$ip:$port;
method "$meth";
secret "$sec";
mtu $mtu;
peer "hub" { key "$pk"; remote 127.0.0.1:26201; }
EOF
  ( fastd -c $W/cl/$id.conf 2>> $W/cl/$id.err & p=$!; echo $p > $W/cl/$id.pid
    sleep $life; kill -$sig $p 2>/dev/null; wait $p 2>/dev/null; rm -f $W/cl/$id.pid ) &
}

# UDP garbage towards the hub
garbage() {
python3 - "$1" <<'EOF'
import os, random, socket, sys
kind = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.%d" % random.randint(30, 250), random.randint(26300, 26899)))
dst = ("127.0.0.1", 26201)
if kind == 0:   # random bytes
    p = os.urandom(random.randint(1, 300))
elif kind == 1: # handshake type byte, too short
    p = b"\x01" + os.urandom(random.randint(0, 3))
elif kind == 2: # handshake with bad version / fields
    p = b"\x01" + bytes([random.randint(0, 255)]) + os.urandom(random.randint(2, 60))
elif kind == 3: # data packet from unknown address
    p = b"\x02" + os.urandom(random.randint(20, 200))
elif kind == 4: # invalid packet type
    p = bytes([random.randint(3, 255)]) + os.urandom(random.randint(4, 100))
else:           # handshake header with TLV records but nonsense content
    recs = b""
    for _ in range(random.randint(0, 4)):
        t = random.randint(0, 12); v = os.urandom(random.randint(0, 40))
        recs += t.to_bytes(2, "little") + len(v).to_bytes(2, "little") + v
    p = b"\x01\x00" + len(recs).to_bytes(2, "big") + recs
for _ in range(random.randint(1, 3)):
    s.sendto(p, dst)
EOF
}

# raw Ethernet frames on a side TAP device (learned MAC addresses at the hub)
frames() {
python3 - "$1" <<'EOF'
import os, random, socket, sys
try:
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((sys.argv[1], 0))
except OSError:
    sys.exit(0)
for _ in range(random.randint(1, 6)):
    src = bytes([0x02]) + os.urandom(5)
    dst = random.choice([b"\xff" * 6, bytes([0x02]) + os.urandom(5)])
    s.send(dst + src + b"\x88\xb5" + os.urandom(random.randint(46, 400)))
EOF
}

status_dump() {
python3 - <<'EOF'
import socket
s = socket.socket(socket.AF_UNIX)
try:
    s.connect("/tmp/r20fastd/a.sock")
    while s.recv(65536): pass
except OSError:
    pass
EOF
}

start_a; sleep 1; start_side b; start_side c; sleep 2
cid=0
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  cid=$((cid + 1))
  case $(r 24) in
    0|1|2) i=$(r 8); client $cid ${KS[$i]} salsa2012+umac tap 1400 $PA $((2 + $(r 12))) $([ $(r 3) = 0 ] && echo KILL || echo TERM) ;;
    3) i=$(r 6); client $cid ${US[$i]} salsa2012+umac tap 1400 $PA $((2 + $(r 6))) ;;
    4) i=$(r 8); client $cid ${KS[$i]} salsa2012+umac tun 1400 $PA 3 ;;
    5) i=$(r 8); client $cid ${KS[$i]} salsa2012+umac tap $((1280 + $(r 100))) $PA 3 ;;
    6) i=$(r 8); client $cid ${KS[$i]} $([ $(r 2) = 0 ] && echo aes128-ctr+umac || echo salsa20+umac) tap 1400 $PA 3 ;;
    7) i=$(r 8); client $cid ${KS[$i]} salsa2012+umac tap 1400 $([ $(r 2) = 0 ] && echo $PB || echo ${UP[$(r 6)]}) 3 ;;
    8) client $cid $SA salsa2012+umac tap 1400 $PA 3 ;;
    9|10) garbage $(r 6) ;;
    11) # add a new peer file (sometimes with a dead or unresolvable remote), reload
        n=new$RANDOM; k=$(genkey)
        while [ $(ls $W/peers-a | wc -l) -gt 13 ]; do rm -f "$W/peers-a/$(ls $W/peers-a | grep -v -e nodeb -e nodec | shuf -n1)"; done
        case $(r 8) in
          0|1) mkpeer $n $(pubof $k) "127.0.0.$((50 + $(r 100))):$((26300 + $(r 500)))" ;;
          2) printf 'key "%s";\nremote "nosuch%d.invalid" port %d;\n' $(pubof $k) $RANDOM $((26300 + $(r 500))) > $W/peers-a/$n ;;
          3) printf 'key "%s";\nremote "localhost" port %d;\n' $(pubof $k) $((26300 + $(r 500))) > $W/peers-a/$n ;;
          *) mkpeer $n $(pubof $k) ;;
        esac
        hup ;;
    12) # remove a random non-core peer file, reload
        f=$(ls $W/peers-a | grep -v -e nodeb -e nodec | shuf -n1); [ -n "$f" ] && rm -f "$W/peers-a/$f"; hup ;;
    13) # change or rename a peer file, reload
        f=$(ls $W/peers-a | grep -v -e nodeb -e nodec | shuf -n1)
        if [ -n "$f" ]; then
          if [ $(r 2) = 0 ]; then mv "$W/peers-a/$f" "$W/peers-a/ren$RANDOM"
          else printf 'remote 127.0.0.%d:%d;\n' $((50 + $(r 100))) $((26300 + $(r 500))) >> "$W/peers-a/$f"; fi
        fi
        hup ;;
    14) # bad peer files: invalid key, duplicate key, own key, backup file, syntax error
        case $(r 5) in
          0) printf 'key "%s";\n' "zz$RANDOM$RANDOM" > $W/peers-a/bad$RANDOM ;;
          1) i=$(r 8); printf 'key "%s";\n' ${KP[$i]} > $W/peers-a/dup$RANDOM ;;
          2) printf 'key "%s";\n' $PA > $W/peers-a/self$RANDOM ;;
          3) printf 'key "%s";\n' ${UP[1]} > $W/peers-a/old$RANDOM~ ;;
          4) printf 'key "%s"\nremote 127.0.0.9 port;\n' $(pubof $(genkey)) > $W/peers-a/broken$RANDOM ;;
        esac
        hup; sleep 1
        [ $(r 4) != 0 ] && { rm -f $W/peers-a/bad* $W/peers-a/dup* $W/peers-a/self* $W/peers-a/*~ $W/peers-a/broken*; hup; } ;;
    15|16) frames r20fb; [ $(r 2) = 0 ] && frames r20fc ;;
    17) status_dump ;;
    18) # restart b or c, sometimes on another port (float)
        s=$([ $(r 2) = 0 ] && echo b || echo c)
        stop $s $([ $(r 2) = 0 ] && echo -KILL); sleep $((1 + $(r 4)))
        if [ $(r 2) = 0 ]; then sed -i "s/^bind .*/bind 127.0.0.$([ $s = b ] && echo 2 || echo 3):$((26210 + $(r 50)));/" $W/$s.conf; fi
        start_side $s ;;
    19) kill -USR2 "$(cat $W/a.pid)" ;;
    20) # stop b or c for a while (session times out at the hub)
        s=$([ $(r 2) = 0 ] && echo b || echo c); [ -f $W/$s.pid ] && { stop $s -KILL; ( sleep $((20 + $(r 40))); [ -f $W/stopping ] || start_side $s ) & } ;;
    21) # allow or revoke an unknown key for on-verify
        i=$(r 6); if grep -q ${UP[$i]} $W/allowed; then sed -i "/${UP[$i]}/d" $W/allowed; else echo ${UP[$i]} >> $W/allowed; fi ;;
    22) [ $(r 6) = 0 ] && { stop a; sleep 1; start_a; sleep 1; } ;;
    23) [ $(r 3) = 0 ] && kill -HUP "$(cat $W/a.pid)" ;;
  esac
  sleep 0.$((2 + $(r 8)))
done
touch $W/stopping; sleep 5
for f in $W/cl/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
stop b; stop c; sleep 2; stop a; sleep 2
for f in $W/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
# instances restarted by a delayed subshell after their pid file was read
pgrep -f "^fastd -c $W/" | xargs -r kill 2>/dev/null
wc -l "$OUT/fastd.log"
