#!/bin/bash
# Randomised workload for portsentry 1.2 (Debian 12).  portsentry logs only through syslog, so a
# private rsyslogd (own config/pid/work dir, socket in run/dev/log) writes run/portsentry.syslog.
# portsentry and all probe traffic live in a private network + mount namespace ("holder"):
# its own loopback, /etc/portsentry/portsentry.conf, /etc/hosts.deny and /dev (with the log
# socket) bind-mounted from run/, so nothing system-wide is touched.  Ports 33000-33999 only.
D=/work/round30/portsentry
R=$D/run
PY=/usr/bin/python3
rm -rf "$R"; mkdir -p "$R/dev" "$R/work"
cd "$R" || exit 1
PIDS=$R/pids.txt; : > "$PIDS"
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---------- private rsyslogd
cat > "$R/rsyslog.conf" <<EOF
global(workDirectory="$R/work")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$R/dev/log" RateLimit.Interval="0")
if \$programname == 'portsentry' then action(type="omfile" file="$R/portsentry.syslog")
EOF
/usr/sbin/rsyslogd -f "$R/rsyslog.conf" -i "$R/rsyslogd.pid"
sleep 1; echo "rsyslogd $(cat "$R/rsyslogd.pid")" >> "$PIDS"

# ---------- namespace holder
for f in null zero random urandom; do touch "$R/dev/$f"; done
unshare -n -m --propagation private sleep 100000 &
HOLDER=$!; echo "holder $HOLDER" >> "$PIDS"; sleep 1
touch "$R/portsentry.conf" "$R/hosts.deny"
NS() { nsenter -t "$HOLDER" -n -m -- "$@"; }
NS bash -c "
ip link set lo up
for f in null zero random urandom; do mount --bind /dev/\$f $R/dev/\$f; done
mount --bind $R/portsentry.conf /etc/portsentry/portsentry.conf
mount --bind $R/hosts.deny /etc/hosts.deny
mount --rbind $R/dev /dev
"
NETNS=$(readlink /proc/$HOLDER/ns/net)

# all portsentry processes are in our private namespace: find them there (not by name)
ps_pids() { local p; for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/net" 2>/dev/null)" = "$NETNS" ] || continue
    [ "$(cat "$p/comm" 2>/dev/null)" = portsentry ] && echo "${p#/proc/}"; done; }
stop_all() { local p; for p in $(ps_pids); do kill -TERM "$p"; done; sleep 1; }

cat > "$R/killroute.sh" <<'EOF'
#!/bin/sh
echo "route-block $*" >> "$(dirname "$0")/blocks.out"
exit 0
EOF
cat > "$R/runcmd.sh" <<'EOF'
#!/bin/sh
echo "run-cmd $*" >> "$(dirname "$0")/blocks.out"
exit 0
EOF
chmod +x "$R/killroute.sh" "$R/runcmd.sh"

TCPP="33101,33102,33103,33110,33111,33120,33123,33131,33137,33150"
UDPP="33201,33202,33207,33209,33261,33262,33270"
# write the config in place (the file is bind-mounted: keep its inode)
conf() {  # key=value overrides; "-KEY" drops a key
    local -A c=(
        [TCP_PORTS]="\"$TCPP\"" [UDP_PORTS]="\"$UDPP\""
        [ADVANCED_PORTS_TCP]="\"$(pick 33400 33500 34000)\"" [ADVANCED_PORTS_UDP]="\"$(pick 33400 34000)\""
        [ADVANCED_EXCLUDE_TCP]="\"33113,33139\"" [ADVANCED_EXCLUDE_UDP]="\"33220,33238,33237\""
        [IGNORE_FILE]="\"$R/portsentry.ignore\"" [HISTORY_FILE]="\"$R/portsentry.history\""
        [BLOCKED_FILE]="\"$R/portsentry.blocked\"" [RESOLVE_HOST]="\"$(pick 0 1)\""
        [BLOCK_UDP]="\"$(pick 0 1 1 2)\"" [BLOCK_TCP]="\"$(pick 0 1 1 2)\""
        [KILL_ROUTE]="\"$R/killroute.sh \$TARGET\$ \$PORT\$ \$MODE\$\""
        [KILL_HOSTS_DENY]="\"ALL: \$TARGET\$ : DENY\""
        [KILL_RUN_CMD]="\"$R/runcmd.sh \$TARGET\$ \$PORT\$ \$MODE\$\""
        [KILL_RUN_CMD_FIRST]="\"$(pick 0 1)\"" [SCAN_TRIGGER]="\"$(pick 0 0 1 2)\""
        [PORT_BANNER]="\"** UNAUTHORIZED ACCESS PROHIBITED *** YOUR CONNECTION ATTEMPT HAS BEEN LOGGED.\""
    )
    local kv
    for kv in "$@"; do
        case $kv in -*) unset "c[${kv#-}]" ;; *) c[${kv%%=*}]=${kv#*=} ;; esac
    done
    { echo "# portsentry.conf written by workload.sh"; for k in "${!c[@]}"; do echo "$k=${c[$k]}"; done; } > "$R/portsentry.conf"
}
ignore_file() {
    { echo "127.0.0.1"; echo "0.0.0.0"; echo "127.0.0.$(pick 9 19 29)/32"; echo "127.0.5.0/24"
      [ "$(rnd 3)" = 0 ] && echo "127.0.0.77/99"; } > "$R/portsentry.ignore"
}
ps_start() { NS /usr/sbin/portsentry "$@" >> "$R/cmd.out" 2>&1; sleep 1; }

srcs=(127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.9 127.0.0.19 127.0.0.29 127.0.5.7 127.0.3.3 127.0.4.4 127.1.2.3 127.10.20.30 127.0.0.200)
probe_tcp() { NS $PY "$D/client.py" tcp "$(pick "${srcs[@]}")" "${1:-$(pick ${TCPP//,/ } 33104 33199)}"; }
probe_udp() { NS $PY "$D/client.py" udp "$(pick "${srcs[@]}")" "${1:-$(pick ${UDPP//,/ } 33299)}"; }
probe_raw() { NS $PY "$D/client.py" raw "$(pick "${srcs[@]}")" "${1:-$(pick ${TCPP//,/ } 33333 33444 33113)}" "$(pick syn fin null xmas odd syn)" "$(pick "" "" "" opt)"; }
burst() {  # kind count
    local i; for i in $(seq 1 "$2"); do "probe_$1"; done
}
occupy() {  # proto port seconds: a process in the namespace holding a port
    nsenter -t "$HOLDER" -n -m -- $PY -c "
import socket,time,sys
s=socket.socket(socket.AF_INET, socket.SOCK_STREAM if '$1'=='tcp' else socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1',$2))
if '$1'=='tcp': s.listen(5)
time.sleep($3)" &
    echo "occupy $!" >> "$PIDS"
}

# ---------- scenarios
sc_classic() {  # -tcp and -udp listeners, connects and datagrams from many hosts
    ignore_file; conf; rm -f "$R/portsentry.blocked".*
    [ "$(rnd 3)" = 0 ] && occupy tcp "$(pick ${TCPP//,/ })" 8
    [ "$(rnd 3)" = 0 ] && occupy udp "$(pick ${UDPP//,/ })" 8
    sleep 0.5
    ps_start -tcp; ps_start -udp
    burst tcp $((RANDOM % 15 + 5)); burst udp $((RANDOM % 10 + 3))
    stop_all
}
sc_stealth() {  # -stcp / -sudp (raw sockets)
    ignore_file; conf; [ "$(rnd 3)" = 0 ] && occupy tcp "$(pick ${TCPP//,/ })" 6
    sleep 0.5
    ps_start -stcp; ps_start -sudp
    burst raw $((RANDOM % 12 + 4)); burst tcp $((RANDOM % 5 + 1)); burst udp $((RANDOM % 6 + 2))
    stop_all
}
sc_advanced() {  # -atcp / -audp
    ignore_file; conf "ADVANCED_EXCLUDE_TCP=$(pick '"33113,33139"' '""' '"33113"')" "ADVANCED_EXCLUDE_UDP=$(pick '"33220,33238"' '""')"
    ps_start -atcp; ps_start -audp
    burst raw $((RANDOM % 10 + 3)); burst tcp $((RANDOM % 5 + 1)); burst udp $((RANDOM % 6 + 2))
    probe_tcp 33113; probe_raw 33139
    stop_all
}
sc_noblock() { ignore_file; conf BLOCK_TCP='"0"' BLOCK_UDP='"0"'; ps_start "$(pick -tcp -stcp -atcp)"; ps_start "$(pick -udp -sudp -audp)"
    burst tcp 4; burst udp 3; burst raw 3; stop_all; }
sc_trigger() {  # scan trigger above the state engine capacity, or needing repeats
    ignore_file; conf SCAN_TRIGGER="\"$(pick 60 75 2 3)\""; ps_start "$(pick -tcp -stcp)"; ps_start "$(pick -udp -sudp)"
    local s; s=$(pick "${srcs[@]}")
    for i in 1 2 3 4; do NS $PY "$D/client.py" tcp "$s" "$(pick ${TCPP//,/ })"; NS $PY "$D/client.py" udp "$s" "$(pick ${UDPP//,/ })"; done
    burst tcp 2; stop_all; }
sc_badroute() {  # KILL_ROUTE without $TARGET$, read-only hosts.deny, missing ignore file
    ignore_file
    case $(rnd 4) in
        0) conf BLOCK_TCP='"1"' BLOCK_UDP='"1"' KILL_ROUTE='"/bin/true"' ;;
        1) conf BLOCK_TCP='"1"' BLOCK_UDP='"1"' KILL_HOSTS_DENY='"ALL: nobody : DENY"' ;;
        2) conf BLOCK_TCP='"1"' BLOCK_UDP='"1"' IGNORE_FILE="\"$R/missing.ignore\"" ;;
        3) conf BLOCK_TCP='"1"' BLOCK_UDP='"1"'; NS mount -o remount,bind,ro /etc/hosts.deny; RO=1 ;;
    esac
    ps_start "$(pick -tcp -stcp -atcp)"; ps_start "$(pick -udp -sudp -audp)"
    burst tcp 4; burst udp 3; burst raw 2
    stop_all
    [ -n "$RO" ] && { NS mount -o remount,bind,rw /etc/hosts.deny; RO=; }
}
sc_badconf() {  # broken configurations and command lines
    case $(rnd 9) in
        0) conf -TCP_PORTS; ps_start -tcp ;;
        1) conf -UDP_PORTS; ps_start -udp ;;
        2) conf TCP_PORTS='33101,33102'; ps_start "$(pick -tcp -stcp)" ;;
        3) conf -IGNORE_FILE; ps_start -tcp ;;
        4) conf -HISTORY_FILE; ps_start -udp ;;
        5) conf -BLOCKED_FILE; ps_start -tcp ;;
        6) conf TCP_PORTS='""' UDP_PORTS='""'; ps_start "$(pick -tcp -udp -stcp -sudp)" ;;
        7) conf -ADVANCED_PORTS_TCP -ADVANCED_PORTS_UDP -SCAN_TRIGGER; ps_start "$(pick -atcp -audp)"; burst raw 2; burst udp 2 ;;
        8) conf; ps_start "$(pick -x -TCP --help -foo)" ;;
    esac
    stop_all
}
sc_allbusy() {  # every monitored port already taken
    ignore_file; conf TCP_PORTS='"33301,33302"' UDP_PORTS='"33305"'
    occupy tcp 33301 5; occupy tcp 33302 5; occupy udp 33305 5; sleep 0.5
    ps_start "$(pick -tcp -stcp)"; ps_start "$(pick -udp -sudp)"; stop_all; sleep 4; }

END=$((SECONDS + ${DURATION:-300}))
sc_classic
while [ $SECONDS -lt $END ]; do
    s=$(pick sc_classic sc_classic sc_stealth sc_stealth sc_advanced sc_advanced sc_noblock sc_trigger sc_badroute sc_badroute sc_badconf sc_badconf sc_allbusy)
    echo "== $(date +%T) $s" >> "$R/scenario.out"
    $s
done
stop_all
kill "$HOLDER"
wait   # the holder and any port-occupying helpers (they exit by themselves)
kill "$(cat "$R/rsyslogd.pid")"
echo done
