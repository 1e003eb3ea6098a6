#!/bin/bash
# Randomised workload for the Pioneers console server (loopback only, ports 53000-53999).
# pioneers.log = stdout+stderr of every pioneers-server-console run (default log level).
DIR=$(cd "$(dirname "$0")" && pwd)
W=$DIR/work
LOG=$DIR/pioneers.log
SRV=/usr/games/pioneers-server-console
AI=/usr/games/pioneersai
CL="python3 $DIR/pclient.py"
rm -rf "$W"; mkdir -p "$W/home"; : > "$LOG"
export HOME=$W/home
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done; }
trap cleanup EXIT
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
NAMES=(Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Oscar Peggy Trent Victor Walter)

srv() { "$SRV" "$@" >> "$LOG" 2>&1; }                       # foreground run
srv_bg() { "$SRV" "$@" >> "$LOG" 2>&1 & SPID=$!; PIDS+=($SPID); sleep 0.7; }
ai() { "$AI" -s 127.0.0.1 -p "$1" -n "$2" -t $(rnd 5 40) $(pick "" -c) -a $(pick greedy lobbybot greedy) > /dev/null 2>&1 & PIDS+=($!); }

# ---------------------------------------------- broken game files in the user's game directory
make_games() {
  local G=$HOME/.local/share/pioneers; mkdir -p "$G"
  local base=/usr/share/games/pioneers/small.game
  for n in $(shuf -e 0 1 2 4 5 6 7 8 9); do
    case $n in
      0) sed 's/^title .*/title Broken Keyword/' $base | sed "2i $(pick frobnicate harbour-tax wormholes) $(rnd 1 9)" > "$G/keyword$n.game";;
      1) grep -v '^title' $base > "$G/notitle.game";;
      2) sed '/^map$/,$d' $base | sed 's/^title .*/title No Map/' > "$G/nomap.game";;
      4) grep -v '^chits' $base | sed 's/^title .*/title No Chits/' > "$G/nochits.game";;
      5) sed 's/^chits .*/chits /' $base | sed 's/^title .*/title Empty Chits/' > "$G/emptychits.game";;
      6) sed 's/^title .*/title Old Variant/' $base | sed '2i variant islands' > "$G/obsolete.game";;
      7) sed 's/^title .*/title Future Rules/' $base | sed "2i new-rule $(pick pirate-ship harbour-master fog-of-war) 1" > "$G/newrule.game";;
      8) sed 's/^title .*/title Bad Bonus/' $base | sed '2i island-discovery-bonus ' > "$G/bonus.game";;
      9) sed 's/^title .*/title Bad Nosetup/' $base | sed '$a nosetup 9 9 1' > "$G/nosetup.game";;
    esac
  done
}

# ---------------------------------------------- phase 1: command line problems
srv --version
srv --$(pick bogus frobnicate colour)
srv -p 53100 -P $(pick many x two)
srv -g "Default" --file /usr/share/games/pioneers/small.game -p 53100
srv -g "$(pick Atlantis 'No Such Map' Middle-earth)" -p 53100
srv --file "$W/missing-$RANDOM.game" -p 53100
[ $((RANDOM % 2)) = 0 ] && srv -p 53100 -t nope

# ---------------------------------------------- phase 2: servers that quit by themselves
for i in $(seq 1 $(rnd 4 6)); do
  srv -p $(rnd 53100 53199) -k 1 -g "$(pick Default 'Small' 'Square' 'Seafarers' 'Lorindol')"
done
make_games
for i in $(seq 1 $(rnd 14 18)); do
  srv -p $(rnd 53100 53199) -k 1 -P $(rnd 2 6) -v $(rnd 3 12)
done

# ---------------------------------------------- phase 3: a game with AI players and raw clients
P=$(rnd 53200 53249); A=$((P + 500))
srv_bg -p $P -a $A -P $(rnd 3 5) -v $(rnd 5 9) -R $(rnd 0 2) -T $(rnd 0 1) --fixed-seating-order
MAIN=$SPID
# the port is taken: a second server fails to start
srv -p $P -k 2
$CL silent $P 70 & SIL=$!; PIDS+=($SIL)                    # never answers the pings
$CL extension $P $(rnd 60 140)
$CL junk $P $(rnd 4 10)
$CL overflow $P
$CL reset $P
$CL hangup $P
$CL spectator $P 1 & PIDS+=($!)
$CL extension $P $(rnd 40 90)
$CL reset $P
$CL spectator $P 2
$CL extension $P $(rnd 2 4) & PIDS+=($!)
$CL reset $P
sleep $(rnd 2 4)
$CL admin $A "admin info" "admin get-bank" "admin send-message hello from admin" "admin fix-dice 6" "nonsense" "admin" "admin frobnicate"
for i in $(seq 1 $(rnd 6 12)); do $CL $(pick reset hangup junk overflow extension) $P $(rnd 3 9); sleep 0.$(rnd 1 9); done

# a short game between two computer players (3 victory points); late comers are refused
P3=$(rnd 53250 53299)
srv_bg -p $P3 -P 2 -v 3 -R $(rnd 0 2) -T $(rnd 0 1)
GAME=$SPID
for n in $(shuf -e "${NAMES[@]}" | head -2); do ai $P3 $n; done
sleep $(rnd 6 9)
for i in $(seq 1 $(rnd 3 7)); do $CL $(pick hangup junk extension) $P3 2; sleep 0.$(rnd 1 5); done
ai $P3 Latecomer
sleep 1
kill -$(pick TERM INT) $GAME 2>/dev/null

# ---------------------------------------------- phase 4: admin-controlled server (restarted through the admin port)
P2=$(rnd 53300 53399); A2=$((P2 + 500))
srv_bg -s -a $A2
ADM=$SPID
$CL admin $A2 "admin help" "admin get-bank" "admin set-register-server 0" "admin set-port $P2" "admin set-game $(pick Default Small Square)" \
  "admin set-num-players $(rnd 2 4)" "admin set-victory-points $(rnd 3 5)" "admin start-server"
$CL extension $P2 $(rnd 2 5)
$CL reset $P2
for r in $(seq 1 $(rnd 12 16)); do
  $CL admin $A2 "admin stop-server" "admin set-sevens-rule $(rnd 0 2)" "admin set-random-terrain $(rnd 0 1)" \
    "admin set-dice-deck $(rnd 0 1)" "admin set-game $(pick Default Small Square 'Nowhere Land')" "admin start-server"
  $CL $(pick reset hangup extension junk) $P2 $(rnd 2 12)
done
$CL admin $A2 "admin stop-server" "admin set-game Default" "admin set-port $P" "admin start-server"      # port still used by the first game
$CL admin $A2 "admin set-port $P2" "admin start-server"
for n in $(shuf -e "${NAMES[@]}" | head -2); do ai $P2 $n; done
sleep $(rnd 4 8)
$CL admin $A2 "admin stop-server" "admin quit"
sleep 1

# ---------------------------------------------- phase 5: wait for the ping timeout of the silent client, then stop
wait $SIL 2>/dev/null
sleep 3
kill -$(pick TERM INT) $MAIN 2>/dev/null
sleep 1
for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done
wait 2>/dev/null
rm -rf "$W"
