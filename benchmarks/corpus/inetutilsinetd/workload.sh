#!/bin/bash
# Drives GNU inetutils inetd (inetd -d) in netns r38g + private mount ns.
# Log: stderr of inetd (debug) and its syslog (private rsyslogd) appended to one file.
# Usage: workload.sh  (as root; creates netns r38g if missing)
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R38G_INNER" ]; then
  ip netns list | grep -qw r38g || { ip netns add r38g; ip netns exec r38g ip link set lo up; }
  exec ip netns exec r38g unshare -m --propagation private env R38G_INNER=1 bash "$0" "$@"
fi
set -m
. "$HERE/nsenv.sh"
mkdir -p $W/rs-inetd
LOG=$W/inetd-raw.log; : > $LOG
start_rsyslog "$HERE/rsyslog.conf"
# private /etc/services: the internal services and tcpmux on our own ports
sed -e 's#^tcpmux\t\t1/tcp#tcpmux\t\t49030/tcp#' -e 's#^echo\t\t7/#echo\t\t49031/#' \
    -e 's#^discard\t\t9/#discard\t\t49032/#' -e 's#^daytime\t\t13/#daytime\t\t49033/#' \
    -e 's#^chargen\t\t19/#chargen\t\t49034/#' -e 's#^time\t\t37/#time\t\t49035/#' /etc/services > $W/etc/services
mount --bind $W/etc/services /etc/services
CONF=$W/inetd.conf; DIR=$W/extra.conf
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

gen_conf() {  # random valid + invalid entries
  {
    echo "49001 stream tcp nowait root /bin/cat cat"
    echo "49002 stream tcp nowait.$((3 + $(r 4))) svcuser /bin/echo echo hi"
    echo "49003 stream tcp nowait root /bin/date date -u"
    echo "49004 stream tcp nowait root /nonexistent/prog prog"
    echo "49005 dgram udp wait root $HERE/svc-fail.sh svc-fail.sh $((1 + $(r 3)))"
    [ $(r 4) = 0 ] && echo "49023 stream tcp wait root /bin/false false"
    echo "49006 dgram udp wait root $HERE/svc-fail.sh svc-fail.sh 0"
    echo "127.0.0.1:49007 stream tcp nowait root:svcgrp /bin/echo echo grp"
    echo "49008 stream tcp6 nowait root /bin/echo echo six"
    echo "tcpmux/+hello stream tcp nowait root /bin/echo echo hello there"
    echo "tcpmux/plain stream tcp nowait root /bin/echo echo plain"
    [ $(r 2) = 0 ] && echo "49009 stream tcp nowait ghost /bin/echo echo ghost"
    [ $(r 2) = 0 ] && echo "49010 stream tcp nowait root:nogroup2 /bin/echo echo x"
    [ $(r 2) = 0 ] && echo "49011 stream tcp nowait"
    [ $(r 2) = 0 ] && echo "49012 streem tcp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "49013 stream tcp sometimes root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "49014 stream tcp nowait.x9 root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "49015 stream xtp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "nosuchservice stream tcp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "nohost.invalid:49016 stream tcp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "tcpmux/bad dgram udp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "tcpmux/bad2 dgram tcp nowait root /bin/echo echo"
    [ $(r 2) = 0 ] && echo "49017 stream tcp nowait root internal"
    echo "echo stream tcp nowait root internal"
    echo "echo dgram udp wait root internal"
    [ $(r 3) != 0 ] && echo "discard stream tcp nowait root internal"
    echo "daytime stream tcp nowait root internal"
    [ $(r 3) != 0 ] && echo "daytime dgram udp wait root internal"
    echo "chargen stream tcp nowait.$((5 + $(r 20))) root internal"
    [ $(r 2) = 0 ] && echo "time stream tcp nowait root internal"
    [ $(r 2) = 0 ] && echo "time dgram udp wait root internal"
    [ $(r 2) = 0 ] && echo "49018 stream tcp nowait root /bin/echo echo busy"
    [ $(r 2) = 0 ] && echo "10.9.9.9:49019 stream tcp nowait root /bin/echo echo"
    [ $(r 3) = 0 ] && echo "49020 stream tcp nowait root /bin/sh sh -c exit\ 3"
  } > $CONF
  {
    [ $(r 2) = 0 ] && echo "49021 stream tcp nowait root /bin/echo echo dir"
    [ $(r 2) = 0 ] && echo "49022 dgram udp wait nobody $HERE/svc-fail.sh svc-fail.sh 5"
  } > $DIR
}

INETD=""
start_inetd() {
  local extra=()
  [ $(r 3) = 0 ] && extra+=(--environment)
  [ $(r 4) = 0 ] && extra+=(--resolve)
  [ $(r 6) = 0 ] && extra+=(-R bogus)
  [ $(r 5) = 0 ] && extra+=(-R 40)
  local files=("$CONF" "$DIR")
  [ $(r 5) = 0 ] && files+=("$W/missing-inetd.conf")
  /usr/sbin/inetutils-inetd -d --pidfile=$W/inetd.pid "${extra[@]}" "${files[@]}" 2>>$LOG &
  INETD=$!
  sleep 0.5
}
stop_inetd() { [ -n "$INETD" ] && kill -TERM $INETD 2>/dev/null; wait $INETD 2>/dev/null; INETD=""; }

tcp() { timeout 2 python3 - "$@" <<'PY' 2>/dev/null
import socket,sys
h,p,data=sys.argv[1],int(sys.argv[2]),sys.argv[3] if len(sys.argv)>3 else ""
try:
    s=socket.create_connection((h,p),timeout=1.5)
    if data: s.sendall(data.encode()+b"\r\n")
    s.shutdown(socket.SHUT_WR)
    try: s.recv(4096)
    except Exception: pass
    s.close()
except Exception: pass
PY
}
udp() { timeout 2 python3 -c '
import socket,sys
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(0.5)
s.sendto(b"ping",("127.0.0.1",int(sys.argv[1])))
try: s.recv(100)
except Exception: pass' "$1" 2>/dev/null; }

# a listener squatting on 49018 to make bind fail
python3 -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",49018));s.listen();time.sleep(100000)' &
SQUAT=$!
gen_conf
start_inetd
ROUNDS=${ROUNDS:-260}
for i in $(seq $ROUNDS); do
  case $(r 36) in
    0|1|2|3|4) tcp 127.0.0.1 49001 "line $i";;
    5|6|7) tcp 127.0.0.1 49002;;
    8|9) tcp 127.0.0.1 49003;;
    10) tcp 127.0.0.1 49004;;
    11) udp 49005; sleep 0.3;;
    12) udp 49006; sleep 0.3;;
    13) tcp 127.0.0.1 49007;;
    14) tcp ::1 49008;;
    15|16) tcp 127.0.0.1 49030 "$(pick hello plain help nothing HELLO)";;
    32|33) tcp 127.0.0.1 $(pick 49031 49031 49032 49033 49034 49035) "builtin $i";;
    34) udp $(pick 49031 49033 49035);;
    35) P=(); for k in $(seq $((5 + $(r 25)))); do tcp 127.0.0.1 49034 & P+=($!); done; wait "${P[@]}" 2>/dev/null;;
    17) P=(); for k in $(seq $((4 + $(r 8)))); do tcp 127.0.0.1 49002 & P+=($!); done; wait "${P[@]}" 2>/dev/null;;
    18) tcp 127.0.0.1 49017 "echo me";;
    19) tcp 127.0.0.1 49021;;
    20) udp 49022; sleep 0.3;;
    21) tcp 127.0.0.1 49020;;
    22|23|27) gen_conf; kill -HUP $INETD; sleep 0.4;;
    24) # user disappears between config and connection
        grep -v '^svcuser:' $W/etc/passwd > $W/etc/p.tmp; cat $W/etc/p.tmp > $W/etc/passwd; tcp 127.0.0.1 49002; sleep 0.3
        echo "svcuser:x:2003:2003:svc:$W/home:/bin/bash" >> $W/etc/passwd;;
    25) grep -v '^svcgrp:' $W/etc/group > $W/etc/g.tmp; cat $W/etc/g.tmp > $W/etc/group; tcp 127.0.0.1 49007; sleep 0.3
        echo "svcgrp:x:2003:" >> $W/etc/group;;
    26) stop_inetd; gen_conf; start_inetd;;
    31) P=(); for k in $(seq $((2 + $(r 10)))); do tcp 127.0.0.1 49001 "flood $k" & P+=($!); done; wait "${P[@]}" 2>/dev/null;;
    28) tcp 127.0.0.1 $(pick 49013 49014 49023 49099);;
    29) tcp 127.0.0.1 49009;;
    30) [ $(r 2) = 0 ] && { mv $CONF $CONF.away; kill -HUP $INETD; sleep 0.3; mv $CONF.away $CONF; kill -HUP $INETD; sleep 0.3; };;
  esac
  sleep 0.0$(r 9)
done
stop_inetd
kill $SQUAT 2>/dev/null; wait $SQUAT 2>/dev/null
sleep 0.5
kill $RS_PID; wait $RS_PID 2>/dev/null
cp $LOG "$HERE/raw.log"
