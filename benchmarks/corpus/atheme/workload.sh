#!/bin/bash
# Randomised workload for atheme-services: private ngircd on 127.0.0.1:25550 (atheme links as
# services.atheme.test), XML-RPC on 25560; log run/atheme.log.
set -u
D=/work/round23/atheme
RUN=$D/run
C="python3 $D/ath_clients.py"
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
stop() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; rm -f "$1"; }

rm -rf "$RUN"; mkdir -p "$RUN/data"
python3 "$D/mkconf.py"
chown -R nobody:nogroup "$RUN"
start_ircd() { (cd "$RUN" && exec $AS ngircd -n -f "$D/ngircd.conf" >>"$RUN/ngircd.out" 2>&1) & echo $! > "$RUN/ngircd.mypid"; sleep 1; }
start_ath() { (cd "$RUN" && exec $AS atheme-services -n -c "$RUN/atheme.conf" -D "$RUN/data" -l "$RUN/atheme.log" \
  -p "$RUN/atheme.pid" >>"$RUN/console.out" 2>&1) & echo $! > "$RUN/atheme.mypid"; }

start_ircd
start_ath
sleep 4
$C admin "$(rnd 160 200)"
$C users "$(rnd 140 170)" & U1=$!
$C xmlrpc "$(rnd 20 40)" & X1=$!
$C garbage "$(rnd 15 25)"
wait $U1 $X1
# the uplink dies and comes back
stop "$RUN/ngircd.mypid"
sleep "$(rnd 12 20)"
start_ircd
sleep 12
$C users "$(rnd 60 80)" & U2=$!
$C admin "$(rnd 100 140)"
wait $U2
# rehash by signal, then a stop and a restart from the saved database
kill -HUP "$(cat "$RUN/atheme.mypid")"; sleep 2
$C users "$(rnd 10 20)"
kill -TERM "$(cat "$RUN/atheme.mypid")"; sleep 3; rm -f "$RUN/atheme.mypid"
stop "$RUN/ngircd.mypid"; sleep 2
start_ircd
start_ath
sleep 4
$C users "$(rnd 30 40)" & U3=$!
$C xmlrpc "$(rnd 5 10)"
wait $U3
python3 - <<'PY'
import socket, time
s = socket.create_connection(("127.0.0.1", 25550))
s.sendall(b"NICK admin\r\nUSER admin 0 * :a\r\n"); time.sleep(0.5)
s.sendall(b"OPER oper operpass\r\nPRIVMSG NickServ :IDENTIFY adminpw\r\n"); time.sleep(1)
s.sendall(b"PRIVMSG OperServ :SHUTDOWN workload finished\r\n"); time.sleep(3)
s.close()
PY
sleep 2
stop "$RUN/atheme.mypid"
stop "$RUN/ngircd.mypid"
echo done
