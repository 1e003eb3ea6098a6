#!/bin/bash
# Randomised workload for cntlm 0.92.3 (Debian 12) run in the foreground with -f -v.
# Its stderr (syslog lines via LOG_PERROR) and stdout (debug printf lines, line-buffered with
# stdbuf so that the two streams keep their order) go to one file, kept as cntlm.log.
# Ports: 46300 proxy, 46301 tunnel, 46302 SOCKS5, 46310/46311 parent proxies, 46320 origin,
# 46329 nothing (dead origin).  127.0.0.0/8 only.
set -u
DIR=/work/round27/cntlm
RUN=$DIR/run
LOG=$RUN/cntlm.out
PIDS=$DIR/pids.txt
P=46300
CURL="curl -s -o /dev/null --max-time 8"
RAW="python3 $DIR/rawclient.py"

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# stop what a previous run of this script may have left (by recorded PID only)
if [ -f "$PIDS" ]; then
	while read -r _ p; do
		grep -q "$DIR\|cntlm" /proc/$p/cmdline 2>/dev/null && kill "$p" 2>/dev/null
	done < "$PIDS"
	sleep 1
fi
rm -rf "$RUN"; mkdir -p "$RUN"; : > "$PIDS"

start_parent() {  # port auth
	python3 $DIR/labservers.py parent $1 $2 >> $RUN/servers.out 2>&1 &
	echo "parent$1 $!" >> "$PIDS"; eval "PARENT$1=$!"
	sleep 0.4
}
start_origin() {
	python3 $DIR/labservers.py origin 46320 >> $RUN/servers.out 2>&1 &
	echo "origin $!" >> "$PIDS"; ORIGIN=$!
	sleep 0.4
}
write_conf() {  # auth proxies... ; extra lines in $EXTRA
	local auth=$1; shift
	{
		echo "Username	$(pick jdoe asmith svc_proxy)"
		echo "Domain		LAB"
		echo "Password	S3cret!$RANDOM"
		echo "Workstation	LABWS$((RANDOM%90+10))"
		echo "Auth		$auth"
		for p in "$@"; do echo "Proxy		$p"; done
		echo "NoProxy		localhost, 127.0.0.*"
		echo "Listen		127.0.0.1:$P"
		echo "SOCKS5Proxy	127.0.0.1:46302"
		echo "SOCKS5Users	alice:wonderland"
		echo "SOCKS5Users	brokenentry"
		echo "Tunnel		127.0.0.1:46301:secure.lab.test:443"
		echo "Tunnel		127.0.0.1:46303:refuse.lab.test:443"
		echo "Header		X-Lab-Client: cntlm-workload"
		echo "Header		NotAHeaderLine"
		echo "Allow		127.0.0.1"
		echo "Allow		127.0.0.8/29"
		echo "Deny		0/0"
		echo "$(pick FrobnicateLevel TurboMode LogColour)	11"
		printf '%s\n' "${EXTRA[@]}"
	} > $RUN/cntlm.conf
}
start_cntlm() {
	stdbuf -oL -eL /usr/sbin/cntlm -f -v -c $RUN/cntlm.conf "$@" >> $LOG 2>&1 &
	CPID=$!; echo "cntlm $CPID" >> "$PIDS"
	sleep 1
}
stop_pid() { kill -TERM "$1" 2>/dev/null; for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$1" 2>/dev/null || break; sleep 0.3; done; }

HOSTS=(www.lab.test intranet.lab.test wiki.lab.test repo.lab.test)
PATHS=(/ /index.html /docs/guide.html /chunked /close /big /empty /missing /error /api/v1/status?x=1)

# one client action of kind $1
act() {
	local h u
	h=$(pick "${HOSTS[@]}"); u="http://$h$(pick "${PATHS[@]}")"
	case "$1" in
	get)        $CURL -x http://127.0.0.1:$P "$u" ;;
	get2)       $CURL -x http://127.0.0.1:$P "http://$h/a.html" "http://$h/b.html" ;;
	head)       $CURL -I -x http://127.0.0.1:$P "http://$h/index.html" ;;
	post)       $CURL -x http://127.0.0.1:$P -d "name=value&n=$RANDOM" "http://$h/form" ;;
	postchunk)  $CURL -x http://127.0.0.1:$P -H "Transfer-Encoding: chunked" -d "chunked=payload$RANDOM" "http://$h/upload" ;;
	drop)       $CURL -x http://127.0.0.1:$P "http://$h/drop" ;;
	slow)       $CURL -x http://127.0.0.1:$P "http://$h/slow" ;;
	connect)    $CURL -p -x http://127.0.0.1:$P "http://secure.lab.test:8443/tunnel/$RANDOM" ;;
	connectno)  $CURL -p -x http://127.0.0.1:$P "http://refuse.lab.test:8443/" ;;
	direct)     $CURL -x http://127.0.0.1:$P "http://127.0.0.1:46320$(pick / /local.html /chunked /close /missing)" ;;
	directntlm) $CURL -x http://127.0.0.1:$P "http://127.0.0.1:46320/ntlm/portal" ;;
	directdead) $CURL -x http://127.0.0.1:$P "http://127.0.0.1:46329/nothing" ;;
	directpost) $CURL -x http://127.0.0.1:$P -d "k=v" "http://localhost:46320/submit" ;;
	tunnel)     $RAW 46301 "GET /through/tunnel HTTP/1.1\r\nHost: secure.lab.test\r\nConnection: close\r\n\r\n" >/dev/null ;;
	tunnelno)   $RAW 46303 "GET / HTTP/1.1\r\nHost: refuse.lab.test\r\n\r\n" >/dev/null ;;
	socks)      $CURL --socks5 alice:wonderland@127.0.0.1:46302 "http://127.0.0.1:46320/socks/$RANDOM" ;;
	socksbad)   $CURL --socks5 "$(pick alice:wrong mallory:x)@127.0.0.1:46302" "http://127.0.0.1:46320/" ;;
	socksnoauth) $CURL --socks5 127.0.0.1:46302 "http://127.0.0.1:46320/" ;;
	denied)     $CURL --interface 127.0.0.$(pick 66 77 200) -x http://127.0.0.1:$P "$u" ;;
	allowed)    $CURL --interface 127.0.0.$(pick 9 10 12) -x http://127.0.0.1:$P "http://127.0.0.1:46320/from-subnet" ;;
	garbage)    $RAW $P "$(pick "HELLO THERE\r\n\r\n" "\x16\x03\x01 binaryish\r\n\r\n" "GET\r\n\r\n" "NONSENSE / FTP/9\r\n\r\n")" >/dev/null ;;
	nohost)     $RAW $P "GET /relative/path HTTP/1.0\r\nUser-Agent: raw\r\n\r\n" >/dev/null ;;
	badstatus)  $RAW $P "GET http://$h/ HTTP/1.1\r\nHost: $h\r\nBroken header line\r\n\r\n" >/dev/null ;;
	cut)        $RAW --cut $((RANDOM%20+5)) $P "GET http://$h/partial HTTP/1.1\r\nHost: $h\r\n\r\n" ;;
	empty)      $RAW --cut 0 $P "" ;;
	badchal)    $CURL -x http://127.0.0.1:$P "http://$h/badchallenge" ;;
	noauthhdr)  $CURL -x http://127.0.0.1:$P "http://$h/noauthhdr" ;;
	denyuser)   $CURL -x http://127.0.0.1:$P "http://$h/denyuser" ;;
	basicuser)  $CURL -U "$(pick 'LAB\alice:pw1' 'bob:pw2' 'LAB\badguy:pw3')" -x http://127.0.0.1:$P "$u" ;;
	parallel)   local pp=(); for _ in 1 2 3; do $CURL -x http://127.0.0.1:$P "http://127.0.0.1:46320/par/$RANDOM" & pp+=($!); done; wait "${pp[@]}" ;;
	esac
}

run_acts() {  # count kinds...
	local n=$1 k; shift
	for k in $(printf '%s\n' "$@" | shuf -r -n "$n"); do
		act "$k"
		sleep 0.0$((RANDOM%5+1))
	done
}
KINDS1=(get get get2 head post postchunk drop slow connect connectno direct direct directntlm directdead directpost
	tunnel tunnelno socks socksbad socksnoauth denied allowed garbage nohost badstatus cut empty badchal noauthhdr denyuser parallel)

: > $LOG
start_origin
# ---------------------------------------------------------------- phase 0: configuration mistakes
EXTRA=("Allow		300.1.2.3")
write_conf NTLM 127.0.0.1:46310
stdbuf -oL -eL /usr/sbin/cntlm -f -v -c $RUN/cntlm.conf >> $LOG 2>&1 < /dev/null
EXTRA=()
write_conf $(pick Kerberos NTLMv3) 127.0.0.1:46310
stdbuf -oL -eL /usr/sbin/cntlm -f -v -c $RUN/cntlm.conf >> $LOG 2>&1 < /dev/null

# ---------------------------------------------------------------- phase 1: NTLM parent, a dead first parent
start_parent 46310 ntlm
EXTRA=()
if [ $((RANDOM%2)) = 0 ]; then write_conf NT 127.0.0.1:46311 127.0.0.1:46310
else write_conf NT 127.0.0.1:46310 127.0.0.1:46311; fi
start_cntlm
C1=$CPID
# a second instance cannot bind the same ports
timeout 3 stdbuf -oL -eL /usr/sbin/cntlm -f -v -c $RUN/cntlm.conf >> $LOG 2>&1 < /dev/null
run_acts 16 "${KINDS1[@]}"
# the parent proxy dies, requests fail, then it comes back
kill $PARENT46310; sleep 0.3
act get; act connect
start_parent 46310 ntlm
run_acts 12 "${KINDS1[@]}"
stop_pid $C1

# ---------------------------------------------------------------- phase 2: NTLM-to-basic, second parent up
start_parent 46311 ntlm
EXTRA=("NTLMToBasic	yes" "Gateway		no")
write_conf NT 127.0.0.1:46311 127.0.0.1:46310
start_cntlm
C2=$CPID
run_acts 10 basicuser basicuser get direct connect denied garbage socks tunnel
kill $PARENT46311; sleep 0.3
run_acts 6 basicuser get direct connect
stop_pid $C2
stop_pid $PARENT46310
stop_pid $ORIGIN

sleep 0.5
head -n 2500 $LOG > $DIR/cntlm.log
echo "log lines: $(wc -l < $LOG), kept: $(wc -l < $DIR/cntlm.log)"
