#!/bin/bash
# Randomised workload for kcptun (server + client logging to one file).
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35f/k; mkdir -p $T
LOG=$T/kcptun.log
SPORT=48600; TPORT=48601; CPORT=48610
CRYPTS=(aes aes-128 aes-192 salsa20 blowfish twofish cast5 3des tea xtea xor sm4 none)
MODES=(fast3 fast2 fast normal manual)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
echo_start() { python3 $D/peer.py echo $TPORT & EPID=$!; echo $EPID >> $T/pids; sleep 0.3; }
echo_stop() { kill $EPID 2>/dev/null; wait $EPID 2>/dev/null; }
srv_start() { kcptun-server -l :$SPORT -t ${TARGET:-127.0.0.1:$TPORT} --key "$KEY" --crypt $CRYPT --mode $MODE $SOPTS --log $LOG & SPID=$!; echo $SPID >> $T/pids; sleep 0.5; }
cli_start() { kcptun-client -l :$CPORT -r 127.0.0.1:$SPORT --key "${CKEY:-$KEY}" --crypt $CRYPT --mode $MODE $COPTS --log $LOG & CPID=$!; echo $CPID >> $T/pids; sleep 0.5; }
stop() { kill $1 2>/dev/null; wait $1 2>/dev/null; }
traffic() { local k=$((RANDOM % 4 + 1)) ps=""; for i in $(seq $k); do python3 $D/peer.py client $CPORT $((RANDOM % ${1:-8} + 1)) & ps="$ps $!"; done; wait $ps; }

echo_start
for round in $(seq ${ROUNDS:-14}); do
  KEY="k$((RANDOM % 3))secret"; CRYPT=$(pick "${CRYPTS[@]}"); MODE=$(pick "${MODES[@]}")
  SMUX=$((RANDOM % 2 + 1)); COMMON="--smuxver $SMUX"
  [ $((RANDOM % 3)) = 0 ] && COMMON="$COMMON --nocomp"
  [ $((RANDOM % 4)) = 0 ] && COMMON="$COMMON --dscp $((RANDOM % 63))"
  [ $((RANDOM % 4)) = 0 ] && COMMON="$COMMON --ds 0 --ps 0"
  SOPTS="$COMMON"; COPTS="$COMMON --conn $((RANDOM % 3 + 1))"
  [ $((RANDOM % 4)) = 0 ] && SOPTS="$SOPTS --quiet"
  [ $((RANDOM % 5)) = 0 ] && COPTS="$COPTS --quiet"
  [ $((RANDOM % 3)) = 0 ] && COPTS="$COPTS --autoexpire $((RANDOM % 4 + 2)) --scavengettl $((RANDOM % 3 + 1))"
  [ $((RANDOM % 5)) = 0 ] && SOPTS="$SOPTS --snmplog $T/snmp-20060102.log --snmpperiod 1"
  [ $((RANDOM % 6)) = 0 ] && COPTS="$COPTS --snmplog /nonexistent-r35f/snmp.log --snmpperiod 1"
  TARGET=""; [ $((RANDOM % 8)) = 0 ] && TARGET=$T/missing.sock
  CKEY=""; [ $((RANDOM % 9)) = 0 ] && CKEY=wrongkey
  srv_start; cli_start
  traffic 10
  [ $((RANDOM % 3)) = 0 ] && { kill -USR1 $SPID; sleep 0.2; }
  [ $((RANDOM % 4)) = 0 ] && { kill -USR1 $CPID; sleep 0.2; }
  if [ $((RANDOM % 3)) = 0 ]; then echo_stop; traffic 4; echo_start; fi
  if [ $((RANDOM % 4)) = 0 ]; then  # second server on a busy port
    kcptun-server -l :$SPORT -t 127.0.0.1:$TPORT --log $LOG; fi
  if [ $((RANDOM % 5)) = 0 ]; then  # second client on a busy port
    kcptun-client -l :$CPORT -r 127.0.0.1:$SPORT --log $LOG; fi
  if [ $((RANDOM % 4)) = 0 ]; then  # server restart under a live client
    stop $SPID; traffic 2; srv_start; traffic 3; fi
  sleep $((RANDOM % 3))
  traffic 6
  stop $CPID; stop $SPID
  case $((RANDOM % 6)) in
    0) kcptun-server -c $D/missing-r35f.json --log $LOG ;;
    1) kcptun-client -c $D/bad.json --log $LOG ;;
    2) kcptun-server -l :$SPORT --smuxver 3 --log $LOG ;;
    3) kcptun-client -l :$CPORT -r 127.0.0.1:$SPORT --smuxver 4 --log $LOG ;;
    4) kcptun-client -l :$CPORT -r 127.0.0.1:$SPORT --smuxver 2 --smuxbuf 10 --streambuf 100 --log $LOG & P=$!; sleep 0.3; python3 $D/peer.py client $CPORT 1; sleep 0.5; stop $P ;;
    *) ;;
  esac
done
# a client whose server never answers: its sessions time out
KEY=x; CRYPT=aes; MODE=fast; COPTS="--keepalive 2"; CKEY=""
cli_start; python3 $D/peer.py client $CPORT 2; sleep 35; python3 $D/peer.py client $CPORT 2; sleep 2; stop $CPID
echo_stop
