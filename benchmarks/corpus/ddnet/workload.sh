#!/bin/bash
# Randomised workload for the DDNet dedicated server: fake 0.6 clients, server-info probes, garbage
# packets, econ sessions (good and bad passwords), map changes, bans, restarts and shutdown.
# Runs itself inside a private network namespace (only its own loopback), so nothing outside sees it.
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$IN_NETNS" ]; then
  exec unshare -n env IN_NETNS=1 bash "$0" "$@"
fi
ip link set lo up
W=$D/work
L=$W/raw.log
H=$D/home
PORT=62200; EC=62201
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
mkdir -p $W $H/.local/share/ddnet
rm -rf $L $H/.local/share/ddnet/*
cp $D/autoexec_server.cfg $H/.local/share/ddnet/autoexec_server.cfg
: > $D/pids
cd $W
start_server() { HOME=$H /usr/games/DDNet-Server "$@" >> $L 2>&1 & SRV=$!; echo $SRV >> $D/pids; sleep 2; }
client() { python3 $D/fakeclient.py $PORT "$1" $RANDOM ${2:-play} & }
econ() { python3 $D/econ.py $EC $RANDOM "$@"; }
NAMES=(alice bob carol dave eve frank grace heidi ivan judy)
waitclients() { local p=$(jobs -p | grep -v "^$SRV$"); [ -n "$p" ] && wait $p 2>/dev/null; }
players() { for i in $(seq $1); do client "$(pick "${NAMES[@]}")" $2; sleep 0.$(r 1 9); done; }

# rounds of play and administration: players join, chat, vote, use rcon and leave or vanish;
# the econ admin runs commands, changes maps, bans, sets a join password; probes and garbage arrive
rounds() {
for round in $(seq $1); do
  for step in $(seq $(r 3 5)); do
    case $(r 0 10) in
      0|1|2) players $(r 2 6) ;;
      3) python3 $D/fakeclient.py $PORT probe $RANDOM info ;;
      4) python3 $D/fakeclient.py $PORT junk $RANDOM garbage ;;
      5|6) econ $(r 6 14) ;;
      7) econ 3 "$(pick wrong letmein)" ;;
      8) players $(r 1 2) timeout ;;
      9) econ 4 econpw "change_map $(pick ctf1 ctf2 LearnToPlay Tutorial 'Gold Mine' nosuchmap)" "status" "say map changed" ;;
      10) econ 2 econpw "password secret$(r 1 9)" "sv_max_clients_per_ip $(r 2 4)"
          players $(r 2 3) badpass; sleep 2
          econ 2 econpw 'password ""' "sv_max_clients_per_ip 4" ;;
    esac
    sleep 0.$(r 2 9)
  done
  if [ $(r 0 3) = 0 ]; then
    players 2; sleep 2
    econ 4 econpw "status" "ban 0 1 cheating" "bans" "unban 0"
  fi
  waitclients
done
}

# 1. first server: many rounds, then too many wrong econ passwords and a shutdown via econ
start_server "sv_map $(pick Tutorial 'Gold Mine' 'Sunny Side Up' Tsunami)"
rounds $(r 11 13)
econ 2 econpw "sv_max_clients_per_ip $(r 1 2)" "status"
players 3
sleep 3
waitclients
for i in $(seq $(r 2 4)); do econ 1 "bad$i"; done
econ 1 econpw shutdown
wait $SRV
# 2. restart on another map; a second instance finds the port busy; more rounds; signal shutdown
start_server "sv_map $(pick Tutorial ctf2 'Gold Mine' LearnToPlay)"
HOME=$H timeout 5 /usr/games/DDNet-Server "sv_map Tutorial" >> $L 2>&1
rounds $(r 9 11)
kill -$(pick TERM INT) $SRV; wait $SRV
# 3. a server asked to start on a map that does not exist
start_server "sv_map nosuchmap"
sleep 1
kill -TERM $SRV 2>/dev/null; wait $SRV 2>/dev/null
head -n 2500 $L > $D/ddnet.log
wc -l $L $D/ddnet.log
