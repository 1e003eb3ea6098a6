#!/bin/bash
# Randomised workload for perdition (IMAP4/POP3/ManageSieve proxy).
# Runs inside a private network namespace (unshare -n); ports 51410-51415
# (perdition) and 51450-51454 (fake back-end mail servers, mailserver.py).
D=/work/round28/perdition
cd "$D" || exit 1
if [ "$1" != inner ]; then
    rm -f "$D/perdition.log.raw"
    exec unshare -n "$0" inner
fi
ip link set lo up
LOG=$D/perdition.log.raw
R=$D/run
mkdir -p "$R"
[ -f "$R/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$R/key.pem" -out "$R/cert.pem" \
    -days 30 -subj /CN=localhost 2>/dev/null
cat > "$R/popmap.re" <<'EOF'
^dead: 127.0.0.9
^ren(.*): user_$1@127.0.0.1
^[a-z]: 127.0.0.1
EOF
MAP=/usr/lib/x86_64-linux-gnu/libperditiondb_posix_regex.so.0
COMMON=(-f /dev/null -b 127.0.0.1 -F "$LOG" -d -u root -g root --no_daemon
        --ssl_cert_file "$R/cert.pem" --ssl_key_file "$R/key.pem")
rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }

declare -A PIDS
start() {   # name binary args...
    local name=$1 bin=$2; shift 2
    "/usr/sbin/$bin" "${COMMON[@]}" --pid_file "$R/$name.pid" "$@" 2>/dev/null &
    PIDS[$name]=$!
}
stop() {    # name [signal]
    local p=${PIDS[$1]}
    [ -n "$p" ] && kill -"${2:-TERM}" "$p" 2>/dev/null && wait "$p" 2>/dev/null
    unset "PIDS[$1]"
}
start_mail() { python3 "$D/mailserver.py" & MAILPID=$!; sleep 0.8; }
stop_mail() { kill "$MAILPID" 2>/dev/null; wait "$MAILPID" 2>/dev/null; }

start_all() {
    start imap perdition.imap4 -l 51410 -p 51450 -M $MAP -m "$R/popmap.re" --ssl_mode tls_listen \
        -t $(rnd 3 5) -L $(rnd 8 20) --authenticate_timeout $(rnd 3 5)
    start pop3 perdition.pop3 -l 51411 -p 51451 -M $MAP -m "$R/popmap.re" -t 4 --authenticate_timeout 4 \
        $(shuf -n1 -e -- --lower_case=all --strip_domain=all --add_domain=all,1 "-e example.net")
    # outgoing certificate checks: sometimes they fail (self-signed, CN mismatch)
    v=$(shuf -n1 -e -- --ssl_no_cert_verify --ssl_ca_accept_self_signed "--ssl_no_cert_verify --ssl_no_cn_verify" \
        "--ssl_no_cert_verify --ssl_no_cn_verify")
    start imaps perdition.imaps -l 51412 -p 51453 -M $MAP -m "$R/popmap.re" --ssl_mode ssl_all $v -t 5
    start pop3s perdition.pop3s -l 51413 -p 51454 -M $MAP -m "$R/popmap.re" -t 5 --ssl_no_cert_verify --ssl_no_cn_verify
    start sieve perdition.managesieve -l 51414 -p 51452 -M $MAP -m "$R/popmap.re" \
        --ssl_mode tls_outgoing --ssl_no_cert_verify --ssl_no_cn_verify -t 5 --authenticate_timeout 3
    start imapf perdition.imap4 -l 51415 -s 127.0.0.1:51450,127.0.0.1:51499 \
        --ssl_mode tls_all_force --ssl_no_cert_verify --ssl_no_cn_verify -t 5 $(shuf -n1 -e -- -B --no_lookup -o)
    sleep 1
}
stop_all() {
    for n in "${!PIDS[@]}"; do stop "$n" "$(shuf -n1 -e TERM INT)"; done
}

garbage_clients() {
    python3 - <<'EOF'
import socket, random, ssl, os, time
for _ in range(random.randint(4, 9)):
    port = random.choice([51410, 51411, 51412, 51413, 51414, 51415])
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3)
        k = random.choice(["bytes", "tls", "close", "longline"])
        if k == "bytes":
            s.sendall(os.urandom(random.randint(5, 200)) + b"\r\n")
        elif k == "tls":
            c = ssl.create_default_context(); c.check_hostname = False; c.verify_mode = ssl.CERT_NONE
            try:
                c.wrap_socket(s).close()
            except Exception:
                pass
        elif k == "longline":
            s.sendall(b"a1 LOGIN " + b"x" * random.randint(2000, 9000) + b" y\r\n")
        time.sleep(random.uniform(0, 0.5))
        s.close()
    except OSError:
        pass
EOF
}

start_mail
# start-up failures: port already taken, missing certificate, bad map library
start_all
start dup perdition.pop3 -l 51411 -p 51451 -M $MAP -m "$R/popmap.re"
sleep 0.5; stop dup
start nocert perdition.imaps -l 51416 -p 51453 --ssl_cert_file "$R/missing.pem"
sleep 0.5; stop nocert
start badmap perdition.imap4 -l 51417 -p 51450 -M /usr/lib/x86_64-linux-gnu/libperditiondb_nothere.so.0
sleep 0.5; stop badmap

for round in 1 2 3; do
    python3 "$D/client.py" $(rnd 70 90) &
    cp=$!
    sleep $(rnd 2 5)
    garbage_clients
    # reload: SIGHUP re-reads the map
    kill -HUP "${PIDS[$(shuf -n1 -e imap pop3 sieve)]}" 2>/dev/null
    wait $cp
    if [ $round = 2 ]; then
        # the back-end mail servers die while clients are active
        python3 "$D/client.py" $(rnd 15 20) &
        cp=$!
        sleep 1; stop_mail
        wait $cp
        python3 "$D/client.py" $(rnd 5 10)
        start_mail
    fi
    # restart one listener, stop everything at the end of the last round
    if [ $round != 3 ]; then
        n=$(shuf -n1 -e imap pop3 imaps pop3s sieve imapf)
        stop "$n"
        stop_all; start_all
    fi
done
python3 "$D/client.py" $(rnd 5 10) &
cp=$!
sleep 1
stop_all
wait $cp
stop_mail
rm -rf "$R"
