#!/bin/bash
# Randomised workload for munged (Debian package munge): a private daemon run
# in the foreground (-F -v) with its own key, socket, pid, seed and log-file
# options in run/; its stderr (where a foreground munged logs) is munge.log.
# Exercises failed start-ups, option variants, munge/unmunge/remunge clients,
# replayed, expired, rewound, forged, wrong-key and malformed credentials,
# raw protocol errors (munge_client.py), SIGHUP, a second instance, a killed
# daemon, --stop, restarts and shutdown.
set -u
M=/work/round25/munge
RUN=$M/run
LOG=$M/munge.log
SOCK=$RUN/munge.sock
OSOCK=$RUN/other.sock
PY=/usr/bin/python3

rm -rf "$RUN"
mkdir -p "$RUN"
chmod 755 "$RUN"
rm -f "$LOG"
: > "$RUN/pids.txt"
cd "$RUN" || exit 1

dd if=/dev/urandom of="$RUN/munge.key" bs=1024 count=1 2>/dev/null
dd if=/dev/urandom of="$RUN/other.key" bs=512 count=1 2>/dev/null
head -c $((RANDOM % 24 + 4)) /dev/urandom > "$RUN/short.key"
cp "$RUN/munge.key" "$RUN/open.key"
chmod 600 "$RUN"/*.key
chmod "$(shuf -n1 -e 640 644 604)" "$RUN/open.key"
mkdir -p "$RUN/open"
chmod 777 "$RUN/open"

COMMON=(-F -v --pid-file="$RUN/munged.pid" --seed-file="$RUN/munged.seed" --log-file="$RUN/munged.log")

# a munged that must fail at start-up; its messages go to the same log
fail_start() {
    timeout 5 munged "${COMMON[@]}" "$@" >>"$LOG" 2>&1
}

startup_failures() {
    local cases=(
        "--key-file=$RUN/missing.key -S $SOCK"
        "--key-file=$RUN/short.key -S $SOCK"
        "--key-file=$RUN/open.key -S $SOCK"
        "--key-file=$RUN/munge.key -S $RUN/open/munge.sock"
        "--key-file=$RUN/munge.key -S $SOCK --num-threads=$(shuf -n1 -e -- 0 -2 many)"
        "--key-file=$RUN/munge.key -S $SOCK --max-ttl=$(shuf -n1 -e 0 abc 999999)"
        "--key-file=$RUN/munge.key -S $SOCK --group-update-time=$(shuf -n1 -e soon x1)"
        "--key-file=$RUN/munge.key -S $SOCK --$(shuf -n1 -e bogus no-such-option verbose-mode)"
        "--key-file=$RUN/munge.key -S $SOCK --origin=$(shuf -n1 -e no.such.host.invalid bad_host eth99)"
        "--key-file=$RUN/munge.key -S $SOCK extra-arg"
    )
    local c
    for c in $(shuf -i 0-$((${#cases[@]} - 1)) -n "$1"); do
        # shellcheck disable=SC2086
        fail_start ${cases[$c]}
    done
}

start_main() {
    local opts=(--key-file="$RUN/munge.key" -S "$SOCK" --num-threads=$((RANDOM % 4 + 1))
                --max-ttl=$(shuf -n1 -e 600 1800 3600))
    case $((RANDOM % 4)) in
        0) opts+=(--origin=127.0.0.1) ;;
        1) opts+=(--origin=lo) ;;
        2) opts+=(--origin=localhost) ;;
    esac
    case $((RANDOM % 4)) in
        0) opts+=(--group-check-mtime=0 --group-update-time=$((RANDOM % 3 + 2))) ;;
        1) opts+=(--group-update-time=0) ;;
        2) opts+=(--group-update-time=-1) ;;
    esac
    ((RANDOM % 4 == 0)) && opts+=(-M)
    if [ "${1:-}" = force ]; then
        opts=(-f "${opts[@]/munge.key/open.key}")
        ((RANDOM % 2)) && opts+=(--origin=no.such.host.invalid)
    fi
    munged "${COMMON[@]}" "${opts[@]}" >>"$LOG" 2>&1 &
    MAIN=$!
    echo "$MAIN" >> "$RUN/pids.txt"
    sleep 1
}

stop_main() {
    case $((RANDOM % 3)) in
        0) kill -TERM "$MAIN" ;;
        1) kill -INT "$MAIN" ;;
        2) munged -s -v -S "$SOCK" >>"$LOG" 2>&1 ;;
    esac
    wait "$MAIN" 2>/dev/null
}

start_other() {
    munged -F -v --key-file="$RUN/other.key" -S "$OSOCK" --pid-file="$RUN/other.pid" \
        --seed-file="$RUN/other.seed" >>"$RUN/other.log" 2>&1 &
    OTHER=$!
    echo "$OTHER" >> "$RUN/pids.txt"
    sleep 1
}

as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

cli_round() {
    local i c
    for i in $(seq "$1"); do
        case $((RANDOM % 14)) in
            0) munge -S "$SOCK" -s "msg $RANDOM" -c "$(shuf -n1 -e aes128 aes256 cast5 blowfish none default)" \
                   -m "$(shuf -n1 -e sha1 sha256 sha512 md5 ripemd160 default)" -z "$(shuf -n1 -e none zlib bzlib default)" \
                   | unmunge -S "$SOCK" ;;
            1) c=$(munge -S "$SOCK" -n); for _ in 1 2 3; do echo "$c" | unmunge -S "$SOCK"; done ;;
            2) munge -S "$SOCK" -n -u "$(shuf -n1 -e 1000 4242 daemon)" | unmunge -S "$SOCK" ;;
            3) munge -S "$SOCK" -n -g "$(shuf -n1 -e 1000 4242 nogroup)" | unmunge -S "$SOCK" ;;
            4) munge -S "$SOCK" -n | as_nobody unmunge -S "$SOCK" ;;
            5) munge -S "$SOCK" -n -u 65534 | as_nobody unmunge -S "$SOCK" ;;
            6) munge -S "$OSOCK" -s "wrong key $RANDOM" | unmunge -S "$SOCK" ;;
            7) munge -S "$SOCK" -n | unmunge -S "$OSOCK" ;;
            8) echo "not a credential $RANDOM" | unmunge -S "$SOCK" ;;
            9) munge -S "$SOCK" -n | cut -c1-$((RANDOM % 40 + 10)) | unmunge -S "$SOCK" ;;
            10) remunge -S "$SOCK" -N $((RANDOM % 3 + 1)) -n $((RANDOM % 40 + 10)) $(shuf -n1 -e -- -d "" "-z zlib" "-c aes256 -m sha512") ;;
            11) munge -S "$SOCK" -c aes256 -m md5 -n | unmunge -S "$SOCK" ;;
            12) head -c $((RANDOM % 3000 + 100)) /dev/urandom | munge -S "$SOCK" -z "$(shuf -n1 -e zlib bzlib)" | unmunge -S "$SOCK" -n ;;
            13) as_nobody munge -S "$SOCK" -n -u 0 | unmunge -S "$SOCK" ;;
        esac
    done >>"$RUN/client.out" 2>&1
}

expire_round() {
    local c
    c=$(munge -S "$SOCK" -t 1 -n)
    sleep 2.2
    echo "$c" | unmunge -S "$SOCK" >>"$RUN/client.out" 2>&1
}

# a short-lived --benchmark instance on its own socket
bench_instance() {
    munged "${COMMON[@]/munged./bench.}" --benchmark --key-file="$RUN/munge.key" -S "$RUN/bench.sock" >>"$LOG" 2>&1 &
    local b=$!
    echo "$b" >> "$RUN/pids.txt"
    sleep 1
    remunge -S "$RUN/bench.sock" -n $((RANDOM % 50 + 10)) -d >>"$RUN/client.out" 2>&1
    c=$(munge -S "$RUN/bench.sock" -n); echo "$c" | unmunge -S "$RUN/bench.sock" >/dev/null 2>&1; echo "$c" | unmunge -S "$RUN/bench.sock" >>"$RUN/client.out" 2>&1
    kill -TERM "$b"; wait "$b" 2>/dev/null
}

raw_round() {
    $PY "$M/munge_client.py" "$SOCK" "$RUN/munge.key" "$1" >>"$RUN/client.out" 2>&1
}

# ---- run ----
startup_failures $((RANDOM % 4 + 3))
start_other
start_main
cli_round $((RANDOM % 10 + 15))
raw_round $((RANDOM % 60 + 200))
expire_round
fail_start --key-file="$RUN/munge.key" -S "$SOCK"         # second instance on a bound socket
kill -HUP "$MAIN"; sleep 0.5
raw_round $((RANDOM % 60 + 160))
cli_round $((RANDOM % 10 + 10))
stop_main

startup_failures $((RANDOM % 3 + 2))
bench_instance
start_main force
raw_round $((RANDOM % 60 + 200))
kill -HUP "$MAIN"; sleep 0.5
cli_round $((RANDOM % 10 + 10))
kill -KILL "$MAIN"; wait "$MAIN" 2>/dev/null                # daemon dies, leaving its socket

chmod "$(shuf -n1 -e 644 660 666)" "$RUN/munged.seed"
start_main
raw_round $((RANDOM % 60 + 200))
kill -TERM "$OTHER"; wait "$OTHER" 2>/dev/null             # the wrong-key peer goes away
cli_round $((RANDOM % 8 + 6))
expire_round
raw_round $((RANDOM % 40 + 130))
munged -s -v -S "$OSOCK" >>"$LOG" 2>&1                      # --stop with nothing running
stop_main
echo "workload done"
