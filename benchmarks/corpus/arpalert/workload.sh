#!/bin/bash
# Randomised workload for arpalert: private network namespace r35b-arp with a veth
# pair; arpalert runs in the foreground (-F, log level 7) on one end, peer.py sends
# fake ARP traffic from the other. Its stdout/stderr is captured (line-buffered)
# in arpalert.raw.log. Config and mac lists are varied (some broken) per run.
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35b/arp
NS=r35b-arp
RAW=$T/arpalert.raw.log
mkdir -p $T
: > $RAW
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % $#]}"; }
ns() { ip netns exec $NS "$@"; }
ip netns add $NS 2>/dev/null
ns ip link set lo up
ns ip link add r35ba0 type veth peer name r35ba1 2>/dev/null
ns ip link set r35ba0 up; ns ip link set r35ba1 up
ns ip addr add 10.36.0.1/24 dev r35ba1 2>/dev/null
lists() {  # fresh mac lists, sometimes with a broken line
  cp $D/maclist.allow $T/maclist.allow; cp $D/maclist.deny $T/maclist.deny
  if [ $(r 4) = 0 ]; then
    pick '02:35:00:00:00:0x 10.36.0.30 r35ba1' '02:35:00:00:00:03 10.36.0.300 r35ba1' \
         '02:35:00:00:00:04 10.36.0.31 eth9' '02:35:00:00:00:05 10.36.0.32 r35ba1 bogusflag' \
         '02:35:00:00:00:06 10.36.0.33' >> $T/$(pick maclist.allow maclist.deny)
  fi
}
conf() {  # config for this run, sometimes with an error
  cp $D/arpalert.conf $T/arpalert.conf
  sed -i "s/^max entry = .*/max entry = $(pick 1000000 1000000 12)/" $T/arpalert.conf
  sed -i "s/^log mac vendor = .*/log mac vendor = $(pick true true false)/" $T/arpalert.conf
  if [ $(r 6) = 0 ]; then
    pick 'log flod = true' 'daemon = maybe' 'umask = 9z9' 'mac timeout = soon' 'this is not a line' >> $T/arpalert.conf
  fi
}
rounds=${1:-5}
for round in $(seq 1 $rounds); do
  lists; conf
  if [ $(r 6) = 0 ]; then printf '02:35:00:00:00:21 10.36.0.21\n' > $T/arpalert.leases; elif [ $(r 2) = 0 ]; then rm -f $T/arpalert.leases; fi
  opts="-F -D 7 $(pick '' '' '-w' '-P')"
  ns stdbuf -oL -eL arpalert -f $T/arpalert.conf -i r35ba1 $opts >> $RAW 2>&1 &
  APID=$!; echo $APID >> $T/pids
  sleep 1
  end=$(( SECONDS + 20 + $(r 30) ))
  while [ $SECONDS -lt $end ] && kill -0 $APID 2>/dev/null; do
    case $(r 10) in
      0|1|2|3|4|5) ns python3 $D/peer.py r35ba0 $(( 3 + $(r 20) )) ;;
      6) ns stdbuf -oL -eL arpalert -f $T/arpalert.conf -i r35ba1 -F -D 7 >> $RAW 2>&1 ;;   # second instance
      7) lists; kill -HUP $APID ;;
      8) sleep $(( 2 + $(r 5) )) ;;
      9) ns python3 $D/peer.py r35ba0 40 ;;
    esac
    sleep 0.$(r 9)
  done
  kids=$(pgrep -P $APID); echo $kids >> $T/pids
  kill -$(pick TERM INT) $APID 2>/dev/null; sleep 0.5; kill -TERM $kids 2>/dev/null; sleep 0.5; kill -TERM $APID 2>/dev/null; wait $APID 2>/dev/null
done
