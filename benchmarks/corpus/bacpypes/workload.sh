#!/bin/bash
# Randomised workload for BACpypes3: a BACnet/IP device (devA) and a client device (devB) driven
# through the bacpypes3 console, each in its own network namespace joined by a veth pair.
RANDOM=4647
set -m
cd /work/round46/bacpypes || exit 1
BASE=/tmp/round46-r46a
PY=$BASE/venv-bacpypes3/bin/python
DIR=/work/round46/bacpypes
RAW=$BASE/bac/raw.log
A=10.46.2.1:46100
DBG="__main__ bacpypes3.service.device bacpypes3.service.object"
mkdir -p $BASE/bac $BASE/home $BASE/tmp $BASE/xdg/{config,cache,data,runtime}
chmod 700 $BASE/xdg/runtime
: > "$RAW"

ip netns del r46a-b1 2>/dev/null; ip netns del r46a-b2 2>/dev/null
ip netns add r46a-b1; ip netns add r46a-b2
ip link add r46a-bv0 type veth peer name r46a-bv1
ip link set r46a-bv0 netns r46a-b1; ip link set r46a-bv1 netns r46a-b2
ip -n r46a-b1 addr add 10.46.2.1/24 dev r46a-bv0; ip -n r46a-b2 addr add 10.46.2.2/24 dev r46a-bv1
for n in r46a-b1 r46a-b2; do ip -n $n link set lo up; done
ip -n r46a-b1 link set r46a-bv0 up; ip -n r46a-b2 link set r46a-bv1 up

APID=
start_a() {
  sleep 100000 | $DIR/nsrun.sh r46a-b1 $PY -u -m bacpypes3 --name devA --instance 1001 \
    --address 10.46.2.1/24:46100 --debug $DBG >/dev/null 2>> "$RAW" &
  APID=$!
  sleep 2
}
stop_a() {
  [ -n "$APID" ] && kill -TERM -- -"$APID" 2>/dev/null; wait "$APID" 2>/dev/null
  APID=
}

# all random draws happen in this shell (bash reseeds RANDOM in subshells)
pick() { local a=("$@"); P="${a[$((RANDOM % ${#a[@]}))]}"; }
DEVPROPS=(object-name vendor-name object-list system-status local-time local-date description
  model-name protocol-revision max-apdu-length-accepted "object-list[0]" "object-list[2]"
  "object-list[9]" present-value location database-revision)
command_line() { # sets C
  local r=$((RANDOM % 100))
  if   [ $r -lt 22 ]; then pick "${DEVPROPS[@]}"; C="read $A device:1001 $P"
  elif [ $r -lt 28 ]; then pick ip-address bacnet-ip-udp-port object-name link-speed; C="read $A network-port:1 $P"
  elif [ $r -lt 33 ]; then pick analog-value:5 binary-input:2 device:77; C="read $A $P present-value"
  elif [ $r -lt 36 ]; then pick no-such-prop 'object-list[x]'; C="read $A device:1001 $P"
  elif [ $r -lt 45 ]; then pick description description location object-name vendor-name; local p=$P
                           pick hello plant-$RANDOM x; C="write $A device:1001 $p $P"
  elif [ $r -lt 48 ]; then pick analog-value:3 device:1001; C="write $A $P present-value $RANDOM"
  elif [ $r -lt 57 ]; then pick '' '' $A '1000 1100' '5000 6000' "$A 1 2000"; C="whois $P"
  elif [ $r -lt 62 ]; then pick '' $A; C="iam $P"
  elif [ $r -lt 70 ]; then pick device:1001 devA '1 2000 network-port:1' analog-input:9 "device:1001 $A"; C="whohas $P"
  elif [ $r -lt 78 ]; then pick object-name vendor-name 'object-name vendor-name'; local p=$P
                           pick '' 'network-port:1 ip-address' 'analog-value:1 present-value'; C="rpm $A device:1001 $p $P"
  elif [ $r -lt 81 ]; then C="ihave device:2002 devB"
  elif [ $r -lt 84 ]; then pick frobnicate read whohas 'write 10.46.2.1 device:1001'; C="$P"
  elif [ $r -lt 86 ]; then C="read 10.46.2.9:46100 device:$((RANDOM % 50)) object-name"
  elif [ $r -lt 90 ]; then pick irt rbdt rfdt; C="$P $A"
  else C="whois $A $((RANDOM % 1000)) $((1000 + RANDOM % 2000))"
  fi
}

client_session() { # number of commands; the command list is drawn here, then fed with pauses
  local n=$1 i plan=$BASE/bac/plan.txt
  : > $plan
  for i in $(seq $n); do
    command_line
    printf '0.%d\t%s\n' $((3 + RANDOM % 7)) "$C" >> $plan
  done
  {
    while IFS=$'\t' read -r pause line; do
      echo "$line"; sleep $pause
    done < $plan
    sleep 4
  } | $DIR/nsrun.sh r46a-b2 $PY -u -m bacpypes3 --name devB --instance 2002 \
      --address 10.46.2.2/24:46100 --debug $DBG >/dev/null 2>> "$RAW"
}

for round in 1 2 3 4; do
  start_a
  for s in $(seq $((1 + RANDOM % 2))); do
    client_session $((4 + RANDOM % 6))
  done
  stop_a
  # device gone: requests time out
  [ $((RANDOM % 2)) -eq 0 ] && client_session 2
done
ip netns del r46a-b1; ip netns del r46a-b2
sed -n '1,2500p' "$RAW" > $DIR/bacpypes.log
