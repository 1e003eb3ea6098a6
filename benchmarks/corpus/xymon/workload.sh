#!/bin/bash
# Randomised workload for xymond (Xymon 4.3.30, Debian 12) running under a private config
# directory in this folder.  The daemon log (--debug, --log=FILE, plus the daemon's own
# stdout/stderr appended to the same file for the start-up lines written before --log takes
# effect) is kept as xymon.log (first 2500 lines).
# Ports used: 46184 (xymond), 127.0.0.0/8 addresses only.
set -u
DIR=/work/round27/xymon
RUN=$DIR/run
B=/usr/lib/xymon/server/bin
PORT=46184
LOG=$RUN/logs/xymond.log
PIDS=$DIR/pids.txt
SEND="python3 $DIR/xysend.py"
X="$B/xymon"
export XYMONDPORT=$PORT

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
HOSTS=(web01.lab.test web02.lab.test db01.lab.test mail01.lab.test app01.lab.test cache01.lab.test dhcp01.lab.test)
TESTS=(cpu disk memory procs http conn msgs ports)
COLORS=(green green green yellow red clear blue)
TEXTS=("load average 0.42" "all filesystems below threshold" "swap usage 3%" "process count nominal" "HTTP 200 in 0.08s" "response time high" "disk /var at 91%" "3 zombie processes")

# ---------------------------------------------------------------- fresh state
# stop what a previous run of this script may have left (by recorded PID only)
if [ -f "$PIDS" ]; then
	while read -r _ p; do
		grep -q "$DIR" /proc/$p/cmdline 2>/dev/null && kill "$p" 2>/dev/null
	done < "$PIDS"
	sleep 1
fi
rm -rf "$RUN"; : > "$PIDS"
mkdir -p $RUN/etc $RUN/tmp $RUN/logs $RUN/download $RUN/var
cat > $RUN/xymonserver.cfg <<EOF
XYMONHOME="$RUN"
XYMONSERVERROOT="$RUN"
XYMONSERVERLOGS="$RUN/logs"
XYMONTMP="$RUN/tmp"
XYMONVAR="$RUN/var"
HOSTSCFG="$RUN/etc/hosts.cfg"
XYMONDPORT="$PORT"
XYMSRV="127.0.0.1"
XYMONSERVERIP="127.0.0.1"
XYMONSERVERHOSTNAME="xymonsrv.lab.test"
MACHINE="xymonsrv.lab.test"
MACHINEDOTS="xymonsrv.lab.test"
FQDN="TRUE"
STATUSLIFETIME="30"
PINGCOLUMN="conn"
ACK_COOKIE_EXPIRATION="86400"
ALERTCOLORS="red,yellow,purple"
OKCOLORS="green,blue,clear"
DELAYRED=""
DELAYYELLOW="memory:1"
EOF
write_hosts() {
cat > $RUN/etc/hosts.cfg <<'EOF'
127.0.0.1   xymonsrv.lab.test   # bbd
127.0.0.11  web01.lab.test      # http://web01.lab.test/
127.0.0.12  web02.lab.test      # noflap
127.0.0.13  db01.lab.test       # NOFLAP=cpu,disk
127.0.0.14  mail01.lab.test     # DOWNTIME=*:*:0000:2359:planned
127.0.0.15  app01.lab.test      # ACCEPTONLY=cpu,disk,procs
0.0.0.0     dhcp01.lab.test     # 
127.0.0.16  cache01.lab.test    # CLASS=rediscache
EOF
}
write_hosts
for f in client-local analysis alerts protocols combo; do echo "# $f config for lab" > $RUN/etc/$f.cfg; done
echo "[linux]" >> $RUN/etc/client-local.cfg; echo "log:/var/log/syslog:10240" >> $RUN/etc/client-local.cfg
mkdir -p $RUN/etc/subdir.cfg
echo "agent-binary-payload" > $RUN/download/agent.tar

start_xymond() {  # extra options...
	$B/xymond --env=$RUN/xymonserver.cfg --listen=127.0.0.1:$PORT --hosts=$RUN/etc/hosts.cfg \
		--debug --log=$LOG --pidfile=$RUN/logs/xymond.pid --checkpoint-file=$RUN/var/xymond.chk \
		"$@" >> $LOG 2>&1 &
	XPID=$!; echo "xymond $XPID" >> "$PIDS"
	sleep 1.5
}
start_worker() {  # channel
	$B/xymond_channel --env=$RUN/xymonserver.cfg --channel=$1 cat > /dev/null 2>> $RUN/logs/worker.log &
	WPID=$!; echo "worker $WPID" >> "$PIDS"
	sleep 0.5
}
stop_pid() { kill -TERM "$1" 2>/dev/null; for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$1" 2>/dev/null || break; sleep 0.3; done; }

# one random message of kind $1
msg() {
	local h t c x
	h=$(pick "${HOSTS[@]}"); t=$(pick "${TESTS[@]}"); c=$(pick "${COLORS[@]}"); x=$(pick "${TEXTS[@]}")
	case "$1" in
	status)    $X 127.0.0.1:$PORT "status $h.$t $c $(date) $x" ;;
	statusplus) $X 127.0.0.1:$PORT "status+$((RANDOM%50+10)) $h.$t $c $x" ;;
	statusgrp) $X 127.0.0.1:$PORT "status/group:ops $h.$t $c $x" ;;
	statusml)  printf 'status %s.%s %s %s\n\n&%s %s\n&green all else fine\n' "$h" "$t" "$c" "$x" "$c" "$x" | $X 127.0.0.1:$PORT @ ;;
	purple)    $X 127.0.0.1:$PORT "status $h.$t purple stale on purpose" ;;
	clientcol) $X 127.0.0.1:$PORT "status $h.collector$((RANDOM%3)) client [uname] Linux" ;;
	ghost)     $X 127.0.0.1:$PORT "status ghost$((RANDOM%4)).lab.test.$t $c $x" ;;
	badhost)   $X 127.0.0.1:$PORT "status bad\$host$((RANDOM%9)).$t $c $x" ;;
	badtest)   $X 127.0.0.1:$PORT "status $h.te?st%$((RANDOM%9)) $c $x" ;;
	notest)    $SEND $PORT "status $h" ;;
	nocolor)   $SEND $PORT "status $h.$t" ;;
	badcolor)  $X 127.0.0.1:$PORT "status $h.$t chartreuse $x" ;;
	combo)     printf 'combo\nstatus %s.%s %s %s\n\nstatus %s.%s %s %s\n\nstatus %s.%s %s combo third\n' \
			"$h" "$t" "$c" "$x" "$(pick "${HOSTS[@]}")" "$(pick "${TESTS[@]}")" "$(pick "${COLORS[@]}")" "$x" \
			"$(pick "${HOSTS[@]}")" "$(pick "${TESTS[@]}")" "$(pick "${COLORS[@]}")" | $X 127.0.0.1:$PORT @ ;;
	extcombo)  $SEND $PORT "extcombo $(pick 0 99999 -5) 3\nstatus $h.$t green ext" ;;
	extcombo2) $SEND $PORT "extcombo 30 20\nstatus $h.$t green extended combo" ;;
	data)      printf 'data %s.trends\n[%s.rrd]\nDS:v:GAUGE:600:0:U %d\n' "$h" "$t" $RANDOM | $X 127.0.0.1:$PORT @ ;;
	databad)   $SEND $PORT "$(pick "data nodotinname" "data .cpu" "data $h." "data")" ;;
	dataghost) $X 127.0.0.1:$PORT "data phantom$((RANDOM%3)).lab.test.trends [x.rrd]" ;;
	client)    printf 'client %s.linux %s\n[date]\n%s\n[uname]\nLinux %s 6.1.0 x86_64\n[uptime]\n up 3 days\n' \
			"$h" "$(pick linux server db)" "$(date)" "$h" | $X 127.0.0.1:$PORT @ ;;
	clientcid) printf 'client/%s %s.linux\n[df]\n/dev/sda1 100 50 50 50%% /\n' "$(pick local remote sidecar)" "$h" | $X 127.0.0.1:$PORT @ ;;
	clientbad) $SEND $PORT "client $(pick nohostos.only "" "unknown9.lab.test.linux")" ;;
	summary)   $X 127.0.0.1:$PORT "summary summary.$(pick red yellow).remote.lab $c" ;;
	notes)     $X 127.0.0.1:$PORT "notes $h <p>maintenance window thursday</p>" ;;
	notesbad)  $SEND $PORT "notes" ;;
	usermsg)   $X 127.0.0.1:$PORT "usermsg feed$((RANDOM%5)) custom payload $x" ;;
	meta)      $X 127.0.0.1:$PORT "meta $h.$t vendorinfo <b>rack 4</b>" ;;
	metabad)   $SEND $PORT "meta $h.$t" ;;
	modify)    $X 127.0.0.1:$PORT "modify $h.$t $(pick red yellow green) ext-check upstream link flapping" ;;
	enable)    $X 127.0.0.1:$PORT "enable $h.$t" ;;
	disable)   $X 127.0.0.1:$PORT "disable $h.$t $(pick 30 2h 1d -1 10m) patching in progress" ;;
	disablestar) $X 127.0.0.1:$PORT "disable $h.* 15 whole host down for upgrade" ;;
	disablebad) $SEND $PORT "$(pick "disable" "disable $h.$t" "enable")" ;;
	config)    $X 127.0.0.1:$PORT "config $(pick analysis.cfg alerts.cfg client-local.cfg protocols.cfg combo.cfg)" >/dev/null ;;
	configbad) $X 127.0.0.1:$PORT "config $(pick a.cfg hosts.txt missing.cfg subdir.cfg ../etc/hosts.cfg nothere.cfg)" >/dev/null ;;
	download)  $X 127.0.0.1:$PORT "download $(pick agent.tar missing.bin ../xymonserver.cfg)" >/dev/null ;;
	flush)     $X 127.0.0.1:$PORT "flush filecache" ;;
	reload)    $SEND $PORT "reload" ;;
	rotate)    $SEND $PORT "rotate" ;;
	query)     $X 127.0.0.1:$PORT "query $h.$t" >/dev/null ;;
	queryghost) $X 127.0.0.1:$PORT "query nosuch$((RANDOM%5)).lab.test.cpu" >/dev/null ;;
	xlog)      $X 127.0.0.1:$PORT "xymondlog $h.$t" >/dev/null ;;
	xxlog)     $X 127.0.0.1:$PORT "xymondxlog $h.$t" >/dev/null ;;
	board)     $X 127.0.0.1:$PORT "xymondboard $(pick "host=$h" "color=red,yellow" "test=cpu fields=hostname,testname,color" "page=ops" "net=lab" "lastchange>1000" "")" >/dev/null ;;
	xboard)    $X 127.0.0.1:$PORT "xymondxboard $(pick "host=$h" "test=$t" "")" >/dev/null ;;
	hostinfo)  $X 127.0.0.1:$PORT "hostinfo $(pick "host=$h" "" "class=rediscache")" >/dev/null ;;
	ack)       $X 127.0.0.1:$PORT "xymondack $((RANDOM*7+100000)) $(pick 30 60 2h) looking into it" ;;
	ackold)    $X 127.0.0.1:$PORT "ack ack_event $((RANDOM+1000)) 20 legacy ack" ;;
	ackbad)    $SEND $PORT "$(pick xymondack "xymondack 12345" hobbitdack)" ;;
	ackreal)   ck=$($X 127.0.0.1:$PORT "xymondboard color=red,yellow fields=cookie" | grep -v '^-1$' | grep -v '^$' | head -1)
		   if [ -n "$ck" ]; then $X 127.0.0.1:$PORT "xymondack $ck 45 investigating, ticket $RANDOM"; else $X 127.0.0.1:$PORT "xymondack 424242 45 no cookie"; fi ;;
	ackinfo)   $X 127.0.0.1:$PORT "ackinfo $h.$t $(pick 1 2 3) $((RANDOM%3600)) opsteam acknowledged by on-call" ;;
	notify)    $X 127.0.0.1:$PORT "notify $h.$t please check the $t graph" ;;
	schedule)  $X 127.0.0.1:$PORT "schedule $(( $(date +%s) + RANDOM%4 + 1 )) status $h.$t green scheduled recovery" ;;
	schedlist) $X 127.0.0.1:$PORT "schedule" >/dev/null ;;
	schedcancel) $X 127.0.0.1:$PORT "schedule cancel $((RANDOM%4+1))" ;;
	drop)      $X 127.0.0.1:$PORT "drop $h $t" ;;
	drophost)  $X 127.0.0.1:$PORT "drop $(pick ghost0.lab.test cache01.lab.test nosuch.lab.test)" ;;
	renametest) $X 127.0.0.1:$PORT "rename $h $t ${t}2" ;;
	renamehost) $X 127.0.0.1:$PORT "rename $(pick web02.lab.test nosuch.lab.test) web02new.lab.test" ;;
	dummy)     $X 127.0.0.1:$PORT "dummy" ;;
	ping)      $X 127.0.0.1:$PORT "ping" >/dev/null ;;
	clientlog) $X 127.0.0.1:$PORT "clientlog $h $(pick "" section=uname section=date)" >/dev/null ;;
	ghostlist) $X 127.0.0.1:$PORT "ghostlist" >/dev/null ;;
	multisrc)  $X 127.0.0.1:$PORT "multisrclist" >/dev/null ;;
	senders)   $X 127.0.0.1:$PORT "senderstats" >/dev/null ;;
	garbage)   $SEND --garbage $((RANDOM%200+10)) $PORT ;;
	words)     $SEND $PORT "$(pick "HELLO xymond" "GET / HTTP/1.0\n\n" "status" "" "foo.bar.baz green")" ;;
	partial)   $SEND --hold 7 $PORT "status $h.$t" & echo "partial $!" >> "$PIDS" ;;
	multisrcs) $SEND --src 127.0.0.$((RANDOM%5+40)) $PORT "status web01.lab.test.cpu $c reported from elsewhere" ;;
	flap)      for fc in red green red green red green; do $X 127.0.0.1:$PORT "status $h.$t $fc flap $fc"; done ;;
	esac
}

KINDS=(status status status statusplus statusgrp statusml purple clientcol ghost badhost badtest notest nocolor
	badcolor combo combo extcombo extcombo2 data databad dataghost client clientcid clientbad summary notes notesbad
	usermsg meta metabad modify enable disable disablestar disablebad config configbad download flush reload
	query queryghost xlog xxlog board xboard hostinfo ack ackold ackbad ackreal ackinfo notify schedule schedlist
	schedcancel drop drophost renametest renamehost dummy ping clientlog ghostlist multisrc senders garbage words
	multisrcs flap partial)

run_kinds() {  # count
	local n=$1 k
	for k in $(printf '%s\n' "${KINDS[@]}" | shuf | head -n "$n"); do
		msg "$k"
		sleep 0.0$((RANDOM%9+1))
	done
}

rm -f $LOG
# ---------------------------------------------------------------- phase 1: open server, ghosts logged
opts=(--ghosts=log --flap-count=4 --flap-seconds=600 --checkpoint-interval=120 --timeout=5)
[ $((RANDOM%2)) = 0 ] && opts+=(--store-clientlogs=cpu,disk)
[ $((RANDOM%2)) = 0 ] && opts+=(--bogus-option)
start_xymond "${opts[@]}"
X1=$XPID
start_worker stachg; W1=$WPID
run_kinds 22
msg flap
run_kinds 15
# the stachg worker dies
stop_pid $W1
run_kinds 8
# reload with a changed hosts.cfg (a host removed), then a log rotation
sed -i '/cache01/d' $RUN/etc/hosts.cfg
echo "127.0.0.17  new01.lab.test      # added" >> $RUN/etc/hosts.cfg
kill -HUP $X1; sleep 0.5
if ! kill -0 $X1 2>/dev/null; then
	# the reload can take the daemon down; start it again from its last checkpoint
	start_xymond "${opts[@]}" --restart=$RUN/var/xymond.chk
	X1=$XPID
fi
msg status; msg ghost
kill -USR1 $X1; sleep 0.5
run_kinds 6
# a second daemon on the same port fails
timeout 5 $B/xymond --env=$RUN/xymonserver.cfg --listen=127.0.0.1:$PORT --hosts=$RUN/etc/hosts.cfg --debug \
	--pidfile=$RUN/logs/xymond2.pid --checkpoint-file=$RUN/var/other.chk >> $LOG 2>&1
msg status
stop_pid $X1

# ---------------------------------------------------------------- phase 2: restart from checkpoint, ACLs, ghosts dropped/matched
write_hosts
echo "@@XYMONDCHK-V1||web01.lab.test|cpu|127.0.0.1|green|" >> $RUN/var/xymond.chk
echo "@@XYMONDCHK-V1||gone99.lab.test|cpu|127.0.0.1|green||green|1|1|1|0|0||0|status gone99.lab.test.cpu green|||0|0" >> $RUN/var/xymond.chk
start_xymond --restart=$RUN/var/xymond.chk --ghosts=$(pick drop match) --status-senders=127.0.0.1,127.0.0.20/30 \
	--admin-senders=127.0.0.1 --maint-senders=127.0.0.1,127.0.0.21 --www-senders=127.0.0.1,127.0.0.22 --timeout=5
X2=$XPID
start_worker status; W2=$WPID
for i in $(seq 1 28); do
	src=$(pick 127.0.0.1 127.0.0.1 127.0.0.11 127.0.0.21 127.0.0.22 127.0.0.50 127.0.0.99 127.0.0.$((RANDOM%200+30)))
	h=$(pick "${HOSTS[@]}"); t=$(pick "${TESTS[@]}"); c=$(pick "${COLORS[@]}")
	case $((RANDOM%14)) in
	0) $SEND --src $src $PORT "status $h.$t $c acl check from $src" ;;
	1) $SEND --src $src $PORT "data $h.trends\n[x.rrd]\nDS:v:GAUGE:600:0:U 1" ;;
	2) $SEND --src $src $PORT "drop $h $t" ;;
	3) $SEND --src $src $PORT "notes $h acl notes" ;;
	4) $SEND --src $src $PORT "xymondboard host=$h" >/dev/null ;;
	5) $SEND --src $src $PORT "client $h.linux linux\n[date]\nnow" >/dev/null ;;
	6) $SEND --src $src $PORT "usermsg id$i hello" ;;
	7) $SEND --src $src $PORT "combo\nstatus $h.$t $c a\n\nstatus $h.disk green b" ;;
	8) $SEND --src $src $PORT "config analysis.cfg" >/dev/null ;;
	9) $SEND --src $src $PORT "query $h.$t" >/dev/null ;;
	10) $SEND --src $src $PORT "xymondack 99$i 30 acl ack" ;;
	11) $SEND --src $src $PORT "status $(pick web01 db01 mailhost app01).$t $c short name" ;;
	12) $SEND --src $src $PORT "rename $h $t ${t}x" ;;
	13) $SEND --src $src $PORT "meta $h.$t info x" ;;
	esac
	sleep 0.05
done
run_kinds 13
stop_pid $W2
run_kinds 6
stop_pid $X2

tail -n +1 $LOG > /dev/null
head -n 2500 $LOG > $DIR/xymon.log
echo "log lines: $(wc -l < $LOG), kept: $(wc -l < $DIR/xymon.log)"
