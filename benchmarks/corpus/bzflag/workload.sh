#!/bin/bash
# Randomised workload for bzfs (bzflag-server): several server runs with different game styles,
# bzadmin observers issuing chat and slash commands (good and bad), python protocol clients that
# join as players, spawn, pause and die, garbage/invalid connections, bans, polls, shutdowns.
cd "$(dirname "$0")"
D=$PWD/run; rm -rf "$D"; mkdir -p "$D"
LOG=$PWD/bzflag.log; : > "$LOG"
BZFS=/usr/games/bzfs; BZA=/usr/games/bzadmin
PW=secret$RANDOM
PORT=$((25310 + RANDOM % 20))
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

cat > "$D/groups.db" <<G
EVERYONE: +poll +vote +playerList +lagStats +idleStats +flagHistory +date +report +talk +privateMessage +clientQuery +showOthers +kick
ADMINS: +ban +unban +banlist +kick +shutdownServer +superKill +record +replay +viewReports +setAll
G
echo "shitty" > "$D/badwords.txt"; echo "darn" >> "$D/badwords.txt"
printf 'Welcome to the help page\nUse /msg to talk\n' > "$D/help.txt"
: > "$D/bans.txt"; : > "$D/reports.txt"
cat > "$D/bad.bzw" <<W
world
  size 200
end
box
  position 0 0 0
  size 10 10 10
  frobnicate 3
end
W
cat > "$D/good.bzw" <<W
world
  name small
  size 200
end
box
  position 20 20 0
  size 10 10 10
end
pyramid
  position -40 30 0
  size 8 8 12
end
teleporter tp1
  position 0 -50 0
  size 0.5 5 10
  border 1.12
end
link
  from tp1:*
  to tp1:*
end
W

SRVPID=""
start_server() {   # extra options...
  PORT=$((PORT + 1)); [ $PORT -gt 25399 ] && PORT=25310
  $BZFS -d -d -d -ts -p $PORT -i 127.0.0.1 -passwd $PW -pidfile "$D/bzfs.pid" \
     -loadplugin /usr/lib/bzflag-server/logDetail.so -groupdb "$D/groups.db" -banfile "$D/bans.txt" \
     -reportfile "$D/reports.txt" -badwords "$D/badwords.txt" -filterChat -spamtime 2 -spamwarn 2 \
     -helpmsg "$D/help.txt" rules -tkannounce -printscore -recdir "$D" -recbuf 1 -a 50 38 -maxidle 40 \
     -poll vetoTime=3 -poll voteRepeatTime=2 -poll votePercentage=20 "$@" >> "$LOG" 2>&1 &
  SRVPID=$!; echo "$SRVPID" >> "$D/started.pids"
  sleep 2
}
stop_server() { [ -n "$SRVPID" ] && kill -TERM "$SRVPID" 2>/dev/null; wait "$SRVPID" 2>/dev/null; SRVPID=""; }

# bzadmin session: name, then commands (one per line on stdin, with random pauses)
admin() {
  local name=$1; shift
  { sleep 1; for c in "$@"; do echo "$c"; sleep 0.$((RANDOM % 6 + 2)); done; sleep 1; echo "/quit"; } |
    timeout 60 $BZA -ui stdboth "$name@127.0.0.1:$PORT" > /dev/null 2>&1
}
player() { timeout 30 python3 ./bzclient.py player $PORT "$1" "$2" "$3" >/dev/null 2>&1; }
junk() { timeout 10 python3 ./bzclient.py "$1" $PORT >/dev/null 2>&1; }
junkall() { local ps=(); for k in $(shuf -e badhello random silent badmsg toolong badenter badteam udp query oldversion | head -n $1); do junk $k & ps+=($!); done; wait "${ps[@]}"; }

session() {
  local n=$1; local ps=()
  # observers chatting in the background
  for i in $(seq 1 $((2 + $(r 2)))); do
    admin "watch$n$i" "hello from $i" "$(pick 'this is darn good' 'shitty map' 'gg' 'anyone here?')" "same line $((i % 2)) $RANDOM" "same line $((i % 2))" "same line $((i % 2))" \
      "/msg admin$n hi there" "/msg nobody$n hi" "/lagstats" "/idlestats" "/playerlist" "/date" "/uptime" "/flaghistory" \
      "/help" "/help rules" "/help nosuchpage" "/poll kick play$n" "/vote yes" "/vote no" \
      "/kick play${n}b" "/ban 127.0.0.9 5 nope" "/nosuchcommand arg" "/me waves" "/showgroup" "/showperms" & ps+=($!)
  done
  for i in $(seq 1 $((2 + $(r 3)))); do
    player "play$n$(echo abcdef | cut -c$i)" $(pick 0 1 2 3 4 -2) $((1 + $(r 4))) & ps+=($!)
  done
  sleep 1
  junkall $((3 + $(r 8)))
  admin "admin$n" "/password wrong$RANDOM" "/password $PW" "/playerlist" "/lagstats" "/clientquery" "/serverquery" \
    "/countdown" "/flag reset unused" "/flag show" "/flag up" "/mute watch${n}1" "/unmute watch${n}1" "/modcount +1" \
    "/viewreports" "/banlist" "/hostban *.example.org 10 spam" "/hostbanlist" "/hostunban *.example.org" \
    "/idban 1234 5 test" "/checkip 127.0.0.1" "/ban 127.0.0.77 2 testing" "/unban 127.0.0.77" "/unban 10.9.9.9" \
    "/kick watch${n}2 go away" "/kick nosuch" "/poll ban play${n}a" "/vote yes" "/veto" \
    "/record start" "/record stats" "/record stop" "/record save rec$n.rec" "/record list" "/replay list" \
    "/set _tankSpeed 30" "/reset _tankSpeed" "/setgroup watch${n}1 ADMINS" "/removegroup watch${n}1 ADMINS" "/groupperms" \
    "/listplugins" "/time 60" "/jitterstats" "/packetlossstats" "/gameover" "/reload" "/superkill" & ps+=($!)
  sleep $((6 + $(r 5)))
  junkall $((2 + $(r 6)))
  for i in 1 2; do player "late$n$i" $(pick 0 1 2) 2 & ps+=($!); done
  wait "${ps[@]}"
}

# run 1: default style, then ban 127.0.0.1 for a moment, SIGTERM
start_server $(pick -j -t "-ms 3")
session 1
admin "banner" "/password $PW" "/ban 127.0.0.1 1 everyone out" "/banlist"
admin "rejected" "should not get in"
player "rejp" 1 1
junkall 2
stop_server

# run 2: capture the flag style with a world file; admin shuts it down
start_server -c -world "$D/good.bzw" +f good -sa -st 5
session 2
admin "closer" "/password $PW" "/shutdownserver"
sleep 2; stop_server

# run 3: broken world file or bad option -> start-up failure
$BZFS -d -d -ts -p $((PORT + 1)) -i 127.0.0.1 $(pick "-world $D/bad.bzw" "-world $D/missing.bzw" "-mp 0,0,0" "-rabbit zzz") >> "$LOG" 2>&1 &
p=$!; echo $p >> "$D/started.pids"; sleep 2; kill -TERM $p 2>/dev/null; wait $p 2>/dev/null

# run 4: rabbit or free-for-all, random map, SIGTERM
start_server $(pick "-rabbit score" "-offa" "-rabbit random") -b -h
session 3
[ -n "$SRVPID" ] && kill -TERM "$SRVPID"; wait "$SRVPID" 2>/dev/null; SRVPID=""
rm -f "$D"/*.rec
