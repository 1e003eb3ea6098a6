#!/bin/bash
# send_nsca client helpers for workload.sh (sourced).
# Check results are random; identities: web01, db02, admin, readonly (+ wrong keys / unknown ids).

rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

client_cfg() {  # identity password -> config file path
	local f="$CL/$1-$2.cfg"
	printf 'identity = "%s"\npassword = "%s"\nserver = "127.0.0.1"\nport = %s\ntimeout = 6\n' "$1" "$2" "$PORT" > "$f"
	echo "$f"
}

svc_line() {  # host service
	local st=$(rnd 4) txt
	case $st in
		0) txt="OK - $(pick 'response time' 'disk usage' 'load average' 'replication lag') $((RANDOM % 900))ms|time=0.$((RANDOM % 999))s";;
		1) txt="WARNING - $(pick 'usage at' 'lag at' 'queue at') $((70 + RANDOM % 20))%";;
		2) txt="CRITICAL - $(pick 'connection refused' 'no route to host' 'disk full' 'timeout after 10s')";;
		3) txt="UNKNOWN - plugin $(pick 'timed out' 'returned garbage' 'not found')";;
	esac
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$st" "$txt"
}

host_line() {  # host
	local st=$(rnd 3)
	printf '%s\t%s\t%s\n' "$1" "$st" "$(pick 'PING OK - Packet loss = 0%' 'PING CRITICAL - Packet loss = 100%' 'Host is up, rta 0.1ms' 'DOWN - unreachable')"
}

send() {  # cfgfile [send_nsca args...] ; stdin = check results
	local cfg=$1; shift
	timeout 20 send_nsca -c "$cfg" "$@" >> "$CLOG" 2>&1
	echo "send_nsca rc=$?" >> "$CLOG"
}

long_line() {  # host service : a check result with a long plugin output (over 1 kB)
	local perf="" i
	for ((i = 0; i < 40 + RANDOM % 15; i++)); do perf+="disk$i=$((RANDOM % 1000))MB;800;900;0;1000 "; done
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$(rnd 3)" "DISK $(pick OK WARNING CRITICAL) - free space: / $((RANDOM % 9000)) MB|$perf"
}

good_web01() {
	local n=$((1 + RANDOM % 2)) i
	for ((i = 0; i < n; i++)); do
		if (( RANDOM % 3 == 0 )); then host_line web01; else svc_line web01 "$(pick HTTP Disk_root Disk_var Load)"; fi
	done | send "$(client_cfg web01 "$WEB01_KEY")" -e '\n'
}

good_db02() {
	{ svc_line db02 "$(pick MySQL Connections Replication Disk_data)"; (( RANDOM % 2 )) && svc_line db02-replica Replication; } |
		send "$(client_cfg db02 db02-other-key)" -e '\n'
}

denied_web01() {  # web01 reports for hosts it does not own
	svc_line "$(pick db02 mail03 gw01)" "$(pick HTTP SMTP Load)" | send "$(client_cfg web01 "$WEB01_KEY")"
}

denied_db02() {
	svc_line db02-replica "$(pick MySQL Disk_data)" | send "$(client_cfg db02 db02-other-key)"
}

admin_cmds() {
	local h=$(pick web01 db02 mail03)
	{
		echo "SCHEDULE_FORCED_SVC_CHECK;$h;$(pick HTTP Load MySQL);$(date +%s)"
		(( RANDOM % 3 == 0 )) && echo "ACKNOWLEDGE_SVC_PROBLEM;$h;HTTP;1;1;1;admin;working on it"
		(( RANDOM % 2 )) && echo "$(pick SHUTDOWN_PROGRAM RESTART_PROGRAM "DEL_ALL_HOST_COMMENTS;$h" "CHANGE_HOST_CHECK_COMMAND;$h;evil")"
		(( RANDOM % 3 == 0 )) && echo "[$(( $(date +%s) - 30 ))] DISABLE_HOST_NOTIFICATIONS;$h"
	} | send "$(client_cfg admin admin-master-key)" -C
}

readonly_try() {
	{ echo "ENABLE_NOTIFICATIONS"; (( RANDOM % 2 )) && host_line web01; } | send "$(client_cfg readonly readonly-key-123)" -C
}

wrong_key() {
	local id=$(pick web01 db02 admin)
	svc_line "$id" HTTP | send "$(client_cfg "$id" "wrong-$RANDOM-key")"
}

unknown_id() {
	svc_line "$(pick intruder scanner guest)" HTTP | send "$(client_cfg "$(pick intruder scanner guest)" "some-$RANDOM")"
}

raw() {  # scenario [identity key]
	local id=${2:-web01} key=${3:-$WEB01_KEY}
	timeout 20 "$DIR/rawclient.py" "$PORT" "$id" "$key" "$1" >> "$CLOG" 2>&1
}
