#!/bin/bash
# Randomised workload for snmpd (net-snmp agent). Ports: 25001 agent (udp+tcp), 25002 AgentX,
# 25003 trap sink, 25004 inform sink (never answered). Only 127.0.0.1.
D=$(cd "$(dirname "$0")" && pwd)
cd "$D"
LOG=$D/snmpd.log
TOKENS=snmpd/main,snmp_agent,agentx,trap,usm,snmpv3,netsnmp_udpbase,netsnmp_tcp,send_notifications,sess_process_packet,snmp_sess_open,read_config:initmib
export SNMP_PERSISTENT_DIR=$D/persist
mkdir -p persist subpersist
rm -f "$LOG"
PIDS=""
start_agent() {
  SNMPCONFPATH=$D/conf snmpd -f -a -A -I -extend -Lf "$LOG" -D$TOKENS -p "$D/snmpd.pid" &
  AGENT=$!
  echo "$AGENT" >> "$D/started.pids"
  sleep 1.5
}
stop_agent() { kill -TERM "$AGENT" 2>/dev/null; wait "$AGENT" 2>/dev/null; }
start_sub() {
  SNMPCONFPATH=$D/subconf SNMP_PERSISTENT_DIR=$D/subpersist snmpd -f -X -I extend -x tcp:127.0.0.1:25002 -Lf "$D/sub.log" -p "$D/sub.pid" &
  SUB=$!
  echo "$SUB" >> "$D/started.pids"
  sleep 1
}
R() { echo $(( RANDOM % $1 )); }
A=udp:127.0.0.1:25001
T=tcp:127.0.0.1:25001
CO="-t 1 -r 0 -On"
SYS=1.3.6.1.2.1.1
OIDS=(1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.3.0 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.4.0 1.3.6.1.2.1.1.9.1.3.1 1.3.6.1.2.1.25.1.1.0 1.3.6.1.4.1.2021.10.1.3.1 1.3.6.1.2.1.1.99.0 1.3.6.1.6.3.15.1.1.4.0 1.3.6.1.2.1.2.1.0)
rand_oid() { echo ${OIDS[$(R ${#OIDS[@]})]}; }

op_get_v1()   { snmpget -v1 -c public $CO $A $(rand_oid) $(rand_oid); }
op_get_v2()   { snmpget -v2c -c public $CO ${1:-$A} $(rand_oid); }
op_get_tcp()  { snmpget -v2c -c public $CO $T $(rand_oid) $(rand_oid); }
op_next()     { snmpgetnext -v2c -c public $CO $A $(rand_oid); }
op_walk_sys() { snmpwalk -v2c -c public $CO -CE 1.3.6.1.2.1.1.9 $A $SYS; }
op_bulk()     { snmpbulkget -v2c -c public $CO -Cn1 -Cr$((2 + $(R 6))) $A 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1; }
op_bulkwalk() { snmpbulkwalk -v2c -c public $CO $A 1.3.6.1.4.1.8072.1.3.2; }
op_extend()   { snmpwalk -v2c -c public $CO $A 1.3.6.1.4.1.8072.1.3.2.3.1.2; }
op_badcomm()  { snmpget -v2c -c wrong$(R 100) $CO $A 1.3.6.1.2.1.1.1.0; }
op_badcomm1() { snmpget -v1 -c nopass $CO $A 1.3.6.1.2.1.1.5.0; }
op_set_ok()   { snmpset -v2c -c private $CO $A 1.3.6.1.2.1.1.5.0 s "host$(R 1000)" 1.3.6.1.2.1.1.4.0 s "admin$(R 50)@example.org"; }
op_set_ro()   { snmpset -v2c -c public $CO $A 1.3.6.1.2.1.1.5.0 s "nope"; }
op_set_nw()   { snmpset -v2c -c private $CO $A 1.3.6.1.2.1.1.1.0 s "descr"; }
op_set_type() { snmpset -v2c -c private $CO $A 1.3.6.1.2.1.1.5.0 i 42; }
op_set_noobj(){ snmpset -v2c -c private $CO $A 1.3.6.1.2.1.1.77.0 s x; }
op_set_v1bad(){ snmpset -v1 -c private $CO $A 1.3.6.1.2.1.1.3.0 t 100; }
op_v3_ok()    { snmpget -v3 -l authPriv -u authuser -a SHA -A authpass123 -x AES -X privpass123 $CO $A $(rand_oid); }
op_v3_walk()  { snmpwalk -v3 -l authNoPriv -u authonly -a MD5 -A authonly123 $CO -CE 1.3.6.1.2.1.1.9 $A $SYS; }
op_v3_badpw() { snmpget -v3 -l authPriv -u authuser -a SHA -A wrongpass$(R 9)9 -x AES -X privpass123 $CO $A 1.3.6.1.2.1.1.1.0; }
op_v3_badpriv(){ snmpget -v3 -l authPriv -u authuser -a SHA -A authpass123 -x AES -X wrongpriv$(R 9)9 $CO $A 1.3.6.1.2.1.1.1.0; }
op_v3_nouser(){ snmpget -v3 -l noAuthNoPriv -u ghost$(R 20) $CO $A 1.3.6.1.2.1.1.1.0; }
op_v3_level() { snmpget -v3 -l authPriv -u authonly -a MD5 -A authonly123 -x DES -X whatever123 $CO $A 1.3.6.1.2.1.1.1.0; }
op_v3_noauth(){ snmpget -v3 -l noAuthNoPriv -u authuser $CO $A 1.3.6.1.2.1.1.1.0; }
op_v3_set()   { snmpset -v3 -l authPriv -u rwadmin -a SHA -A rwadminpass -x AES -X rwadminpriv $CO $A 1.3.6.1.2.1.1.6.0 s "rack$(R 40)"; }
op_v3_setro() { snmpset -v3 -l authPriv -u authuser -a SHA -A authpass123 -x AES -X privpass123 $CO $A 1.3.6.1.2.1.1.6.0 s "denied"; }
op_v3_tcp()   { snmpget -v3 -l authPriv -u authuser -a SHA -A authpass123 -x AES -X privpass123 $CO $T 1.3.6.1.2.1.1.3.0; }
op_garbage_udp() { python3 - <<'PY'
import os, random, socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
choices = [os.urandom(random.randint(1, 60)), b"\x30\x03\x02\x01\x05", b"GET / HTTP/1.0\r\n\r\n",
           b"\x30\x82\xff\xff\x02\x01\x01", b"\x30\x10\x02\x01\x07\x04\x06public\xa0\x03\x02\x01\x01"]
s.sendto(random.choice(choices), ("127.0.0.1", 25001))
s.close()
PY
}
op_garbage_tcp() { python3 - <<'PY'
import os, random, socket, time
s = socket.create_connection(("127.0.0.1", 25001), timeout=2)
s.sendall(random.choice([os.urandom(random.randint(5, 80)), b"HELLO snmpd\r\n", b"\x30\x84\xff\xff\xff\xff"]))
time.sleep(0.3)
s.close()
PY
}
op_tcp_drop() { python3 -c 'import socket; s=socket.create_connection(("127.0.0.1",25001)); s.close()'; }
op_agentx_garbage() { python3 - <<'PY'
import os, random, socket, time
s = socket.create_connection(("127.0.0.1", 25002), timeout=2)
s.sendall(random.choice([os.urandom(random.randint(20, 60)), b"\x01\x01\x00\x00" + b"\x00" * 16]))
time.sleep(0.3)
s.close()
PY
}
op_slow() { snmpget -v2c -c public -t 4 -r 0 $A 1.3.6.1.4.1.8072.1.3.2.3.1.1.4.115.108.111.119; }
op_sub_get() { snmpwalk -v2c -c public $CO $A 1.3.6.1.4.1.8072.1.3.2.3.1.1; }
op_hup() { kill -HUP "$AGENT"; sleep 1; }

OPS=(op_get_v1 op_get_v2 op_get_tcp op_next op_walk_sys op_bulk op_bulkwalk op_extend op_badcomm op_badcomm1
     op_set_ok op_set_ro op_set_nw op_set_type op_set_noobj op_set_v1bad op_v3_ok op_v3_walk op_v3_badpw
     op_v3_badpriv op_v3_nouser op_v3_level op_v3_noauth op_v3_set op_v3_setro op_v3_tcp op_garbage_udp
     op_garbage_tcp op_tcp_drop op_agentx_garbage op_sub_get op_slow)

burst() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    op=${OPS[$(R ${#OPS[@]})]}
    if [ $(R 4) = 0 ]; then
      # several clients at once
      $op >/dev/null 2>&1 & ${OPS[$(R ${#OPS[@]})]} >/dev/null 2>&1; wait $!
    else
      $op >/dev/null 2>&1
    fi
  done
}

: > "$D/started.pids"
# trap receiver that swallows traps on 25003
python3 -c 'import socket; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.1",25003)); s.settimeout(120)
while True:
    try: s.recv(65535)
    except Exception: break' &
TRAPRX=$!; echo $TRAPRX >> "$D/started.pids"

start_agent
burst $((4 + $(R 3)))
start_sub
burst $((3 + $(R 3)))
op_sub_get >/dev/null 2>&1
op_slow >/dev/null 2>&1 &
sleep 0.5
kill -KILL "$SUB" 2>/dev/null; wait "$SUB" 2>/dev/null   # subagent dies
sleep 1
op_sub_get >/dev/null 2>&1
burst $((3 + $(R 3)))
op_hup
burst $((3 + $(R 3)))
start_sub
burst $((2 + $(R 2)))
kill -TERM "$SUB" 2>/dev/null; wait "$SUB" 2>/dev/null   # subagent shuts down cleanly
burst $((3 + $(R 3)))
stop_agent                                                 # restart
start_agent
burst $((5 + $(R 4)))
op_hup
burst $((3 + $(R 3)))
stop_agent
kill "$TRAPRX" 2>/dev/null; wait "$TRAPRX" 2>/dev/null
rm -f "$D/sub.log" "$D/snmpd.pid" "$D/sub.pid"
wc -l "$LOG"
