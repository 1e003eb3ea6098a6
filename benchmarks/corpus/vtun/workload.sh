#!/bin/bash
# Randomised workload for vtund 3.0.4 (Debian): a server and clients in two private network
# namespaces, everything's stderr (foreground mode, -n) appended to one log file.
# Usage: workload.sh [ACTIONS] [LOGFILE]
set -u
D=$(cd "$(dirname "$0")" && pwd)
N=${1:-150}
LOG=${2:-/tmp/round33-r33g/vt/full.log}
B=/tmp/round33-r33g/vt
SRV=$B/srv; CLI=$B/cli
PORT=41000
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
VT="$D/vtrun.sh"
mkdir -p "$B"

setup_net() {
  ip netns list | grep -q '^r33gv1' || ip netns add r33gv1
  ip netns list | grep -q '^r33gv2' || ip netns add r33gv2
  if ! ip netns exec r33gv1 ip link show r33gva >/dev/null 2>&1; then
    ip link add r33gva netns r33gv1 type veth peer name r33gvb netns r33gv2
  fi
  ip netns exec r33gv1 sh -c "ip link set lo up; ip link set r33gva up; ip addr replace 10.33.0.1/24 dev r33gva"
  ip netns exec r33gv2 sh -c "ip link set lo up; ip link set r33gvb up; ip addr replace 10.33.0.2/24 dev r33gvb"
}

SPID=
start_server() {
  $VT r33gv1 "$SRV" vtund -n -s -f "${1:-$D/server.conf}" -P $PORT >> "$LOG" 2>&1 &
  SPID=$!
  sleep 0.7
}
stop_server() {
  [ -n "$SPID" ] && kill -${1:-TERM} "$SPID" 2>/dev/null
  sleep 1
  # session children of the server live on in the namespace after SIGTERM; end them too
  for p in $(ip netns pids r33gv1); do kill -TERM "$p" 2>/dev/null; done
  sleep 0.5
  for p in $(ip netns pids r33gv1); do kill -KILL "$p" 2>/dev/null; done
  SPID=
}
client() {  # client CONF HOST [EXTRA ARGS...] -> $CPID
  local conf=$1 host=$2; shift 2
  $VT r33gv2 "$CLI" vtund -n "$@" -f "$conf" "$host" 10.33.0.1 >> "$LOG" 2>&1 &
  CPID=$!
}
end_client() {  # end_client PID
  local sig
  case $((RANDOM % 10)) in 0) sig=KILL ;; 1|2|3) sig=INT ;; *) sig=TERM ;; esac
  kill -$sig "$1" 2>/dev/null
  sleep 1.5
  kill -KILL "$1" 2>/dev/null
}
traffic() {  # ping through a tunnel from the client side
  local peer=$1 n=$2
  ip netns exec r33gv2 ping -q -c "$n" -i 0.2 -W 1 "$peer" >/dev/null 2>&1
}
peer_of() {
  case $1 in alpha) echo 10.99.1.1 ;; bravo) echo 10.99.2.1 ;; charlie) echo 10.99.3.1 ;;
    golf) echo 10.99.7.1 ;; kilo) echo 10.99.11.1 ;; *) echo 10.99.250.1 ;; esac
}
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

good_session() {
  local h; h=$(pick alpha alpha alpha charlie golf golf kilo kilo bravo delta foxtrot echo)
  local extra=()
  [ $((RANDOM % 3)) = 0 ] && extra+=(-p)
  [ $((RANDOM % 4)) = 0 ] && extra+=(-t $((2 + RANDOM % 5)))
  client "$D/client.conf" "$h" "${extra[@]}"
  local c=$CPID
  sleep $((2 + RANDOM % 3))
  traffic "$(peer_of "$h")" $((1 + RANDOM % 12))
  if [ $((RANDOM % 6)) = 0 ]; then
    # stall the client so that the server's keepalive gives up
    kill -STOP "$c" 2>/dev/null; sleep $((3 + RANDOM % 6)); kill -CONT "$c" 2>/dev/null; sleep 1
  fi
  if [ $((RANDOM % 5)) = 0 ]; then
    for p in $(ip netns pids r33gv1); do [ "$p" != "$SPID" ] && kill -USR1 "$p" 2>/dev/null; done
  fi
  end_client "$c"
}
bad_auth() {
  client "$D/client-bad.conf" "$(pick alpha alpha bravo hotel india)" -t 3
  sleep 2.5; kill -KILL "$CPID" 2>/dev/null
}
missing_host() {
  client "$D/client.conf" "$(pick zulu lima november)"; sleep 0.5; kill -KILL "$CPID" 2>/dev/null
}
no_server() {  # connection refused, or time-out towards an address nobody answers
  if [ $((RANDOM % 3)) = 0 ]; then
    $VT r33gv2 "$CLI" vtund -n -t 2 -f "$D/client.conf" "$(pick alpha golf)" 10.33.0.77 >> "$LOG" 2>&1 &
  else
    $VT r33gv2 "$CLI" vtund -n -P 41007 -f "$D/client.conf" "$(pick alpha charlie kilo)" 10.33.0.1 >> "$LOG" 2>&1 &
  fi
  local c=$!; sleep 3.5; kill -KILL $c 2>/dev/null
}
bad_resolve() {
  $VT r33gv2 "$CLI" vtund -n -f "$D/client.conf" alpha "$(pick no-such-host.invalid vpn.r33g.invalid)" >> "$LOG" 2>&1 &
  local c=$!; sleep 1.5; kill -KILL $c 2>/dev/null
}
junk_peer() {
  ip netns exec r33gv2 python3 "$D/peer.py" client 10.33.0.1 $PORT "$(pick close close junk http badchal badchal shortchal hang hostonly)" 2>/dev/null
}
fake_server() {
  ip netns exec r33gv1 python3 "$D/peer.py" server 41009 "$(pick '<TuE0>' '<TuE34>' '<TuK>' '<UuC3K>' '<TuX>' 'ERR' '<TpL2>')" 2>/dev/null &
  local f=$!; sleep 0.5
  $VT r33gv2 "$CLI" vtund -n -P 41009 -t 3 -f "$D/client.conf" "$(pick alpha kilo golf)" 10.33.0.1 >> "$LOG" 2>&1 &
  local c=$!; sleep 4; kill -KILL $c 2>/dev/null; kill $f 2>/dev/null; wait $f 2>/dev/null
}
multi() {  # two clients of one host at once: 'multi no' denies, 'multi killold' kills the first
  local h; h=$(pick charlie delta delta alpha)
  client "$D/client.conf" "$h"; local c1=$CPID
  sleep 3
  client "$D/client.conf" "$h" -t 3; local c2=$CPID
  sleep 3
  end_client "$c2"; end_client "$c1"
}
broken_conf() {
  local f; f=$(pick broken1 broken2 broken3 empty missing)
  if [ $((RANDOM % 2)) = 0 ]; then
    $VT r33gv2 "$CLI" vtund -n -f "$D/$f.conf" alpha 10.33.0.1 >> "$LOG" 2>&1 &
  else
    $VT r33gv1 "$B/srv2" vtund -n -s -P 41011 -f "$D/$f.conf" >> "$LOG" 2>&1 &
  fi
  local c=$!; sleep 1; kill -KILL $c 2>/dev/null
}
reload() { [ -n "$SPID" ] && kill -HUP "$SPID"; sleep 0.5; }
restart() {
  stop_server "$(pick TERM TERM INT)"
  if [ $((RANDOM % 3)) = 0 ]; then  # a second server on the same port while one runs
    start_server
    $VT r33gv1 "$B/srv2" vtund -n -s -f "$D/server.conf" -P $PORT >> "$LOG" 2>&1 &
    local x=$!; sleep 1; kill -KILL $x 2>/dev/null
  else
    sleep $((RANDOM % 3)); start_server
  fi
}
segv() {  # a host whose legacy blowfish cipher crashes with OpenSSL 3
  client "$D/client.conf" juliet; sleep 3; kill -KILL "$CPID" 2>/dev/null
}

setup_net
start_server
for i in $(seq "$N"); do
  r=$((RANDOM % 100))
  if   [ $r -lt 34 ]; then good_session
  elif [ $r -lt 46 ]; then bad_auth
  elif [ $r -lt 50 ]; then missing_host
  elif [ $r -lt 57 ]; then no_server
  elif [ $r -lt 59 ]; then bad_resolve
  elif [ $r -lt 70 ]; then junk_peer
  elif [ $r -lt 75 ]; then fake_server
  elif [ $r -lt 81 ]; then multi
  elif [ $r -lt 87 ]; then broken_conf
  elif [ $r -lt 92 ]; then reload
  elif [ $r -lt 97 ]; then restart
  else segv
  fi
done
stop_server TERM
for ns in r33gv1 r33gv2; do for p in $(ip netns pids $ns); do kill -KILL "$p" 2>/dev/null; done; done
