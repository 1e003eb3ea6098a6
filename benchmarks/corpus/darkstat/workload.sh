#!/bin/bash
# darkstat workload: runs darkstat --verbose --no-daemon in network namespace r33a-ds
# (veth r33a-v0, peer r33a-v1 in r33a-dp), its stderr appended to $RAW.
# Needs root; namespaces made by setup below. Ports 38000-38499.
# The log was made by two passes: SEED=3317 N=14 ./workload.sh, then
# APPEND=1 SEED=3318 N=5 ./workload.sh (the second appending to the same file).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round33-r33a/ds-work
RAW=${RAW:-$W/darkstat.raw.log}
CH=$W/chroot
mkdir -p "$W" "$CH"
[ "${APPEND:-0}" = 1 ] || : > "$RAW"
T="python3 $HERE/traffic.py"
DS="ip netns exec r33a-ds /usr/sbin/darkstat"
PEER="ip netns exec r33a-dp"
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
echo "seed $SEED" > "$W/seed"

setup() {
  ip netns add r33a-ds 2>/dev/null; ip netns add r33a-dp 2>/dev/null
  if ! ip -n r33a-ds link show r33a-v0 >/dev/null 2>&1; then
    ip -n r33a-ds link add r33a-v0 type veth peer name r33a-v1 netns r33a-dp
  fi
  ip -n r33a-ds addr replace 10.33.71.1/24 dev r33a-v0
  ip -n r33a-dp addr replace 10.33.71.2/24 dev r33a-v1
  ip -n r33a-ds addr replace fd33::1/64 dev r33a-v0 nodad
  ip -n r33a-dp addr replace fd33::2/64 dev r33a-v1 nodad
  for n in r33a-ds r33a-dp; do ip -n $n link set lo up; done
  ip -n r33a-ds link set r33a-v0 up; ip -n r33a-dp link set r33a-v1 up
}

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
chance() { [ $((RANDOM % 100)) -lt "$1" ]; }

quick() {  # a run that is expected to exit by itself
  timeout 20 $DS "$@" 2>>"$RAW" >/dev/null
}

bg() {  # a run stopped by the caller: pid in BP
  $DS "$@" 2>>"$RAW" >/dev/null &
  BP=$!
}

stop() { kill -TERM $BP 2>/dev/null; sleep 1; kill -KILL $BP 2>/dev/null; wait $BP 2>/dev/null; }

normal_run() {
  local port=$((38000 + RANDOM % 400)) args=(-i r33a-v0 --verbose --no-daemon) dur=$((6 + RANDOM % 14))
  args+=(-p $port)
  chance 40 && args+=(--no-dns)
  chance 30 && args+=(-f "$(pick 'ip or ip6' 'udp or tcp' 'not arp' 'net 10.33.0.0/16 or ip6')")
  chance 35 && args+=(-l "$(pick 10.33.71.0/255.255.255.0 10.33.71.0/24 10.33.0.0/16 fd33::/64)")
  chance 15 && args+=(--local-only)
  chance 30 && args+=(--hosts-max $((10 + RANDOM % 30)))
  chance 25 && args+=(--ports-max $((4 + RANDOM % 20)))
  chance 15 && args+=(--ports-keep $((20 + RANDOM % 60)))
  chance 15 && args+=(--hosts-keep 2000)
  chance 20 && args+=(--no-promisc)
  chance 15 && args+=(--no-macs)
  chance 10 && args+=(--no-lastseen)
  chance 15 && args+=(--highest-port 1024)
  chance 20 && args+=(--base "$(pick /ds/ stats /a/b/)")
  local bind=10.33.71.1
  if chance 25; then bind=$(pick 10.33.71.1 fd33::1 127.0.0.1); args+=(-b $bind); fi
  chance 10 && args+=(--snaplen $((60 + RANDOM % 100)))
  local chr=0
  if chance 60; then
    chr=1; args+=(--chroot "$CH")
    chance 50 && args+=(--export export.db)
    chance 40 && [ -s "$CH/export.db" ] && args+=(--import export.db)
    chance 30 && args+=(--daylog daylog.txt)
    chance 30 && args+=(--pidfile darkstat.pid)
    if chance 25; then chmod 755 "$CH"; else chmod 777 "$CH"; fi
  fi
  $DS "${args[@]}" 2>>"$RAW" >/dev/null &
  local pid=$!
  sleep 1.5
  $PEER $T frames r33a-v1 $((50 + RANDOM % 300)) $((5 + RANDOM % 60)) $RANDOM &
  local fp=$!
  chance 80 && { $PEER $T http $bind $port $((3 + RANDOM % 25)) $RANDOM & }
  local t=0
  while [ $t -lt $dur ]; do
    sleep 1; t=$((t+1))
    case $((RANDOM % 12)) in
      0) kill -USR1 $pid 2>/dev/null ;;
      1) kill -USR2 $pid 2>/dev/null ;;
      2) ip -n r33a-ds addr add 10.33.71.$((100 + RANDOM % 50))/24 dev r33a-v0 2>/dev/null ;;
      3) ip -n r33a-ds addr flush dev r33a-v0 label r33a-v0 2>/dev/null; ip -n r33a-ds addr replace 10.33.71.1/24 dev r33a-v0 ;;
      4) ip -n r33a-ds -4 addr flush dev r33a-v0; sleep 1.2; ip -n r33a-ds addr replace 10.33.71.1/24 dev r33a-v0 ;;
    esac
  done
  wait $fp 2>/dev/null
  if chance 15; then
    ip -n r33a-ds link set r33a-v0 down; sleep 2
    ip -n r33a-ds link set r33a-v0 up; setup
  else
    kill -$(pick TERM INT) $pid 2>/dev/null
  fi
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
  kill -KILL $pid 2>/dev/null
  wait 2>/dev/null
  ip -n r33a-ds -4 addr flush dev r33a-v0; setup
}

error_run() {
  case $((RANDOM % 24)) in
    0) quick -i r33a-nope --verbose --no-daemon -p 38450 ;;
    1) quick -i r33a-v0 --verbose --no-daemon -p 38451 -f "port ((" ;;
    2) quick -i r33a-v0 --verbose --no-daemon -p "$(pick abc 99999 12x)" ;;
    3) quick -i r33a-v0 --verbose --no-daemon --bogus-flag ;;
    4) quick -i r33a-v0 --verbose --no-daemon -p ;;
    5) quick -i r33a-v0 -i r33a-v0 --verbose --no-daemon -p 38452 -p 38453 ;;
    6) quick --verbose --no-daemon -p 38454 ;;
    7) quick -i r33a-v0 -r /nonexistent.pcap --verbose --no-daemon ;;
    8) quick -i r33a-v0 --verbose --no-daemon -p 38455 --user r33a-nosuchuser ;;
    9) quick -i r33a-v0 --verbose --no-daemon -p 38456 --chroot /tmp/round33-r33a/no-such-dir ;;
    10) quick -i r33a-v0 --verbose --no-daemon -p 38457 -b 10.33.99.1 ;;
    11) quick -i r33a-v0 --verbose --no-daemon -p 38458 -l "$(pick 10.33.71.0 10.33.71.0/99 bogus/24 10.33.71.0/255.0.255.0)" ;;
    12) quick -r /tmp/round33-r33a/ds-work/no.pcap --verbose --no-daemon ;;
    13) $PEER python3 "$HERE/traffic.py" pcap "$W/cap.pcap" $((20 + RANDOM % 200)) $RANDOM
        quick -r "$W/cap.pcap" --verbose --no-daemon $(chance 50 && echo --export "$W/cap-export.db") $(chance 40 && echo -f udp) ;;
    14) # another instance already holds the port
        bg -i r33a-v0 --verbose --no-daemon --no-dns -p 38460
        sleep 1.5; quick -i r33a-v0 --verbose --no-daemon --no-dns -p 38460 -b 10.33.71.1
        stop ;;
    15) # wait for a down interface
        ip -n r33a-ds link set r33a-v0 down
        bg -i r33a-v0 --verbose --no-daemon --no-dns -p 38461 --wait $(pick 0 2 3 5)
        sleep $((2 + RANDOM % 3)); ip -n r33a-ds link set r33a-v0 up; sleep 2
        stop; setup ;;
    16) # import a damaged or missing export file
        if [ -s "$CH/export.db" ]; then
          head -c $((RANDOM % 200 + 1)) "$CH/export.db" > "$CH/broken.db"
        else printf 'notadb' > "$CH/broken.db"; fi
        chmod 777 "$CH"
        bg -i r33a-v0 --verbose --no-daemon --no-dns -p 38462 --chroot "$CH" --import "$(pick broken.db missing.db)"
        sleep 3; stop ;;
    17) bg -i r33a-v0 --verbose --no-daemon -p 38463 --hosts-max 10 --hosts-keep 40 --ports-max 5 --ports-keep 9 --local-only
        sleep 2; $PEER $T frames r33a-v1 60 30 $RANDOM; stop ;;
    18) quick -i r33a-v0 --verbose --no-daemon -p 38464 --highest-port 70000 ;;
    19) quick -i r33a-v0 --verbose --no-daemon -p 38465 -f "" ;;
    20) quick -i r33a-v0 --verbose --no-daemon -p 38466 --import x.db ;;
    21) quick -i lo --verbose --no-daemon -p 38467 --pppoe ;;
    22) bg -i r33a-v0 --verbose --no-daemon -p 38468 --pppoe --no-dns
        sleep 2; $PEER $T frames r33a-v1 40 5 $RANDOM; sleep 1; stop ;;
    23) quick -i r33a-v0 --verbose --no-daemon -p 38469 -b no.such.host.invalid ;;
  esac
}

setup
N=${N:-14}
for i in $(seq 1 $N); do
  normal_run
  for j in $(seq 1 $((RANDOM % 4))); do error_run; done
done
# a capture file, and an interface that is down when darkstat starts
for c in 13 15 15; do
  case $c in
    13) $PEER python3 "$HERE/traffic.py" pcap "$W/cap.pcap" $((20 + RANDOM % 200)) $RANDOM
        quick -r "$W/cap.pcap" --verbose --no-daemon --export "$W/cap-export.db" ;;
    15) ip -n r33a-ds link set r33a-v0 down
        bg -i r33a-v0 --verbose --no-daemon --no-dns -p 38461 --wait $(pick 0 2 3 5)
        sleep $((2 + RANDOM % 3)); ip -n r33a-ds link set r33a-v0 up; sleep 2
        stop; setup ;;
  esac
done
# one run with a connection left idle past darkstat's 60 s http timeout
$DS -i r33a-v0 --verbose --no-daemon --no-dns -p 38470 2>>"$RAW" >/dev/null &
p=$!; sleep 1.5
$PEER $T idle 10.33.71.1 38470 70 &
$PEER $T idle 10.33.71.1 38470 3 &
sleep 66; $PEER $T http 10.33.71.1 38470 4 $RANDOM
kill $p; wait
