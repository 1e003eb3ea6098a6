#!/bin/bash
# Randomised workload for snmptrapd on udp:127.0.0.1:48100 (forward target 48199 is left closed).
set -u
H=$(cd "$(dirname "$0")" && pwd)
S=/tmp/round35-r35e/snmp
LOG=${LOG:-$S/snmptrapd.raw.log}
mkdir -p $S/persist $S/cpersist
export SNMP_PERSISTENT_DIR=$S/cpersist SNMPCONFPATH=$S/cpersist MIBS=
T=127.0.0.1:48100
ENG=0x8000000001020304
PID=
start() { $H/run_trapd.sh "$1" "$LOG" & PID=$!; sleep 1; }
stop() { [ -n "$PID" ] && kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; PID=; }
oid() { shuf -n1 -e .1.3.6.1.6.3.1.1.5.1 .1.3.6.1.6.3.1.1.5.2 .1.3.6.1.6.3.1.1.5.3 .1.3.6.1.6.3.1.1.5.3 .1.3.6.1.6.3.1.1.5.4 \
  .1.3.6.1.6.3.1.1.5.5 .1.3.6.1.4.1.8072.2.3.0.1 .1.3.6.1.4.1.99999.0.$((RANDOM % 5)) .1.3.6.1.4.1.2021.251.$((RANDOM % 3)); }
vb() {
  case $((RANDOM % 5)) in
    0) echo ".1.3.6.1.2.1.2.2.1.1.$((RANDOM % 8)) i $((RANDOM % 50))" ;;
    1) echo ".1.3.6.1.2.1.1.5.0 s host$((RANDOM % 20)).example.test" ;;
    2) echo ".1.3.6.1.2.1.2.2.1.8.$((RANDOM % 8)) i $((RANDOM % 3 + 1)) .1.3.6.1.2.1.2.2.1.2.$((RANDOM % 8)) s eth$((RANDOM % 4))" ;;
    3) echo ".1.3.6.1.4.1.8072.2.3.2.1 s \"disk $((RANDOM % 100))% full\" .1.3.6.1.2.1.4.20.1.1.10.0.0.$((RANDOM % 250)) a 10.0.0.$((RANDOM % 250))" ;;
    *) echo "" ;;
  esac
}
send() {
  local c
  case $(shuf -n1 -e v2c v2c v2c v2c v1 v1 v3 v3 inform badcomm badcomm netonly private v3badpw v3nouser v3noauth garbage) in
    v2c) eval snmptrap -v 2c -c public $T "''" $(oid) $(vb) ;;
    v1) eval snmptrap -v 1 -c public $T .1.3.6.1.4.1.8072 10.0.0.$((RANDOM % 250)) $(shuf -n1 -e 0 2 3 4 6 6) $((RANDOM % 4)) "''" $(vb) ;;
    v3) eval snmptrap -v 3 -e $ENG -u trapuser -a SHA -A trappassword1 -x AES -X trappassword2 -l $(shuf -n1 -e authPriv authNoPriv) $T "''" $(oid) $(vb) ;;
    inform) eval snmpinform -t 1 -r 0 -v 2c -c public $T "''" $(oid) $(vb) ;;
    badcomm) eval snmptrap -v $(shuf -n1 -e 1 2c) -c $(shuf -n1 -e wrong guest admin) $T $(shuf -n1 -e "'' .1.3.6.1.6.3.1.1.5.4" ".1.3.6.1.4.1.8072 '' 6 2 ''") ;;
    netonly) eval snmptrap -v 2c -c netonly $T "''" $(oid) $(vb) ;;
    private) eval snmptrap -v 2c -c private $T "''" $(oid) $(vb) ;;
    v3badpw) snmptrap -v 3 -e $ENG -u trapuser -a SHA -A wrongpassword -l authNoPriv $T '' .1.3.6.1.6.3.1.1.5.1 ;;
    v3nouser) snmptrap -v 3 -e $ENG -u nosuchuser$((RANDOM % 3)) -l noAuthNoPriv $T '' .1.3.6.1.6.3.1.1.5.2 ;;
    v3noauth) snmptrap -v 3 -e $ENG -u trapuser -l noAuthNoPriv $T '' .1.3.6.1.6.3.1.1.5.2 ;;
    garbage) python3 $H/garbage.py 48100 $RANDOM ;;
  esac
} >/dev/null 2>&1
start $H/snmptrapd.conf
for round in $(seq 1 ${ROUNDS:-40}); do
  for n in $(seq 1 $((RANDOM % 4 + 1))); do send; done
  case $((RANDOM % 16)) in
    0) kill -HUP $PID; sleep 1 ;;
    1) stop; start $H/snmptrapd.conf ;;
    2) stop; start $H/bad.conf; for n in 1 2 3; do send; done; stop; start $H/snmptrapd.conf ;;
    *) : ;;
  esac
done
stop
