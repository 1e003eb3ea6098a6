#!/bin/bash
# Randomised workload for a MooseFS master (Debian 12 moosefs-* 3.0.117), logging through syslog
# to a private rsyslogd. Every MooseFS daemon runs in a private mount namespace (nsrun.sh) whose
# /dev/log is a socket of that rsyslogd: the master's own socket feeds run/master.syslog, the
# chunkservers', metalogger's and clients' socket feeds run/others.syslog.
# Ports: 49101 (metaloggers), 49102 (chunkservers), 49103 (clients), 49111-49119 (chunkservers).
# MooseFS refuses 127/8 between chunkservers and master, so chunkservers dial 0.0.0.0 (Linux
# sends that to the loopback) and the master remaps 127.0.0.1 to 0.0.0.0 (REMAP_* options).
cd "$(dirname "$0")" || exit 1
ulimit -c 0
D=$PWD
R=$D/run
E=$D/etc
PIDFILE=$R/started.pids

# ---- fresh state
rm -rf "$R"
mkdir -p "$R/master" "$R/ml" "$R/rsyslog"
for i in 1 2 3 4 9; do mkdir -p "$R/cs$i/data" "$R/cs$i/hdd"; done
chown -R mfs:mfs "$R/master" "$R/ml" "$R"/cs*
: >"$PIDFILE"
cp "$E/mfsexports.cfg" "$R/mfsexports.cfg.orig"

rsyslogd -n -f "$E/rsyslog.conf" -i "$R/rsyslogd.pid" >"$R/rsyslogd.out" 2>&1 &
RSYSLOG_PID=$!
echo "$RSYSLOG_PID" >>"$PIDFILE"
sleep 1

declare -A CS
MASTER_PID=
ML_PID=

start_master() {  # extra args
	"$D/nsrun.sh" "$R/master.sock" mfsmaster -f -c "$E/mfsmaster.cfg" "$@" >>"$R/master.stderr" 2>&1 &
	MASTER_PID=$!
	echo "$MASTER_PID" >>"$PIDFILE"
	sleep 2
}
stop_master() {
	[ -n "$MASTER_PID" ] && kill -TERM "$MASTER_PID" 2>/dev/null && wait "$MASTER_PID" 2>/dev/null
	MASTER_PID=
}
start_cs() {  # n
	"$D/nsrun.sh" "$R/others.sock" mfschunkserver -f -c "$E/mfschunkserver$1.cfg" >>"$R/cs$1.stderr" 2>&1 &
	CS[$1]=$!
	echo "${CS[$1]}" >>"$PIDFILE"
}
stop_cs() {  # n signal
	local p=${CS[$1]}
	[ -n "$p" ] && kill "-$2" "$p" 2>/dev/null && wait "$p" 2>/dev/null
	CS[$1]=
}
start_ml() {
	"$D/nsrun.sh" "$R/others.sock" mfsmetalogger -f -c "$E/mfsmetalogger.cfg" >>"$R/ml.stderr" 2>&1 &
	ML_PID=$!
	echo "$ML_PID" >>"$PIDFILE"
}
stop_ml() {  # signal
	[ -n "$ML_PID" ] && kill "-$1" "$ML_PID" 2>/dev/null && wait "$ML_PID" 2>/dev/null
	ML_PID=
}
clients() {  # how many concurrently
	local ps=() n
	for n in $(seq 1 "$1"); do
		timeout -s KILL 90 "$D/nsrun.sh" "$R/others.sock" "$D/client.sh" "c$RANDOM" >>"$R/clients.out" 2>&1 &
		ps+=($!)
		echo "$!" >>"$PIDFILE"
		sleep 0.$((RANDOM % 5))
	done
	for n in "${ps[@]}"; do wait "$n"; done
}
cli() {  # random monitoring queries with mfscli
	local sets=(SIN SIM SIG SMU SIC SIL SMF SCS SMB SHD SEX SMS SRS SSC SOF SAL SMO SQU SMC SCC)
	local k
	for k in $(seq 1 $((2 + RANDOM % 4))); do
		timeout 10 mfscli -H 127.0.0.1 -P 49103 -p -"${sets[RANDOM % ${#sets[@]}]}" >/dev/null 2>&1
	done
}
cli_cmd() { timeout 10 mfscli -H 127.0.0.1 -P 49103 -p -C "$1" >>"$R/cli.out" 2>&1; }
garbage() { timeout 60 python3 "$D/garbage.py" "$RANDOM" "$1"; }

# ---- 1. master start without metadata fails, then a proper start
start_master
wait "$MASTER_PID" 2>/dev/null
cp /var/lib/mfs/metadata.mfs.empty "$R/master/metadata.mfs"
chown mfs:mfs "$R/master/metadata.mfs"
if [ $((RANDOM % 2)) = 0 ]; then start_master -u; else start_master; fi

# ---- 2. metalogger and chunkservers; one chunkserver with a wrong AUTH_CODE
start_ml
for i in 1 2 3; do start_cs $i; sleep 0.$((RANDOM % 8)); done
start_cs 9
sleep 5
stop_cs 9 TERM
cli

# ---- 3. random actions until the master log is long enough (or a time cap)
ML_LINES() { wc -l <"$R/master.syslog"; }
RESTARTS=0
T0=$SECONDS
while [ "$(ML_LINES)" -lt 1300 ] && [ $((SECONDS - T0)) -lt 540 ]; do
	kill -0 "$MASTER_PID" 2>/dev/null || start_master -a
	case $((RANDOM % 20)) in
	0|1|2|3) clients $((1 + RANDOM % 3)) ;;
	4|5) garbage $((5 + RANDOM % 12)) ;;
	6) cli ;;
	7)  # a chunkserver dies hard and comes back
		V=$((1 + RANDOM % 3)); stop_cs $V KILL; clients 1; start_cs $V; sleep 2 ;;
	8)  # a chunkserver stops gracefully and comes back
		V=$((1 + RANDOM % 3)); stop_cs $V TERM; sleep $((RANDOM % 3)); start_cs $V; sleep 2 ;;
	9)  # the fourth chunkserver joins or leaves, sometimes removed by the admin
		if [ -n "${CS[4]}" ]; then stop_cs 4 TERM; sleep 1; cli_cmd "RC/0.0.0.0/49114"
		else start_cs 4; sleep 2; fi ;;
	10) M=$((1 + RANDOM % 3)); cli_cmd "M1/0.0.0.0/4911$M"; clients 1; cli_cmd "M0/0.0.0.0/4911$M"
		cli_cmd "RC/0.0.0.0/4911$((5 + RANDOM % 4))" ;;
	11) kill -HUP "$MASTER_PID"; sleep 1 ;;
	12) # broken exports / topology, reload, restore, reload
		cp "$E/mfsexports.cfg" "$R/exports.keep"; cp "$E/mfstopology.cfg" "$R/topology.keep"
		case $((RANDOM % 4)) in
		0) printf '127.0.0.1\t/x\trw,bogusoption,maproot=nosuchuser\n' >>"$E/mfsexports.cfg" ;;
		1) printf '999.1.1.1\t/\trw\n127.0.0.1\n' >>"$E/mfsexports.cfg" ;;
		2) printf '127.0.0.1\t/y\trw,mingoal=9,maxgoal=2,umask=99x,mintrashtime=zz,maproot=0:nosuchgroup\n' >>"$E/mfsexports.cfg" ;;
		3) printf 'garbage line in topology\n127.0.0.9 x\n' >>"$E/mfstopology.cfg" ;;
		esac
		if [ $((RANDOM % 2)) = 0 ]; then kill -HUP "$MASTER_PID"
		else "$D/nsrun.sh" "$R/master.sock" mfsmaster -c "$E/mfsmaster.cfg" reload >>"$R/master.stderr" 2>&1; fi
		sleep 1; clients 1
		cp "$R/exports.keep" "$E/mfsexports.cfg"; cp "$R/topology.keep" "$E/mfstopology.cfg"
		kill -HUP "$MASTER_PID"; sleep 1 ;;
	13) stop_ml $(shuf -n1 -e KILL TERM); clients 1; start_ml; sleep 1 ;;
	14) SID=$(timeout 10 mfscli -H 127.0.0.1 -P 49103 -p -SMS 2>/dev/null | awk -F'\t' '$2 ~ /^[0-9]+$/ {print $2}' | shuf -n1)
		cli_cmd "RS/${SID:-99999}" ;;
	15) start_cs 9; sleep $((2 + RANDOM % 4)); stop_cs 9 TERM ;;
	16|17) # master restart (graceful), sometimes logging undefined config options
		if [ $RESTARTS -lt 9 ]; then
			RESTARTS=$((RESTARTS + 1)); stop_master; sleep $((RANDOM % 3))
			if [ $((RANDOM % 2)) = 0 ]; then start_master -u; else start_master; fi
			sleep 3
		fi ;;
	18) # master crash: restart needs the changelogs (-a)
		if [ $RESTARTS -lt 9 ]; then
			RESTARTS=$((RESTARTS + 1)); kill -KILL "$MASTER_PID"; wait "$MASTER_PID" 2>/dev/null
			sleep 1; start_master
			if ! kill -0 "$MASTER_PID" 2>/dev/null; then start_master -a; fi
			sleep 3
		fi ;;
	19) clients $((2 + RANDOM % 2)); cli ;;
	esac
done

# ---- 10. shutdown
stop_ml TERM
for i in 1 2 3; do stop_cs $i TERM; done
sleep 1
stop_master
sleep 1
# anything recorded that is still alive (stray client mounts) is ended by its PID
# (pid numbers wrap fast here: a PID is ended only if it still runs a MooseFS program of ours)
for p in $(cat "$PIDFILE"); do
	[ "$p" = "$RSYSLOG_PID" ] && continue
	case "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" in
	mfs*"$D"*|*mfsmount*"$D"*|*"$D/"*) kill -9 "$p" 2>/dev/null ;;
	esac
done
sleep 1
kill -TERM "$RSYSLOG_PID"; wait "$RSYSLOG_PID" 2>/dev/null

head -n 2500 "$R/master.syslog" >"$D/moosefs.log"
wc -l "$R/master.syslog" "$D/moosefs.log"
