#!/bin/bash
# Randomised pptpd rounds (run inside the private namespaces by inner.sh); logs go to syslog -> private rsyslogd.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32f/pp
PY=/usr/bin/python3
conf() { # write a pptpd.conf: $1 ppp binary, $2 connections, $3 remoteip range, $4 options file
  cat > $W/pptpd.conf <<EOC
ppp $1
option $4
debug
stimeout 3
connections $2
localip 192.168.77.1
remoteip $3
EOC
}
start() { pptpd -f -c $W/pptpd.conf -p $W/pptpd.pid -l 127.0.0.1 "$@" & echo $! > $W/cur.pid; sleep 1; }
stop() { kill -TERM "$(cat $W/cur.pid)" 2>/dev/null; wait "$(cat $W/cur.pid)" 2>/dev/null; }
for round in $(seq 1 $((RANDOM % 4 + 6))); do
  case $((RANDOM % 10)) in
    0) conf $HERE/fakepppd 4 192.168.77.300-302 $HERE/pptpd-options; start; stop ;;
    1) conf /nonexistent/pppd 4 192.168.77.10-14 $HERE/pptpd-options; start; stop ;;
    2) conf $HERE/fakepppd 4 192.168.77.10-14 $W/missing-options; start; stop ;;
    3) start -c $W/no-such.conf; stop ;;
    4) conf $HERE/fakepppd 8 192.168.77.10-11 $HERE/pptpd-options; start; stop ;;
    *) : ;;
  esac
  if [ $((RANDOM % 2)) = 0 ]; then PPP=$HERE/fakepppd; else PPP=/usr/sbin/pppd; fi
  conf $PPP $((RANDOM % 4 + 2)) 192.168.77.10-13,192.168.77.20 $HERE/pptpd-options
  start $( [ $((RANDOM % 3)) = 0 ] && echo -i ) $( [ $((RANDOM % 4)) = 0 ] && echo -D )
  CL=()
  for c in $(seq 1 $((RANDOM % 3 + 1))); do
    $PY $HERE/client.py 127.0.0.1 $((RANDOM % 12 + 3)) & CL+=($!)
  done
  wait "${CL[@]}"
  sleep 1
  stop
done
