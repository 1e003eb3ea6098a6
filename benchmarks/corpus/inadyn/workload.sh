#!/bin/bash
# Randomised workload for inadyn 2.10.0 (Debian 12).  inadyn runs in the foreground (-n) with
# its log on stderr, appended to run/inadyn.out, at level info.  It and a fake DDNS provider /
# checkip server (fakeddns.py, 127.0.0.1:33500-33503) live in a private network + mount
# namespace with their own /etc/hosts and /etc/resolv.conf bind-mounted from run/, so no
# system-wide file is touched and no traffic leaves the namespace.
D=/work/round30/inadyn
R=$D/run
rm -rf "$R"; mkdir -p "$R/cache"
cd "$R" || exit 1
PIDS=$R/pids.txt; : > "$PIDS"
LOG=$R/inadyn.out
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

cat > "$R/hosts" <<'EOF'
127.0.0.1 localhost
127.0.0.1 ddns.fake.test checkip.fake.test ddns2.fake.test checkip2.fake.test
127.0.0.1 home.example.com
EOF
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > "$R/resolv.conf"

unshare -n -m --propagation private sleep 100000 &
HOLDER=$!; echo "holder $HOLDER" >> "$PIDS"; sleep 0.5
if [ "$(readlink /proc/$HOLDER/ns/net)" = "$(readlink /proc/self/ns/net)" ]; then
    echo "namespace not private"; kill "$HOLDER"; exit 1
fi
NS() { nsenter -t "$HOLDER" -n -m -- "$@"; }
NS bash -c "
ip link set lo up
mount --bind $R/hosts /etc/hosts
mount --bind $R/resolv.conf /etc/resolv.conf
ip link add wan0 type veth peer name lan0
ip addr add 198.51.100.77/24 dev wan0; ip addr add 192.168.77.1/24 dev lan0
ip link set wan0 up; ip link set lan0 up
"
nsenter -t "$HOLDER" -n -m -- python3 "$D/fakeddns.py" ddns:33500 checkip:33501 ddns:33502 checkip:33503 >> "$R/fake.out" 2>&1 &
FAKE=$!; echo "fakeddns $FAKE" >> "$PIDS"; sleep 1

# helper scripts
cat > "$R/getip.sh" <<'EOF'
#!/bin/sh
case $(( $(od -An -N1 -tu1 /dev/urandom) % 6 )) in
  0|1) echo "203.0.113.$(( $(od -An -N1 -tu1 /dev/urandom) % 200 + 1 ))" ;;
  2) echo "my address is 198.51.100.23 today" ;;
  3) echo "10.0.0.8" ;;
  4) exit 1 ;;
  5) echo "unknown" ;;
esac
EOF
cat > "$R/hook.sh" <<'EOF'
#!/bin/sh
echo "hook $INADYN_IP $INADYN_HOSTNAME $INADYN_EVENT $INADYN_ERROR $*" >> "$(dirname "$0")/hook.out"
EOF
chmod +x "$R/getip.sh" "$R/hook.sh"

# ---------- configuration
custom() {  # name ddns-port checkip-port hostnames...
    local name=$1 dp=$2 cp=$3; shift 3
    local hosts; hosts=$(printf '"%s", ' "$@"); hosts=${hosts%, }
    echo "custom $name {"
    [ "$(rnd 5)" != 0 ] && echo "    username = user$(rnd 9)" && echo "    password = \"$(pick secret s3cr3t 'p@ss=word')\""
    echo "    ssl = $(pick false false false false true)"
    case $(rnd 8) in
        0) echo "    checkip-command = \"$R/getip.sh\"" ;;
        1) echo "    checkip-server = checkip.fake.test:33509" ;;  # nobody listens there
        *) echo "    checkip-server = $(pick checkip.fake.test checkip2.fake.test):$cp"
           echo "    checkip-path = \"/$(pick ip myip '')\"" ;;
    esac
    echo "    checkip-ssl = false"
    echo "    ddns-server = $(pick ddns.fake.test ddns2.fake.test):$dp"
    echo "    ddns-path = \"$(pick '/nic/update?hostname=%h&myip=%i' '/update?host=%h&ip=%i&user=%u' '/u/%h/%i')\""
    [ "$(rnd 3)" = 0 ] && echo "    ddns-response = { \"good\", \"nochg\", \"OK\" }"
    [ "$(rnd 4)" = 0 ] && echo "    append-myip = true"
    [ "$(rnd 6)" = 0 ] && echo "    user-agent = \"fakeclient/$(rnd 9).0\""
    [ "$(rnd 8)" = 0 ] && echo "    wildcard = true"
    echo "    hostname = { $hosts }"
    echo "}"
}
mkconf() {  # file
    {
        echo "period = $(pick 30 40 60)"
        echo "forced-update = $(pick 60 120 604800)"
        [ "$(rnd 4)" = 0 ] && echo "verify-address = false"
        [ "$(rnd 4)" = 0 ] && echo "allow-ipv6 = true"
        [ "$(rnd 5)" = 0 ] && echo "user-agent = \"inadyn-test/$(rnd 9)\""
        [ "$(rnd 12)" = 0 ] && echo "ca-trust-file = $R/no-such-ca.pem"
        [ "$(rnd 6)" = 0 ] && echo "iface = $(pick wan0 lan0 lo)"
        custom alpha 33500 33501 "home.example.com" "nas.example.com"
        custom beta 33502 33503 "office.example.net"
        [ "$(rnd 2)" = 0 ] && custom gamma 33500 33503 "a.example.org" "b.example.org" "c.example.org"
    } > "$1"
}
badconf() {  # file: a broken configuration
    case $(rnd 10) in
        9) printf 'period = 60\ncustom x {\n  ddns-server = ddns.fake.test:33500\n  hostname = "h.example.com"\n  proxy = "socks5://127.0.0.1:33510"\n}\n' ;;
        0) printf 'period = 60\ncustom x {\n  hostname = "h.example.com"\n}\n' ;;                      # no ddns-server
        1) printf 'period = 60\ncustom x {\n  ddns-server = ddns.fake.test:33500\n}\n' ;;             # no hostname
        2) printf 'period = 60\nprovider nosuch@example.com {\n  username = a\n  password = b\n  hostname = h.example.com\n}\n' ;;
        3) printf 'period = 60\nprovider default@dyndns.org {\n  hostname = h.example.com\n}\n' ;; # no username
        4) printf 'period = 60\ncustom x {\n  ddns-server = ddns.fake.test:33500\n  hostname = "h.example.com"\n  alias = "old.example.com"\n}\n' ;;
        5) printf 'period = sixty\n' ;;
        6) printf 'period = 60\ncustom x {\n  ddns-server = ddns.fake.test:33500\n  hostname = { "h.example.com" \n' ;;
        7) printf 'period = 60\nfoo = bar\n' ;;
        8) printf 'period = 60\ncustom x {\n  ddns-server = ddns.fake.test:33500\n  alias = "old.example.com"\n}\n' ;;
    esac > "$1"
}

DAEMON=
start_daemon() {
    nsenter -t "$HOLDER" -n -m -- inadyn -n -l info -f "$R/inadyn.conf" --cache-dir="$R/cache" -P "$R/inadyn.pid" \
        $(pick "" "" "-C" "--exec=$R/hook.sh" "--exec=$R/hook.sh --exec-mode=event" "-t 2" "-i wan0") >> "$LOG" 2>&1 &
    DAEMON=$!; echo "inadyn $DAEMON" >> "$PIDS"; sleep 2
}
alive() { [ -n "$DAEMON" ] && [ "$(cat /proc/$DAEMON/comm 2>/dev/null)" = inadyn ]; }
stop_daemon() { alive && kill -TERM "$DAEMON"; wait "$DAEMON" 2>/dev/null; DAEMON=; }
ensure() { alive || { mkconf "$R/inadyn.conf"; start_daemon; }; }

# ---------- scenarios
sc_wait()    { ensure; sleep "$(pick 5 10 15)"; }
sc_usr1()    { ensure; kill -USR1 "$DAEMON"; sleep "$(pick 3 6 9)"; }
sc_usr2()    { ensure; kill -USR2 "$DAEMON"; sleep "$(pick 3 6)"; }
sc_hup()     { ensure; [ "$(rnd 2)" = 0 ] && mkconf "$R/inadyn.conf"; kill -HUP "$DAEMON"; sleep "$(pick 4 8)"; }
sc_restart() { stop_daemon; [ "$(rnd 2)" = 0 ] && rm -f "$R/cache/"*; mkconf "$R/inadyn.conf"; start_daemon; sleep 3; }
sc_once()    { mkconf "$R/once.conf"; timeout 40 nsenter -t "$HOLDER" -n -m -- inadyn -n -1 -l info -f "$R/once.conf" --cache-dir="$R/cache1" \
                   $(pick "" "--force" "--force" "-C" "-i lan0" "-i nosuch0" "-c $R/getip.sh") >> "$LOG" 2>&1; }
sc_check()   { badconf "$R/bad.conf"; NS inadyn -n -l info --check-config -f "$R/bad.conf" >> "$LOG" 2>&1
               [ "$(rnd 2)" = 0 ] && { mkconf "$R/good.conf"; NS inadyn -n -l info --check-config -f "$R/good.conf" >> "$LOG" 2>&1; }; }
sc_badrun()  { badconf "$R/bad.conf"; timeout 20 nsenter -t "$HOLDER" -n -m -- inadyn -n -1 -l info -f "$R/bad.conf" --cache-dir="$R/cache2" >> "$LOG" 2>&1; }
sc_twice()   { ensure; timeout 10 nsenter -t "$HOLDER" -n -m -- inadyn -n -l info -f "$R/inadyn.conf" --cache-dir="$R/cache" -P "$R/inadyn.pid" >> "$LOG" 2>&1; }
sc_nofile()  { timeout 10 nsenter -t "$HOLDER" -n -m -- inadyn -n -l info -f "$R/missing-$(rnd 9).conf" >> "$LOG" 2>&1; }
sc_badopt()  { timeout 10 nsenter -t "$HOLDER" -n -m -- inadyn -n $(pick "-p nosuchuser:nogroup -1" "-t abc -1" "--no-pidfile -1 --force") -f "$R/inadyn.conf" --cache-dir="$R/cache3" >> "$LOG" 2>&1; }

mkconf "$R/inadyn.conf"; start_daemon; sleep 5
END=$((SECONDS + ${DURATION:-400}))
while [ $SECONDS -lt $END ]; do
    s=$(pick sc_wait sc_usr1 sc_usr1 sc_usr2 sc_usr2 sc_hup sc_hup sc_restart sc_once sc_once sc_check sc_badrun sc_twice sc_nofile sc_badopt)
    echo "== $(date +%T) $s" >> "$R/scenario.out"
    $s
done
stop_daemon
kill "$FAKE"; wait "$FAKE" 2>/dev/null
kill "$HOLDER"; wait "$HOLDER" 2>/dev/null
echo done
