#!/bin/bash
# Randomised workload for the ptunnel proxy (netns r35f-p, 10.35.6.1) and clients (netns r35f-c, 10.35.6.2).
# Needs the namespaces set up by netns.sh.
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35f/p; mkdir -p $T
LOG=$T/ptunnel.log
PX="ip netns exec r35f-p"; CL="ip netns exec r35f-c"
PROXY=10.35.6.1; EPORT=48501; DEAD=48502
r() { echo $((RANDOM % $1)); }
proxy_start() { $PX ptunnel -v 5 -f $LOG "$@" >> $T/proxy.stdout 2>&1 & PPID_=$!; echo $PPID_ >> $T/pids; sleep 0.5; }
proxy_stop() { kill $PPID_ 2>/dev/null; wait $PPID_ 2>/dev/null; }
NCLI=0
client() { # client PORT PASSWORD DPORT
  local pw=(); [ -n "$2" ] && pw=(-x "$2")
  $CL ptunnel -p $PROXY -lp $1 -da $PROXY -dp $3 "${pw[@]}" -v 0 >> $T/client.out 2>&1 & echo $! >> $T/pids; CPIDS="$CPIDS $!"; sleep 0.3; }
clients_stop() { for c in $CPIDS; do kill $c 2>/dev/null; wait $c 2>/dev/null; done; CPIDS=""; }
traffic() { local ps=""; for i in $(seq $(( $(r ${2:-2}) + 1 ))); do $CL python3 $D/peer.py client 127.0.0.1 $1 $(( $(r ${3:-3}) + 1 )) & ps="$ps $!"; done; wait $ps; }
fake() { $CL python3 $D/fakepeer.py $PROXY "$@"; sleep 0.2; }

$PX python3 $D/peer.py echo $PROXY $EPORT & EPID=$!; echo $EPID >> $T/pids; sleep 0.3

for round in $(seq ${ROUNDS:-6}); do
  PW="pw$(r 3)"; OPTS=()
  case $(r 4) in 0) OPTS+=(-c r35fa);; 1) OPTS+=(-setuid nobody);; esac
  [ $(r 3) = 0 ] && OPTS+=(-m $(( $(r 3) + 1 )))
  [ $(r 3) = 0 ] && OPTS+=(-dp $EPORT -da $PROXY)
  if [ $(r 3) = 0 ]; then proxy_start "${OPTS[@]}"; PW=""; else proxy_start "${OPTS[@]}" -x $PW; fi
  # real clients: right password, wrong password, none, other destination
  client 48510 "$PW" $EPORT
  [ $(r 2) = 0 ] && client 48511 "bad$(r 9)" $EPORT
  [ $(r 3) = 0 ] && client 48512 "" $EPORT
  [ $(r 3) = 0 ] && client 48513 "$PW" $DEAD
  traffic 48510 3 3
  for p in 48511 48512 48513; do [ $(r 2) = 0 ] && traffic $p 1 1; done
  for k in $(seq $(r 6)); do
    case $(r 8) in
      0) fake short ;;
      1) $CL ping -c $(( $(r 3) + 1 )) -i 0.2 -W 1 $PROXY > /dev/null ;;
      2) id=$(( $(r 30000) + 100 )); fake start $id; [ $(r 2) = 0 ] && fake start $id; fake badauth $id ;;
      3) id=$(( $(r 30000) + 100 )); fake start $id $DEAD ;;
      4) id=$(( $(r 30000) + 100 )); fake start $id $(( $(r 2) ? 48599 : EPORT )); fake data $id; fake close $id; fake start $id ;;
      5) fake data $(( $(r 30000) + 100 )) ;;
      6) traffic 48510 4 2 ;;
      *) fake start $(( $(r 30000) + 100 )) ;;
    esac
  done
  [ $(r 2) = 0 ] && traffic 48510 2 4
  clients_stop; sleep 1.5; proxy_stop
done

# an idle session that the proxy drops after a minute, and a recently-used ID
proxy_start
fake start 4242 $EPORT; client 48510 "" $EPORT; traffic 48510 1 2
sleep 64
fake start 4242 $EPORT; fake close 4242; sleep 0.5; fake start 4242 $EPORT; sleep 0.5
clients_stop; sleep 1
fake start 4343 $EPORT; fake truncated 4343        # the proxy exits on this one
sleep 0.5; proxy_stop

# startup errors
$PX ptunnel -v 5 -f $LOG -setuid nosuchuser-r35f >> $T/proxy.stdout 2>&1
$PX ptunnel -v 5 -f $LOG -setgid nosuchgroup-r35f >> $T/proxy.stdout 2>&1
$PX timeout 2 ptunnel -v 5 -f $LOG -c nosuchdev0 >> $T/proxy.stdout 2>&1
$PX timeout 2 ptunnel -v 5 -f $LOG -chroot /nonexistent-r35f >> $T/proxy.stdout 2>&1
$PX timeout 2 ptunnel -v 5 -f $LOG -chroot $T/root -setuid nobody >> $T/proxy.stdout 2>&1
proxy_start -x final; client 48510 final $EPORT; traffic 48510 2 2; clients_stop; sleep 1.5; proxy_stop
kill $EPID; wait $EPID 2>/dev/null
