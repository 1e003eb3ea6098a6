#!/bin/bash
# Runs inside a private network namespace (unshare -n): builds veth links,
# starts smcrouted several times with random options and drives it.
D=/work/round30/smcroute
LOG=$D/run/smcroute.raw.log
SOCK=$D/run/smc.sock
CONF=$D/run/smc.conf
CTL="timeout 5 smcroutectl -p -u $SOCK"
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

ip link set lo up
mkpair() { ip link add $1 type veth peer name $2 2>/dev/null; ip link set $1 up; ip link set $2 up; }
mkpair a0 a1; mkpair b0 b1; mkpair eth0 eth1
ip addr add 10.99.1.1/24 dev a0; ip addr add 10.99.1.2/24 dev a1
ip addr add 10.99.2.1/24 dev b0; ip addr add 10.99.2.2/24 dev b1
ip addr add 10.99.3.1/24 dev eth0

IFS_ALL=(a0 a1 b0 b1 eth0 eth1 c0 eth+ a+ zz9 nosuch lo)
GRP_OK=(239.1.1.1 239.2.2.2 225.1.2.3 232.5.5.5 239.255.0.1 224.10.10.10 239.1.0.0/30 239.7.7.0/31)
GRP_BAD=(10.1.1.1 300.1.1.1 239.1.1.1/40 foo 192.168.0.0/16 224.1.1.1/-3 ff02::1)
SRC=(10.99.1.2 10.99.2.2 10.99.1.0/31 10.99.1.2/40 1.2.3 bogus)

gen_conf() {
  local f=$1 n=$((5 + $(R 10)))
  echo "# smcroute test config $(date +%s)" > $f
  for i in $(seq $n); do
    case $(R 14) in
      0) echo "phyint $(pick a0 b0 eth0 a1 eth+ c0) enable" ;;
      1) echo "phyint $(pick a0 b0 b1 eth1) enable ttl-threshold $(pick 1 5 64 0 300)" ;;
      2) echo "phyint $(pick b1 a1 nosuch) disable" ;;
      3) echo "phyint" ;;
      4) echo "mgroup from $(pick a0 a1 b1 eth0 zz9 eth+) group $(pick "${GRP_OK[@]}" "${GRP_BAD[@]}")" ;;
      5) echo "mgroup from $(pick a0 b1) source $(pick "${SRC[@]}") group $(pick "${GRP_OK[@]}")" ;;
      6) echo "mroute from $(pick a0 b0 eth+ zz9) group $(pick "${GRP_OK[@]}" "${GRP_BAD[@]}") to $(pick b0 "b0 eth0" a0 nosuch)" ;;
      7) echo "mroute from $(pick a0 b0) source $(pick "${SRC[@]}") group $(pick "${GRP_OK[@]}") to $(pick b0 a0 c0)" ;;
      8) echo "$(pick route multicast bogus mgrp phyintx) a0 something" ;;
      9) echo "include $D/run/conf.d/*.conf" ;;
      10) echo "" ;;
      11) echo "ssmgroup from a0 source 10.99.1.2 group 232.$(R 255).1.1" ;;
      12) echo "include $D/run/missing.d/*.conf" ;;
      13) echo "   # comment line $(R 100)" ;;
    esac
  done >> $f
}
mkdir -p $D/run/conf.d
gen_sub() {
  echo "mgroup from $(pick a0 b1) group 239.$(R 255).$(R 255).$(R 255)" > $D/run/conf.d/extra.conf
  echo "phyint $(pick eth0 b0) enable" >> $D/run/conf.d/extra.conf
  echo "mystery line $(R 9)" >> $D/run/conf.d/extra.conf
  if [ $(R 2) = 0 ]; then echo "mgroup from a0 group 239.77.$(R 255).1" > $D/run/conf.d/other.conf; chmod $(pick 644 000) $D/run/conf.d/other.conf; else rm -f $D/run/conf.d/other.conf; fi
}

# hook scripts for -e
printf '#!/bin/sh\necho hook ok >/dev/null\nexit 0\n' > $D/run/hook_ok.sh; chmod +x $D/run/hook_ok.sh
printf '#!/bin/sh\nexit %d\n' $((1 + $(R 5))) > $D/run/hook_fail.sh; chmod +x $D/run/hook_fail.sh
printf '#!/bin/sh\nexit 0\n' > $D/run/hook_noexec.sh; chmod -x $D/run/hook_noexec.sh

action() {
  case $(R 22) in
    0|1|2) $CTL join $(pick "${IFS_ALL[@]}") $(pick "${GRP_OK[@]}" "${GRP_BAD[@]}") ;;
    3) $CTL join $(pick a0 b1 a1) $(pick "${SRC[@]}") $(pick "${GRP_OK[@]}") ;;
    4|5) $CTL leave $(pick "${IFS_ALL[@]}") $(pick "${GRP_OK[@]}") ;;
    6) $CTL leave $(pick a0 b1) $(pick "${SRC[@]}") $(pick "${GRP_OK[@]}") ;;
    7|8) $CTL add $(pick "${IFS_ALL[@]}") $(pick "${GRP_OK[@]}" "${GRP_BAD[@]}") $(pick b0 a0 eth0 nosuch) ;;
    9) $CTL add $(pick a0 b0 eth+) $(pick "${SRC[@]}") $(pick "${GRP_OK[@]}") $(pick b0 eth+ a0) ;;
    10) $CTL remove $(pick "${IFS_ALL[@]}") $(pick "${GRP_OK[@]}" "${GRP_BAD[@]}") ;;
    11) $CTL show $(pick routes groups interfaces) ;;
    12) $CTL -d show $(pick routes groups) ;;
    13) $CTL flush ;;
    14) python3 $D/ipc_garbage.py $SOCK $((1 + $(R 3))) ;;
    15) python3 $D/mcsend.py $(pick 10.99.1.2 10.99.2.2 10.99.3.1) $(pick "${GRP_OK[@]%%/*}") $((19000 + $(R 1000))) $((1 + $(R 5))) ;;
    16) gen_conf $CONF; gen_sub; $CTL reload ;;
    17) gen_conf $CONF; kill -HUP $DPID ;;
    18) if ip link show c0 >/dev/null 2>&1; then ip link del c0; else mkpair c0 c1; fi; $CTL reload ;;
    19) ip link set $(pick a1 b1 eth1) $(pick "multicast off" "multicast on" down up) ; $CTL reload ;;
    20) $CTL join $(pick a0 b1) 239.$(R 4).$(R 4).$(R 4) ;;
    21) $CTL show ;;
  esac >/dev/null 2>&1
}

RUNS=$((6 + $(R 3)))
for run in $(seq $RUNS); do
  gen_conf $CONF; gen_sub
  OPTS=(-n -l debug -f $CONF -u $SOCK -P $D/run/smc.pid)
  [ $(R 3) = 0 ] && OPTS+=(-N)
  [ $(R 3) = 0 ] && OPTS+=(-t $(pick 0 5 42))
  [ $(R 4) = 0 ] && OPTS+=(-d 1)
  [ $(R 3) = 0 ] && OPTS+=(-c $(pick 2 5 30))
  [ $(R 3) = 0 ] && OPTS+=(-m $(pick 4 20 180))
  [ $(R 4) = 0 ] && OPTS+=(-p nobody:nogroup)
  case $(R 5) in
    0) OPTS+=(-e $D/run/hook_ok.sh) ;; 1) OPTS+=(-e $D/run/hook_fail.sh) ;;
    2) OPTS+=(-e $D/run/hook_noexec.sh) ;; 3) OPTS+=(-e $D/run/no_such_hook.sh) ;;
  esac
  [ $run = 3 ] && OPTS=(-n -l debug -f $D/run/absent.conf -u $SOCK -P $D/run/smc.pid)
  smcrouted "${OPTS[@]}" >> $LOG 2>&1 &
  DPID=$!
  echo $DPID >> $D/run/pids
  sleep 1.5
  N=$((25 + $(R 30)))
  for i in $(seq $N); do kill -0 $DPID 2>/dev/null || break; action; done
  sleep 0.3
  if [ $(R 2) = 0 ]; then $CTL kill >/dev/null 2>&1; else kill -TERM $DPID; fi
  for w in 1 2 3 4 5 6; do kill -0 $DPID 2>/dev/null || break; sleep 0.5; done
  kill -0 $DPID 2>/dev/null && kill -KILL $DPID
  wait $DPID 2>/dev/null
done
