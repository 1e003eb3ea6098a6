#!/bin/bash
# Randomised workload for distccd (Debian package distcc): a private daemon on
# 127.0.0.1:47100 logging at debug level to distccd.log, driven by the real
# distcc client and by dcc_client.py (raw protocol 1/3 requests, bad requests,
# refused source addresses, disconnects, timeouts), with child deaths, a
# failed second instance, restarts by different signals and a final shutdown.
set -u
D=/work/round25/distccd
RUN=$D/run
LOG=$D/distccd.log
PORT=47100
PY=/usr/bin/python3
CLIENT="$PY $D/dcc_client.py"

rm -rf "$RUN"
mkdir -p "$RUN/src" "$RUN/dccdir"
chmod 777 "$RUN"
rm -f "$LOG"
touch "$LOG"
chown distccd "$LOG"
: > "$RUN/pids.txt"

export DISTCC_DIR=$RUN/dccdir

start_daemon() {
    local jobs=$((RANDOM % 3 + 2)) life=$((RANDOM % 2 + 3))
    distccd --daemon --no-detach --user distccd --port $PORT --listen 127.0.0.1 \
        --allow 127.0.0.1 --allow 127.0.0.16/28 --log-file "$LOG" --log-level debug \
        --pid-file "$RUN/distccd.pid" --jobs $jobs --job-lifetime $life \
        2>>"$RUN/daemon.stderr" &
    MASTER=$!
    echo "$MASTER" >> "$RUN/pids.txt"
    sleep 1
}

stop_daemon() {
    local sig=${1:-TERM}
    kill -"$sig" "$MASTER" 2>/dev/null
    wait "$MASTER" 2>/dev/null
    sleep 0.5
}

# a second daemon on the same port fails to bind and exits
second_instance() {
    timeout 10 distccd --daemon --no-detach --user distccd --port $PORT --listen 127.0.0.1 \
        --allow 127.0.0.1 --log-file "$LOG" --log-level debug \
        --pid-file "$RUN/second.pid" 2>>"$RUN/daemon.stderr" &
    echo $! >> "$RUN/pids.txt"
    wait $! 2>/dev/null
}

# kill one preforked child; the parent notices and forks a new one
kill_child() {
    local kid
    kid=$(pgrep -P "$MASTER" | shuf -n 1)
    [ -n "$kid" ] && kill -"$(shuf -n1 -e TERM KILL SEGV)" "$kid" 2>/dev/null
    sleep 0.5
}

write_src() {
    local n=$1
    cat > "$RUN/src/r$n.c" <<EOF
#include <stdlib.h>
#include <string.h>
int value_$n(const char *s) { return (int) strlen(s) + $RANDOM; }
EOF
    cat > "$RUN/src/e$n.c" <<EOF
int broken_$n(void) { return missing_$n * ; }
EOF
}

# the real distcc client with various host lists
real_client() {
    local n=$RANDOM hosts
    write_src $n
    hosts=$(shuf -n1 -e "127.0.0.1:$PORT" "127.0.0.1:$PORT,lzo" "127.0.0.1:47999 127.0.0.1:$PORT" \
        "127.0.0.1:$PORT/2,lzo" "127.0.0.1:47998" "bad@@host::list" "127.0.0.1:$PORT")
    (
        cd "$RUN/src" || exit
        case $((RANDOM % 4)) in
            0) DISTCC_HOSTS="$hosts" timeout 60 distcc gcc -c e$n.c -o e$n.o ;;
            *) DISTCC_HOSTS="$hosts" timeout 60 distcc gcc $(shuf -n1 -e -- -O2 -g -O0 -Wall) -c r$n.c -o r$n.o ;;
        esac
    ) >>"$RUN/client.out" 2>&1
}

parallel_burst() {
    local i n=$((RANDOM % 3 + 3)) pids=()
    for i in $(seq $n); do
        if ((RANDOM % 2)); then real_client & else $CLIENT "$(shuf -n1 -e ok1 ok3 fail)" $PORT & fi
        pids+=($!)
    done >>"$RUN/client.out" 2>&1
    wait "${pids[@]}"
}

ACTIONS=(ok1 ok3 warn fail fail3 bad3token notwhite abspath plugin nocompile nocompile nocompile
         badmagic badversion badhex truncated badargv shortdoti garbage idle refused refused
         allowed_range disconnect real real burst)

one_action() {
    local a=${ACTIONS[$((RANDOM % ${#ACTIONS[@]}))]}
    case $a in
        real) real_client ;;
        burst) parallel_burst ;;
        allowed_range) $CLIENT ok1 $PORT "127.0.0.$((RANDOM % 16 + 16))" ;;
        *) $CLIENT "$a" $PORT ;;
    esac >>"$RUN/client.out" 2>&1
    sleep 0.$((RANDOM % 3))
}

phase() {
    local i
    for i in $(seq "$1"); do one_action; done
}

# ---- run ----
start_daemon
$CLIENT ok1 $PORT >>"$RUN/client.out" 2>&1
phase $((RANDOM % 4 + 6))
$CLIENT timeout $PORT >>"$RUN/client.out" 2>&1
second_instance
phase $((RANDOM % 4 + 6))
kill_child
phase $((RANDOM % 3 + 4))
stop_daemon "$(shuf -n1 -e TERM INT HUP)"

start_daemon
$CLIENT refused $PORT >>"$RUN/client.out" 2>&1
phase $((RANDOM % 4 + 6))
kill_child
$CLIENT disconnect $PORT >>"$RUN/client.out" 2>&1
phase $((RANDOM % 4 + 6))
$CLIENT timeout $PORT >>"$RUN/client.out" 2>&1
stop_daemon "$(shuf -n1 -e TERM INT HUP)"

start_daemon
phase $((RANDOM % 3 + 4))
kill_child
phase $((RANDOM % 3 + 2))
stop_daemon TERM
echo "workload done"
