#!/bin/bash
# Randomised workload for xinetd 2.3.15.3: own services on ports 26201-26215 of 127.0.0.1,
# debug mode (-d): xinetd writes its debug log to /dev/tty, so it runs in a private mount
# namespace where that file is bound over /dev/tty; services log there too (log_type FILE).
set -u
D=/work/round21/xinetd
R=$D/run
LOG=$D/xinetd.full.log
C="python3 $D/xclient.py"
mkdir -p $R
rm -f $R/* $LOG
cp $D/srv.sh $R/srv.sh
cat > $R/crash.sh <<'P'
#!/bin/sh
kill -SEGV $$
P
chmod +x $R/crash.sh
echo "Welcome to the test service" > $R/banner
echo "Access refused" > $R/banner.fail
echo "Good to see you" > $R/banner.ok

gen_config() {
  local extra=${1:-}
cat > $R/xinetd.conf <<P
defaults
{
	log_type        = FILE $LOG
	log_on_success  = PID HOST USERID EXIT DURATION
	log_on_failure  = HOST USERID ATTEMPT
	bind            = 127.0.0.1
	instances       = 20
	per_source      = $((RANDOM%3+3))
	umask           = 022
}
service echo
{
	type            = INTERNAL UNLISTED
	id              = echo-stream
	socket_type     = stream
	protocol        = tcp
	port            = 26201
	wait            = no
	only_from       = 127.0.0.1 127.0.0.2 127.0.0.4
	no_access       = 127.0.0.4
}
service daytime
{
	type            = INTERNAL UNLISTED
	id              = daytime-stream
	socket_type     = stream
	protocol        = tcp
	port            = 26202
	wait            = no
	banner_fail     = $R/banner.fail
	only_from       = 127.0.0.0/30
}
service chargen
{
	type            = INTERNAL UNLISTED
	id              = chargen-stream
	socket_type     = stream
	protocol        = tcp
	port            = 26203
	wait            = no
	instances       = 2
}
service discard
{
	type            = INTERNAL UNLISTED
	id              = discard-stream
	socket_type     = stream
	protocol        = tcp
	port            = 26204
	wait            = no
}
service time
{
	type            = INTERNAL UNLISTED
	id              = time-dgram
	socket_type     = dgram
	protocol        = udp
	port            = 26205
	wait            = yes
}
service echo
{
	type            = INTERNAL UNLISTED
	id              = echo-dgram
	socket_type     = dgram
	protocol        = udp
	port            = 26206
	wait            = yes
}
service lineserv
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26210
	wait            = no
	user            = root
	server          = $R/srv.sh
	instances       = 4
	per_source      = 2
	cps             = 15 3
	banner          = $R/banner
	banner_success  = $R/banner.ok
	banner_fail     = $R/banner.fail
	env             = GREETING=hello
	passenv         = PATH
}
service nobodyserv
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26211
	wait            = no
	user            = nobody
	group           = nogroup
	server          = $R/srv.sh
	access_times    = $( [ $((RANDOM%2)) -eq 0 ] && echo "00:00-23:59" || echo "03:00-03:01" )
}
service missingserv
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26212
	wait            = no
	user            = root
	server          = $R/no-such-server
}
service crashserv
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26213
	wait            = no
	user            = root
	server          = $R/crash.sh
}
service redir
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26214
	wait            = no
	user            = root
	redirect        = 127.0.0.1 26201
	log_on_success  += TRAFFIC
}
service offserv
{
	type            = UNLISTED
	socket_type     = stream
	protocol        = tcp
	port            = 26215
	wait            = no
	user            = root
	server          = $R/srv.sh
	disable         = $( [ $((RANDOM%2)) -eq 0 ] && echo yes || echo no )
}
$extra
P
}

XPID=
xin() {
  touch $LOG
  unshare -m --propagation private sh -c "mount --bind $LOG /dev/tty && exec xinetd -d -f $R/xinetd.conf" >> $R/stderr.out 2>&1 &
}
start_x() {
  xin
  XPID=$!
  sleep 0.7
}
stop_x() { kill -TERM $XPID 2>/dev/null; wait $XPID 2>/dev/null; }
src() { echo 127.0.0.$((RANDOM%5+1)); }

one_action() {
  local s=$(src)
  case $((RANDOM%16)) in
    0|1) XSRC=$s $C tcp 26201 "hello $RANDOM" ;;
    2) XSRC=$s $C tcp 26202 ;;
    3) XSRC=$s $C tcp 26203 ;;
    4) XSRC=$s $C tcp 26204 "junk $RANDOM" ;;
    5) XSRC=$s $C udp 26205 ;;
    6) XSRC=$s $C udp 26206 "ping $RANDOM" ;;
    7|8) XSRC=$s $C tcp 26210 "$(shuf -n1 -e hello quit fail crash slow 'garbage \x01\x02')" ;;
    9) XSRC=$s $C tcp 26211 "hello" ;;
    10) XSRC=$s $C tcp 26212 "hi" ;;
    11) XSRC=$s $C tcp 26213 "hi" ;;
    12) XSRC=$s $C tcp 26214 "via redirect $RANDOM" ;;
    13) XSRC=$s $C tcp 26215 "hello" ;;
    14) XSRC=$s $C hangup $(shuf -n1 -e 26201 26210 26203) ;;
    15) # burst: per_source / instances / cps limits
        local pids=""
        for k in $(seq $((RANDOM%6+4))); do XSRC=$s $C tcp 26210 slow & pids="$pids $!"; done
        wait $pids ;;
  esac
}

gen_config
start_x
for round in 1 2 3 4; do
  for i in $(seq $((RANDOM%40+60))); do
    one_action >/dev/null 2>&1
    case $((RANDOM%50)) in
      0) kill -ABRT $XPID; sleep 0.2 ;;
      1) gen_config; kill -HUP $XPID; sleep 0.5 ;;
    esac
  done
  # reload with a broken / extra service, then restore
  case $((RANDOM%3)) in
    0) gen_config "service broken
{
	type = UNLISTED
	socket_type = stream
	port = 26299
	wait = maybe
	bogus_attr = 1
	log_on_success += TRAFFIC
}" ;;
    1) gen_config "service dupport
{
	type = UNLISTED
	socket_type = stream
	protocol = tcp
	port = 26201
	wait = no
	server = $R/srv.sh
}" ;;
    2) gen_config "service noserver
{
	type = UNLISTED
	socket_type = stream
	protocol = tcp
	port = 26220
	wait = no
}" ;;
  esac
  kill -HUP $XPID; sleep 0.5
  XSRC=$(src) $C tcp 26201 "after reload" >/dev/null 2>&1
  gen_config; kill -HUP $XPID; sleep 0.5
  kill -ABRT $XPID; sleep 0.2
  # restart (sometimes a second instance that cannot bind first)
  if [ $((RANDOM%2)) -eq 0 ]; then
    xin; X2=$!; sleep 2; kill -TERM $X2 2>/dev/null; wait $X2
  fi
  stop_x
  gen_config
  start_x
done
stop_x
