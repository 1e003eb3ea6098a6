#!/bin/bash
# Shared by the ypserv and rpcbind workloads: a private network, mount and UTS namespace
# (network namespace r31k) holding our own rpcbind and ypserv.
T=/tmp/round31-r31k
NSPID_FILE=$T/ns.pid
ns_up() {
  mkdir -p $T/run $T/yp $T/etc
  ip netns add r31k 2>/dev/null || true
  ip netns exec r31k ip link set lo up
  ip netns exec r31k ip addr add 127.0.0.2/8 dev lo 2>/dev/null || true
  cp /etc/ypserv.conf $T/etc/ypserv.conf.orig 2>/dev/null
  : > $T/etc/ypserv.conf; : > $T/etc/ypserv.securenets
  ip netns exec r31k unshare -m -u --propagation private bash -c "
    mount -t tmpfs r31krun /run && mkdir -p /run/rpcbind /run/netns &&
    mount --bind $T/yp /var/yp &&
    mount --bind $T/etc/ypserv.conf /etc/ypserv.conf &&
    mount --bind $T/etc/ypserv.securenets /etc/ypserv.securenets &&
    domainname r31k.test && exec sleep 100000" &
  echo $! > $NSPID_FILE
  sleep 1
  # the pid inside is the sleep (exec), ip netns exec forks? find the child
  local p=$(cat $NSPID_FILE)
  local c=$(pgrep -P $p 2>/dev/null | head -1)
  [ -n "$c" ] && p=$c
  while [ "$(cat /proc/$p/comm)" != sleep ]; do c=$(pgrep -P $p | head -1); [ -z "$c" ] && break; p=$c; done
  echo $p > $T/ns.sleep.pid
}
nsx() { nsenter -t "$(cat $T/ns.sleep.pid)" -n -m -u -- "$@"; }
# background start: the recorded pid ($!) is the program itself (nsenter execs, bash -c execs)
nsx_bg() { ( exec nsenter -t "$(cat $T/ns.sleep.pid)" -n -m -u -- "$@" ) & }
ns_down() {
  kill "$(cat $T/ns.sleep.pid)" 2>/dev/null
  sleep 0.5
  ip netns del r31k 2>/dev/null || true
}
