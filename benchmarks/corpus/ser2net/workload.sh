#!/bin/bash
# Randomised workload for ser2net 4 (foreground, -d, stderr/stdout captured). Ports 28200-28299.
cd "$(dirname "$0")"
D=$PWD
LOG=ser2net.full.log
: > $LOG
R() { echo $(( RANDOM % $1 )); }
ALL=()

start_pty() {  # start_pty NAME -> $D/NAME (serial side) and $D/NAME.dev (device side)
  socat pty,raw,echo=0,link=$D/$1 pty,raw,echo=0,link=$D/$1.dev 2>/dev/null &
  eval "PTY_$1=$!"; ALL+=($!)
  sleep 0.3
}
start_target() {  # tcp target device on port $1 that echoes for a while
  timeout $2 socat TCP-LISTEN:$1,bind=127.0.0.1,reuseaddr,fork EXEC:cat 2>/dev/null &
  TGT=$!
}

GOOD='connection: &tcpA
  accepter: tcp,127.0.0.1,28201
  connector: serialdev,'$D'/ttyA,9600n81,local
  options:
    banner: "welcome to \\p\\r\\n"
    kickolduser: true
connection: &telB
  accepter: telnet(rfc2217),127.0.0.1,28202
  connector: serialdev,'$D'/ttyB,115200e71,local
  options:
    max-connections: 2
connection: &tgt
  accepter: tcp,127.0.0.1,28203
  connector: tcp,127.0.0.1,28250
  options:
    max-connections: 1
connection: &missing
  accepter: tcp,127.0.0.1,28204
  connector: serialdev,'$D'/nosuchdev,9600n81
connection: &off
  accepter: tcp,127.0.0.1,28205
  connector: serialdev,'$D'/ttyA,9600n81
  enable: off
connection: &traced
  accepter: tcp,127.0.0.1,28206
  connector: tcp,127.0.0.1,28251
  timeout: 3
  options:
    trace-both: '$D'/nodir/trace-\p
'
BAD=(
'connection: &bad1\n  accepter: tcp,127.0.0.1,28210\n  connector: serialdev,/dev/null,bogus'
'connection: &bad2\n  accepter: tcp,127.0.0.1,28211\n  connector: serialdev,/x,9600\n  accepter: tcp,127.0.0.1,28212'
'foo: &bad3\n  bar: 1'
'connection: &bad4\n  accepter: tcp,127.0.0.1,28213\n  connector: *nosuchalias'
'connection: &bad5\n  accepter: tcp,127.0.0.1,28214\n  connector: serialdev,/x,9600\n  options:\n    max-connections: abc'
'connection: &bad6\n  accepter: tcp,127.0.0.1,28215\n  connector: serialdev,/x,9600\n  options:\n    banner: [a, b]'
'default:\n  name: nosuchdefault\n  value: 5'
'default:\n  value: 5'
'led: &bad7\n  driver: nosuchdriver'
'rotator: &bad8\n  accepter: tcp,127.0.0.1,28216'
'connection: &bad9\n  connector: serialdev,/x,9600'
'connection: &bad10\n  accepter: tcp,127.0.0.1,28217'
'connection: &bad11\n  accepter: tcpx,127.0.0.1,28218\n  connector: serialdev,/x,9600'
'connection: &bad12\n  accepter: tcp,127.0.0.1,28219\n  connector: serialdev,/x,9600\n  enable: maybe'
'connection: &bad13\n  accepter: tcp,127.0.0.1,28220\n  connector: serialdev,/x,9600\n  timeout: abc'
'connection: &tcpA\n  accepter: tcp,127.0.0.1,28221\n  connector: serialdev,/x,9600'
'connection: &bad14\n  accepter: tcp,127.0.0.1,28222\n  connector: serialdev,/x,9600\n  options:\n    nosuchoption: 1'
'connection: &bad15\n  accepter: tcp,127.0.0.1,28201\n  connector: serialdev,/x,9600'
'connection: &bad16\n  accepter: tcp,127.0.0.1,28223\n  connector: tcp,127.0.0.1,28224\n  options:\n    max-connections: 1\n    connback: tcp,127.0.0.1,28225\n    connback: tcp,127.0.0.1,28226'
'include /nonexistent/*.yaml'
'connection: &bad17\n  accepter: tcp,127.0.0.1,28227\n  connector: serialdev,/x,9600\n  options:\n    trace-read: missingtrace'
'admin:\n  accepter: tcp,127.0.0.1,28200'
'rs485: &bad18\n  x: 1'
'connection: &bad19\n  accepter: tcp,127.0.0.1,28228\n  connector: serialdev,/x,9600\n  options:\n    chardelay-scale: zz'
'connection: &bad20 [1, 2]'
'connection: &bad21\n  accepter: tcp,127.0.0.1,28229\n  connector: serialdev,/x,9600\n  options:\n    remaddr: "!nohost.invalid"'
)

write_cfg() {
  printf '%s' "$GOOD" > s2n.yaml
  local n=$1
  for i in $(seq $n); do printf '%b\n' "${BAD[$(R ${#BAD[@]})]}" >> s2n.yaml; done
}

start_s2n() {
  ser2net -d -l -u -c $D/s2n.yaml -p 127.0.0.1,28200 -P $D/s2n.pid >> $LOG 2>&1 &
  S2N=$!
  sleep 1
}

tcp_client() {  # port, payload, hold seconds
  (printf '%b' "$2"; sleep $3) | timeout 8 socat - TCP:127.0.0.1:$1 >/dev/null 2>&1
}
admin() { (for c in "$@"; do echo "$c"; sleep 0.2; done; sleep 0.3) | timeout 8 socat - TCP:127.0.0.1:28200 >/dev/null 2>&1; }

activity() {
  case $(R 12) in
    0) tcp_client 28201 "hello serial\r\n" 0.3 ;;
    1) tcp_client 28201 "first\r\n" 2 & B=$!; sleep 0.5; tcp_client 28201 "second kicks first\r\n" 0.3; wait $B ;;
    2) tcp_client 28202 "\xff\xfb\x2c\xff\xfa\x2c\x01\x00\x00\x25\x80\xff\xf0data" 0.3 ;;
    3) tcp_client 28202 "$(head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | sed 's/../\\x&/g')" 0.3 ;;
    4) tcp_client 28203 "to tcp target\n" 0.3 ;;
    5) tcp_client 28203 "a\n" 2 & B=$!; sleep 0.3; tcp_client 28203 "b\n" 1; wait $B ;;
    6) tcp_client 28204 "x" 0.3 ;;
    7) tcp_client 28205 "x" 0.3 ;;
    8) tcp_client 28206 "traced\n" 5 ;;
    9) admin showport "showshortport" "showport 28201" "setporttimeout 28201 5" "disconnect 28201" "bogus" "monitor tcp 28201" "monitor stop" "setportenable 28205 on" "setportenable 28205 off" "setportcontrol 28202 DTRHI" version exit ;;
    10) admin reload "showport 9999" "disconnect 28299" "setportenable 28299 off" exit ;;
    11) # device side vanishes while a client is connected
        tcp_client 28201 "bye device\r\n" 2 & B=$!; sleep 0.6; kill $PTY_ttyA 2>/dev/null; wait $B; sleep 0.3; start_pty ttyA ;;
  esac
}

start_pty ttyA; start_pty ttyB
start_target 28250 1500
for run in 1 2 3; do
  write_cfg $(R 3)
  start_s2n
  for r in $(seq $((140 + $(R 30)))); do
    kill -0 $S2N 2>/dev/null || start_s2n   # restart after a crash
    activity
    if [ $(R 2) = 0 ]; then write_cfg $((1 + $(R 3))); kill -HUP $S2N; sleep 0.2; fi
  done
  # a bad config at start-up: ser2net refuses to start
  for k in 1 2 3; do
    write_cfg 0; printf '%b\n' "${BAD[$(R ${#BAD[@]})]}" >> s2n.yaml
    timeout -s KILL 2 ser2net -d -l -u -c $D/s2n.yaml -P $D/s2n2.pid >> $LOG 2>&1
  done
  kill -TERM $S2N 2>/dev/null; sleep 1; kill -KILL $S2N 2>/dev/null; wait $S2N 2>/dev/null
done
kill "${ALL[@]}" 2>/dev/null
kill $TGT 2>/dev/null
wait "${ALL[@]}" $TGT 2>/dev/null
head -n 2500 $LOG > ser2net.log
rm -f $LOG s2n.yaml s2n.pid s2n2.pid
