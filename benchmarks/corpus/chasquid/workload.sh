#!/bin/bash
# Randomised workload for chasquid 1.11 (-v 2, log file): inbound SMTP, submission with and without
# TLS/auth, raw protocol errors, local delivery through a failing MDA, hooks, bounces to
# unresolvable remote domains, alias/user reloads, restarts and a broken configuration.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34a/chasquid
LOG=$RUN/chasquid.raw.log
$HERE/setup.sh
rm -rf $RUN/data/*; : > $LOG
start() { chasquid -config_dir=$RUN/etc -v 2 -logfile=$LOG -testing__outgoing_smtp_port=42026 "$@" >> $RUN/stderr.out 2>&1 & CPID=$!; echo $CPID >> $RUN/pids; sleep 1; }
stop() { kill -${1:-TERM} $CPID 2>/dev/null; wait $CPID 2>/dev/null; }
cli() { python3 $HERE/smtpclient.py "$@"; }

start
cli $((RANDOM % 6 + 8))
# users and aliases change on disk: picked up by the periodic reload
chasquid-util -C=$RUN/etc user-add carol@lab.example --password=carolpw >/dev/null
echo "sales: bob, alice" >> $RUN/etc/domains/r34.example/aliases
curl -s -o /dev/null --max-time 3 http://127.0.0.1:42099/ ; curl -s -o /dev/null --max-time 3 http://127.0.0.1:42099/debug/flags
cli $((RANDOM % 6 + 5))
# a second instance while the first one holds the ports, and one with a broken override
timeout 5 chasquid -config_dir=$RUN/etc -v 2 -logfile=$LOG >> $RUN/stderr.out 2>&1
timeout 5 chasquid -config_dir=$RUN/etc -v 2 -logfile=$LOG -config_overrides='max_data_size_mb: "lots"' >> $RUN/stderr.out 2>&1
stop
# an extra certificate directory without usable files
mkdir -p $RUN/etc/certs/broken.example; echo "not a cert" > $RUN/etc/certs/broken.example/fullchain.pem
start -testing__reload_every=5s
cli $((RANDOM % 6 + 8)) &
C1=$!
sleep 3; chasquid-util -C=$RUN/etc user-remove bob@r34.example >/dev/null
cli $((RANDOM % 4 + 3)); wait $C1
sleep 6
stop
rm -rf $RUN/etc/certs/broken.example $RUN/pids
