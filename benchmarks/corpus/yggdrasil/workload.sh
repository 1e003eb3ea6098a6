#!/bin/bash
# Randomised workload for a small Yggdrasil mesh on 127.0.0.1 (ports 25000-25999).
# The labelled log is the stdout of the hub node (yggdrasil.log); peer nodes log to run/.
D=$(cd "$(dirname "$0")" && pwd)
R=$D/run
LOG=$D/yggdrasil.log
C="python3 $D/yggclient.py"
rm -rf "$R"; mkdir -p "$R"; : > "$LOG"

HUBTCP=25001; HUBTLS=25002; HUBUNIX=$R/hub.link; HUBADM=25090; SOCKS=25080
NPEER=6
HUBPID=
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
randhex() { python3 -c 'import os;print(os.urandom(32).hex())'; }
pubkey() { python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["PublicKey"])' "$1"; }

# ---------- peer nodes ----------
start_peer() {  # $1 = index
  local i=$1 f=$R/p$1.json how
  [ -f "$R/p$i.pid" ] && kill -0 "$(cat "$R/p$i.pid")" 2>/dev/null && return
  how=$(pick tcp tcp tls unix none)
  case $how in
    tcp) PEERS="tcp://127.0.0.1:$HUBTCP" ;;
    tls) PEERS="tls://127.0.0.1:$HUBTLS" ;;
    unix) PEERS="unix://$HUBUNIX" ;;
    none) PEERS="" ;;
  esac
  KEYFROM=$f LISTEN="tcp://127.0.0.1:$((25020 + i)) tls://127.0.0.1:$((25040 + i))" PEERS="$PEERS" \
    ADMIN="tcp://127.0.0.1:$((25060 + i))" $C conf "$f.new" && mv "$f.new" "$f"
  yggdrasil -useconffile "$f" -loglevel debug >> "$R/p$i.log" 2>&1 &
  echo $! > "$R/p$i.pid"
}
stop_peer() {  # $1 = index, $2 = signal
  local pf=$R/p$1.pid
  [ -f "$pf" ] || return
  kill "-${2:-INT}" "$(cat "$pf")" 2>/dev/null
  wait "$(cat "$pf")" 2>/dev/null
  rm -f "$pf"
}

# ---------- hub node ----------
hub_conf() {  # env: ADMINMODE (unix|tcp), TUN (0|1), ALLOWED (0|1)
  local listen peers adm allowed="" i
  listen="tcp://127.0.0.1:$HUBTCP tls://127.0.0.1:$HUBTLS unix://$HUBUNIX"
  [ "$(rnd 2)" = 0 ] && listen="$listen tcp://127.0.0.1:$HUBTCP/dup"
  [ "$(rnd 2)" = 0 ] && listen="$listen udp://127.0.0.1:25003"
  [ "$(rnd 2)" = 0 ] && listen="$listen tcp://[::1"
  [ "$(rnd 2)" = 0 ] && listen="$listen tls://127.0.0.1:$((25060 + 1 + $(rnd NPEER)))"
  peers="tcp://127.0.0.1:$((25020 + 1 + $(rnd NPEER))) tls://127.0.0.1:$((25040 + 1 + $(rnd NPEER)))"
  peers="$peers tcp://127.0.0.1:$((25030 + $(rnd 9)))"                    # nobody listens
  peers="$peers socks://127.0.0.1:$SOCKS/127.0.0.1:$((25020 + 1 + $(rnd NPEER)))"
  [ "$(rnd 2)" = 0 ] && peers="$peers tls://127.0.0.1:$((25050 + $(rnd 9)))"
  [ "$(rnd 2)" = 0 ] && peers="$peers unix://$R/nobody.sock"
  [ "$(rnd 2)" = 0 ] && peers="$peers socks://127.0.0.1:$((SOCKS + 1))/127.0.0.1:$HUBTCP"
  [ "$(rnd 2)" = 0 ] && peers="$peers quic://127.0.0.1:25005"
  [ "$(rnd 2)" = 0 ] && peers="$peers tcp://127.0.0.1:$((25020 + 1 + $(rnd NPEER)))?key=zz$(randhex)"
  [ "$(rnd 2)" = 0 ] && peers="$peers tcp://127.0.0.1:$((25020 + 1 + $(rnd NPEER)))?priority=$((300 + $(rnd 500)))"
  peers="$peers tcp://127.0.0.1:$((25020 + 1 + $(rnd NPEER)))?key=$(randhex)"   # pinned key mismatch
  if [ "${ALLOWED:-0}" = 1 ]; then
    for i in $(seq 1 $NPEER); do
      [ -f "$R/p$i.json" ] && [ "$(rnd 2)" = 0 ] && allowed="$allowed $(pubkey "$R/p$i.json")"
    done
    [ -z "$allowed" ] && allowed=$(randhex)
  fi
  if [ "${ADMINMODE:-tcp}" = unix ]; then adm="unix://$R/admin.sock"; else adm="tcp://127.0.0.1:$HUBADM"; fi
  local ifname=none mtu=65535
  if [ "${TUN:-0}" = 1 ] && [ -c /dev/net/tun ]; then
    ifname=yggr21; mtu=$(pick 1280 9000 65535 70000)
  fi
  KEYFROM=$R/hub.json LISTEN="$listen" PEERS="$peers" ADMIN="$adm" IFNAME=$ifname IFMTU=$mtu \
    ALLOWED="$allowed" $C conf "$R/hub.json.new" && mv "$R/hub.json.new" "$R/hub.json"
}
start_hub() {  # extra args
  yggdrasil -useconffile "$R/hub.json" "$@" >> "$LOG" 2>>"$R/hub.err" &
  HUBPID=$!
  sleep 1.5
}
stop_hub() {  # $1 = signal
  kill "-${1:-INT}" "$HUBPID" 2>/dev/null
  wait "$HUBPID" 2>/dev/null
  HUBPID=
  sleep 0.5
}
adm_ep() { if [ "${ADMINMODE:-tcp}" = unix ]; then echo "unix://$R/admin.sock"; else echo "tcp://127.0.0.1:$HUBADM"; fi; }
adm_raw() { if [ "${ADMINMODE:-tcp}" = unix ]; then $C admin "$R/admin.sock" 0 "$1"; else $C admin 127.0.0.1 $HUBADM "$1"; fi; }
ctl() { timeout 5 yggdrasilctl -endpoint "$(adm_ep)" "$@" > /dev/null 2>&1; }

# ---------- one random action against the running hub ----------
action() {
  local i=$((1 + $(rnd NPEER)))
  case $(rnd 19) in
    0|1) stop_peer "$i" "$(pick INT INT TERM KILL)"; sleep 0.3; start_peer "$i" ;;
    2) stop_peer "$i" "$(pick INT KILL)" ;;
    3) start_peer "$i" ;;
    4) ctl addPeer uri="$(pick tcp://127.0.0.1:$((25020 + i)) tls://127.0.0.1:$((25040 + i)) tcp://127.0.0.1:$((25030 + $(rnd 9))) unix://$R/p$i.nosock socks://127.0.0.1:$SOCKS/127.0.0.1:$((25020 + i)))" ;;
    5) ctl removePeer uri="$(pick tcp://127.0.0.1:$((25020 + i)) tls://127.0.0.1:$((25040 + i)) tcp://127.0.0.1:25999)" ;;
    6|7|8|16|17|18) $C burst 127.0.0.1 "$HUBTCP $HUBTCP $HUBTLS" $((2 + $(rnd 8))) & ;;
    9) $C garbage 127.0.0.1 $HUBTCP idle & ;;
    10) adm_raw "$(pick junk noname unknown badfield badargs keepalive rst)" ;;
    11) ctl "$(pick getPeers getSelf getDHT getPaths getSessions list getNodeInfo)" ;;
    12) ctl addPeer uri="$(pick quic://127.0.0.1:25005 tcp://127.0.0.1:$((25020 + i))?key=nothex tcp://127.0.0.1:$((25020 + i))?key=$(randhex))" ;;
    13) for j in $(seq 1 $NPEER); do [ "$(rnd 3)" = 0 ] && stop_peer "$j" INT; done ;;
    14) for j in $(seq 1 $NPEER); do start_peer "$j"; done ;;
    15) ping -6 -c 2 -W 1 -I yggr21 "$(pick 200:: 21e::1 $(python3 - "$R" <<'EOF'
import json,subprocess,sys,glob
for f in glob.glob(sys.argv[1]+"/p*.json"):
    print(subprocess.check_output(["yggdrasil","-useconffile",f,"-address"]).decode().strip()); break
EOF
))" > /dev/null 2>&1 ;;
  esac
  sleep "0.$(rnd 4)"
}
churn() { local n; for n in $(seq 1 "$1"); do action; done; }

# socks proxy lives through the whole run
$C socks $SOCKS 900 &
SOCKSPID=$!

# ---------- phase 1: hub with unix admin socket, maybe TUN ----------
for i in $(seq 1 $NPEER); do start_peer "$i"; done
ADMINMODE=unix TUN=$(rnd 2) hub_conf
start_hub -loglevel trace
churn $((150 + $(rnd 60)))
# crash: stale admin socket remains
stop_hub KILL

# ---------- phase 2: restart, second instance collides ----------
ADMINMODE=unix TUN=$(rnd 2) hub_conf
start_hub -loglevel trace
churn $((70 + $(rnd 30)))
# a second copy with the same config: listeners busy, admin socket in use
yggdrasil -useconffile "$R/hub.json" -loglevel trace >> "$LOG" 2>>"$R/hub.err" &
P2=$!; sleep 3; kill -INT $P2 2>/dev/null; wait $P2 2>/dev/null
# a copy whose admin socket path is a non-empty directory
mkdir -p "$R/admdir.sock/x"
python3 - "$R" <<'EOF'
import json,sys
r=sys.argv[1]; c=json.load(open(r+"/hub.json"))
c["AdminListen"]="unix://"+r+"/admdir.sock"; c["Listen"]=["tcp://127.0.0.1:25009"]; c["Peers"]=[]; c["IfName"]="none"
json.dump(c,open(r+"/copy.json","w"))
EOF
yggdrasil -useconffile "$R/copy.json" -loglevel trace >> "$LOG" 2>>"$R/hub.err" &
P2=$!; sleep 2; kill -INT $P2 2>/dev/null; wait $P2 2>/dev/null
churn $((70 + $(rnd 30)))
stop_hub INT

# ---------- phase 3: TCP admin, allow-list of peer keys ----------
ADMINMODE=tcp TUN=$(rnd 2) ALLOWED=1 hub_conf
start_hub -loglevel trace
churn $((130 + $(rnd 50)))
# copy with the admin port taken
python3 - "$R" <<'EOF'
import json,sys
r=sys.argv[1]; c=json.load(open(r+"/hub.json"))
c["Listen"]=["tcp://127.0.0.1:25009"]; c["Peers"]=[]; c["IfName"]="none"
json.dump(c,open(r+"/copy.json","w"))
EOF
yggdrasil -useconffile "$R/copy.json" -loglevel debug >> "$LOG" 2>>"$R/hub.err" &
P2=$!; sleep 2; kill -INT $P2 2>/dev/null; wait $P2 2>/dev/null
stop_hub "$(pick INT TERM)"

# ---------- phase 4: unknown log level (falls back to info level) ----------
ADMINMODE=tcp TUN=0 hub_conf
start_hub -loglevel "$(pick verbose all 7)"
churn $((40 + $(rnd 20)))
stop_hub INT

# ---------- phase 5: log file cannot be opened (falls back to stdout) ----------
ADMINMODE=tcp TUN=$(rnd 2) hub_conf
start_hub -loglevel trace -logto "$R/no/such/dir/ygg.log"
churn $((150 + $(rnd 60)))
for i in $(seq 1 $NPEER); do stop_peer "$i" "$(pick INT KILL)"; done
sleep 4
stop_hub INT

kill $SOCKSPID 2>/dev/null; wait $SOCKSPID 2>/dev/null
wait
echo "lines: $(wc -l < "$LOG")"
