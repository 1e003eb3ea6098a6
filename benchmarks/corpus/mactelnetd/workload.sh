#!/bin/bash
# Randomised workload for mactelnetd; run it through run.sh (it must run inside nsrun.sh's namespaces).
M=/tmp/round35-r35d/m
HERE=$(cd "$(dirname "$0")" && pwd)
R() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
MACA=$(cat /sys/class/net/r35d-a/address)
start() { mactelnetd -f $1 >> $M/mt.stdout 2>&1 & PID=$!; echo $PID >> $M/pids; sleep 0.5; }
client() { # user pass
  local mac=$MACA
  timeout ${3:-8} script -qc "mactelnet -A -t 2 -u $1 -p $2 $mac" /dev/null < /dev/null > /dev/null 2>&1
}
USERS=(nobody:n0b0dy nobody:n0b0dy nobody:n0b0dy guest:guest123 admin:s3cret nobody:wrong guest:nope mallory:x root:toor nobody:n0b0dy)
for round in $(seq ${ROUNDS:-8}); do
  if [ $(R 0 3) = 0 ]; then umount /etc/mactelnetd.users 2>/dev/null; else mountpoint -q /etc/mactelnetd.users || mount --bind $M/users /etc/mactelnetd.users; fi
  start "$([ $(R 0 2) = 0 ] && echo -n)"
  [ $(R 0 2) = 0 ] && { mactelnetd -f >> $M/mt.stdout 2>&1 & P2=$!; sleep 1; kill $P2 2>/dev/null; }
  for step in $(seq $(R 5 25)); do
    u=${USERS[$(R 0 9)]}
    case $(R 0 7) in
      0|1|2|3) client ${u%%:*} ${u#*:} ;;
      4) CP=; for i in $(seq $(R 2 4)); do u=${USERS[$(R 0 9)]}; client ${u%%:*} ${u#*:} & CP="$CP $!"; done; wait $CP ;;
      5) client nobody n0b0dy 1 ;;
      6) mactelnet -l -t 1 -B > /dev/null 2>&1 ;;
      7) client admin s3cret $(R 2 4) & ;;
    esac
  done
  if [ $(R 0 4) = 0 ]; then
    # an interface disappears (maybe under an open session) and comes back
    client admin s3cret 3 & sleep 1.5
    ip link del r35d-a 2>/dev/null; sleep 1
    ip link add r35d-a type veth peer name r35d-b; ip link set r35d-a up; ip link set r35d-b up
    ip addr add 10.35.4.1/24 dev r35d-a; ip addr add 10.35.4.2/24 dev r35d-b
    MACA=$(cat /sys/class/net/r35d-a/address)
    client nobody n0b0dy
  fi
  kill -$(case $(R 0 2) in 0) echo TERM;; 1) echo INT;; 2) echo HUP;; esac) $PID; sleep 0.5; kill $PID 2>/dev/null
  wait $PID 2>/dev/null
  sleep $(R 0 3)
done
wait
