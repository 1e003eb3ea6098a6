#!/bin/bash
# Randomised workload for eggdrop: private ngircd on 127.0.0.1:25500, the bot under test (EggBot,
# partyline on 25510, log run/EggBot/EggBot.log) and a hub bot (HubBot, 25511) for botnet links.
set -u
D=/work/round23/eggdrop
RUN=$D/run
C="python3 $D/egg_clients.py"
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
stop() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; rm -f "$1"; }

rm -rf "$RUN"; mkdir -p "$RUN"
"$D/mkconf.sh" EggBot 25510 HubBot 25511 EggBot.log ghs
"$D/mkconf.sh" HubBot 25511 EggBot 25510 hub.log gp
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=egg.test -days 2 -keyout "$RUN/egg.key" -out "$RUN/egg.crt" >/dev/null 2>&1
chown -R nobody:nogroup "$RUN"

start_ircd() { (cd "$RUN" && exec $AS ngircd -n -f "$D/ngircd.conf" >>"$RUN/ngircd.out" 2>&1) & echo $! > "$RUN/ngircd.mypid"; sleep 1; }
start_bot() { # name [-m]
  (cd "$RUN/$1" && exec $AS eggdrop -n ${2:-} egg.conf >>"$RUN/$1/console.out" 2>&1) & echo $! > "$RUN/$1.mypid"; }

start_ircd
start_bot HubBot -m
start_bot EggBot -m
sleep 6
$C hubcmds .save
$C cmds .save ".link HubBot"
sleep 3

# normal use by several clients at once
$C irc "$(rnd 280 340)" & I1=$!
$C badlogin "$(rnd 25 35)" & B1=$!
$C party "$(rnd 150 200)" boss safe
$C party "$(rnd 40 60)" friend safe &
$C party "$(rnd 30 50)" plain safe
wait $I1 $B1
$C flood
sleep 62

# the IRC server dies and comes back
stop "$RUN/ngircd.mypid"
sleep "$(rnd 6 12)"
start_ircd
sleep 8
$C irc "$(rnd 60 90)" & I2=$!
$C party "$(rnd 60 90)" boss full
wait $I2

# the hub dies, comes back, links again
stop "$RUN/HubBot.mypid"
sleep "$(rnd 2 5)"
start_bot HubBot
sleep 3
$C cmds ".link HubBot" ".bottree" ".unlink HubBot" ".link HubBot"
sleep 2
# signals, rehash, restart, jump
kill -HUP "$(cat "$RUN/EggBot.mypid")"; sleep 2
$C cmds ".rehash" ".reload" ".backup" ".jump 127.0.0.1 25599"
sleep 12
$C cmds ".restart"
sleep 8
$C irc "$(rnd 30 50)" & I3=$!
$C badlogin "$(rnd 3 8)"
$C party "$(rnd 10 20)" boss safe
wait $I3
$C cmds ".status" ".die workload shutdown"
sleep 2
rm -f "$RUN/EggBot.mypid"
# a second start from the saved userfile, then the server goes away and a TERM ends it
start_bot EggBot
sleep 8
$C cmds ".whom" ".status"
stop "$RUN/ngircd.mypid"
sleep 6
stop "$RUN/EggBot.mypid"
sleep 1
stop "$RUN/HubBot.mypid"
wait 2>/dev/null
echo done
