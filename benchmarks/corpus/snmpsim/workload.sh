#!/bin/bash
# Randomised workload for snmpsim-command-responder (snmpsim 1.2.2, PyPI).
# Runs several responder instances one after another (restarts, config errors),
# each driven with net-snmp clients (Debian "snmp" package) on UDP 127.0.0.1:31161.
# Log: file logger at debug level -> $RUN/snmpsim.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round31-r31l
VENV=$BASE/venv-snmp2
RUN=$BASE/run
CACHE=$BASE/snmp-cache
LOG=$RUN/snmpsim.log
PORT=31161
EP=127.0.0.1:$PORT
mkdir -p "$RUN" "$CACHE"; chmod 777 "$RUN" "$CACHE"
chmod -R a+rX "$HERE"
: > "$RUN/pids"

COMMS=(linksys-system solaris-system variation/delay variation/error variation/writecache
       variation/subprocess variation/multiplex variation/notification
       public/1.3.6.1.6.1.1.0/127.0.0.1 public broken index nosuchcommunity)
OIDS=(1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.2.0 1.3.6.1.2.1.1.3.0 1.3.6.1.2.1.1.5.0
      1.3.6.1.2.1.2.2.1.1.1 1.3.6.1.2.1.2.2.1.2.1 1.3.6.1.2.1.2.2.1.3.1 1.3.6.1.2.1.2.2.1.6.1
      1.3.6.1.2.1.2.2.1.5.1 1.3.6.1.2.1.2.2.1.5.2 1.3.6.1.2.1.25.1.2.1 1.3.6.1.9.9.9.0 1.3.6.1)

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start() {   # start the responder with extra args; record pid
  env --default-signal=INT "$VENV/bin/snmpsim-command-responder" --process-user nobody --process-group nogroup \
    --cache-dir="$CACHE" --log-level debug --logging-method="file:$LOG" "$@" \
    >> "$RUN/stderr.txt" 2>&1 &
  echo $! >> "$RUN/pids"; PID=$!
}

stop() {    # SIGINT -> KeyboardInterrupt -> orderly shutdown
  kill -INT "$PID" 2>/dev/null; for i in $(seq 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$PID" 2>/dev/null; wait "$PID" 2>/dev/null
}

request() {
  local c o kind
  c=$(pick "${COMMS[@]}"); o=$(pick "${OIDS[@]}")
  kind=$((RANDOM % 21))
  case $kind in
    0|1|2|3|4|5) snmpget -v2c -c "$c" -On -t 1 -r 0 $EP "$o" ;;
    6|7|8) snmpgetnext -v2c -c "$c" -On -t 1 -r 0 $EP "$o" ;;
    9) snmpget -v1 -c "$c" -On -t 1 -r 0 $EP "$o" 1.3.6.1.2.1.1.5.0 ;;
    10|11) snmpbulkget -v2c -c "$c" -On -t 2 -r 0 -Cn0 -Cr$((RANDOM % 6 + 1)) $EP "$o" ;;
    12) snmpwalk -v2c -c "$c" -On -t 2 -r 0 $EP 1.3.6.1.2.1.1 ;;
    13) snmpset -v2c -c "$c" -On -t 1 -r 0 $EP 1.3.6.1.2.1.1.3.0 i $((RANDOM % 70)) ;;
    14) snmpset -v2c -c "$c" -On -t 1 -r 0 $EP 1.3.6.1.2.1.1.1.0 s "set-$RANDOM" ;;
    15) snmpset -v2c -c "$c" -On -t 1 -r 0 $EP 1.3.6.1.2.1.1.2.0 o 1.3.6.1.1.$((RANDOM % 3)) ;;
    16) snmpget -v3 -l authPriv -u simulator -a MD5 -A auctoritas -x DES -X privatus \
          -n "$(pick linksys-system solaris-system variation/error)" -On -t 1 -r 0 $EP "$o" ;;
    17) snmpget -v3 -l authNoPriv -u simulator -a MD5 -A wrongpassword -On -t 1 -r 0 $EP "$o" ;;
    18) snmpget -v3 -l noAuthNoPriv -u "$(pick simulator nobodyuser)" -n "$(pick nosuchctx linksys-system)" -On -t 1 -r 0 $EP "$o" ;;
    20) touch "$HERE/data/$(pick linksys-system solaris-system broken).snmprec"; snmpget -v2c -c "$c" -On -t 1 -r 0 $EP "$o" ;;
    19) snmpset -v2c -c variation/writecache -On -t 1 -r 0 $EP 1.3.6.1.2.1.2.2.1.5.$((RANDOM % 2 + 1)) u $RANDOM ;;
  esac > /dev/null 2>&1
}

session() { # one responder life: $1 = number of requests, rest = extra args
  local n=$1; shift
  start --data-dir="$HERE/data" --agent-udpv4-endpoint=$EP "$@"
  for i in $(seq 60); do grep -q "Listening at UDP/IPv4" "$LOG" 2>/dev/null && [ "$(grep -c 'Listening at UDP/IPv4' "$LOG")" -ge "$SESS" ] && break; sleep 0.25; done
  SESS=$((SESS + 1))
  for i in $(seq "$n"); do request; done
  sleep 1
  stop
}

badconfig() { # start with broken options; the responder logs an error and exits
  start "$@"; for i in $(seq 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done; stop
}

SESS=1
session $((RANDOM % 30 + 20))
badconfig --data-dir="$HERE/data" --v3-auth-proto=SHA --agent-udpv4-endpoint=$EP
session $((RANDOM % 40 + 20)) --force-index-rebuild --v3-user=operator --v3-auth-key=operatorkey --v3-auth-proto=SHA
badconfig --data-dir="$HERE/data" --v3-user=u1 --v3-priv-key=privkey123 --agent-udpv4-endpoint=$EP
badconfig --data-dir="$HERE/data"
session $((RANDOM % 40 + 30)) --max-var-binds=$((RANDOM % 20 + 4)) --reporting-method=null
badconfig --data-dir="$HERE/data" --v3-user=u2 --v3-auth-proto=BOGUS --agent-udpv4-endpoint=$EP
badconfig --data-dir="$HERE/data" --v3-user=u3 --v3-auth-key=k1234567 --v3-auth-key=k7654321 --agent-udpv4-endpoint=$EP
touch "$HERE/data/linksys-system.snmprec"
session $((RANDOM % 40 + 30)) --data-dir=/nonexistent/dir
badconfig --v3-engine-id=zz11 --data-dir="$HERE/data" --agent-udpv4-endpoint=$EP
badconfig --data-dir="$HERE/data" --v3-priv-proto=AES --agent-udpv4-endpoint=$EP
session $((RANDOM % 50 + 30)) --v3-user=alice --v3-auth-key=alicepass1 --v3-auth-proto=SHA256 --v3-priv-key=alicepriv1 --v3-priv-proto=AES --v3-user=bob
badconfig --data-dir="$HERE/data" --v3-user=u4 --v3-priv-proto=XYZ --agent-udpv4-endpoint=$EP
session $((RANDOM % 30 + 20)) --force-index-rebuild
echo done
