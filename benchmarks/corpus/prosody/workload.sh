#!/bin/bash
# Round-6 corpus workload: Prosody 0.12 XMPP server (Debian 12 package prosody), file log at
# level debug (one line per record), virtual hosts r6.test (self-signed cert) and other.test plus a
# MUC component conference.r6.test, c2s on 127.0.0.1:15222 only (s2s disabled: no DNS, no remote).
# clients.py (raw XML over sockets, PLAIN and SCRAM-SHA-1, optional STARTTLS) runs randomised
# registrations, logins good/bad/unknown, presence, messages, roster changes, MUC, stream
# management resumes, garbage streams, idle unauthenticated connections; the workload also runs
# `prosodyctl reload` and `prosodyctl shell` commands, then stops the server (SIGTERM).
# Run as root: bash workload.sh [OUT_DIR] [DURATION]   (default OUT_DIR = this folder, 150 s)
# Needs: apt-get install -y prosody openssl python3   (no Python packages beyond the stdlib)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-150}
W=/tmp/r6pr
rm -rf "$W"; mkdir -p "$W/data" "$W/certs"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/certs/r6.test.key" -out "$W/certs/r6.test.crt" \
  -days 30 -subj "/CN=r6.test" 2>/dev/null
cat > "$W/prosody.cfg.lua" <<EOF
pidfile = "$W/prosody.pid"
data_path = "$W/data"
daemonize = false
interfaces = { "127.0.0.1" }
c2s_ports = { 15222 }
s2s_ports = { 15269 }
http_ports = { 15280 }
http_interfaces = { "127.0.0.1" }
https_ports = { }
admin_socket = "$W/prosody.sock"
log = { debug = "$W/prosody.log" }
modules_enabled = { "disco", "roster", "saslauth", "tls", "blocklist", "carbons", "pep", "private",
  "vcard4", "vcard_legacy", "smacks", "ping", "register", "time", "uptime", "version", "offline",
  "mam", "admin_shell", "posix", "bosh", "lastactivity", "motd", "welcome", "limits" }
modules_disabled = { "s2s" }
allow_registration = true
min_seconds_between_registrations = 0
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
storage = "internal"
c2s_timeout = 20
certificates = "$W/certs"
motd_text = "Welcome to the r6 test server"
welcome_message = "Hello \$username, welcome to \$host"
VirtualHost "r6.test"
  ssl = { key = "$W/certs/r6.test.key", certificate = "$W/certs/r6.test.crt" }
VirtualHost "other.test"
Component "conference.r6.test" "muc"
  modules_enabled = { "muc_mam" }
EOF
cat > "$W/ctl.sh" <<EOF
#!/bin/bash
case \$1 in
  reload) prosodyctl --config $W/prosody.cfg.lua reload ;;
  shell) shift; prosodyctl --config $W/prosody.cfg.lua shell "\$@" ;;
esac
EOF
chmod +x "$W/ctl.sh"; chown -R prosody:prosody "$W"

cd "$W"
runuser -u prosody -- prosody -F --config "$W/prosody.cfg.lua" > "$W/stdout" 2>&1 & PROSODY=$!
echo $PROSODY > "$W/runuser.pid"
sleep 3
python3 "$HERE/clients.py" "$DURATION" "$W/ctl.sh"
sleep 3
kill -TERM "$(cat "$W/prosody.pid")"; wait $PROSODY
cp "$W/prosody.log" "$OUT/prosody.log"
