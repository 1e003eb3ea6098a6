#!/bin/bash
# Randomised workload for ArpON in private network namespaces: r36b-r1 runs arpon on r36b-r1a,
# r36b-h1 sends genuine and spoofed ARP traffic over the veth pair.  Run setup first (netns.sh up).
D=/work/round36/arpon; R=/tmp/round36-r36b/arp; mkdir -p $R
RMAC=$(ip -n r36b-r1 link show r36b-r1a | awk '/ether/{print $2}')
run_arpon() {  # $1 conf file, rest: arpon arguments
  local conf=$1; shift
  ip netns exec r36b-r1 unshare -m sh -c "mount --bind $D /var/log/arpon && mount --bind $conf /etc/arpon.conf && mount -t tmpfs r36b /run && exec arpon $*" >> $R/console.txt 2>&1 &
  APID=$!; echo $APID >> $R/pids; sleep 1
}
stop_arpon() { kill -$1 $APID 2>/dev/null; wait $APID 2>/dev/null; }
traffic() {
  r=$((RANDOM % 100))
  if [ $r -lt 55 ]; then ip netns exec r36b-h1 python3 $D/arpgen.py r36b-h1a $((RANDOM % 30 + 1)) $RMAC
  elif [ $r -lt 70 ]; then ip netns exec r36b-r1 ping -c1 -W1 10.36.1.$(shuf -n1 -e 2 3 4 9 33) >/dev/null 2>&1
  elif [ $r -lt 78 ]; then ip -n r36b-r1 neigh flush dev r36b-r1a
  elif [ $r -lt 86 ]; then ip netns exec r36b-h1 ping -c1 -W1 10.36.1.1 >/dev/null 2>&1
  elif [ $r -lt 92 ]; then ip -n r36b-r1 link set r36b-r1a down; sleep $((RANDOM % 7 + 1)); ip -n r36b-r1 link set r36b-r1a up; sleep 1
  elif [ $r -lt 95 ]; then kill -HUP $APID; sleep 2
  else sleep 1
  fi
}
# error starts: no such interface, an invalid option
run_arpon $D/arpon.conf -i r36b-nosuch --darpi; sleep 1; stop_arpon TERM
run_arpon $D/arpon.conf --bogus; stop_arpon TERM
END=$((SECONDS + ${1:-180}))
while [ $SECONDS -lt $END ]; do
  mode=$(shuf -n1 -e -- --darpi --harpi --sarpi)
  conf=$D/$(shuf -n1 -e arpon.conf arpon.conf arpon.conf arpon.conf arpon.conf arpon.conf arpon-bad1.conf arpon-bad2.conf arpon-bad3.conf)
  run_arpon $conf -i r36b-r1a $mode
  for i in $(seq 1 $((RANDOM % 12 + 4))); do traffic; sleep 0.$((RANDOM % 5)); done
  stop_arpon $(shuf -n1 -e INT TERM)
done
