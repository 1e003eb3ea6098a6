#!/bin/bash
# Randomised workload for arpwatch 2.1a15 (Debian). arpwatch runs in netns r31a-arp watching
# veth r31a0; drive.py sends ARP frames from the peer r31a1. arpwatch logs only to syslog: a
# private rsyslogd (rsyslog.conf) listens on a socket that a private mount namespace shows
# to arpwatch as /dev/log, and writes $RAW. A private /etc/hosts is bound the same way.
# usage: workload.sh [SESSIONS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31a/arpwatch
PY=/tmp/round31-r31a/venv/bin/python   # venv with scapy (PyPI)
NS=r31a-arp
RAW=$T/arpwatch.raw
DAT=$T/arp.dat
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
mkdir -p $T/rs $T/devdir
rm -f $RAW $T/state.json $DAT $T/log.sock
rsyslogd -f $HERE/rsyslog.conf -i $T/rsyslogd.pid
for n in null zero random urandom; do touch $T/devdir/$n; done
ln -sfn $T/log.sock $T/devdir/log
printf '127.0.0.1\tlocalhost\n' > $T/hosts
ip netns add $NS 2>/dev/null
ip netns exec $NS ip link add r31a0 type veth peer name r31a1 2>/dev/null
ip netns exec $NS ip link set lo up
ip netns exec $NS ip link set r31a0 up
ip netns exec $NS ip link set r31a1 up
ip netns exec $NS ip addr add 192.168.77.1/24 dev r31a0 2>/dev/null

# run "$@" inside the netns, with the private /dev/log and /etc/hosts
inside() {
  ip netns exec $NS unshare -m --propagation private sh -c '
    T=/tmp/round31-r31a/arpwatch
    for n in null zero random urandom; do mount --bind /dev/$n $T/devdir/$n; done
    mount --bind $T/devdir /dev
    mount --bind $T/hosts /etc/hosts
    exec "$@"' sh "$@"
}

stop_aw() {   # $1 = signal; arpwatch can hang in its signal handler: KILL it after 3 s
  for p in $(awpids); do kill -$1 $p 2>/dev/null; done
  for i in 1 2 3 4 5 6; do [ -z "$(awpids)" ] && return; sleep 0.5; done
  for p in $(awpids); do kill -KILL $p 2>/dev/null; done
}

awpids() { for p in $(ip netns pids $NS); do [ "$(cat /proc/$p/comm 2>/dev/null)" = arpwatch ] && echo $p; done; }

new_hosts() {
  { printf '127.0.0.1\tlocalhost\n'
    for i in $(seq $(rnd 3 25)); do
      printf '192.168.77.%d\t%s\n' $(rnd 2 254) $(shuf -n1 -e alpha beta gamma delta printer nas pi kitchen laptop-$RANDOM phone$RANDOM ws$RANDOM)
    done; } > $T/hosts
}

mangle_dat() {
  [ -f $DAT ] || return
  case $(rnd 1 4) in
    1) printf 'zz:zz:zz:00:11:22\t192.168.77.%d\t%d\n' $(rnd 2 254) $(date +%s) >> $DAT ;;
    2) printf 'garbage line without tabs\n' >> $DAT ;;
    3) printf '02:00:00:00:00:01\t192.168.77.%d\t%d\t%s\n' $(rnd 2 254) $(date +%s) "bad host name with spaces and far too long to be a simple hostname" >> $DAT ;;
    4) printf '02:00:00:00:%02x:%02x\t192.168.77.%d\t%d\n' $(rnd 0 255) $(rnd 0 255) $(rnd 2 254) $(( $(date +%s) - 86400 * $(rnd 200 900) )) >> $DAT ;;
  esac
}

age_dat() {   # make some stations look long unseen (new activity)
  [ -f $DAT ] || return
  awk -v old=$(( $(date +%s) - 86400 * $(rnd 190 700) )) 'BEGIN{FS=OFS="\t"; srand()} {if (NF>=3 && rand()<0.3) $3=old; print}' $DAT > $DAT.tmp && mv $DAT.tmp $DAT
}

bad_start() {
  case $(rnd 1 5) in
    1) inside arpwatch -i r31a9 -f $DAT ;;
    2) inside arpwatch -r $T/missing.pcap -f $DAT ;;
    3) inside arpwatch -i r31a0 -f $DAT -u r31a-nosuchuser; sleep 1 ;;
    4) inside arpwatch -i lo -f $DAT ; sleep 1 ;;
    5) inside arpwatch -i r31a0 -f $T/nodir/arp.dat -Q; sleep 1 ;;
  esac
  sleep 0.5
  stop_aw TERM
}

session() {
  [ $(rnd 1 2) = 1 ] && new_hosts
  [ $(rnd 1 3) = 1 ] && mangle_dat
  [ $(rnd 1 3) = 1 ] && age_dat
  [ -f $DAT ] || touch $DAT
  local args=(-i r31a0 -f $DAT)
  case $(rnd 1 6) in
    1) args+=(-Q) ;;
    2) args+=(-s /tmp/round31-r31a/arpwatch/no-sendmail) ;;
    *) args+=(-s $HERE/sendmail.sh) ;;
  esac
  [ $(rnd 1 4) = 1 ] && args+=(-N)
  [ $(rnd 1 4) = 1 ] && args+=(-n 10.0.0.0/8)
  [ $(rnd 1 5) = 1 ] && args+=(-z 192.168.77.128/255.255.255.192)
  [ $(rnd 1 4) = 1 ] && args+=(-u arpwatch)
  [ $(rnd 1 4) = 1 ] && args+=(-p)
  inside arpwatch "${args[@]}"
  sleep 1
  local dur=$(rnd 8 30)
  ip netns exec $NS $PY $HERE/drive.py $dur $T/state.json 2>>$T/drive.err &
  local dp=$!
  if [ $(rnd 1 3) = 1 ]; then sleep $(rnd 2 5); for p in $(awpids); do kill -$(shuf -n1 -e QUIT ALRM) $p 2>/dev/null; done; fi
  wait $dp
  sleep 1
  local sig=$(shuf -n1 -e TERM TERM INT HUP)
  stop_aw $sig
}

N=${1:-20}
for i in $(seq $N); do
  [ $(rnd 1 3) = 1 ] && bad_start
  session
done
stop_aw TERM
sleep 1
kill "$(cat $T/rsyslogd.pid)"
ip netns del $NS
