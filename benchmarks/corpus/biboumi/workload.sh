#!/bin/bash
# Randomised workload for biboumi (XMPP <-> IRC gateway).
# Private prosody (c2s 27001, component 27002), ngircd on 127.0.0.1:27010, a second ngircd with a
# server password on 127.0.0.2:27011, a flaky fake ircd on 127.0.0.3:27013, nothing on 127.0.0.4.
# biboumi logs at log_level=0 (debug) to stderr, appended to run/biboumi.log.
set -u
D=/work/round29/biboumi
R=$D/run
PY=/usr/bin/python3
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
RANDOM=$SEED
rm -rf "$R"; mkdir -p "$R/prosody-data"
LOG=$R/biboumi.log
openssl req -x509 -newkey rsa:2048 -nodes -keyout $R/irc.key -out $R/irc.crt -days 30 -subj /CN=irc.test.local 2>/dev/null
# TLS policy files (biboumi policy_directory=run): a valid global one, a per-server one, a broken one
[ $((RANDOM % 3)) -ne 0 ] && printf 'minimum_rsa_bits = 1024\n' > $R/policy.txt
[ $((RANDOM % 2)) -eq 0 ] && printf 'verify_certificate = false\n' > $R/127.0.0.3.policy.txt
printf 'this line is not a policy\nallowed_ciphers\n' > $R/127.0.0.1.policy.txt

start_prosody() { prosody --config $D/prosody.cfg.lua -F > $R/prosody.stdout 2>&1 & echo $! > $R/prosody.mypid; sleep 1.5; }
wait_gone() { local p=$(cat $1); for i in $(seq 1 40); do kill -0 $p 2>/dev/null || return 0; sleep 0.5; done; kill -KILL $p 2>/dev/null; sleep 0.5; }
stop_pid() { [ -s "$1" ] && kill $2 "$(cat $1)" 2>/dev/null; sleep 0.5; }
start_ngircd() { ngircd -n -f $D/ngircd.conf >> $R/ngircd.stdout 2>&1 & echo $! > $R/ngircd.mypid; }
start_ngircd2() { ngircd -n -f $D/ngircd2.conf >> $R/ngircd2.stdout 2>&1 & echo $! > $R/ngircd2.mypid; }
start_fake() { $PY $D/fake_ircd.py $RANDOM $R/irc.crt $R/irc.key >> $R/fake.stdout 2>&1 & echo $! > $R/fake.mypid; }
start_biboumi() { biboumi $D/biboumi.cfg >> $LOG 2>&1 & echo $! > $R/biboumi.mypid; sleep 1.5; }
clients() { # seconds users...
  local secs=$1; shift
  timeout $((secs + 60)) $PY $D/xmpp_client.py $RANDOM $secs "$@" >> $R/clients.out 2>&1
}
pick_users() { echo "alice bob carol dave eve" | tr ' ' '\n' | shuf -n $1 --random-source=<(yes $RANDOM) | paste -sd,; }

start_prosody
for u in admin alice bob carol dave eve; do
  prosodyctl --config $D/prosody.cfg.lua register $u localhost pw$u > /dev/null 2>&1
done
start_ngircd; start_ngircd2; start_fake
sleep 1
start_biboumi

# phase 1: normal use by several users, ident queries while they are connected
clients $((7 + RANDOM % 4)) $(pick_users 3)

# phase 2: config reload (SIGUSR1) while users are active
( sleep $((2 + RANDOM % 4)); kill -USR1 $(cat $R/biboumi.mypid) ) & BG=$!
clients $((5 + RANDOM % 3)) $(pick_users 2),admin

# phase 3: the IRC server dies while users are in channels, then comes back
( sleep $((3 + RANDOM % 4)); stop_pid $R/ngircd.mypid -TERM; sleep 2; start_ngircd ) & BG=$!
clients $((6 + RANDOM % 3)) $(pick_users 2)
wait $BG

# phase 4: the flaky server is killed hard and restarted
( sleep 2; stop_pid $R/fake.mypid -KILL; sleep 1; start_fake ) & BG=$!
clients $((5 + RANDOM % 4)) $(pick_users 2)
wait $BG

# phase 5: the XMPP server goes away; biboumi reconnects when it is back
( sleep $((3 + RANDOM % 3)); stop_pid $R/prosody.mypid -TERM; sleep 3; start_prosody ) & BG=$!
clients $((5 + RANDOM % 3)) $(pick_users 2)
wait $BG
sleep 4

# phase 6: biboumi is restarted (SIGTERM) and used again
stop_pid $R/biboumi.mypid -TERM; wait_gone $R/biboumi.mypid; sleep 1
start_biboumi
kill -USR2 $(cat $R/biboumi.mypid)
clients $((5 + RANDOM % 3)) $(pick_users 3)

# phase 7: shutdown with SIGINT while users are still connected
( sleep $((3 + RANDOM % 3)); kill -INT $(cat $R/biboumi.mypid) ) & BG=$!
clients $((6 + RANDOM % 3)) $(pick_users 2)
wait $BG
wait_gone $R/biboumi.mypid
stop_pid $R/fake.mypid -TERM
stop_pid $R/ngircd2.mypid -TERM
stop_pid $R/ngircd.mypid -TERM
stop_pid $R/prosody.mypid -TERM
sleep 1
wc -l $LOG
