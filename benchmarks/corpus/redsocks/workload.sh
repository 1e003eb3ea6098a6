#!/bin/bash
# Randomised workload for redsocks. Runs everything inside a private network
# namespace (unshare -n) so the iptables REDIRECT rules touch nobody else.
# Ports used: 51010-51030 (redsocks), 51110-51117 (fake proxies),
# 51200-51209 (redirected destinations), 51220 (udp echo), 51300-51309 (targets).
D=/work/round28/redsocks
cd "$D" || exit 1

if [ "$1" != inner ]; then
    rm -f "$D/redsocks.log.raw" "$D"/*.pid
    exec unshare -n "$0" inner
fi

LOG=$D/redsocks.log.raw
CONF=$D/run/redsocks.conf
mkdir -p "$D/run"
ip link set lo up
# destination port 5120x -> redsocks instance 5101x (except traffic to 127.0.0.1)
iptables -t nat -A OUTPUT -p tcp -d 127.0.0.1 -j RETURN
for i in 0 1 2 3 4 5 6 7 8 9; do
    iptables -t nat -A OUTPUT -p tcp -d 127.0.0.0/8 --dport 5120$i -j REDIRECT --to-ports 5101$i
done

rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }

write_conf() {   # $1 = conn_max  $2 = idle timeout  $3 = splice for inst 0
    cat > "$CONF" <<EOF
base {
	log_debug = on;
	log_info = on;
	log = stderr;
	daemon = off;
	redirector = iptables;
	redsocks_conn_max = $1;
	connpres_idle_timeout = $2;
	max_accept_backoff = 500;
}
redsocks { local_ip = 127.0.0.1; local_port = 51010; ip = 127.0.0.1; port = 51110; type = socks5; splice = $3; }
redsocks { local_ip = 127.0.0.1; local_port = 51011; ip = 127.0.0.1; port = 51111; type = socks5; login = "alice"; password = "s3cret"; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51012; ip = 127.0.0.1; port = 51112; type = socks4; login = "alice"; password = "ignored"; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51013; ip = 127.0.0.1; port = 51113; type = http-connect; login = "alice"; password = "s3cret"; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51014; ip = 127.0.0.1; port = 51113; type = http-connect; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51015; ip = 127.0.0.1; port = 51115; type = http-relay; login = "alice"; password = "s3cret"; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51016; ip = 127.0.0.1; port = 51199; type = socks5; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51017; ip = 127.0.0.1; port = 51113; type = http-connect; on_proxy_fail = forward_http_err; disclose_src = X-Forwarded-For; login = "alice"; password = "wrong"; splice = false; }
redsocks { local_ip = 127.0.0.1; local_port = 51018; ip = 127.0.0.1; port = 51110; type = socks5; splice = true; }
redsocks { local_ip = 127.0.0.1; local_port = 51019; ip = 127.0.0.1; port = 51116; type = socks5; splice = false; }
redudp { local_ip = 127.0.0.1; local_port = 51020; ip = 127.0.0.1; port = 51110; dest_ip = 127.0.0.10; dest_port = 51220; udp_timeout = $(rnd 2 5); }
redudp { local_ip = 127.0.0.1; local_port = 51021; ip = 127.0.0.1; port = 51117; dest_ip = 127.0.0.11; dest_port = 51220; udp_timeout = 3; }
redudp { local_ip = 127.0.0.1; local_port = 51022; ip = 127.0.0.1; port = 51116; dest_ip = 127.0.0.12; dest_port = 51220; udp_timeout = 2; login = "bob"; password = "pw"; }
dnstc { local_ip = 127.0.0.1; local_port = 51030; }
EOF
}

start_backend() {
    python3 "$D/backend.py" & echo $! > "$D/backend.pid"
    sleep 1
}
stop_backend() {
    [ -f "$D/backend.pid" ] && kill "$(cat "$D/backend.pid")" 2>/dev/null
    wait "$(cat "$D/backend.pid")" 2>/dev/null
    rm -f "$D/backend.pid"
}
start_redsocks() {
    /usr/sbin/redsocks -c "$CONF" -p "$D/run/redsocks.pid" 2>> "$LOG" &
    echo $! > "$D/redsocks.pid"
    sleep 0.5
}
stop_redsocks() {  # $1 = signal
    [ -f "$D/redsocks.pid" ] && kill -"${1:-TERM}" "$(cat "$D/redsocks.pid")" 2>/dev/null
    wait "$(cat "$D/redsocks.pid")" 2>/dev/null
    rm -f "$D/redsocks.pid"
}
dump() { kill -USR1 "$(cat "$D/redsocks.pid")" 2>/dev/null; }

bad_configs() {
    local c=$D/run/bad.conf
    for k in $(shuf -e 1 2 3 4 5 6 7 8 9 10 11 12 | head -n $(rnd 3 6)); do
        case $k in
        1) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 51010; ip = 127.0.0.1; port = 51110; type = socks5; bogus = 1; }\n' > $c ;;
        2) printf 'base { log = stderr; redirector = magic; }\n' > $c ;;
        3) printf 'base { log = stderr; }\n' > $c ;;
        4) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 99999; ip = 127.0.0.1; port = 51110; type = socks5; }\n' > $c ;;
        5) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 51010; ip = 300.1.1.1; port = 51110; type = socks5; }\n' > $c ;;
        6) printf 'base { log = stderr; redirector = iptables;\n' > $c ;;
        7) printf 'nosuch { a = b; }\n' > $c ;;
        8) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 51010; ip = 127.0.0.1; port = 51110; type = socks5; login = "x"; }\n' > $c ;;
        9) printf 'base { log = stderr; redirector = iptables; }\nbase { log = stderr; redirector = iptables; }\n' > $c ;;
        10) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 51010; ip = 127.0.0.1; port = 51110; type = socks5; disclose_src = maybe; }\n' > $c ;;
        11) printf 'base { log = stderr; redirector = iptables; log_debug = perhaps; }\n' > $c ;;
        12) printf 'base { log = stderr; redirector = iptables; }\nredsocks { local_port = 51010; ip = 127.0.0.1; port = 51110; type = socks5; on_proxy_fail = explode; }\n' > $c ;;
        esac
        timeout 2 /usr/sbin/redsocks -c $c 2>> "$LOG"
    done
    /usr/sbin/redsocks -c "$D/run/missing.conf" 2>> "$LOG"
}

start_backend
bad_configs
dieround=$(rnd 1 3)
for round in 1 2 3; do
    write_conf $(rnd 10 20) $(rnd 2 6) $(shuf -n1 -e true false)
    start_redsocks
    # a port already in use: second copy fails to bind
    if [ $round = 2 ]; then timeout 3 /usr/sbin/redsocks -c "$CONF" 2>> "$LOG"; fi
    for batch in $(seq $(rnd 3 4)); do
        python3 "$D/client.py" $(rnd 20 35) &
        cpid=$!
        if [ $batch = 2 ]; then sleep $(rnd 1 3); dump; fi
        wait $cpid
        sleep 0.5
    done
    # connection pressure: many idle clients at once
    python3 - <<'EOF' &
import socket, time, random
ss = []
for i in range(random.randint(20, 45)):
    try:
        s = socket.create_connection(("127.0.0.10", 51200 + random.choice([0, 8])), timeout=2)
        ss.append(s)
    except OSError:
        pass
time.sleep(random.uniform(3, 7))
for s in ss:
    s.close()
EOF
    ppid=$!
    wait $ppid
    # the upstream proxies die while clients are active
    if [ $round = $dieround ]; then
        python3 "$D/client.py" 20 &
        cpid=$!
        sleep 1
        stop_backend
        dump
        wait $cpid
        python3 "$D/client.py" 10
        start_backend
    fi
    python3 "$D/client.py" $(rnd 10 25) &
    cpid=$!
    sleep 0.7
    # shut down with clients still connected
    stop_redsocks $(shuf -n1 -e TERM INT)
    wait $cpid
done
stop_backend
rm -rf "$D/run"
