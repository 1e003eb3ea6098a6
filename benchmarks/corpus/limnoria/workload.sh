#!/bin/bash
# Randomised workload: Limnoria bot on a loopback ircd (ircd.py), driven by IRC users (client.py).
cd "$(dirname "$0")"
D=$PWD; PORT=61100
rm -rf run; mkdir -p run/conf run/data run/backup run/logs run/tmp run/web
sed "s|@D@|$D/run|" bot.conf.in > bot.conf
: > pids.txt
supybot-adduser -u admin -p s3cret -c owner run/conf/users.conf >/dev/null
startircd() { python3 ircd.py $PORT >>ircd.out 2>&1 & IRCD=$!; echo $IRCD >> pids.txt; sleep 0.5; }
startbot() { supybot --allow-root bot.conf >>bot.stdout 2>&1 & BOT=$!; echo $BOT >> pids.txt; sleep 8; }
clients() { local k; for k in $(seq 1 $1); do python3 client.py $PORT $((RANDOM % 3 + 2)) $((RANDOM % 20 + 25)) $2 >>client.err 2>&1 & CL+=" $!"; echo $! >> pids.txt; sleep 1; done; }
waitcl() { for p in $CL; do wait $p 2>/dev/null; done; CL=""; }
startircd; startbot
clients 1 admin; clients $((RANDOM % 2 + 1)); waitcl
clients $((RANDOM % 2 + 1)) admin; waitcl
# the IRC server dies under the bot, comes back later
kill -KILL $IRCD; wait $IRCD 2>/dev/null; sleep $((RANDOM % 8 + 12))
startircd; sleep 25
clients 1 admin; clients $((RANDOM % 2 + 1)); waitcl
# bot restart: SIGTERM then start again
kill -TERM $BOT; wait $BOT 2>/dev/null
startbot
clients $((RANDOM % 2 + 1)) admin; waitcl
kill -TERM $BOT; wait $BOT 2>/dev/null
kill -TERM $IRCD; wait $IRCD 2>/dev/null
