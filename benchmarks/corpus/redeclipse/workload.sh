#!/bin/bash
# Randomised workload for the Red Eclipse dedicated server (redeclipse-server 1.6.0).
# Kept log: stdout+stderr of the main server process (game server + master server + IRC relay).
# Ports: 56200 master (main), 56210/56211 game (main), 56220 fake IRC, 56229 unused IRC port,
#        56230/56231 and 56240/56241 extra game servers, 56250 fake upstream master.
set -u
HERE=/work/round28/redeclipse
RUN=$HERE/run
rm -rf "$RUN"; mkdir -p "$RUN/main" "$RUN/s1" "$RUN/s2"
LOG=$RUN/raw.log
: > "$LOG"
PIDS=$HERE/pids.txt
: > "$PIDS"
BIN=/usr/lib/games/redeclipse
rsleep() { sleep "$(awk -v a="$1" -v b="$2" -v s="$RANDOM" 'BEGIN{srand(s); print a+rand()*(b-a)}')"; }

cat > "$RUN/main/servinit.cfg" <<EOF
serverlanport 0
sv_serverdesc "Workload main $RANDOM"
sv_servermotd "hello"
ircverbose 1
irctimeout 10
ircaddrelay relay 127.0.0.1 56220 rebot
ircaddchan relay "#redeclipse" "main" "" 3
ircaddchan relay "#banned" "banned" "" 1
ircaddclient chat 127.0.0.1 56220 rechat
ircaddchan chat "#lobby" "lobby" "" 1
ircaddclient dead 127.0.0.1 56229 nobody
ircconnect relay
ircconnect chat
ircconnect dead
ircconnect nosuchnet
ircaddrelay relay 127.0.0.1 56220 again
ircaddchan relay "#redeclipse" "dup" "" 1
keys1 = (genkey "workload-server-one")
keys2 = (genkey "workload-server-two")
keysa = (genkey "workload-user-alice")
addserverauth srvone m (at \$keys1 1) one@example.org
addserverauth srvtwo b (at \$keys2 1) two@example.org
addserverauth srvone m (at \$keys1 1) one@example.org
addauth alice u (at \$keysa 1) alice@example.org
addauth bob u (at \$keysa 1) bob@example.org
addauth alice u (at \$keysa 1) alice@example.org
serveraccountname srvmain
serveraccountpass (at (genkey "workload-main") 0)
EOF
# extra game servers: s1 authenticates correctly, s2 uses a wrong key
cat > "$RUN/s1/servinit.cfg" <<'EOF'
serverlanport 0
sv_serverdesc "Extra one"
serveraccountname srvone
serveraccountpass (at (genkey "workload-server-one") 0)
EOF
cat > "$RUN/s2/servinit.cfg" <<'EOF'
serverlanport 0
sv_serverdesc "Extra two"
serveraccountname srvtwo
serveraccountpass (at (genkey "not-the-right-seed") 0)
EOF

start_main() {
  (cd "$BIN" && exec ./redeclipse-server -h"$RUN/main" -v2 -ms1 -mi127.0.0.1 -mp56200 \
      -si127.0.0.1 -sp56210 -ss2 -sm127.0.0.1 -sa56250 >>"$LOG" 2>&1) &
  MAIN=$!; echo "main $MAIN" >> "$PIDS"; sleep 1
}
start_extra() { # $1 = s1|s2, $2 = port
  (cd "$BIN" && exec ./redeclipse-server -h"$RUN/$1" -si127.0.0.1 -sp"$2" -ss2 -sm127.0.0.1 -sa56200 \
      >>"$RUN/$1.out" 2>&1) &
  local p=$!; echo "$1 $p" >> "$PIDS"; eval "PID_$1=$p"
}
start_irc() { python3 "$HERE/fake_ircd.py" 56220 "$1" & IRC=$!; echo "ircd $IRC" >> "$PIDS"; }
start_fmaster() { python3 "$HERE/fake_master.py" 56250 "$1" & FM=$!; echo "fmaster $FM" >> "$PIDS"; }
mcl() { python3 "$HERE/mclient.py" 56200 "$1"; }
udpjunk() { python3 - "$@" <<'PY'
import random, socket, sys
r = random.Random(); s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(r.randint(3, 10)):
    port = r.choice([56210, 56211, 56200])
    s.sendto(bytes(r.randint(0, 255) for _ in range(r.randint(1, 60))), ("127.0.0.1", port))
PY
}

# upstream master is sometimes up at start, sometimes not
if [ $((RANDOM % 3)) -ne 0 ]; then start_fmaster 400; fi
start_irc 400
sleep 1
start_main
rsleep 1 3
start_extra s1 56230
mcl $((RANDOM % 8 + 9))
start_extra s2 56240
rsleep 2 5
mcl $((RANDOM % 8 + 9))
udpjunk
kill -HUP "$MAIN"; rsleep 1 2          # rehash: reload servinit.cfg
mcl $((RANDOM % 7 + 7))
kill -TERM "$PID_s1"; rsleep 1 2; kill -KILL "$PID_s1" 2>/dev/null   # a registered server dies
mcl $((RANDOM % 7 + 7))
[ -n "${FM:-}" ] && { kill "$FM"; FM=; }   # upstream master goes away
rsleep 5 15
start_extra s1 56230
mcl $((RANDOM % 8 + 9))
start_fmaster 400
rsleep 40 55                          # server reconnects to the upstream master (every 60 s)
mcl $((RANDOM % 8 + 9))
kill -HUP "$MAIN"; rsleep 1 2
kill "$IRC"                            # IRC network goes away
mcl $((RANDOM % 8 + 7))
rsleep 20 40
start_irc 300
kill -KILL "$PID_s2"                   # extra server crashes without goodbye
mcl $((RANDOM % 8 + 9))
rsleep 50 65
mcl $((RANDOM % 8 + 9))
udpjunk
kill -TERM "$MAIN"; sleep 2            # graceful shutdown (empty server)
wait "$MAIN" 2>/dev/null
# second life: restart the main server with the same home directory, then interrupt it
start_main
mcl $((RANDOM % 8 + 9))
rsleep 20 30
mcl $((RANDOM % 6 + 6))
kill -INT "$MAIN"; sleep 2
wait "$MAIN" 2>/dev/null
for v in PID_s1 PID_s2 IRC FM; do p=${!v:-}; [ -n "$p" ] && kill "$p" 2>/dev/null; done
sleep 1
cp "$LOG" "$HERE/full.log"
wc -l "$HERE/full.log"
