#!/bin/bash
# Round-16 corpus workload: lldpd 1.0 (Debian 12 package lldpd). Five private network
# namespaces joined by veth pairs: r16l1 runs the logged lldpd (`lldpd -d -ddd`, stderr to
# OUT/lldpd.log, CDP/EDP/FDP/SONMP receive enabled), r16l2 and r16l3 run neighbour lldpd
# instances (forcing CDP/EDP/FDP/SONMP sending, LLDP-MED), r16l4 is unused, r16l5 runs none and injects
# hand-made good and broken frames (rawlldp.py). Randomised lldpcli commands (good and bad),
# interfaces going down/up/away, neighbours killed and restarted, the logged daemon stopped at the end.
# lldpd's full debug output is about 50-100 lines a second, hence the short default duration;
# the kept log is the head of the file (cut at a line boundary).
# Run as root: bash workload.sh OUT_DIR [DURATION]   (writes OUT_DIR/lldpd.log)
set -u
OUT=${1:?out dir}; DURATION=${2:-22}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r16lldp
mkdir -p "$OUT" /run/lldpd; rm -f "$OUT/lldpd.log"
r() { echo $((RANDOM % $1)); }

cleanup() {
  for f in "$W"/pid.*; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  sleep 1
  for n in 1 2 3 4 5; do ip netns del r16l$n 2>/dev/null; done
}
[ -d "$W" ] && cleanup
rm -rf "$W"; mkdir -p "$W"

for n in 1 2 3 4 5; do ip netns add r16l$n; ip -n r16l$n link set lo up; done
link() { # nsA ifA nsB ifB
  ip link add r16x$$ type veth peer name r16y$$
  ip link set r16x$$ netns r16l$1; ip link set r16y$$ netns r16l$3
  ip -n r16l$1 link set r16x$$ name $2; ip -n r16l$3 link set r16y$$ name $4
  ip -n r16l$1 link set $2 up; ip -n r16l$3 link set $4 up
}
link 1 e2 2 up1; link 1 e3 3 up1; link 1 e5 5 inj0
ip -n r16l1 addr add 192.0.2.1/24 dev e2; ip -n r16l1 addr add 2001:db8::1/64 dev e3
for n in 2 3; do ip -n r16l$n addr add 192.0.2.$n/24 dev up1; done

OPTS=([1]="-c -e -f -s" [2]="-cc -ee -M 4" [3]="-ff -ss -c")
start() { # node
  local n=$1 err="$W/node$n.err"
  [ $n = 1 ] && err="$OUT/lldpd.log"
  printf 'configure lldp tx-interval %s\nconfigure system hostname node%s-%s\n' $((20 + $(r 11))) $n $(r 100) > "$W/node$n.conf"
  ip netns exec r16l$n lldpd -d -ddd ${OPTS[$n]} -u "$W/ctl$n.socket" -O "$W/node$n.conf" 2>>"$err" &
  echo $! > "$W/pid.$n"
}
stop() { local n=$1 s=${2:-TERM}; [ -f "$W/pid.$n" ] && kill -$s "$(cat "$W/pid.$n")" 2>/dev/null; sleep 0.5; rm -f "$W/pid.$n"; }
cli() { ip netns exec r16l1 timeout 5 lldpcli -u "$W/ctl1.socket" "$@" >/dev/null 2>&1; }

PORTS=(e2 e3 e5)
good_cmd() {
  local p=${PORTS[$(r 3)]}
  case $(r 22) in
    0) cli show neighbors ;;
    1) cli show neighbors details ;;
    2) cli show neighbors ports $p ;;
    3) cli show interfaces ;;
    4) cli show chassis ;;
    5) cli show statistics ;;
    6) cli show running-configuration ;;
    7) cli configure system hostname "core-$(r 1000)" ;;
    8) cli configure system description "Core switch rev $(r 50)" ;;
    9) cli configure lldp tx-interval $((10 + $(r 30))) ;;
    10) cli configure lldp tx-hold $((2 + $(r 5))) ;;
    11) cli configure ports $p lldp status $(echo rx-only tx-only rx-and-tx disabled | tr ' ' '\n' | shuf -n1) ;;
    12) cli configure ports $p lldp portidsubtype local "port-$(r 99)" description "uplink $(r 99)" ;;
    13) cli configure med policy application voice vlan $((1 + $(r 4000))) priority voice dscp $(r 63) ;;
    14) cli configure med location coordinate latitude 48.85667N longitude 2.2944$(r 9)E altitude $(r 200) m datum WGS84 ;;
    15) cli configure system interface pattern "e*,!e$((2 + $(r 4)))" ;;
    16) cli configure system ip management pattern "192.0.2.*" ;;
    17) cli configure system max-neighbors $((1 + $(r 6))) ;;
    18) cli update ;;
    19) cli pause; sleep 1; cli resume ;;
    20) cli unconfigure system hostname ;;
    21) cli configure lldp agent-type $(echo nearest-bridge nearest-nontpmr-bridge nearest-customer-bridge | tr ' ' '\n' | shuf -n1) ;;
  esac
}
bad_cmd() {
  case $(r 8) in
    0) cli configure ports nosuch$(r 9) lldp status rx-only ;;
    1) cli configure lldp tx-interval -$(r 9) ;;
    2) cli configure lldp tx-interval abc ;;
    3) cli frobnicate --now ;;
    4) cli show neighbors ports ghost$(r 9) ;;
    5) cli configure med location coordinate latitude 999N longitude 2E altitude 1 m datum WGS84 ;;
    6) cli configure system max-neighbors 0 ;;
    7) ip netns exec r16l1 timeout 5 lldpcli -u "$W/nosuch.socket" show neighbors >/dev/null 2>&1 ;;
  esac
}

for n in 2 3 1; do start $n; sleep 0.5; done
sleep 5
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  n=$((2 + $(r 2)))
  case $(r 20) in
    0|1|2|3|4) good_cmd ;;
    5|6) bad_cmd ;;
    7) p=${PORTS[$(r 3)]}; ip -n r16l1 link set $p down; sleep $((1 + $(r 4))); ip -n r16l1 link set $p up ;;
    8) ip -n r16l$n link set up1 down; sleep $((1 + $(r 6))); ip -n r16l$n link set up1 up ;;
    9) stop $n KILL; sleep $((2 + $(r 8))); start $n ;;
    10) stop $n TERM; sleep $((1 + $(r 5))); start $n ;;
    11|12) ip netns exec r16l5 python3 "$HERE/rawlldp.py" inj0 $((1 + $(r 5))) ;;
    13) # a new link appears and later goes away
        if ip -n r16l1 link show e6 >/dev/null 2>&1; then ip -n r16l1 link del e6; else link 1 e6 3 up$((2 + $(r 90))); fi ;;
    14) ip -n r16l1 link set e3 mtu $((1280 + $(r 200))) ;;
    15) ip -n r16l1 addr add 198.51.100.$((1 + $(r 250)))/24 dev e2 2>/dev/null ;;
    16) ip -n r16l1 link set e5 address 02:00:5e:$(printf '%02x:%02x:%02x' $(r 256) $(r 256) $(r 256)) ;;
    17) if ip -n r16l1 link show br9 >/dev/null 2>&1; then ip -n r16l1 link del br9; else
          ip -n r16l1 link add br9 type bridge; ip -n r16l1 link set e2 master br9; ip -n r16l1 link set br9 up; fi ;;
    18) ip -n r16l1 link add link e3 name e3.$((10 + $(r 90))) type vlan id $((10 + $(r 90))) 2>/dev/null ||
          for v in $(ip -n r16l1 -o link show type vlan | awk -F'[ :@]+' '{print $2}'); do ip -n r16l1 link del $v; done ;;
    19) good_cmd ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
# the logged daemon is stopped first, then the neighbours
for n in 1 2 3; do stop $n TERM; done
sleep 1
cleanup
