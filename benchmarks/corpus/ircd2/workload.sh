#!/bin/bash
# Randomised workload for ircd-irc2 (alpha = server under test on 127.0.0.1:41667,
# beta = second server on 41668 that links, dies, and comes back with a wrong link password).
cd "$(dirname "$0")"
D=$(pwd)
LOG=run/log/ircd.all
mkdir -p run/log run/pid run2/log run2/pid
: > "$LOG"
# users, rejects, opers, iauth and the server-channel logs (KILLS, SERVERS) all go to one file
for f in users rejects opers auth KILLS SERVERS; do ln -sfn ircd.all run/log/ircd.$f; done
chown -R irc:irc run run2
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
RANDOM=$SEED

start_alpha() { ./run_ircd.sh run </dev/null >>run/stdout.txt 2>&1 & echo $! > run/ircd.pid.mine; sleep 1.5; }
start_beta() { cp run2/etc/ircd.conf.$1 run2/etc/ircd.conf; ./run_ircd.sh run2 </dev/null >>run2/stdout.txt 2>&1 & echo $! > run2/ircd.pid.mine; sleep 1; }
stop_beta() { [ -s run2/ircd.pid.mine ] && kill "$(cat run2/ircd.pid.mine)" 2>/dev/null; sleep 1; : > run2/ircd.pid.mine; }
mix() { timeout 150 python3 irc_driver.py mix $RANDOM "$1" 2>>driver.err; }

python3 fake_proxies.py & echo $! > proxies.pid
sleep 0.5
start_alpha
start_beta good
sleep 3
for round in $(seq 1 ${ROUNDS:-12}); do
    mix $((60 + RANDOM % 60))
    case $((RANDOM % 8)) in
        0) kill -HUP "$(cat run/ircd.pid.mine)" ;;                          # rehash by signal
        1) python3 irc_driver.py cmd $RANDOM REHASH ;;                      # rehash by oper
        2) stop_beta; start_beta bad ;;                                    # peer with wrong password
        3) stop_beta; start_beta good ;;                                   # peer dies and returns
        4) python3 irc_driver.py restart $RANDOM; sleep 2 ;;                # oper RESTART
        5) python3 irc_driver.py cmd $RANDOM "SQUIT irc.beta.test :maintenance" "CONNECT irc.beta.test 41668" ;;
        6) stop_beta ;;                                                    # peer gone
        7) python3 irc_driver.py cmd $RANDOM "TKLINE 60 *@127.0.0.2 :cool down" ; mix 10; python3 irc_driver.py cmd $RANDOM "UNTKLINE *@127.0.0.2" ;;
    esac
    if [ $round -eq $(( ${ROUNDS:-12} / 2 )) ]; then
        python3 irc_driver.py die $RANDOM; sleep 1; start_alpha             # DIE and start again
    fi
done
mix 30
stop_beta
kill "$(cat run/ircd.pid.mine)" 2>/dev/null   # SIGTERM shutdown
sleep 1
kill "$(cat proxies.pid)" 2>/dev/null
wc -l "$LOG"
cp "$LOG" ircd2.log
