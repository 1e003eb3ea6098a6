#!/bin/bash
# Randomised workload for lldpad (labelled) in a private network + IPC namespace (r37b-la),
# driven with lldptool, a peer lldpad (r37b-lp, not labelled) and hand-made LLDP frames (lf.py).
D=/work/round37/lldpad
T=/tmp/round37-r37b/l
LOG=$D/lldpad.log
DUR=${1:-480}
mkdir -p $T
$D/netns.sh down; $D/netns.sh up
r() { echo $(( RANDOM % $1 )); }
APID=; PPID2=
start_agent() {
  ip netns exec r37b-la unshare -i -m sh -c "mount -t tmpfs r37bshm /dev/shm && exec lldpad -V 7 -f $T/lldpad.conf -p" >> $LOG 2>&1 &
  APID=$!
  sleep 1
}
stop_agent() { [ -n "$APID" ] && kill -${1:-TERM} $APID 2>/dev/null; wait $APID 2>/dev/null; APID=; }
start_peer() {
  ip netns exec r37b-lp unshare -i -m sh -c "mount -t tmpfs r37bshm /dev/shm && exec lldpad -f $T/peer.conf -p" > $T/peer.out 2>&1 &
  PPID2=$!
  sleep 1
  for i in r37bp0 r37bp1; do
    PT -L -i $i adminStatus=rxtx; PT -T -i $i -V sysName enableTx=yes; PT -T -i $i -V portDesc enableTx=yes
    PT -T -i $i -V sysDesc enableTx=yes; PT -T -i $i -V sysCap enableTx=yes; PT -T -i $i -V macPhyCfg enableTx=yes
  done
}
LT() { [ -n "$APID" ] && timeout 5 nsenter -t $APID -n -i -m lldptool "$@" >/dev/null 2>&1; }
PT() { [ -n "$PPID2" ] && timeout 5 nsenter -t $PPID2 -n -i -m lldptool "$@" >/dev/null 2>&1; }
IF() { shuf -n1 -e r37bl0 r37bl0 r37bl1 $( [ $(r 10) = 0 ] && echo nosuch0 ); }
G() { shuf -n1 -e -- "" "" "" "-g nb" "-g ncb" "-g nntpmrb"; }
CMDS=(
 "-L -i IF adminStatus=rxtx" "-L -i IF adminStatus=rx" "-L -i IF adminStatus=tx" "-L -i IF adminStatus=disabled"
 "-L -i IF adminStatus=bogus" "-l -i IF adminStatus" "-S -i IF" "-t -i IF" "-t -n -i IF" "-t -n -i IF -V sysName"
 "-T -i IF -V sysName enableTx=yes" "-T -i IF -V portDesc enableTx=yes" "-T -i IF -V sysDesc enableTx=yes"
 "-T -i IF -V sysCap enableTx=yes" "-T -i IF -V mngAddr enableTx=yes" "-T -i IF -V mngAddr ipv4=10.37.0.1"
 "-T -i IF -V mngAddr ipv6=2001:db8::37" "-T -i IF -V mngAddr ipv4=300.1.1.1" "-T -i IF -V sysName enableTx=maybe"
 "-T -i IF -V macPhyCfg enableTx=yes" "-T -i IF -V powerMdi enableTx=yes" "-T -i IF -V linkAgg enableTx=yes"
 "-T -i IF -V MTU enableTx=yes" "-T -i IF -V PVID enableTx=yes" "-T -i IF -V PPVID enableTx=yes"
 "-T -i IF -V VLANNAME enableTx=yes" "-T -i IF -V PPVID ppvid=5" "-T -i IF -V VLANNAME vlan=7 name=r37b"
 "-T -i IF -V LLDP-MED-CAP enableTx=yes" "-T -i IF -V LLDP-MED-NETPOL enableTx=yes" "-T -i IF -V LLDP-MED-LOC enableTx=yes"
 "-T -i IF -V LLDP-MED-INV enableTx=yes" "-T -i IF -V LLDP-MED-CAP devtype=class3"
 "-T -i IF -V ETS-CFG enableTx=yes willing=yes" "-T -i IF -V ETS-CFG tsa=0:ets,1:strict up2tc=0:0,1:1 tcbw=50,50,0,0,0,0,0,0"
 "-T -i IF -V ETS-CFG tcbw=90,90" "-T -i IF -V ETS-REC enableTx=yes" "-T -i IF -V PFC enableTx=yes enabled=1,2,3"
 "-T -i IF -V PFC enabled=9" "-T -i IF -V PFC willing=yes delay=100" "-T -i IF -V APP app=3,1,35000"
 "-T -i IF -V APP -d app=3,1,35000" "-T -i IF -V APP app=9,9,9" "-T -i IF -V IEEE-DCBX mode=reset"
 "-T -i IF -V evb enableTx=yes" "-T -i IF -V evbCfg fmode=reflectiverelay" "-T -i IF -V evbCfg capabilities=rte,vdp"
 "-T -i IF -V evbCfg vsis=100" "-T -i IF -V evbCfg rte=33" "-T -i IF -V vdp enableTx=yes" "-T -i IF -V vdp mode=bogus"
 "-T -i IF -V evb22 enableTx=yes" "-T -i IF -V evb22 evbmode=bridge" "-T -i IF -V evb22 evbrrreq=yes"
 "-T -i IF -V nosuchtlv enableTx=yes" "-T -i IF -V 99 enableTx=yes" "-t -i IF -V ETS-CFG" "-t -i IF -V PFC -c enabled"
 "-t -i IF -V APP" "-t -i IF -V evb" "-t -i IF -V mngAddr -c ipv4" "-l -i IF msgTxInterval" "-L -i IF msgTxInterval=5"
 "-L -i IF msgTxHold=2" "-L -i IF msgTxInterval=0" "-L -i IF reinitDelay=1" "-L -i IF txCreditMax=3" "-p" "-v"
)
lt_random() {
  local c=${CMDS[$(r ${#CMDS[@]})]}
  LT $(G) ${c//IF/$(IF)}
}
frames() { ip netns exec r37b-lp python3 $D/lf.py $(shuf -n1 -e r37bp0 r37bp1) "$@" 2>/dev/null; }
KINDS=(basic basic basic full full dcbx med evb unknown shutdown nochassis noport nottl order dup trunc zerolen badttl noend short badorg badsys bad8023)
: > $LOG
rm -f $T/lldpad.conf $T/peer.conf
start_peer
start_agent
for i in r37bl0 r37bl1; do LT -L -i $i adminStatus=rxtx; done
END=$(( $(date +%s) + DUR ))
while [ $(date +%s) -lt $END ]; do
  sleep 0.$(r 10)
  case $(r 40) in
    [0-9]|1[0-9]) lt_random ;;
    2[0-5]) frames ${KINDS[$(r ${#KINDS[@]})]} $(( 1 + $(r 3) )) ;;
    26) ip -n r37b-lp link set $(shuf -n1 -e r37bp0 r37bp1) down; sleep $(r 3); ip -n r37b-lp link set r37bp0 up; ip -n r37b-lp link set r37bp1 up ;;
    27) ip -n r37b-la link set $(shuf -n1 -e r37bl0 r37bl1) down; sleep $(r 3); ip -n r37b-la link set r37bl0 up; ip -n r37b-la link set r37bl1 up ;;
    28) ip -n r37b-la link add r37bl2 type veth peer name r37bl3 2>/dev/null; ip -n r37b-la link set r37bl2 up; ip -n r37b-la link set r37bl3 up
        sleep 2; LT -L -i r37bl2 adminStatus=rxtx; sleep $(r 4); ip -n r37b-la link del r37bl2 ;;
    29) ip -n r37b-la link set r37bl1 mtu $(shuf -n1 -e 1400 1500 9000) ;;
    30) ip -n r37b-la link set r37bl0 address 02:37:00:00:$(printf '%02x:%02x' $(r 256) $(r 256)) ;;
    31) stop_agent $(shuf -n1 -e TERM INT); start_agent ;;
    32) stop_agent; printf 'this is { not a valid config\n' > $T/lldpad.conf; start_agent; stop_agent; rm -f $T/lldpad.conf; start_agent
        for i in r37bl0 r37bl1; do LT -L -i $i adminStatus=rxtx; done ;;
    33) kill -HUP $APID 2>/dev/null ;;
    34) kill -$(shuf -n1 -e TERM KILL) $PPID2 2>/dev/null; wait $PPID2 2>/dev/null; sleep $(r 8); start_peer ;;
    35) PT -L -i $(shuf -n1 -e r37bp0 r37bp1) adminStatus=$(shuf -n1 -e rxtx disabled rx tx) ;;
    36) PT -T -i r37bp0 -V $(shuf -n1 -e ETS-CFG PFC APP evb LLDP-MED-CAP mngAddr PVID) enableTx=$(shuf -n1 -e yes no) ;;
    37) nsenter -t $APID -n -i -m lldpad -V 7 -f $T/lldpad.conf -p -k >> $LOG 2>&1; wait $APID 2>/dev/null; APID=; start_agent ;;
    *) sleep $(( 1 + $(r 4) )) ;;
  esac
done
stop_agent; kill $PPID2 2>/dev/null; wait $PPID2 2>/dev/null
$D/netns.sh down
