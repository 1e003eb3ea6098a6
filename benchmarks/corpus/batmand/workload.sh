#!/bin/bash
# Drives batmand (Debian 0.3.2+74+g2f62b17-1) in four private network namespaces r40cn1..4 joined by veth pairs.
# Node 2 runs at debug level 4; its stdout/stderr is the log. The other nodes are peers (debug level 0).
set -u -m
D=/work/round40/batmand
T=/tmp/round40-r40c/bt
RAW=$T/raw.log
mkdir -p $T/home $T/tmp
: > $RAW
cd $D || exit 1
for n in 1 2 3 4; do ip netns del r40cn$n 2>/dev/null; done
for n in 1 2 3 4; do ip netns add r40cn$n; ip -n r40cn$n link set lo up; done
link() { # node-a node-b link-number
  ip -n r40cn$1 link add e$3a type veth peer name e$3b netns r40cn$2
  ip -n r40cn$1 addr add 10.55.$3.$1/24 brd 10.55.$3.255 dev e$3a
  ip -n r40cn$2 addr add 10.55.$3.$2/24 brd 10.55.$3.255 dev e$3b
  ip -n r40cn$1 link set e$3a up; ip -n r40cn$2 link set e$3b up
}
link 1 2 1; link 2 3 2; link 3 4 3; link 1 3 4
# bat <node> <args...>: run batmand in the node's netns with a private /run (its unix socket lives there)
bat() { local n=$1; shift  # run as a background job: exec keeps $! the pid of the program
  exec ip netns exec r40cn$n unshare -m sh -c "mount -t tmpfs tmpfs /run && cd $T && HOME=$T/home TMPDIR=$T/tmp XDG_RUNTIME_DIR=$T/tmp XDG_CONFIG_HOME=$T/home XDG_DATA_HOME=$T/home XDG_CACHE_HOME=$T/tmp exec \"\$@\"" bat "$@"; }
declare -A PEER
peer() { local n=$1; shift; bat $n batmand --no-detach -d 0 "$@" >/dev/null 2>&1 & PEER[$n]=$!; }
stop_peer() { kill -INT ${PEER[$1]} 2>/dev/null; wait ${PEER[$1]} 2>/dev/null; }
MAIN=
main_start() { bat 2 stdbuf -oL batmand -d 4 "$@" >> $RAW 2>&1 & MAIN=$!; }
main_stop() { kill -${1:-INT} $MAIN 2>/dev/null; wait $MAIN 2>/dev/null; }
main_once() { ( bat 2 stdbuf -oL timeout 5 batmand -d 4 "$@" >> $RAW 2>&1 ); }
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
fake() { bat 1 python3 $D/fakeogm.py 10.55.1.255 $1 >/dev/null 2>&1 & }
bad_args() { # a few failing invocations of node 2
  for i in $(seq $(r 2 5)); do
    case $(r 0 7) in
      0) main_once -d $(r 6 9) e1b ;;
      1) main_once -o 0 e1b ;;
      2) main_once -p 10.55.999.1 e1b ;;
      3) main_once -s bogus.host e1b ;;
      4) main_once nosuch$(r 0 9) ;;
      5) main_once -v ;;
      6) main_once -g 5000 -r 2 e1b ;;
      7) main_once -d 4 ;;
    esac
  done
}
OI=$(r 4000 6000)
peer 1 -o $(r 5000 7000) e1a e4a
peer 3 -o $(r 5000 7000) -g 5000 e2b e3a e4b
peer 4 -o $(r 5000 7000) -a 10.99.4.0/24 e3b
sleep $(r 3 6)
# run 1: gateway client, two interfaces
main_start -o $OI -r 3 e1b e2a
sleep $(r 6 10)
fake $(r 8 20); sleep $(r 4 8)
ip -n r40cn2 link set e1b down; sleep $(r 3 7); ip -n r40cn2 link set e1b up; sleep $(r 3 6)
stop_peer 4; sleep $(r 2 5); peer 4 -o $(r 5000 7000) -a 10.99.4.0/24 -a 10.98.$(r 0 9).0/24 e3b; sleep $(r 6 10)
main_stop INT
bad_args
# run 2: announces networks, is a gateway itself, one more interface address change
main_start -o $OI -a 10.99.2.0/24 -g $(r 1 9)mbit e1b e2a
sleep $(r 5 9)
fake $(r 8 20); sleep $(r 3 6)
ip -n r40cn2 addr flush dev e2a; sleep $(r 3 6)
ip -n r40cn2 addr add 10.55.2.2/24 brd 10.55.2.255 dev e2a; sleep $(r 3 6)
stop_peer 3; sleep $(r 4 8); peer 3 -o $(r 5000 7000) -g 5000 e2b e3a e4b; sleep $(r 4 8)
main_stop TERM
bad_args
# run 3: plain, one interface, then a link to a peer goes away
main_start -o $OI e1b
sleep $(r 5 8); fake $(r 5 12); sleep $(r 3 6)
ip -n r40cn1 link set e1a down; sleep $(r 3 5); ip -n r40cn1 link set e1a up; sleep $(r 4 7)
main_stop INT
for n in 1 3 4; do stop_peer $n; done
for n in 1 2 3 4; do ip netns del r40cn$n; done
# keep the first 2500 lines
sed -n '1,2500p' $RAW > $D/batmand.log
