#!/bin/bash
# Randomised workload for isnsd (open-isns-server): runs the daemon in the
# foreground with all debug facilities on, drives it with isnsadm and raw TCP
# clients, restarts it, and captures stderr to isnsd.raw.log.
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35b/isns
PORT=46500
RAW=$T/isnsd.raw.log
mkdir -p $T/db
: > $RAW
DPID=
start() {
  isnsd -c "$1" -f -d all >> $RAW 2>&1 &
  DPID=$!; echo $DPID >> $T/pids; sleep 0.5
}
stop() { [ -n "$DPID" ] && kill -TERM $DPID 2>/dev/null; wait $DPID 2>/dev/null; DPID=; }
r() { echo $(( RANDOM % $1 )); }
adm() {  # random source name per call
  local src=iqn.2026-12.org.example:$1
  sed "s/^SourceName.*/SourceName = $src/" $D/isnsadm.conf > $T/adm.conf
  shift
  timeout 15 isnsadm -c $T/adm.conf "$@" >/dev/null 2>&1
}
junk() {  # raw bytes to the server port
  python3 - "$PORT" "$1" <<'PY'
import socket, sys, os, struct, random
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=3)
if kind == "garbage":
    s.sendall(os.urandom(random.randint(1, 64)))
elif kind == "badver":
    s.sendall(struct.pack("!HHHHHH", 7, 1, 0, 0x8000|0x4000|0x0800, 1, 0))
elif kind == "badfunc":
    s.sendall(struct.pack("!HHHHHH", 1, random.choice([0x0042, 0x00ff, 0x8099]), 0, 0x8000|0x4000|0x0800, random.randint(1,999), 0))
elif kind == "shortlen":
    s.sendall(struct.pack("!HHHHHH", 1, 2, 6, 0x8000|0x4000|0x0800, 5, 0) + b"\0\0\0\x20\0\0")
elif kind == "bigpdu":
    s.sendall(struct.pack("!HHHHHH", 1, 2, 0xfff0, 0x8000|0x4000|0x0800, 9, 0) + os.urandom(100))
elif kind == "halfclose":
    s.sendall(struct.pack("!HHHHHH", 1, 1, 40, 0x8000|0x4000|0x0800, 3, 0)[:7])
elif kind == "multi":
    s.sendall(struct.pack("!HHHHHH", 1, 2, 0, 0x8000|0x4000|0x0400, 11, 0))
    s.sendall(struct.pack("!HHHHHH", 1, 2, 0, 0x8000|0x0800, 11, 3))
try:
    s.settimeout(1); s.recv(4096)
except Exception:
    pass
s.close()
PY
}
rounds=${1:-6}
for round in $(seq 1 $rounds); do
  cfg=$D/isnsd.conf
  if [ $(r 4) = 0 ]; then  # config with unknown / empty items
    cp $D/isnsd.conf $T/bad.conf; printf 'Frobnicate = %d\nESIRetries\nNetwork.Bogus = x\n' $RANDOM >> $T/bad.conf; cfg=$T/bad.conf
  fi
  start $cfg
  n=$(( 8 + $(r 14) ))
  for i in $(seq 1 $n); do
    h=host$(r 12); t=tgt$(r 6)
    case $(r 16) in
      0|1|2) adm $h --register initiator=iqn.2026-12.org.example:$h portal=127.0.0.$(( 1 + $(r 3) )):$(( 3260 + $(r 3) )) ;;
      3|4) adm $t --register entity=ent-$t target=iqn.2026-12.org.example:$t portal=127.0.0.1:$(( 3260 + $(r 5) )),esi-port=$(( 46600 + $(r 5) )) ;;
      5) adm $h --register entity=ent-$h initiator=iqn.2026-12.org.example:$h portal=127.0.0.1:3260,scn-port=$(( 46700 + $(r 5) )) ;;
      6|7) adm $h --query iscsi-name ;;
      8) adm $h --query iscsi-name=iqn.2026-12.org.example:$t ;;
      9) adm $h --query portal-addr=127.0.0.1 ;;
      10) adm $h --deregister iscsi-name=iqn.2026-12.org.example:$h ;;
      11) adm $t --deregister eid=ent-$t ;;
      12) adm $h --dd-register dd-name=dd$(r 4) member-name=iqn.2026-12.org.example:$h ;;
      13) adm $h --dd-deregister dd-id=$(( 1 + $(r 4) )) ;;
      14) adm $h --local --list $(echo nodes portals entities dds pgs policies | tr ' ' '\n' | shuf -n1) ;;
      15) junk $(echo garbage badver badfunc shortlen bigpdu halfclose multi | tr ' ' '\n' | shuf -n1) ;;
    esac
    sleep 0.$(r 6)
  done
  [ $(r 3) = 0 ] && sleep $(( 5 + $(r 10) ))   # let registrations / ESI expire
  stop
done
