#!/bin/bash
# Round-19 corpus workload: GoBGP 3.10 gobgpd (Debian 12 package "gobgpd"), `gobgpd -l debug -p`
# (debug level, plain logrus text format), stdout/stderr of the main daemon r1 to gobgp.log.
# Three local gobgpd instances: r1 (AS 65001, 127.0.0.1), r2 (AS 65002, 127.0.0.2), r3 (AS 65003,
# 127.0.0.3), all on BGP port 28179, gRPC API on 127.0.0.1:28501-28503. r1 also has a neighbor
# 127.0.0.4 nobody answers, and r3 is at times restarted with a wrong AS (misconfigured peer).
# Random workload with the gobgp CLI: routes added and withdrawn (some with unusable next hops,
# communities, MED, local-pref), neighbor reset/softreset/disable/enable/shutdown, neighbors added
# and deleted, peers killed, paused (hold timer expiry) and restarted, raw garbage TCP connections,
# policies, stop.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION_SECONDS]   (e.g. bash workload.sh /tmp/gb 200)
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
W=/tmp/r19lg/gwork
PORT=28179
mkdir -p "$OUT"; rm -f "$OUT/gobgp.log"
rm -rf "$W"; mkdir -p "$W"
r() { echo $((RANDOM % $1)); }

neighbor() { # addr as local [extra lines]
  cat <<EOF
[[neighbors]]
  [neighbors.config]
    neighbor-address = "$1"
    peer-as = $2
  [neighbors.transport.config]
    local-address = "$3"
    remote-port = $PORT
  [neighbors.timers.config]
    hold-time = 9
    keepalive-interval = 3
    connect-retry = 4
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
$4
EOF
}
global() { # as id addr
  cat <<EOF
[global.config]
  as = $1
  router-id = "$2"
  port = $PORT
  local-address-list = ["$3"]
EOF
}
{ global 65001 10.0.0.1 127.0.0.1
  neighbor 127.0.0.2 65002 127.0.0.1 ""
  neighbor 127.0.0.3 65003 127.0.0.1 "    [neighbors.afi-safis.prefix-limit.config]
      max-prefixes = 12
      shutdown-threshold-pct = 80"
  neighbor 127.0.0.4 65004 127.0.0.1 ""
} > "$W/r1.toml"
{ global 65002 10.0.0.2 127.0.0.2; neighbor 127.0.0.1 65001 127.0.0.2 ""; neighbor 127.0.0.3 65003 127.0.0.2 ""; } > "$W/r2.toml"
{ global 65003 10.0.0.3 127.0.0.3; neighbor 127.0.0.1 65001 127.0.0.3 ""; neighbor 127.0.0.2 65002 127.0.0.3 ""; } > "$W/r3.toml"
# misconfigured r3: wrong local AS
{ global 65033 10.0.0.3 127.0.0.3; neighbor 127.0.0.1 65001 127.0.0.3 ""; neighbor 127.0.0.2 65002 127.0.0.3 ""; } > "$W/r3bad.toml"

declare -A PID
start() { # name config apiport logfile
  gobgpd -f "$2" -l debug -p --api-hosts "127.0.0.1:$3" --pprof-disable >>"$4" 2>&1 &
  PID[$1]=$!
}
start_r1() { start r1 "$W/r1.toml" 28501 "$OUT/gobgp.log"; }
start_r2() { start r2 "$W/r2.toml" 28502 "$W/r2.log"; }
start_r3() { if [ $(r 4) = 0 ]; then start r3 "$W/r3bad.toml" 28503 "$W/r3.log"; else start r3 "$W/r3.toml" 28503 "$W/r3.log"; fi; }
stop() { kill -"${2:-TERM}" "${PID[$1]}" 2>/dev/null; wait "${PID[$1]}" 2>/dev/null; }
alive() { kill -0 "${PID[$1]}" 2>/dev/null; }
g() { timeout 5 gobgp -p "$1" "${@:2}" >/dev/null 2>&1; }
api() { case $1 in r1) echo 28501;; r2) echo 28502;; r3) echo 28503;; esac; }

start_r1; start_r2; start_r3
sleep 3
pfx() { echo "10.$((1 + $(r 3))).$(r 64).0/$((22 + $(r 3)))"; }
routers=(r1 r2 r3)
garbage() { # src dst-port payload
  timeout 2 python3 - "$1" "$2" <<'PY' 2>/dev/null
import socket, sys, os, random
src, mode = sys.argv[1], sys.argv[2]
s = socket.socket(); s.bind((src, 0)); s.settimeout(1.5)
try:
    s.connect(("127.0.0.1", 28179))
    if mode == "junk":
        s.sendall(os.urandom(random.randint(5, 60)))
    elif mode == "badlen":
        s.sendall(b"\xff" * 16 + b"\x00\x05\x04")
    elif mode == "badtype":
        s.sendall(b"\xff" * 16 + b"\x00\x13\x09")
    elif mode == "badmarker":
        s.sendall(b"\xfe" * 16 + b"\x00\x13\x04")
    s.recv(100)
except Exception:
    pass
PY
}
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  for x in r2 r3; do alive $x || { [ $(r 3) = 0 ] && { [ $x = r2 ] && start_r2 || start_r3; }; }; done
  alive r1 || start_r1
  x=${routers[$(r 3)]}; p=$(api $x)
  case $(r 24) in
    0|1|2|3) g $p global rib add "$(pfx)" -a ipv4 nexthop 192.0.2.$((1 + $(r 250))) ;;
    4) g $p global rib add "$(pfx)" -a ipv4 nexthop 192.0.2.$((1 + $(r 250))) community 6500$(r 9):$(r 500) med $(r 1000) ;;
    5) g $p global rib add "$(pfx)" -a ipv4 nexthop 127.0.0.$((1 + $(r 9))) ;;
    6) g $p global rib add "$(pfx)" -a ipv4 ;;
    7|8|9) q=$(timeout 5 gobgp -p $p global rib -a ipv4 2>/dev/null | awk 'NR>1 && $2 ~ /\// {print $2}' | shuf -n1)
       [ -n "$q" ] && g $p global rib del "$q" -a ipv4 ;;
    10) g 28501 neighbor 127.0.0.$((2 + $(r 2))) reset ;;
    11) g 28501 neighbor 127.0.0.$((2 + $(r 2))) $( [ $(r 2) = 0 ] && echo softresetin || echo softresetout) ;;
    12) n=127.0.0.$((2 + $(r 2))); g 28501 neighbor $n disable; sleep $((1 + $(r 4))); g 28501 neighbor $n enable ;;
    13) g 28501 neighbor 127.0.0.$((2 + $(r 2))) shutdown -m "maintenance $RANDOM"; sleep 1; g 28501 neighbor 127.0.0.$((2 + $(r 2))) enable ;;
    14) g 28501 neighbor add 127.0.0.$((5 + $(r 4))) as 6510$(r 9); sleep 2; g 28501 neighbor del 127.0.0.$((5 + $(r 4))) ;;
    15) case $(r 3) in 0) stop r2 ;; 1) stop r3 KILL ;; 2) stop r3 ;; esac ;;
    16) y=r$((2 + $(r 2))); kill -STOP "${PID[$y]}" 2>/dev/null; sleep $((4 + $(r 10))); kill -CONT "${PID[$y]}" 2>/dev/null ;;
    17) modes=(junk badlen badtype badmarker none); garbage 127.0.0.$((2 + $(r 8))) ${modes[$(r 5)]} ;;
    18) for i in $(seq $((3 + $(r 12)))); do g 28503 global rib add "10.3.$(r 250).0/24" -a ipv4 nexthop 192.0.2.9; done ;;
    19) g 28503 global rib del all -a ipv4 ;;
    20) g 28501 neighbor 127.0.0.$((2 + $(r 3))) policy import add deny_$(r 3) reject 2>/dev/null
        g 28501 policy prefix add pfx$(r 5) 10.$(r 4).0.0/16 16..24; g 28501 policy add pol$(r 3) ;;
    21) g $p global rib add "$(pfx)" -a ipv4 nexthop 192.0.2.$((1 + $(r 250))) aspath "6$(r 9)00 6$(r 9)01" local-pref $((50 + $(r 200))) ;;
    22) [ $(r 6) = 0 ] && { stop r1; sleep 1; start_r1; } ;;
    23) g 28501 neighbor 127.0.0.$((1 + $(r 6))) reset; g 28501 neighbor 10.9.9.$(r 9) softreset ;;
  esac
  sleep 0.$((2 + $(r 5)))
done
stop r2; stop r3; sleep 2; stop r1
