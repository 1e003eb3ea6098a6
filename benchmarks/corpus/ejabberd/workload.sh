#!/bin/bash
# Round-11 corpus workload: ejabberd 23.01 XMPP server (Debian 12 package `ejabberd`), its own
# ejabberd.log at `loglevel: info`, a private config/spool/log tree under /tmp, Erlang
# distribution on a fixed port (ERL_DIST_PORT, no epmd). Listeners on 127.0.0.1 only:
# 19420 c2s (STARTTLS), 19421 c2s (direct TLS), 19422 HTTP (API, upload), 19423 components,
# 19430 Erlang distribution. Clients: clients.py beside this file (raw XML over TCP).
# ejabberdctl commands, a good and a broken configuration reload, a restart, a stop.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [SECONDS_PER_PHASE]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PHASE=${2:-80}
W=/tmp/r11-ejabberd
DOMAIN=r11.test
DEBIAN_FRONTEND=noninteractive apt-get install -y ejabberd openssl curl >/dev/null
mkdir -p "$OUT"
rm -rf "$W"; mkdir -p "$W/etc" "$W/spool" "$W/log" "$W/upload"

openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=$DOMAIN" \
  -addext "subjectAltName=DNS:$DOMAIN,DNS:*.$DOMAIN" \
  -keyout "$W/etc/key.pem" -out "$W/etc/cert.pem" 2>/dev/null
cat "$W/etc/cert.pem" "$W/etc/key.pem" > "$W/etc/server.pem"
# Erlang resolver: hosts file, then DNS to a closed local port only (lookups of other domains
# fail on this machine and never leave it)
cat > "$W/etc/inetrc" <<EOF
{resolv_conf, ""}.
{lookup, [file, dns]}.
{nameserver, {127,0,0,1}, 19440}.
{timeout, 1000}.
{retry, 1}.
EOF

# The server node gets a kernel logger configuration that defines ejabberd's own file handler
# (`ejabberd_log`, which ejabberd then keeps as it finds it already there) with ejabberd's file
# template and formatter settings, except `single_line => true`, so that every record is one line.
cat > "$W/etc/logger.config" <<EOF
[{kernel,
  [{logger,
    [{handler, ejabberd_log, logger_std_h,
      #{level => all,
        config => #{file => "$W/log/ejabberd.log"},
        formatter => {logger_formatter,
                      #{legacy_header => false, time_designator => \$\s, max_size => 102400,
                        single_line => true,
                        template => [time, " [", level, "] ", pid,
                                     {mfa, ["@", mfa, {line, [":", line], []}], []},
                                     " ", msg, "\n"]}}}}]}]}].
EOF
cat > "$W/etc/ejabberdctl.cfg" <<EOF
ERLANG_NODE=r11ejd@localhost
ERL_DIST_PORT=19430
INET_DIST_INTERFACE=127.0.0.1
ERL_OPTIONS="-env ERL_CRASH_DUMP_BYTES 0"
EJABBERD_BYPASS_WARNINGS=true
EJABBERD_OPTS="-config $W/etc/logger -ejabberd"
EOF

# $1 = resume timeout of mod_stream_mgmt, $2 = MUC hibernation timeout
mkconf() {
cat > "$W/etc/ejabberd.yml" <<EOF
loglevel: info
log_rotate_count: 0
log_rotate_size: infinity
hosts:
  - $DOMAIN
certfiles:
  - "$W/etc/server.pem"
listen:
  -
    port: 19420
    ip: "127.0.0.1"
    module: ejabberd_c2s
    max_stanza_size: 65536
    shaper: c2s_shaper
    access: c2s
    starttls: true
  -
    port: 19421
    ip: "127.0.0.1"
    module: ejabberd_c2s
    max_stanza_size: 65536
    access: c2s
    tls: true
  -
    port: 19422
    ip: "127.0.0.1"
    module: ejabberd_http
    request_handlers:
      /api: mod_http_api
      /upload: mod_http_upload
      /ws: ejabberd_http_ws
  -
    port: 19423
    ip: "127.0.0.1"
    module: ejabberd_service
    hosts:
      bot.$DOMAIN:
        password: "botsecret"
      gateway.$DOMAIN:
        password: "gwsecret"
auth_method: internal
auth_password_format: scram
registration_timeout: infinity
acl:
  admin:
    user:
      - "admin@$DOMAIN"
  blocked:
    user:
      - "mallory@$DOMAIN"
  loopback:
    ip:
      - 127.0.0.0/8
  trusted:
    ip:
      - 127.0.0.1/32
access_rules:
  local:
    allow: all
  c2s:
    deny: blocked
    allow: all
  register:
    allow: all
  muc_create:
    allow: all
  configure:
    allow: admin
  fail2ban_exempt:
    allow: trusted
api_permissions:
  "console commands":
    from:
      - ejabberd_ctl
    who: all
    what: "*"
  "loopback api":
    from:
      - mod_http_api
    who:
      ip: 127.0.0.1/8
    what:
      - "*"
      - "!stop"
      - "!restart"
shaper:
  normal:
    rate: 30000
    burst_size: 60000
shaper_rules:
  max_user_sessions: 4
  max_user_offline_messages: $((20 + RANDOM % 30))
  c2s_shaper:
    normal: all
modules:
  mod_adhoc: {}
  mod_admin_extra: {}
  mod_announce:
    access: configure
  mod_blocking: {}
  mod_caps: {}
  mod_carboncopy: {}
  mod_client_state: {}
  mod_configure: {}
  mod_disco: {}
  mod_fail2ban:
    access: fail2ban_exempt
    c2s_auth_ban_lifetime: $((15 + RANDOM % 15))
    c2s_max_auth_failures: 3
  mod_http_api: {}
  mod_http_upload:
    put_url: "http://127.0.0.1:19422/upload"
    docroot: "$W/upload"
    max_size: 200000
  mod_last: {}
  mod_mam:
    assume_mam_usage: true
    default: always
  mod_muc:
    access_create: muc_create
    access_persistent: muc_create
    hibernation_timeout: $2
    default_room_options:
      persistent: false
      mam: true
  mod_muc_admin: {}
  mod_offline:
    access_max_user_messages: max_user_offline_messages
  mod_ping:
    send_pings: true
    ping_interval: 15
    ping_ack_timeout: 8
    timeout_action: kill
  mod_privacy: {}
  mod_private: {}
  mod_pubsub:
    plugins:
      - flat
      - pep
  mod_push: {}
  mod_register:
    access: register
    ip_access: all
  mod_roster:
    versioning: true
  mod_sic: {}
  mod_stream_mgmt:
    resume_timeout: $1
  mod_vcard:
    search: false
  mod_version: {}
EOF
}

ctl() { ejabberdctl --config-dir "$W/etc" --logs "$W/log" --spool "$W/spool" "$@"; }
chown -R ejabberd:ejabberd "$W"
start() {
  ctl start
  ctl started
}
clients() {  # $1 seconds, $2 workers
  "$PY" "$HERE/clients.py" "$1" --seed $RANDOM --workers "$2" 2>>"$W/clients.err" &
  CLIENTS=$!
}
rnd() { echo $((RANDOM % $1)); }

# python for the clients (stdlib only); any python3 will do
PY=python3

mkconf 8 25
chown -R ejabberd:ejabberd "$W"
start
# accounts made by the administrator
for u in alice bob carol dave erin frank; do ctl register $u $DOMAIN $u-pw; done
ctl register mallory $DOMAIN mallory-pw
ctl register admin $DOMAIN admin-pw
ctl register alice $DOMAIN again   # already exists

# phase 1: clients, with administrator commands in between
clients "$PHASE" 5
for i in $(seq 1 $((PHASE / 6))); do
  sleep $((3 + $(rnd 5)))
  case $(rnd 14) in
    0) ctl kick_user "$(shuf -n1 -e alice bob carol dave erin frank)" $DOMAIN ;;
    1) ctl create_room "room$(rnd 20)" conference.$DOMAIN $DOMAIN ;;
    2) r=$(ctl muc_online_rooms global 2>/dev/null | shuf -n1); r=${r%%@*}
       ctl destroy_room "${r:-room$(rnd 20)}" conference.$DOMAIN ;;
    3) ctl send_message chat admin@$DOMAIN "$(shuf -n1 -e alice bob carol)@$DOMAIN" "" "notice $RANDOM" ;;
    4) ctl change_password "$(shuf -n1 -e dave frank)" $DOMAIN "$(shuf -n1 -e dave frank)-pw" ;;
    5) u=tmp$RANDOM; ctl register $u $DOMAIN pw$RANDOM; sleep 1; ctl unregister $u $DOMAIN ;;
    6) ctl connected_users; ctl registered_users $DOMAIN | wc -l ;;
    7) ctl set_loglevel "$(shuf -n1 -e warning error notice)"; sleep 0.$(rnd 9); ctl set_loglevel info ;;
    8) ctl muc_online_rooms global ;;
    9) ctl kick_session "$(shuf -n1 -e alice bob)" $DOMAIN "nores$RANDOM" "bye" ;;
    10) ctl status; ctl stats onlineusers ;;
    11) ctl set_room_affiliation lobby conference.$DOMAIN "$(shuf -n1 -e bob carol)@$DOMAIN" "$(shuf -n1 -e member admin outcast none)" ;;
    12) ctl rooms_empty_destroy conference.$DOMAIN ;;
    13) ctl delete_expired_messages; ctl delete_old_mam_messages all 1 ;;
  esac
done
wait $CLIENTS

# phase 2: reload with changed options, then a broken configuration, then fixed again
mkconf $((11 + $(rnd 5))) $((15 + $(rnd 20)))
ctl reload_config
clients "$PHASE" 5
sleep $((PHASE / 3))
cp "$W/etc/ejabberd.yml" "$W/etc/ejabberd.yml.good"
sed -i 's/^  mod_version: {}/  mod_version:\n    show_os: maybe/' "$W/etc/ejabberd.yml"
ctl reload_config
sed -i 's/^    max_size: 200000/    max_size: lots/' "$W/etc/ejabberd.yml"
ctl reload_config
cp "$W/etc/ejabberd.yml.good" "$W/etc/ejabberd.yml"
sed -i "s/^  max_user_sessions: 4/  max_user_sessions: $((2 + $(rnd 4)))/" "$W/etc/ejabberd.yml"
ctl reload_config
sleep $((PHASE / 3))
ctl kick_user bob $DOMAIN
ctl ban_account carol $DOMAIN "too many jokes"
sleep 2
ctl change_password carol $DOMAIN carol-pw
wait $CLIENTS

# phase 3: restart, more clients, then stop
ctl restart
ctl started
clients "$PHASE" 5
sleep $((PHASE / 2))
ctl set_loglevel warning; sleep 1; ctl set_loglevel info
ctl rooms_empty_destroy conference.$DOMAIN
wait $CLIENTS
ctl stop
ctl stopped
cp "$W/log/ejabberd.log" "$OUT/ejabberd.log"
