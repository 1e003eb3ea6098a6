#!/bin/bash
# Randomised workload for the OpenArena dedicated server (ioq3ded + OpenArena 0.8.8 game code).
# Console log: qconsole.log in the private home (logfile 2 = flushed per line, developer 1).
set -u
DIR=/work/round25/openarena
cd "$DIR"
PORT=$((49100 + RANDOM % 50))
RPASS="s3cret$RANDOM"
HOME_OA="$DIR/home"
rm -rf "$HOME_OA" console.fifo server.pid clients.pids
mkdir -p "$HOME_OA"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
DMMAPS=(oa_dm1 oa_dm2 oa_dm3 oa_dm4 oa_dm5 oa_dm6 oa_dm7 aggressor kaos2 oasago2 dm4ish)
CTFMAPS=(oa_ctf2 ctf_gate1 oa_bases3 ps37ctf czest2ctf)
BOTS=(sarge grism kyonshi major merman penguin sergei tony angelyss arachna ayumi beret cadaver gargoyle liz)
NAMES=(Zapper Frodo Nyx Quill Rook Vega Moth Bishop Ember Tarn Kestrel Dune)
WORDS=(hello gg "nice shot" lol "where is the rail" camping "rematch?" brb "red attack" "defend base" "%s %d test" "^1colour ^7text")

mkfifo console.fifo
exec 3<>console.fifo
/usr/lib/ioquake3/ioq3ded +set com_basegame baseoa +set fs_basepath /usr/lib/openarena-server \
  +set fs_homepath "$HOME_OA" +set com_homepath .openarena +set com_legacyprotocol 71 +set com_protocol 71 \
  +set sv_master1 "" +set net_ip 127.0.0.1 +set net_port $PORT +set net_enabled 1 \
  +set logfile 2 +set developer 1 +set g_log games.log +set dedicated 1 +set sv_pure 0 \
  +set rconpassword "$RPASS" +set sv_hostname "round25 test" +set sv_maxclients $(pick 11 12 13) \
  +set sv_timeout 6 +set sv_zombietime 1 +set g_allowVote 1 +set bot_enable 1 \
  +set g_gametype 0 +set fraglimit $(pick 15 20 25) +set timelimit 0 +set g_doWarmup $(pick 0 1) +set g_warmup 5 \
  +map "$(pick "${DMMAPS[@]}")" <console.fifo >server.stdout 2>&1 &
echo $! > server.pid
con() { echo "$*" >&3; sleep "${2:-0.4}"; }
c() { echo "$1" >&3; sleep 0.5; }
oob() { python3 oaq.py $PORT "$@" >> clients.out 2>&1; }
client() { # name end cmds... (SRC and PASS from the environment)
  local name=$1 end=$2; shift 2
  local IFS=';'
  python3 oaclient.py --port $PORT --src "${SRC:-127.0.0.1}" --password "${PASS:-}" --name "$name" --end "$end" --cmds "$*" >> clients.out 2>&1 &
  echo $! >> clients.pids
}
randsay() { echo "$(pick say say say_team) $(pick "${WORDS[@]}")"; }
randvote() {
  pick "callvote map $(pick "${DMMAPS[@]}")" "callvote map_restart" "callvote nextmap" "callvote fraglimit $((RANDOM % 30))" \
       "callvote timelimit $((RANDOM % 20))" "callvote g_gametype $(pick 0 1 3 4 99)" "callvote kick $(pick "${NAMES[@]}")" \
       "callvote clientkick $((RANDOM % 10))" "callvote shuffle" "callvote bogus thing" "callvote" "callvote g_doWarmup 1" \
       "callvote map nosuchmap" "callvote custom pony"
}
randcmd() {
  pick "$(randsay)" "$(randsay)" "tell $((RANDOM % 6)) $(pick "${WORDS[@]}")" "$(randvote)" "$(randvote)" "vote yes" "vote no" \
       "team $(pick red blue spectator free)" "follow $((RANDOM % 4))" "follownext" "kill" "give all" "god" "noclip" "notarget" \
       "where" "score" "acc" "vsay $(pick taunt yes no praise)" "vtaunt" "getmappage $((RANDOM % 3))" "gc $((RANDOM % 9))" \
       "callteamvote leader $((RANDOM % 4))" "teamvote yes" "teamtask 1" "freespectator" "levelshot" "dance$RANDOM" \
       "userinfo \"\\name\\$(pick "${NAMES[@]}")x\\model\\sarge\\rate\\25000\\snaps\\20\""
}
cmds() { local n=$1 out=(); for ((k = 0; k < n; k++)); do out+=("$(randcmd)"); done; printf '%s;;' "${out[@]}"; }

sleep 4
# --- queries and rcon from outside ---
oob query getstatus getinfo "getinfo xxx" "getstatus $RANDOM"
oob rcon wrongpass status
oob rcon "" status
oob rcon "$RPASS" status
oob rcon "$RPASS" serverinfo
oob rcon "$RPASS" "g_motd \"welcome $RANDOM\""
oob rcon "$(pick hunter2 admin $RPASS-x)" "map oa_dm1"
# --- bots ---
for b in $(printf '%s\n' "${BOTS[@]}" | shuf -n $((2 + RANDOM % 2))); do c "addbot $b $((1 + RANDOM % 5))"; done
c "addbot nosuchbot$RANDOM 3"
c "addbot"
sleep 3
# --- a vote that the others answer (passes or fails by their answers) ---
V1=$(pick "callvote fraglimit $((10 + RANDOM % 20))" "callvote timelimit $((5 + RANDOM % 10))" "callvote g_doWarmup 1")
A1=$(pick yes no); A2=$(pick yes no)
client Voter1 disconnect "$V1;;sleep 6"
client Voter2 disconnect "sleep 1.5;;vote $A1;;sleep 4"
client Voter3 disconnect "sleep 1.5;;vote $A2;;sleep 4"
sleep 6
# --- players ---
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 4); do
  client "$n" "$(pick disconnect disconnect silent stay)" "$(cmds $((5 + RANDOM % 4)))"
  sleep 0.7
done
oob garbage $((20 + RANDOM % 20))
oob connect 68 real Oldie
oob connect 71 bad Faker
oob connect 71 huge Bloat
oob challengeflood 25
oob rconflood "$RPASS" $((12 + RANDOM % 6))
sleep 4
c "status"
c "say $(pick "${WORDS[@]}")"
c "dumpuser $(pick "${BOTS[@]}")"
c "cp \"Server message $RANDOM\""
c "addip 127.0.0.$((10 + RANDOM % 50))"
c "listip"
c "removeip 127.0.0.99"
c "banaddr 127.0.0.$((60 + RANDOM % 50))"
c "listbans"
c "exceptaddr 127.0.0.200"
c "bandel 1"
c "flushbans"
c "$(pick '!listplayers' '!time' '!admintest')"
c "!cancelvote"
c "$(pick '!passvote' '!showbans' '!spec999')"
c "!nosuchadmincmd"
c "frobnicate $RANDOM"
c "exec missing$RANDOM.cfg"
c "game_memory"
sleep 6
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 2); do
  client "$n" "$(pick garbage skipseq silent)" "$(cmds $((2 + RANDOM % 3)))"
  sleep 0.5
done
sleep 4
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 3); do
  SRC=127.0.0.$((2 + RANDOM % 8)) client "$n" "$(pick disconnect silent stay garbage)" "$(cmds $((4 + RANDOM % 4)))"
  sleep 0.4
done
oob rcon "$RPASS" "$(pick status serverinfo systeminfo "dumpuser $(pick "${NAMES[@]}")")"
oob rcon "bad$RANDOM" "kickall"
sleep 6
c "heartbeat"
c "systeminfo"
# --- map change, gametype CTF ---
c "map $(pick "${DMMAPS[@]}")"
sleep 3
c "g_gametype 4"
c "capturelimit 1"
c "map $(pick "${CTFMAPS[@]}")"
sleep 3
for b in $(printf '%s\n' "${BOTS[@]}" | shuf -n 3); do c "addbot $b $((2 + RANDOM % 3)) $(pick red blue)"; done
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 2); do
  client "$n" "$(pick disconnect silent)" "team $(pick red blue);;$(cmds $((3 + RANDOM % 3)))"
  sleep 0.5
done
sleep 6
c "forceteam $(pick 0 1 2) $(pick red blue spectator)"
c "shuffle"
c "$(pick '!lock red' '!unlock blue' '!putteam 1 blue')"
c "kick $(pick "${BOTS[@]}")"
c "clientkick $((RANDOM % 3))"
c "clientkick 42"
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 2); do
  SRC=127.0.0.$((2 + RANDOM % 8)) client "$n" "$(pick disconnect silent)" "team $(pick red blue spectator);;$(cmds $((4 + RANDOM % 4)))"
  sleep 0.5
done
oob garbage $((10 + RANDOM % 10))
sleep 2
c "map_restart"
sleep 3
# --- refused players: banned by the game (addip), by the engine (banaddr), wrong password ---
BANNED=127.0.0.$((30 + RANDOM % 20))
c "addip $BANNED"
SRC=$BANNED client "$(pick "${NAMES[@]}")" disconnect "say let me in"
sleep 2
c "removeip $BANNED"
c "banaddr 127.0.0.77"
SRC=127.0.0.77 oob connect 71 real Banned
c "flushbans"
c "g_password hunter$RANDOM"
client "$(pick "${NAMES[@]}")" disconnect "say no password"
sleep 2
PASS=wrong client "$(pick "${NAMES[@]}")" disconnect "say wrong password"
sleep 2
c "g_password \"\""
# --- team deathmatch with players and team votes ---
c "g_gametype 3"
c "map $(pick "${DMMAPS[@]}")"
sleep 3
for n in $(printf '%s\n' "${NAMES[@]}" | shuf -n 3); do
  SRC=127.0.0.$((2 + RANDOM % 8)) client "$n" "$(pick disconnect silent stay)" "team $(pick red blue);;$(cmds $((4 + RANDOM % 4)))"
  sleep 0.6
done
sleep 4
c "status"
c "!listplayers"
c "forceteam $(pick 0 1 2) $(pick red blue)"
sleep 4
c "endgamenow"
sleep 4
# --- short FFA game to the fraglimit ---
c "g_gametype 0"
c "fraglimit 2"
c "map $(pick "${DMMAPS[@]}")"
sleep 2
for b in $(printf '%s\n' "${BOTS[@]}" | shuf -n 3); do c "addbot $b 5"; done
client "$(pick "${NAMES[@]}")" disconnect "$(cmds 2)"
sleep 24
c "status"
sleep 8
c "kickbots"
c "killserver"
sleep 2
oob query getstatus
c "map $(pick "${DMMAPS[@]}")"
sleep 3
client "$(pick "${NAMES[@]}")" disconnect "$(cmds 4)"
client "$(pick "${NAMES[@]}")" "$(pick silent garbage skipseq)" "$(cmds 3)"
sleep 8
oob rcon "$RPASS" "quit"
sleep 3
# stop what is left, by recorded PID
for p in $(cat clients.pids 2>/dev/null); do kill "$p" 2>/dev/null; done
if kill -0 "$(cat server.pid)" 2>/dev/null; then echo quit >&3; sleep 2; kill "$(cat server.pid)" 2>/dev/null; fi
exec 3>&-
rm -f console.fifo
cp "$HOME_OA/baseoa/qconsole.log" raw.log
wc -l raw.log
