#!/bin/bash
# Randomised workload for rtpengine (userspace only, no kernel module), debug logging on stderr.
# Ports: ng 49500/udp, cli 49501/tcp, ng-tcp 49502, media 49600-49999, all on 127.0.0.1.
cd "$(dirname "$0")" || exit 1
ulimit -c 0
D=$PWD
RUN=$D/run
LOG=$D/rtpengine.full.log
mkdir -p "$RUN/rec"
: > "$LOG"
PIDS=()

start_rtp() {   # extra options...
	rtpengine --config-file="$D/rtpengine.conf" --pidfile="$RUN/rtp.pid" \
		--log-level-control=6 --log-level-srtp=6 \
		--recording-dir="$RUN/rec" --recording-method=pcap "$@" >>"$LOG" 2>&1 &
	RTP_PID=$!
	echo "$RTP_PID" >>"$RUN/started.pids"
	sleep 1.5
}

stop_rtp() {
	if [ -n "$RTP_PID" ] && kill -0 "$RTP_PID" 2>/dev/null; then
		kill -TERM "$RTP_PID"
		wait "$RTP_PID" 2>/dev/null
	fi
	RTP_PID=
}

client() { python3 "$D/ngclient.py" "$@" & PIDS+=($!); }
waitclients() { for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=(); }

round() {
	local order=(calls calls garbage misc cli)
	for s in $(printf '%s\n' "${order[@]}" | shuf); do
		client "$s" "$RANDOM$RANDOM"
		sleep "0.$((RANDOM % 6))"
	done
	waitclients
}

# --- first instance
start_rtp
# a second instance on the same ports fails to start (bind errors), logged to the same file
rtpengine --config-file="$D/rtpengine.conf" --pidfile="$RUN/rtp2.pid" --log-level-control=6 \
	--log-level-srtp=6 >>"$LOG" 2>&1 &
P2=$!; echo "$P2" >>"$RUN/started.pids"; sleep 1; kill -TERM "$P2" 2>/dev/null; wait "$P2" 2>/dev/null

# rounds of clients until the log is long enough (at most 5)
for i in 1 2 3 4 5; do round; [ "$(wc -l <"$LOG")" -gt 1100 ] && break; done
# let one-sided and idle calls time out
sleep $((9 + RANDOM % 4))
python3 "$D/ngclient.py" cli "$RANDOM"

# --- restart with a different endpoint-learning mode; session limit set and cleared via the CLI
stop_rtp
start_rtp --endpoint-learning=$(shuf -n1 -e immediate heuristic delayed off)
for i in 1 2 3; do round; [ "$(wc -l <"$LOG")" -gt 1800 ] && break; done
python3 "$D/ngclient.py" limit "$RANDOM"
sleep $((9 + RANDOM % 3))
python3 "$D/ngclient.py" cli "$RANDOM"
stop_rtp

rm -rf "$RUN/rec"
head -n 2500 "$LOG" > "$D/rtpengine.log"
wc -l "$LOG" "$D/rtpengine.log"
