#!/bin/bash
# Randomised workload for perlbal (reverse proxy, web server, management port),
# inside a private network + mount namespace.
# Usage: bash /work/round42/perlbal/workload.sh
set -u -m
F=/work/round42/perlbal
T=/tmp/round42-r42b/perlbal
cd "$F" || exit 1

if [ -z "${R42_INNS:-}" ]; then
    mkdir -p "$T"
    exec env R42_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh"
fi

ip link set lo up
export TZ=UTC HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config \
       XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
rm -rf $T/uploads $T/docroot
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_RUNTIME_DIR $T/uploads
chmod 700 $XDG_RUNTIME_DIR
# the web_server docroot is a scratch copy (PUT/DELETE write into it)
cp -r "$F/docroot" $T/docroot
mount --bind $T/docroot "$F/docroot"

RAW=$T/perlbal.full.log
LOG=$F/perlbal.log
rm -f "$RAW"
# PERLBAL_DEBUG=2: highest level whose output is line-oriented (3+ dump raw CRLF headers);
# PERLIO=:unix keeps stdout unbuffered so stdout and stderr lines stay in order
export PERLBAL_DEBUG=2 PERLIO=:unix

declare -A BPID
start_backend() { python3 "$F/backend.py" $1 $2 & BPID[$1]=$!; }
stop_backend() { [ -n "${BPID[$1]:-}" ] && kill ${BPID[$1]} 2>/dev/null; wait ${BPID[$1]} 2>/dev/null; BPID[$1]=; }
start_backend 42602 ok; start_backend 42603 slow; start_backend 42604 garbage; start_backend 42605 reset
sleep 0.5

PB_PID=
wait_pb() { for i in $(seq 1 40); do kill -0 $PB_PID 2>/dev/null || break; sleep 0.25; done
            kill -0 $PB_PID 2>/dev/null && kill -TERM $PB_PID; wait $PB_PID 2>/dev/null; }
start_perlbal() { perlbal --config="${1:-conf/perlbal.conf}" >>"$RAW" 2>&1 & PB_PID=$!; sleep 1; }
mgmt() { # send management commands (one per argument)
    printf '%s\r\n' "$@" | python3 -c '
import socket, sys, time
try:
    s = socket.create_connection(("127.0.0.1", 42610), timeout=3)
    s.sendall(sys.stdin.buffer.read()); time.sleep(0.3); s.recv(65536); s.close()
except OSError:
    pass'
}
raw() { # send raw bytes to a port, optionally closing early
    python3 -c '
import socket, sys, time, random
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
    s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
    if sys.argv[3] == "wait":
        s.recv(65536)
    s.close()
except OSError:
    pass' "$@"
}
paths=(/ /index /app/x /reproxy/a /missing/page /slow /reproxyfile /big?q=1)
rpath() { echo "${paths[$((RANDOM % ${#paths[@]}))]}"; }

act() {
    r=$((RANDOM % 100))
    if   [ $r -lt 25 ]; then curl -s -m 5 -o /dev/null -o /dev/null "http://127.0.0.1:42600$(rpath)" "http://127.0.0.1:42600$(rpath)"
    elif [ $r -lt 32 ]; then curl -s -m 5 -o /dev/null -I "http://127.0.0.1:42600$(rpath)"
    elif [ $r -lt 40 ]; then curl -s -m 5 -o /dev/null -d "field=$RANDOM&x=$(head -c $((RANDOM % 3000)) /dev/zero | tr '\0' a)" "http://127.0.0.1:42607/post$(rpath)"
    elif [ $r -lt 44 ]; then curl -s -m 5 -o /dev/null "http://127.0.0.1:42607$(rpath)"
    elif [ $r -lt 54 ]; then p=(/ /index.html /sub/ /sub/a.txt /sub/big.txt /nope.html /sub/nothing/ /../etc/passwd); curl -s -m 5 -o /dev/null "http://127.0.0.1:42601${p[$((RANDOM % ${#p[@]}))]}"
    elif [ $r -lt 58 ]; then curl -s -m 5 -o /dev/null -T "$F/docroot/sub/a.txt" "http://127.0.0.1:42601/sub/up$((RANDOM % 4)).txt"
    elif [ $r -lt 61 ]; then curl -s -m 5 -o /dev/null -X DELETE "http://127.0.0.1:42601/sub/up$((RANDOM % 4)).txt"
    elif [ $r -lt 64 ]; then curl -s -m 5 -o /dev/null -H "Range: bytes=$((RANDOM % 50))-$((RANDOM % 100))" "http://127.0.0.1:42601/sub/big.txt"
    elif [ $r -lt 67 ]; then raw $([ $((RANDOM % 2)) = 0 ] && echo 42600 || echo 42601) 'GARBAGE LINE\r\n\r\n' wait
    elif [ $r -lt 70 ]; then raw 42600 'GET /slow HTTP/1.1\r\nHost: x\r\n\r\n' close
    elif [ $r -lt 72 ]; then raw 42601 'GET /index.html HTTP/1.1\r\nHost: x\r\nCont' close
    elif [ $r -lt 74 ]; then raw 42601 'GET /sub/a.txt HTTP/9.9\r\nHost: x\r\n\r\n' wait
    elif [ $r -lt 84 ]; then
        cmds=("show service balancer" "show service web" "show pool apps" "nodes" "states" "queues" "uptime"
              "pool apps remove 127.0.0.1:42606" "pool apps add 127.0.0.1:42606" "pool apps add 127.0.0.1:42603"
              "set balancer connect_ahead = $((RANDOM % 3))" "set balancer persist_backend = off" "set balancer persist_backend = on"
              "set balancer no_such_param = 1" "show service nosuch" "frobnicate" "backends" "pending" "socks summary"
              "disable flakyproxy" "enable flakyproxy" "verbose on" "proc" "mime" "fd")
        mgmt "${cmds[$((RANDOM % ${#cmds[@]}))]}" "${cmds[$((RANDOM % ${#cmds[@]}))]}"
    elif [ $r -lt 88 ]; then p=$((42602 + RANDOM % 4)); stop_backend $p; sleep 0.$((RANDOM % 10)); modes=(ok slow ok reset garbage); start_backend $p ${modes[$((RANDOM % 5))]}
    fi
    sleep 0.$((RANDOM % 10))$((RANDOM % 10))
}

start_perlbal
for round in $(seq 1 $((3 + RANDOM % 2))); do
    for i in $(seq 1 $((45 + RANDOM % 30))); do act; done
    case $((RANDOM % 3)) in
        0) mgmt "shutdown graceful $((2 + RANDOM % 4))"; sleep 2 ;;
        1) mgmt "crash"; sleep 1 ;;
        2) kill -TERM $PB_PID ;;
    esac
    wait_pb
    # sometimes a broken configuration, or a second instance on taken ports
    if [ $((RANDOM % 2)) = 0 ]; then start_perlbal conf/bad$((1 + RANDOM % 2)).conf; wait $PB_PID 2>/dev/null; fi
    if [ $((RANDOM % 3)) = 0 ]; then start_perlbal conf/empty.conf; wait $PB_PID 2>/dev/null; fi
    start_perlbal
    if [ $((RANDOM % 3)) = 0 ]; then P1=$PB_PID; start_perlbal; wait $PB_PID 2>/dev/null; PB_PID=$P1; fi
done
mgmt "shutdown graceful 3"; sleep 2
wait_pb
for p in 42602 42603 42604 42605; do stop_backend $p; done
umount "$F/docroot"

N=$(wc -l < "$RAW")
START=$(( N > 2500 ? 1 + RANDOM % (N - 2500 + 1) : 1 ))
sed -n "${START},$((START + 2499))p" "$RAW" > "$LOG"
echo "perlbal: $N raw lines, kept from line $START: $(wc -l < "$LOG")"
