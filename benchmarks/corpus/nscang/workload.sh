#!/bin/bash
# Randomised workload for the NSCA-ng server (nsca-ng, Debian 12 nsca-ng-server), logging at
# level 5 (debug) to stderr in the foreground; stderr of every server start is appended to one log.
# Clients: send_nsca (nsca-ng-client) with good/wrong keys and several identities, plus
# rawclient.py (hand-made protocol over TLS-PSK) for malformed requests.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
RUN=$DIR/run
CL=$RUN/clients
LOG=$DIR/nscang.full.log
CLOG=$RUN/clients.log
FIFO=$RUN/nagios.cmd
PORT=45101
WEB01_KEY=web01-secret-key
SRV=; RDR=
export DIR CL CLOG PORT

rm -rf "$RUN"; mkdir -p "$RUN/tmp" "$CL"; : > "$LOG"; : > "$CLOG"
. "$DIR/clients.sh"

note() { echo "== $(date +%T) $*" >> "$CLOG"; }

write_cfg() {  # [extra text appended]
	sed -e "s#@RUN@#$RUN#g" -e "s#web01-secret-key#$WEB01_KEY#" "$DIR/nsca-ng.cfg.tpl" > "$RUN/nsca-ng.cfg"
	[ $# -gt 0 ] && printf '%s\n' "$1" >> "$RUN/nsca-ng.cfg"
	return 0
}

start_server() {  # [config]
	nsca-ng -F -l 5 -c "${1:-$RUN/nsca-ng.cfg}" 2>> "$LOG" &
	SRV=$!; echo "$SRV" >> "$RUN/pids"; note "server pid $SRV"
	sleep 0.7
}

run_once() {  # a server start expected to fail: config file, extra args
	local cfg=$1; shift
	timeout 5 nsca-ng -F -l 5 -c "$cfg" "$@" 2>> "$LOG"
	note "failed start rc=$?"
}

stop_server() {  # signal
	note "stop server $1"
	kill -"$1" "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=
}

start_reader() {
	[ -p "$FIFO" ] || { rm -f "$FIFO"; mkfifo "$FIFO"; }
	cat "$FIFO" >> "$RUN/cmd.out" &
	RDR=$!; echo "$RDR" >> "$RUN/pids"; note "reader pid $RDR"
}

stop_reader() {
	[ -n "$RDR" ] && kill "$RDR" 2>/dev/null; wait "$RDR" 2>/dev/null; RDR=
}

restart_reader() { stop_reader; start_reader; }

CLIENT_ACTIONS=(good_web01 good_db02 denied_web01 denied_db02 admin_cmds readonly_try wrong_key unknown_id)
RAW_ACTIONS=("raw ping" "raw badhello" "raw clientbail" "raw badpush" "raw badcmd" "raw longline" "raw abort"
	"raw shutdown" "raw plaintcp" "raw tcpclose" "raw noop" "raw idle" "raw idlehello"
	"raw badcmd db02 db02-other-key" "raw ping intruder nokey" "raw badhello admin admin-master-key")

mix() {  # n pool... : n distinct random actions of the pool, sometimes two at once
	local n=$1 i; shift
	local chosen=()
	mapfile -t chosen < <(printf '%s\n' "$@" | shuf -n "$n")
	for ((i = 0; i < ${#chosen[@]}; i++)); do
		local a=${chosen[i]}
		note "action $a"
		if (( RANDOM % 4 == 0 && i + 1 < ${#chosen[@]} )); then
			local b=${chosen[++i]}
			note "parallel action $b"
			$a & local p1=$!
			$b & local p2=$!
			wait "$p1" "$p2"
		else
			$a
		fi
	done
}

outage() {  # the command file reader dies; the pipe goes missing / is replaced; then it comes back
	note "outage"
	stop_reader
	good_web01                      # write fails: broken pipe
	case $((RANDOM % 3)) in
		0) rm -f "$FIFO"; sleep 10.5 ;;               # cannot open: no such file
		1) rm -f "$FIFO"; echo junk > "$FIFO"; sleep 10.5 ;;  # not a named pipe
		2) rm -f "$FIFO"; sleep 10.5; echo junk > "$FIFO"; sleep 10 ;;
	esac
	# queue more than PIPE_BUF (4096) bytes, so that it is dumped into a temporary file
	for i in 1 2 3 4; do long_line web01 "$(pick Disk_root Disk_var)"; done | send "$(client_cfg web01 "$WEB01_KEY")" -e '\n'
	if [ "$1" = notmp ]; then rmdir "$RUN/tmp" 2>/dev/null || rm -rf "$RUN/tmp"; fi
	rm -f "$FIFO"; start_reader
	sleep 10.5                      # the server retries opening every 10 s
	mkdir -p "$RUN/tmp"
}

bad_config() {  # a config the server refuses
	local c=$RUN/nsca-ng.cfg
	write_cfg
	case $((RANDOM % 6)) in
		0) echo "frobnicate = $RANDOM" >> "$c" ;;
		1) printf 'authorize "%s" {\n\tpassword = "x"\n\thosts = "web[0-"\n}\n' "bad$RANDOM" >> "$c" ;;
		2) sed -i '/^authorize/,$d' "$c" ;;
		3) printf 'authorize "nopw%s" {\n\thosts = "x"\n}\n' "$RANDOM" >> "$c" ;;
		4) sed -i 's/^timeout = 4/timeout = -3/' "$c" ;;
		5) echo 'log_level = "verbose"' >> "$c" ;;
	esac
	case $((RANDOM % 2)) in
		0) echo 'authorize "web01" { password = "dupe" }' >> "$c" ;;
		1) sed -i 's/^max_queue_size = 1/max_queue_size = 0/' "$c" ;;
	esac
}

# --- phase 1: start-up without a command file reader
note "phase 1"
mkfifo "$FIFO"
write_cfg
start_server
good_web01; good_db02
(( RANDOM % 2 )) && admin_cmds
start_reader
sleep 10.5
mix $((3 + RANDOM % 2)) "${CLIENT_ACTIONS[@]}"

# --- phase 2: the reader dies, the pipe disappears
note "phase 2"
FIRST=$(pick ok notmp)
outage $FIRST

# --- phase 3: reload with a changed key for web01 and a new identity
note "phase 3"
OLD=$WEB01_KEY; WEB01_KEY=web01-rotated-$RANDOM
write_cfg "$(printf 'authorize "backup" {\n\tpassword = "backup-key-%s"\n\tservices = "Backup.*"\n}' "$RANDOM")"
kill -HUP "$SRV"; sleep 1; restart_reader; sleep 0.5
svc_line web01 HTTP | send "$(client_cfg web01 "$OLD")"
good_web01
mix $((8 + RANDOM % 3)) "${RAW_ACTIONS[@]}"

# --- phase 4: a broken config on reload, failed starts, restart
note "phase 4"
bad_config
kill -HUP "$SRV"; sleep 2
if kill -0 "$SRV" 2>/dev/null; then stop_server TERM; else wait "$SRV"; note "server gone after reload: rc=$?"; SRV=; fi
stop_reader
run_once "$RUN/missing-$RANDOM.cfg"
write_cfg; sed -i "s#$RUN/tmp#$RUN/notmp$RANDOM#" "$RUN/nsca-ng.cfg"; run_once "$RUN/nsca-ng.cfg"
write_cfg
start_reader
start_server
run_once "$RUN/nsca-ng.cfg"                         # pid file is locked
sed "s#nsca-ng.pid#other.pid#" "$RUN/nsca-ng.cfg" > "$RUN/other.cfg"
run_once "$RUN/other.cfg"                           # port is taken
mix 1 "${CLIENT_ACTIONS[@]}" "${RAW_ACTIONS[@]}"

# --- phase 5: restart by SIGTERM / SIGINT, more clients, a second outage
note "phase 5"
stop_server "$(pick TERM INT)"; stop_reader
start_reader; start_server
mix 2 "${CLIENT_ACTIONS[@]}"
(( RANDOM % 2 )) && { kill -HUP "$SRV"; sleep 1; restart_reader; sleep 0.5; }
[ "$FIRST" = ok ] && outage notmp || outage ok
mix 2 "${CLIENT_ACTIONS[@]}" "${RAW_ACTIONS[@]}"
stop_server "$(pick TERM INT)"
stop_reader

head -n 2500 "$LOG" > "$DIR/nscang.log"
note "done: $(wc -l < "$LOG") lines"
