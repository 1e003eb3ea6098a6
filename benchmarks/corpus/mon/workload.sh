#!/bin/bash
# Randomised workload for mon (Debian 12 package "mon", etbemon 1.3.6).
# mon logs only through syslog: a private rsyslogd (own config, socket, pid file, work dir, output file
# in run/) receives it; mon runs in a private mount namespace whose /dev/log is that socket.
D=/work/round30/mon
RUN=$D/run
rm -rf "$RUN"; mkdir -p "$RUN/dev" "$RUN/rsyslog" "$RUN/state" "$RUN/log"
cd "$RUN"
PIDS=$RUN/started.pids; : > "$PIDS"

# --- private rsyslogd
cat > rsyslog.conf <<C
global(workDirectory="$RUN/rsyslog")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$RUN/dev/log" RateLimit.Interval="0")
if \$programname == "mon" then action(type="omfile" file="$RUN/syslog.log")
C
rsyslogd -f rsyslog.conf -i "$RUN/rsyslogd.pid"
sleep 1; cat "$RUN/rsyslogd.pid" >> "$PIDS"

# --- mon configuration (random intervals and thresholds)
printf 'admin:abhWCwoTZY2c6\noper:abhWCwoTZY2c6\nguest:abhWCwoTZY2c6\n' > monusers
auth_cf() {
  cat <<C
command section
ack:		AUTH_ANY
checkauth:	all
clear:		AUTH_ANY
disable:	AUTH_ANY,!guest
dump:		AUTH_ANY
enable:		AUTH_ANY,!guest
get:		AUTH_ANY
list:		all
loadstate:	admin
protid:		all
quit:		all
reload:		admin
reset:		admin
savestate:	admin
servertime:	all
set:		admin
start:		admin
stop:		admin
term:		admin
test:		AUTH_ANY
version:	all
trap section
127.0.0.1	monitor	tr2vvVKnVKp.6
127.0.0.3	*	*
$1
C
}
auth_cf "" > auth.cf
I1=$((RANDOM%3+3)); I2=$((RANDOM%2+1)); P=$((RANDOM%30+30))
mon_cf() {
  GONEBLOCK=
  [ -n "$GONE" ] && GONEBLOCK=$(printf '\tservice gone\n\t\tinterval 40s\n\t\tmonitor nothere.monitor\n\t\tperiod wd {Sun-Sat}\n\t\t\talert nosuch.alert')
  cat <<C
alertdir	= $D/alert.d:/usr/lib/mon/alert.d
mondir		= $D/mon.d:/usr/lib/mon/mon.d
logdir		= $RUN/log
statedir	= $RUN/state
historicfile	= $RUN/log/history.log
authfile	= $RUN/auth.cf
userfile	= $RUN/monusers
authtype	= userfile
maxprocs	= ${MAXPROCS:-20}
histlength	= 100
randstart	= 2s
dtlogging	= yes
dtlogfile	= $RUN/log/dtlog
serverbind	= 127.0.0.1
serverport	= 36200
trapbind	= 127.0.0.1
trapport	= 36201
clientallow	= 127.0.0.1 127.0.0.2 127.0.0.3
pidfile		= $RUN/mon.pid

hostgroup web 127.0.0.1
hostgroup apps 127.0.0.2 127.0.0.3 127.0.0.4
hostgroup remote 127.0.0.9
hostgroup spare 127.0.0.20

watch web
	service http
		description test listener on 36210
		interval ${I1}s
		monitor tcp.monitor -p 36210
		period wd {Sun-Sat}
			alert log.alert http-down
			upalert log.alert http-up
			alertevery 15s
	service flaky
		interval ${I2}s
		monitor flaky.monitor $P web
		period wd {Sun-Sat}
			alert log.alert flaky
			upalert log.alert flaky-up
			alertafter 2
			numalerts 3
watch apps
	service check
		interval $((I2+1))s
		monitor flaky.monitor $((P+10)) apps
		depend web:http
		period wd {Sun-Sat}
			alert log.alert apps
			alert broken.alert
			alertafter 20s
			alertevery 10s summary
	service slow
		interval 4s
		monitor sleepy.monitor 2
		period wd {Sun-Sat}
			alert log.alert slow
			upalert log.alert slow-up
${GONEBLOCK}
watch remote
	service heartbeat
		description trap driven
		traptimeout 25s
		period wd {Sun-Sat}
			alert log.alert trap
			upalert log.alert trap-up
watch spare
	service idle
		interval 5s
		monitor flaky.monitor 0 spare
		depend web:http && apps:check
		period wd {Sun-Sat}
			alert log.alert spare
$1
C
}
mon_cf "" > mon.cf

# test listener watched by tcp.monitor: it comes and goes
LPID=
listener_up()   { [ -n "$LPID" ] && return; socat TCP-LISTEN:36210,bind=127.0.0.1,reuseaddr,fork /dev/null & LPID=$!; echo $LPID >> "$PIDS"; }
listener_down() { [ -n "$LPID" ] && kill "$LPID" 2>/dev/null; LPID=; }

start_mon() {
  "$D/nsrun.sh" "$RUN" mon -f -c "$RUN/mon.cf" -P "$RUN/mon.pid" -D "$RUN/state" "$@" </dev/null >>"$RUN/mon.stderr" 2>&1
  for i in $(seq 30); do [ -s "$RUN/mon.pid" ] && break; sleep 0.2; done
  MON=$(cat "$RUN/mon.pid"); echo "$MON" >> "$PIDS"
}
T() { python3 "$D/montalk.py" "$@"; }
trap_ok() { T trap "pro=0.3807" "typ=trap" "spc=$1" "seq=$RANDOM" "grp=remote" "svc=heartbeat" "sta=$2" "tsp=$(date +%s)" "sum=$3" "dtl=detail from remote agent" "usr=monitor" "pas=trappw"; }

listener_up
start_mon
sleep 6

# --- phase 1: normal operation, clients of every kind (random mix)
SESS=(
 "session list opstatus"
 "session list failures"
 "session list successes"
 "session list disabled"
 "session list alerthist"
 "session list failurehist"
 "session list pids"
 "session list descriptions"
 "session list deps"
 "session list dtlog"
 "session version servertime quit"
 "session --login oper s3cret list\ failures disable\ service\ apps\ slow quit"
 "session --login oper s3cret enable\ service\ apps\ slow quit"
 "session --login admin s3cret list\ pids list\ alerthist test\ alert\ web\ http quit"
 "session --login admin s3cret get\ web\ http\ interval set\ web\ flaky\ numalerts\ 5 quit"
 "session --login oper s3cret disable\ watch\ spare list\ disabled enable\ watch\ spare quit"
 "session --login oper s3cret test\ upalert\ web\ http quit"
)
ROUNDS=$((RANDOM%4+16))
for ((round=1; round<=ROUNDS; round++)); do
  for k in $(shuf -i 0-$((${#SESS[@]}-1)) -n $((RANDOM%4+3))); do
    eval "T ${SESS[$k]}"
  done
  trap_ok heartbeat $((RANDOM%2)) "heartbeat round $round"
  sleep $((RANDOM%3+2))
  ((RANDOM%3==0)) && { ((RANDOM%2)) && listener_down || listener_up; }
done

# --- phase 2: wrong input, refused operations, authentication failures
T session "list opstatus" "disable service web http" "reset" quit
T session --login nobody s3cret "list state" quit
T session --login oper wrongpw "stop" quit
T session --login guest s3cret "disable host 127.0.0.2" "enable watch apps" "list disabled" quit
T session --login oper s3cret "term" "frobnicate everything" "list group nosuch" "disable service nosuch svc" "get web http interval" quit
T session --src 127.0.0.7 "list opstatus"
T session "protid 0" "protid 999" version servertime "checkauth reset" quit
printf 'GARBAGE\r\n\x00\x01\x02 binary\nlogin\n' | timeout 3 socat - TCP:127.0.0.1:36200 >/dev/null 2>&1
T trap "pro=0.3807" "typ=trap" "spc=x" "grp=remote" "svc=heartbeat" "sta=0" "usr=monitor" "pas=wrong"
T trap "pro=0.3807" "typ=trap" "spc=x" "grp=remote" "svc=heartbeat" "sta=0" "usr=intruder" "pas=trappw"
T trap --src 127.0.0.5 "pro=0.3807" "typ=trap" "grp=remote" "svc=heartbeat" "sta=0"
T trap --src 127.0.0.3 "pro=0.1" "typ=trap" "grp=remote" "svc=heartbeat" "sta=0"
T trap --src 127.0.0.3 "pro=0.3807" "typ=trap" "spc=y" "grp=remote" "svc=heartbeat"
T trap --src 127.0.0.3 "pro=0.3807" "typ=trap" "spc=y" "grp=nosuchgroup" "svc=x" "sta=1"
T trap --src 127.0.0.3 "pro=0.3807" "typ=trap" "spc=y" "grp=remote" "svc=nosuchsvc" "sta=1"
T trap --src 127.0.0.3 "pro=0.3807" "this line has no tag" "grp=remote" "svc=heartbeat" "sta=1" "sum=malformed"
sleep 3

# --- phase 3: monitors failing, disabled hosts, acks, stopped scheduler; a service whose monitor is missing
GONE=1 mon_cf "" > mon.cf
T session --login admin s3cret "reset" quit; sleep 2
touch "$RUN/sleepy.fail"
listener_down
sleep $((RANDOM%5+8))
T session --login oper s3cret "ack web http looking into it" "disable host 127.0.0.20" "list disabled" quit
T session --login admin s3cret "stop" quit
sleep 4
T session --login admin s3cret "start" "savestate disabled" "list successes" quit
rm -f "$RUN/sleepy.fail"
listener_up
sleep 6
T session --login oper s3cret "enable host 127.0.0.20" "clear web http" quit
T session --login admin s3cret "loadstate disabled" "reload auth" quit
trap_ok heartbeat 1 "remote agent reports trouble"
sleep 5
trap_ok heartbeat 0 "remote agent fine again"

# --- phase 4: reload auth with bad entries, then configuration with SIGHUP (good, broken, good)
auth_cf "oops line
999.1.2.3 u p" > auth.cf
T session --login admin s3cret "reload auth" "reload everything" quit
auth_cf "" > auth.cf
P=$((RANDOM%30+20)) mon_cf "" > mon.cf
T session --login admin s3cret "reset" quit; sleep 4
for broken in "bogusoption = 1" "watch web
	service again
		interval 5s" "hostgroup extra 127.0.0.30
watch extra
	service o
		monitor flaky.monitor
		period wd {Sun-Sat
			alert log.alert" "hostgroup extra 127.0.0.30
watch extra
	service o
		exitval = 1-x"; do
  ((RANDOM%5==0)) && continue
  mon_cf "$broken" > mon.cf
  T session --login admin s3cret "reset" quit; sleep 2
done
auth_cf "" > auth.cf; mon_cf "" > mon.cf
kill -HUP "$MON"; sleep 4
T session --login admin s3cret "reset" quit
sleep 4

# --- phase 4b: a second mon cannot bind the busy ports; mon with missing or broken config
"$D/nsrun.sh" "$RUN" mon -f -c "$RUN/mon.cf" -P "$RUN/mon2.pid" </dev/null >>"$RUN/mon.stderr" 2>&1; sleep 2
"$D/nsrun.sh" "$RUN" mon -f -c "$RUN/nosuch.cf" -P "$RUN/mon3.pid" </dev/null >>"$RUN/mon.stderr" 2>&1
mon_cf "randstart = soon" > broken.cf
"$D/nsrun.sh" "$RUN" mon -f -c "$RUN/broken.cf" -P "$RUN/mon3.pid" </dev/null >>"$RUN/mon.stderr" 2>&1
sleep 1

# --- phase 5: throttled monitors: restart with very few processes allowed
T session --login admin s3cret "term" quit
sleep 2
MAXPROCS=1 mon_cf "" > mon.cf
start_mon -S
sleep 2
T session --login admin s3cret "start" quit
sleep $((RANDOM%4+6))
listener_down
sleep 4
kill -TERM "$MON"; sleep 2

# --- phase 6: restart with saved state, short life, TERM
mon_cf "" > mon.cf
listener_up
start_mon -l opstatus
sleep 8
for i in 1 2; do trap_ok heartbeat $((RANDOM%2)) "late heartbeat $i"; sleep 2; done
T session --login oper s3cret "list opstatus" "test upalert web flaky" "test startupalert web http" quit
sleep 4
kill -TERM "$MON"; sleep 2

listener_down
for p in $(cat "$PIDS"); do kill "$p" 2>/dev/null; done
sleep 1
head -n 2500 "$RUN/syslog.log" > "$D/mon.log"
wc -l "$RUN/syslog.log" "$D/mon.log"
