#!/bin/bash
# Round-19 corpus workload: BitlBee 3.6 (Debian 12 package bitlbee-libpurple), forking daemon
# (-F) kept in the foreground (-n -v) with BITLBEE_DEBUG=1, stdout and stderr line-buffered to
# OUT/bitlbee.log (its own file; nothing else writes it). 127.0.0.1 only, ports 24201-24239.
# Peers: a private Prosody (XMPP, 24222, five users, MUC), a fake IRC network (fakeirc.py, 24230),
# a garbage server (24231), a silent server (24232) and a closed port (24239).
# Clients (clients.py): register, identify (good and wrong), jabber accounts with good and wrong
# passwords and required TLS, buddies, messages, chat rooms, irc accounts, bad commands, garbage,
# drops, vanishing clients; SIGTERM restarts of BitlBee and a final stop.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (needs bitlbee-libpurple and prosody)
# (round 19: run with DURATION 200; bitlbee.log here is the head of the output, cut at a line boundary)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-200}
W=/tmp/r19-bitlbee; rm -rf "$W"; mkdir -p "$W/users" "$W/pdata"; chown bitlbee "$W/users"; chown prosody "$W/pdata"
mkdir -p "$OUT"; rm -f "$OUT/bitlbee.log"
cat > "$W/bitlbee.conf" <<CONF
[settings]
RunMode = ForkDaemon
User = bitlbee
DaemonInterface = 127.0.0.1
DaemonPort = 24201
AuthMode = Open
ConfigDir = $W/users
PidFile = $W/bitlbee.pid
CONF
cat > "$W/prosody.cfg.lua" <<CONF
daemonize = false
pidfile = "$W/pdata/prosody.pid"
data_path = "$W/pdata"
interfaces = { "127.0.0.1" }
c2s_ports = { 24222 }
s2s_ports = { }
legacy_ssl_ports = { }
http_ports = { }
https_ports = { }
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_plain"
disable_sasl_mechanisms = { "SCRAM-SHA-1", "SCRAM-SHA-256", "DIGEST-MD5" }
modules_enabled = { "disco"; "roster"; "saslauth"; "presence"; "message"; "iq"; "ping"; "time"; "version"; "vcard_legacy"; "private"; "offline"; "blocklist"; "pep" }
modules_disabled = { "s2s"; "tls"; "posix" }
log = { { levels = { min = "warn" }, to = "file", filename = "$W/pdata/prosody.log" } }
VirtualHost "r19.test"
Component "conference.r19.test" "muc"
CONF
chown prosody "$W/prosody.cfg.lua"
for u in bob carol dave erin frank; do runuser -u prosody -- prosodyctl --config "$W/prosody.cfg.lua" register $u r19.test pw-$u; done
setsid runuser -u prosody -- prosody --config "$W/prosody.cfg.lua" >/dev/null 2>&1 & echo $! > "$W/prosody.runpid"
python3 "$HERE/fakeirc.py" 24230 & echo $! > "$W/fakeirc.pid"
python3 "$HERE/oddsrv.py" 24231 24232 & echo $! > "$W/oddsrv.pid"
sleep 2
start_bb() { cd "$W"; BITLBEE_DEBUG=1 stdbuf -oL -eL bitlbee -F -n -v -c "$W/bitlbee.conf" >> "$OUT/bitlbee.log" 2>&1 & echo $! > "$W/bb.pid"; sleep 2; }
stop_bb() { # the master stops; its per-client children live on (remembered for the final cleanup)
  pgrep -P "$(cat "$W/bb.pid")" >> "$W/bb.children"; kill "$(cat "$W/bb.pid")" 2>/dev/null; sleep 2; }
start_bb
END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
C="python3 $HERE/clients.py"
while [ $SECONDS -lt $END ]; do
  case $(r 16) in
    0|1|2|3|4|5|6|7|8|9) timeout 150 $C session & ;;
    10) timeout 20 $C wrongid & ;;
    11) timeout 30 $C bad & ;;
    12) timeout 30 $C odd & ;;
    13) timeout 30 $C irc & ;;
    14) timeout 10 $C garbage & ;;
    15) [ $(r 2) = 0 ] && { stop_bb; start_bb; } ;;
  esac
  sleep $((8 + $(r 7))).$(r 10)
done
sleep 45
stop_bb; sleep 3
for p in $(cat "$W/bb.children"); do kill "$p" 2>/dev/null; done
kill "$(cat "$W/fakeirc.pid")" "$(cat "$W/oddsrv.pid")" 2>/dev/null
kill "$(cat "$W/prosody.runpid")" 2>/dev/null; sleep 1; sleep 2
