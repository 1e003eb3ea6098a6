#!/bin/bash
# Randomised workload for the n2n edge (the logged program); the supernode and the other edges are its peers.
# Everything runs in private network namespaces (r29n2n*); n2n UDP traffic uses 127.0.0.1 and ports 23000-23999.
set -u
D=/work/round29/n2n
cd "$D"
LOG=$D/n2n.log
PIDS=$D/pids.txt
CL="python3 $D/n2nclient.py"
NS=r29n2n
: > "$LOG"
: > "$PIDS"
rm -f "$D"/peer_*.out "$D"/edgeA.err

r() { shuf -i "$1-$2" -n 1; }
pick() { shuf -e "$@" -n 1; }
coin() { [ "$(r 1 100)" -le "${1:-50}" ]; }
nsx() { local n=$1; shift; ip netns exec "$n" "$@"; }
rmac() { printf '02:%02x:%02x:%02x:%02x:%02x' $(r 0 255) $(r 0 255) $(r 0 255) $(r 0 255) $(r 0 255); }
nap() { sleep "$(awk -v a="$1" -v b="$2" 'BEGIN{srand(); printf "%.2f", a+rand()*(b-a)}')"; }

mine() {  # a recorded PID that is still one of ours (running inside one of our namespaces)
  case "$(ip netns identify "$1" 2>/dev/null)" in $NS|${NS}A|${NS}B|${NS}C) return 0 ;; esac
  return 1
}
cleanup() {
  if [ -s "$PIDS" ]; then
    while read -r p; do mine "$p" && kill "$p" 2>/dev/null; done < "$PIDS"
    sleep 1
    while read -r p; do mine "$p" && kill -9 "$p" 2>/dev/null; done < "$PIDS"
  fi
  for n in ${NS}A ${NS}B ${NS}C $NS; do ip netns del "$n" 2>/dev/null; done
}
trap cleanup EXIT

# ---------------------------------------------------------------- parameters (random per run)
PORTS=($(shuf -i 23400-23699 -n 8))
SNPORT=${PORTS[0]}; A_PORT=${PORTS[1]}; B_PORT=${PORTS[2]}; C_PORT=${PORTS[3]}; E_PORT=${PORTS[4]}
DEADPORT=${PORTS[5]}; HOLDPORT=${PORTS[6]}; ECHOPORT=${PORTS[7]}
COMM=$(pick office homelab vpn-ring mesh01 n2ntest)
KEY=$(pick s3cr3t Passw0rd-n2n k3y-$(r 100 999) twofishkey)
NET=10.$(r 200 250).$(r 0 250)
A_IP=$NET.$(r 1 60); B_IP=$NET.$(r 61 120); C_IP=$NET.$(r 121 180); E_IP=$NET.$(r 181 240)
A_MAC=$(rmac); B_MAC=$(rmac); C_MAC=$(rmac); E_MAC=$(rmac)
echo "sn=$SNPORT A=$A_PORT/$A_IP/$A_MAC B=$B_PORT/$B_IP C=$C_PORT/$C_IP comm=$COMM"

# ---------------------------------------------------------------- namespaces
for n in $NS ${NS}A ${NS}B ${NS}C; do
  ip netns add "$n"
  nsx "$n" ip link set lo up
  nsx "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
if coin 40; then  # sometimes let the edge's own interface speak IPv6 too
  nsx ${NS}A sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0
fi

start_sn() {
  ip netns exec $NS supernode -l "$SNPORT" -v >> "$D/peer_supernode.out" 2>&1 &
  echo $! >> "$PIDS"; SN_PID=$!
  sleep 0.5
}
# start_peer NAME DEV IP MAC PORT KEY [extra]
start_peer() {
  local name=$1 dev=$2 ip=$3 mac=$4 port=$5 key=$6; shift 6
  ip netns exec $NS edge -d "$dev" -a "$ip" -c "$COMM" -k "$key" -l "127.0.0.1:$SNPORT" -p "$port" -m "$mac" "$@" \
      >> "$D/peer_$name.out" 2>&1 &
  echo $! >> "$PIDS"
  eval "${name}_PID=$!"
}
# the logged edge: stdout is the log
start_A() {
  ip netns exec $NS env "$@" >> "$LOG" 2>> "$D/edgeA.err" &
  A_PID=$!
  echo $A_PID >> "$PIDS"
}
run_A_short() {  # a start that is expected to fail or is stopped after a moment
  local t=$1; shift
  start_A "$@"
  sleep "$t"
  kill "$A_PID" 2>/dev/null
  wait "$A_PID" 2>/dev/null
}
wait_ready() {  # FILE N : until FILE holds N "Ready" lines (the edge has configured its interface)
  for _ in $(seq 60); do [ "$(grep -c '\] Ready$' "$1" 2>/dev/null)" -ge "$2" ] && return 0; sleep 0.2; done
  return 1
}
move_tap() {  # DEV NS IP
  for _ in 1 2 3 4 5 6 7 8 9 10; do nsx $NS ip link show "$1" >/dev/null 2>&1 && break; sleep 0.3; done
  nsx $NS ip link set "$1" netns "$2"
  nsx "$2" ip addr add "$3/24" dev "$1"
  nsx "$2" ip link set "$1" up
}

# ---------------------------------------------------------------- start-up failures of the edge
start_sn
printf -- '-c %s\n' "$(head -c 1100 /dev/zero | tr '\0' 'x')" > "$D/long.conf"
for i in 1 2 3; do printf -- '-k %s\n' "$(head -c 1100 /dev/zero | tr '\0' 'y')" >> "$D/long.conf"; done
printf -- '-c %s\n-k %s\n@%s/other.conf\n' "$COMM" "$KEY" "$D" > "$D/nested.conf"
FAILS=(missing notdir nested long badtap bind tcp noport nohost)
for f in $(shuf -e "${FAILS[@]}"); do
  case $f in
    missing) run_A_short 0.5 edge "@$D/nosuch-$(r 1 99).conf" ;;
    notdir)  run_A_short 0.5 edge -v "@/etc/hostname/edge.conf" ;;
    nested)  run_A_short 0.5 edge -v "@$D/nested.conf" -d n2nA -a "$A_IP" -l "127.0.0.1:$SNPORT" ;;
    long)    run_A_short 0.5 edge -v "@$D/long.conf" ;;
    badtap)  run_A_short 1 edge -d "$(pick bad/tap n2n/A x/y)" -a "$A_IP" -c "$COMM" -k "$KEY" -l "127.0.0.1:$SNPORT" -v ;;
    bind)
      ip netns exec $NS python3 "$D/n2nclient.py" bindhold "$HOLDPORT" 3 & HP=$!; echo $HP >> "$PIDS"; sleep 0.5
      run_A_short 1.5 edge -d n2nA -a "$A_IP" -c "$COMM" -k "$KEY" -l "127.0.0.1:$SNPORT" -p "$HOLDPORT" -m "$A_MAC" -v
      wait $HP ;;
    tcp)     run_A_short 1.5 edge -d n2nA -a "$A_IP" -c "$COMM" -k "$KEY" -l "127.0.0.1:$DEADPORT" -t -v ;;
    noport)  run_A_short "$(r 2 4)" edge -d n2nA -a "$A_IP" -c "$COMM" -k "$KEY" -l 127.0.0.1 -v ;;
    nohost)  run_A_short "$(r 2 4)" edge -d n2nA -a "$A_IP" -c "$COMM" -k "$KEY" -l "$(pick sn.invalid nosuch-supernode.example.invalid):$SNPORT" -v ;;
  esac
  nap 0.2 0.8
done

# ---------------------------------------------------------------- peers and the main edge
start_peer B n2nB "$B_IP" "$B_MAC" "$B_PORT" "$KEY"
start_peer C n2nC "$C_IP" "$C_MAC" "$C_PORT" "$KEY"
wait_ready "$D/peer_B.out" 1; wait_ready "$D/peer_C.out" 1
move_tap n2nB ${NS}B "$B_IP"
move_tap n2nC ${NS}C "$C_IP"

SNHOST=$(pick 127.0.0.1 localhost)
NREADY=$(grep -c '\] Ready$' "$LOG")
AOPTS=(-d n2nA -a "$A_IP" -c "$COMM" -l "$SNHOST:$SNPORT" -p "$A_PORT" -m "$A_MAC" -v)
coin 50 && AOPTS+=(-b)
coin 50 && AOPTS+=(-s 255.255.255.0 -s 255.255.255.0)
if coin 50; then
  { echo "# edge A configuration  "; printf '  %s \n' "${AOPTS[@]}"; } > "$D/edgeA.conf"
  printf -- '-k %s\n' "$KEY" >> "$D/edgeA.conf"
  start_A edge "@$D/edgeA.conf"
elif coin 50; then
  start_A N2N_KEY="$KEY" edge "${AOPTS[@]}"
else
  start_A edge "${AOPTS[@]}" -k "$KEY"
fi
wait_ready "$LOG" "$((NREADY + 1))"
move_tap n2nA ${NS}A "$A_IP"
for n in B C; do ip netns exec ${NS}$n python3 "$D/n2nclient.py" echo-server "$(eval echo \$${n}_IP)" "$ECHOPORT" 900 & echo $! >> "$PIDS"; done
sleep 1

echo_to() {  # TARGET COUNT
  nsx ${NS}A $CL echo-client "$A_IP" "$1" "$ECHOPORT" "$2"
}
garbage() {  # N random crafted datagrams to the edge's socket
  local k
  for k in $(shuf -n "$1" -r -e short garbage badlzo toolarge version community unknowntype deregister ackstray register-nodst empty-data); do
    nsx $NS $CL udp 127.0.0.1 "$A_PORT" "$k" "$COMM" "$A_MAC"
    nap 0.1 0.5
  done
}
all_garbage() {
  local k
  for k in $(shuf -e short garbage badlzo toolarge version community unknowntype deregister ackstray register-nodst empty-data); do
    nsx $NS $CL udp 127.0.0.1 "$A_PORT" "$k" "$COMM" "$A_MAC"
    nap 0.1 0.4
  done
}
frames_from_A() {
  case $(r 1 3) in
    1) nsx ${NS}A $CL frame n2nA ipv4 "$A_MAC" "$(pick "$B_MAC" ff:ff:ff:ff:ff:ff)" "$NET.$(r 241 254)" "$B_IP" ;;
    2) nsx ${NS}A $CL frame n2nA ethertype "$A_MAC" "$(pick "$B_MAC" "$C_MAC" ff:ff:ff:ff:ff:ff 01:00:05:00:00:01)" ;;
    3) nsx ${NS}A $CL frame n2nA ipv4 "$A_MAC" "$C_MAC" "192.0.2.$(r 1 254)" "$C_IP" ;;
  esac
}
frames_from_B() {
  case $(r 1 4) in
    1) nsx ${NS}B $CL frame n2nB ipv4 "$B_MAC" "$A_MAC" "$B_IP" "198.51.100.$(r 1 254)" ;;
    2) nsx ${NS}B $CL frame n2nB short "$B_MAC" "$A_MAC" ;;
    3) nsx ${NS}B $CL frame n2nB arpreply "$A_MAC" "$A_MAC" "$A_IP" "$A_IP" ;;
    4) nsx ${NS}B $CL frame n2nB ethertype "$B_MAC" "$(pick "$A_MAC" ff:ff:ff:ff:ff:ff)" ;;
  esac
}
fake() { nsx $NS $CL fakepeer 127.0.0.1 "$A_PORT" "$COMM" "$A_MAC" "$1"; }

T0=$(date +%s)
# first contact through the supernode, then direct
echo_to "$B_IP" "$(r 2 4)"
echo_to "$C_IP" "$(r 1 3)"
all_garbage
for s in $(shuf -e register pending-only moved viasupernode register); do fake "$s"; nap 0.2 0.6; done
for i in $(seq "$(r 3 5)"); do frames_from_A; nap 0.1 0.4; done
for i in 1 2 3 4; do nsx ${NS}B $CL frame n2nB "$(pick ipv4 short arpreply)" "$B_MAC" "$A_MAC" "$B_IP" "198.51.100.$(r 1 254)" >/dev/null 2>&1; done
nsx ${NS}B $CL frame n2nB ipv4 "$B_MAC" "$A_MAC" "$B_IP" "198.51.100.$(r 1 254)"
nsx ${NS}B $CL frame n2nB short "$B_MAC" "$A_MAC"
nsx ${NS}B $CL frame n2nB arpreply "$A_MAC" "$A_MAC" "$A_IP" "$A_IP"
for i in $(seq "$(r 2 4)"); do frames_from_B; nap 0.1 0.4; done

# an edge with the wrong key joins the community and talks
start_peer E n2nE "$E_IP" "$E_MAC" "$E_PORT" "wrong-$KEY"
wait_ready "$D/peer_E.out" 1
for i in $(seq "$(r 2 3)"); do nsx $NS $CL frame n2nE ethertype "$E_MAC" "$(pick ff:ff:ff:ff:ff:ff "$A_MAC")"; nap 0.2 0.6; done
kill "$E_PID"

# the supernode dies and comes back
nap 2 6
kill "$SN_PID"
nap 1 3
echo_to "$B_IP" "$(r 1 2)"
garbage 2
start_sn

# peer C dies
nap 3 8
kill "$C_PID"
echo_to "$C_IP" 1

# idle with light traffic until known peers expire (5 minutes) and are purged
IDLE_UNTIL=${IDLE:-$(r 380 400)}
while [ $(( $(date +%s) - T0 )) -lt "$IDLE_UNTIL" ]; do
  case $(r 1 6) in
    1) echo_to "$B_IP" 1 ;;
    2) garbage 1 ;;
    3) fake "$(pick register pending-only moved viasupernode)" ;;
    4) frames_from_A ;;
    5) frames_from_B ;;
    6) : ;;
  esac
  nap 15 30
done

# someone else claims our address: the edge gives up
nsx ${NS}B $CL frame n2nB arpreply "$B_MAC" "$A_MAC" "$A_IP" "$A_IP"
sleep 2
wait "$A_PID" 2>/dev/null

# restart with routing allowed and dropped privileges, some traffic, then stop it
AOPTS=(-d n2nA -a "$A_IP" -c "$COMM" -k "$KEY" -l "127.0.0.1:$SNPORT" -p "$A_PORT" -m "$A_MAC" -r -u 65534 -g 65534 -v)
nsx ${NS}A ip link del n2nA 2>/dev/null
NREADY=$(grep -c '\] Ready$' "$LOG")
start_A edge "${AOPTS[@]}"
wait_ready "$LOG" "$((NREADY + 1))"
move_tap n2nA ${NS}A "$A_IP"
sleep 1
echo_to "$B_IP" "$(r 1 3)"
frames_from_A
nsx ${NS}B $CL frame n2nB ipv4 "$B_MAC" "$A_MAC" "$B_IP" "198.51.100.$(r 1 254)"
garbage 3
sleep 1
if coin 50; then
  kill "$A_PID"            # stopped
else
  nsx $NS $CL udp 127.0.0.1 "$A_PORT" crash "$COMM" "$A_MAC"   # killed by a malformed data packet
  sleep 1; kill "$A_PID" 2>/dev/null
fi
wait "$A_PID" 2>/dev/null
echo "done: $(wc -l < "$LOG") lines"
