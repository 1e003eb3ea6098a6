#!/bin/bash
# Randomised workload for websockify (Debian 12 package). Log: stderr of every websockify
# instance (verbose), appended to websockify.log. Ports 18100-18199 on 127.0.0.1.
D=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
LOG=$D/websockify.log
RUN=$D/run; rm -rf "$RUN"; mkdir -p "$RUN/www/sub" "$RUN/tokens"
: > "$LOG"
PIDS=$RUN/pids
C="$PY $D/client.py"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

echo "<html>hello</html>" > "$RUN/www/index.html"
echo "data" > "$RUN/www/sub/file.txt"
echo "vnc" > "$RUN/www/vnc.html"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$RUN/self.pem" -out "$RUN/cert.pem" 2>/dev/null
cat "$RUN/cert.pem" >> "$RUN/self.pem"
cat > "$RUN/tokens/a.cfg" <<T
# token file
alpha: 127.0.0.1:18101
beta: 127.0.0.1:18104
T
cat > "$RUN/tokens/b.cfg" <<T
gamma: 127.0.0.1:18103
delta: 127.0.0.1:18102
this line is broken
T

bg() { "$@" & echo $! >> "$PIDS"; }
start_ws() { # name args...
  local n=$1; shift
  websockify "$@" 2>> "$LOG" >/dev/null &
  local p=$!; echo $p >> "$PIDS"; eval "WS_$n=$p"; sleep 0.7
}
stop_ws() { local p; eval "p=\$WS_$1"; kill -${2:-TERM} $p 2>/dev/null; wait $p 2>/dev/null; }

# backends
bg $PY $D/backend.py echo 18101
bg $PY $D/backend.py banner 18102
bg $PY $D/backend.py echo 18104
bg $PY $D/backend.py unix "$RUN/echo.sock"
sleep 1

start_ws plain -v --web "$RUN/www" 127.0.0.1:18110 127.0.0.1:18101
start_ws token -v --token-plugin TokenFile --token-source "$RUN/tokens" 127.0.0.1:18111
start_ws auth --auth-plugin BasicHTTPAuth --auth-source user:secret 127.0.0.1:18112 127.0.0.1:18104
start_ws ssl --cert "$RUN/self.pem" --web "$RUN/www" 127.0.0.1:18113 127.0.0.1:18104
start_ws sslonly --cert "$RUN/self.pem" --ssl-only --ssl-version $(pick tlsv1_2 tlsv1_3 default) 127.0.0.1:18114 127.0.0.1:18101
start_ws origin --auth-plugin ExpectOrigin --auth-source "http://good.example https://ok.example" 127.0.0.1:18115 127.0.0.1:18101
start_ws unix -v --unix-target "$RUN/echo.sock" --record "$RUN/rec" --heartbeat 1 127.0.0.1:18117
start_ws banner -v 127.0.0.1:18118 127.0.0.1:18102
start_ws dead -v 127.0.0.1:18119 127.0.0.1:18103
start_ws sslt -v --ssl-target 127.0.0.1:18120 127.0.0.1:18104
start_ws fileonly --web "$RUN/www" --web-auth --auth-plugin BasicHTTPAuth --auth-source user:secret 127.0.0.1:18121 127.0.0.1:18101

one_action() {
  case $(r 24) in
    0|1|2) $C ws 18110 $(pick / /websockify /vnc?x=1) ;;
    3) $C ws_drop 18110 ;;
    4) $C get 18110 $(pick / /index.html /sub/ /sub/file.txt /missing.html /vnc.html /../etc/passwd) ;;
    5) $C head 18110 $(pick / /index.html /nothere) ;;
    6) $C $(pick post garbage badline nokey badversion badupgrade silent post badline badssl) $(pick 18110 18110 18112 18117) ;;
    7|8) $C token 18111 $(pick alpha beta gamma delta nosuch epsilon alpha) ;;
    9) $C notoken 18111 ;;
    10|11) $C auth 18112 $(pick user:secret user:wrong admin:secret user:secret nopass) ;;
    12) $C $(pick auth_bad_scheme auth_none) 18112 ;;
    13) $C wss 18113 $(pick / /websockify) ;;
    14) $C $(pick ws gets badssl) 18113 /index.html ;;
    15) $C $(pick wss plain_to_ssl badssl wss) 18114 ;;
    16) $C origin 18115 $(pick http://good.example https://ok.example http://evil.example http://good.example) ;;
    17) $C ws 18117 ;;
    18) $C ws 18118 ;;
    19) $C ws 18119 ;;
    20) $C ws 18120 ;;
    21) $C $(pick get head ws) 18121 / ; $C auth 18121 $(pick user:secret user:bad) ;;
    22) $C ws_wait 18110 2 ;;
    23) $C silent 18110 $(pick 0.1 4) ;;
  esac >/dev/null 2>&1
}

round() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    one_action &
    if (( RANDOM % 3 == 0 )); then wait_clients; fi
    sleep 0.0$(r 9)
  done
  wait_clients
}
wait_clients() { local j; for j in $(jobs -p); do grep -qx "$j" "$PIDS" || wait "$j" 2>/dev/null; done; }

round $((90 + $(r 30)))

# backend dies while clients are connected, then comes back
$C ws_wait 18110 3 >/dev/null 2>&1 &
$C ws_wait 18110 3 >/dev/null 2>&1 &
sleep 0.8
kill $(head -1 "$PIDS"); sleep 0.3
for i in 1 2 3 4; do $C ws 18110 >/dev/null 2>&1; done
bg $PY $D/backend.py echo 18101
sleep 0.8
round $((20 + $(r 10)))

# stop and restart the plain proxy (no client connected)
sleep 1
stop_ws plain $(pick TERM INT)
sleep 0.5
start_ws plain -v --web "$RUN/www" 127.0.0.1:18110 127.0.0.1:18101
round $((20 + $(r 10)))

# token file edited at runtime (TokenFile re-reads it)
echo "epsilon: 127.0.0.1:18101" >> "$RUN/tokens/a.cfg"
for t in epsilon gamma alpha; do $C token 18111 $t >/dev/null 2>&1; done

# run-once, idle timeout, timeout
start_ws once -v --run-once 127.0.0.1:18130 127.0.0.1:18101
$C get 18130 / >/dev/null 2>&1; $C ws 18130 >/dev/null 2>&1; sleep 1.5
start_ws idle -v --idle-timeout 2 127.0.0.1:18131 127.0.0.1:18101
$C ws 18131 >/dev/null 2>&1
start_ws tmo -v --timeout 3 127.0.0.1:18132 127.0.0.1:18101
$C ws 18132 >/dev/null 2>&1

# wrapped command, respawned; then one that dies too fast
start_ws wrap -v --wrap-mode respawn 127.0.0.1:18134 -- $PY $D/backend.py wrapped 18134 $((2 + $(r 3)))
for i in 1 2 3; do $C ws 18134 >/dev/null 2>&1; sleep 0.5; done
sleep 4
$C ws 18134 >/dev/null 2>&1
start_ws wrapfail -v --wrap-mode respawn 127.0.0.1:18135 -- /bin/false
sleep 4
$C ws 18135 >/dev/null 2>&1
start_ws wrapexit -v --wrap-mode exit 127.0.0.1:18136 -- $PY $D/backend.py wrapped 18136 2
$C ws 18136 >/dev/null 2>&1
sleep 3

# token plugins whose backends are missing, a unix-socket token directory
mkdir -p "$RUN/socks"; ln -s "$RUN/echo.sock" "$RUN/socks/echo"; echo "not a socket" > "$RUN/socks/plain"
echo "dummy key" > "$RUN/jwt.key"
start_ws jwt -v --token-plugin JWTTokenApi --token-source "$RUN/jwt.key" 127.0.0.1:18137
start_ws uds -v --token-plugin UnixDomainSocketDirectory --token-source "$RUN/socks" 127.0.0.1:18138
websockify -v --token-plugin TokenRedis --token-source 127.0.0.1:18199 127.0.0.1:18139 2>> "$LOG" >/dev/null
for i in 1 2 3; do
  $C token 18137 $(pick abc.def.ghi eyJhbGciOi.x.y) >/dev/null 2>&1
  $C token 18138 $(pick echo plain nothere echo) >/dev/null 2>&1
done
# inetd mode: the listening socket comes on stdin; daemon mode with a timeout
$PY -c '
import socket, subprocess, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 18140)); s.listen(5)
subprocess.run(["websockify", "-v", "--inetd", "--timeout", "6", "127.0.0.1:18101"], stdin=s.fileno(), stdout=subprocess.DEVNULL, stderr=open(sys.argv[1], "a"))
' "$LOG" &
sleep 1.5
for i in 1 2; do $C ws 18140 >/dev/null 2>&1; done
wait $!
websockify -v --daemon --timeout 4 --web "$RUN/www" 127.0.0.1:18141 127.0.0.1:18101 2>> "$LOG" >/dev/null
$C ws 18141 >/dev/null 2>&1

round $((50 + $(r 20)))

# shutdown everything (websockify first, then backends)
for n in plain token auth ssl sslonly origin unix banner dead sslt fileonly idle tmo wrap wrapfail wrapexit jwt uds; do
  stop_ws $n $(pick TERM TERM INT)
done
sleep 1
for p in $(cat "$PIDS"); do kill $p 2>/dev/null; done
wait 2>/dev/null
rm -rf "$RUN"
echo "lines: $(wc -l < "$LOG")"
