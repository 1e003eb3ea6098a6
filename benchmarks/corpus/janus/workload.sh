#!/bin/bash
# Round-14 corpus workload: Janus WebRTC gateway 1.1 (Debian 12 package "janus"), own log file
# (-L), debug level 4 (5 prints multi-line SDP dumps), timestamps on, colours off. HTTP API on 127.0.0.1:30088, WebSockets on
# 127.0.0.1:30188, admin API on 127.0.0.1:30078; randomised API clients (clients.py beside this file):
# sessions, plugins (echotest, videoroom, textroom, streaming, audiobridge, videocall, recordplay,
# nosip), fake SDP offers, bad requests, wrong secrets, session timeouts, destroys, admin calls,
# a final stop (SIGINT). One run, no restarts: Janus prints a multi-line banner at each start, so the
# start-up lines before the first timestamped record were cut off the head of janus.log.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-200}
W=/tmp/janus-r14; VENV=/opt/janusvenv
command -v janus >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y janus
[ -x $VENV/bin/python ] || { python3 -m venv $VENV && $VENV/bin/pip install -q requests websocket-client; }
rm -rf $W; mkdir -p $W/conf $W/rec "$OUT"; rm -f "$OUT/janus.log"
cp /etc/janus/janus.plugin.*.jcfg $W/conf/
LIB=/usr/lib/x86_64-linux-gnu/janus
cat > $W/conf/janus.jcfg <<CONF
general: {
	configs_folder = "$W/conf"
	plugins_folder = "$LIB/plugins"
	transports_folder = "$LIB/transports"
	events_folder = "$LIB/events"
	loggers_folder = "$LIB/loggers"
	log_to_stdout = false
	log_to_file = "$OUT/janus.log"
	debug_level = 4
	debug_timestamps = true
	debug_colors = false
	server_name = "r14janus"
	session_timeout = 15
	candidates_timeout = 10
	api_secret = "r14secret"
	admin_secret = "r14admin"
	protected_folders = [ "/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr", "/var" ]
}
certificates: {
}
media: {
	rtp_port_range = "30600-30699"
	no_media_timer = 2
}
nat: {
	nice_debug = false
	ice_enforce_list = "lo"
	ignore_mdns = true
}
plugins: {
	disable = "libjanus_sip.so,libjanus_lua.so,libjanus_duktape.so,libjanus_voicemail.so"
}
transports: {
	disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_rabbitmq.so,libjanus_pfunix.so"
}
loggers: {
	disable = "libjanus_jsonlog.so"
}
events: {
	broadcast = false
}
CONF
cat > $W/conf/janus.transport.http.jcfg <<CONF
general: {
	json = "plain"
	base_path = "/janus"
	http = true
	port = 30088
	interface = "lo"
	ip = "127.0.0.1"
	https = false
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = 30078
	admin_ip = "127.0.0.1"
	admin_https = false
}
cors: {
}
CONF
cat > $W/conf/janus.transport.websockets.jcfg <<CONF
general: {
	json = "plain"
	ws = true
	ws_port = 30188
	ws_ip = "127.0.0.1"
	wss = false
	ws_logging = "err,warn"
}
admin: {
	admin_ws = false
	admin_wss = false
}
CONF
cat > $W/conf/janus.plugin.streaming.jcfg <<CONF
general: {
	admin_key = "stradmin"
}
rtp-r14: {
	type = "rtp"
	id = 1
	description = "Opus/VP8 test stream"
	audio = true
	video = true
	audioport = 30510
	audioiface = "127.0.0.1"
	audiopt = 111
	audiocodec = "opus"
	videoport = 30512
	videoiface = "127.0.0.1"
	videopt = 100
	videocodec = "vp8"
	secret = "adminpwd"
}
CONF
cat > $W/conf/janus.plugin.textroom.jcfg <<CONF
general: {
	json = "plain"
	admin_key = "troomadmin"
}
room-1234: {
	description = "Demo Room"
	secret = "adminpwd"
}
CONF
cat > $W/conf/janus.plugin.recordplay.jcfg <<CONF
general: {
	path = "$W/rec"
}
CONF
cat > $W/conf/janus.plugin.nosip.jcfg <<CONF
general: {
	local_ip = "127.0.0.1"
	rtp_port_range = "30700-30799"
}
CONF
start() { cd $W; janus -C $W/conf/janus.jcfg -F $W/conf -o -D -d 4 -L "$OUT/janus.log" -N >$W/stdout 2>&1 & echo $! > $W/pid
  for i in $(seq 30); do curl -s -o /dev/null http://127.0.0.1:30088/janus/info && return; sleep 0.5; done; }
stop() { kill -${1:-INT} $(cat $W/pid); wait $(cat $W/pid) 2>/dev/null; }
start
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  $VENV/bin/python "$HERE/clients.py" $((30 + RANDOM % 40)) || true
  sleep $((RANDOM % 4))
done
stop INT
sleep 1
# cut the multi-line start-up banner (lines before the first timestamped record) off the head
first=$(grep -n -m1 '^\[[A-Z][a-z][a-z] ' "$OUT/janus.log" | cut -d: -f1)
[ -n "$first" ] && [ "$first" -gt 1 ] && sed -i "1,$((first - 1))d" "$OUT/janus.log"
