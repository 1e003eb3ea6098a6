#!/bin/bash
# Randomised workload for GNU Mailman 3 core (Debian mailman3), run as user "list".
# Private instance (mailman.cfg): REST on 127.0.0.1:27103, LMTP runner on 127.0.0.1:27102,
# outgoing SMTP to smtp_sink.py on 127.0.0.1:27101. Log: var/logs/mailman.log.
set -u
D=/work/round29/mailman3
V=$D/var
PY=/usr/bin/python3
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
RANDOM=$SEED
MM="runuser -u list -- mailman -C $D/mailman.cfg"

rm -rf "$V"; mkdir -p "$V"; chown list:list "$V"
start_sink() { $PY $D/smtp_sink.py $RANDOM $V/sink.mbox >> $V/sink.out 2>&1 & echo $! > $V/sink.mypid; }
stop_sink() { kill "$(cat $V/sink.mypid)" 2>/dev/null; sleep 1; }
client() { $PY $D/mm_client.py "$@" >> $V/clients.out 2>&1; }
wait_up() { # wait for REST and LMTP
  for i in $(seq 1 120); do
    curl -s -o /dev/null -u restadmin:restpass http://127.0.0.1:27103/3.1/system/versions && \
      $PY -c 'import socket; socket.create_connection(("127.0.0.1", 27102), 2).close()' 2>/dev/null && return 0
    sleep 1
  done
  echo "mailman did not come up" >&2
}
runner_pid() { ps -o pid=,args= --ppid "$(cat $V/master.pid)" | awk -v r="--runner=$1:" 'index($0, r) {print $1}'; }

start_sink
$MM start > $V/start.out 2>&1
wait_up

# lists, members, owners, settings
client setup $RANDOM

# normal traffic, REST use and bounces in parallel
client traffic $RANDOM $((18 + RANDOM % 10)) & T1=$!
client rest $RANDOM $((12 + RANDOM % 8)) & T2=$!
client bounces $RANDOM $((4 + RANDOM % 4)) & T3=$!
wait $T1 $T2 $T3
sleep 5
client moderate $RANDOM

# command line tools
$MM members dev@example.org > /dev/null 2>&1
$MM digests --send > /dev/null 2>&1
$MM notify > /dev/null 2>&1
printf 'From: ann@example.org\nTo: dev@example.org\nSubject: injected\nMessage-ID: <inject-%s@example.org>\n\nInjected by the workload.\n' $RANDOM > $V/inject.eml
chmod 644 $V/inject.eml
$MM inject -l dev@example.org $V/inject.eml > /dev/null 2>&1
$MM inject -l nosuch@example.org $V/inject.eml > /dev/null 2>&1

# the outgoing MTA dies while mail is flowing, then comes back
( sleep $((2 + RANDOM % 3)); stop_sink; sleep $((6 + RANDOM % 5)); start_sink ) & B=$!
client traffic $RANDOM $((8 + RANDOM % 6))
wait $B

# log reopen (SIGHUP to master and runners)
$MM reopen > /dev/null 2>&1
sleep 2

# a runner is killed for good; another one is restarted by the master (SIGUSR1)
kill -9 $(runner_pid nntp) 2>/dev/null
sleep 3
kill -USR1 $(runner_pid archive) 2>/dev/null
sleep 3
client traffic $RANDOM $((6 + RANDOM % 5)) & T1=$!
client bounces $RANDOM $((3 + RANDOM % 4)) & T2=$!
wait $T1 $T2
sleep 4
client moderate $RANDOM

# restart of all runners
$MM restart > /dev/null 2>&1
sleep 20
wait_up
client traffic $RANDOM $((5 + RANDOM % 5))
client rest $RANDOM $((6 + RANDOM % 6))
sleep 8
$MM digests --send --periodic > /dev/null 2>&1
$MM unshunt > /dev/null 2>&1
sleep 5

# shutdown
$MM stop > /dev/null 2>&1
for i in $(seq 1 60); do [ -e $V/master.pid ] || break; sleep 1; done
stop_sink
wc -l $V/logs/mailman.log
