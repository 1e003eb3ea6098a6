#!/bin/bash
# Randomised workload for teeworlds-server 0.7.5: ports 28100/udp (game) and 28101/tcp (econ).
cd "$(dirname "$0")"
PY=${PY:-venv/bin/python}
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install -q twnet-parser; }  # scripted 0.7 client needs twnet-parser
GP=28100; EP=28101
LOG=teeworlds.full.log
: > $LOG
R() { echo $(( RANDOM % $1 )); }

write_cfg() {
cat > server.cfg <<CFG
sv_name workload test server
sv_port $GP
bindaddr 127.0.0.1
sv_register 0
sv_map $1
sv_gametype $2
sv_max_clients 8
sv_max_clients_per_ip 8
sv_rcon_password rconpw
sv_rcon_mod_password modpw
sv_rcon_max_tries 3
sv_rcon_bantime 0
ec_port $EP
ec_bindaddr 127.0.0.1
ec_password ecpw
ec_bantime 0
ec_auth_timeout 5
ec_output_level 2
console_output_level 2
debug 1
sv_warmup 0
sv_vote_kick_min 0
sv_spamprotection 0
sv_inactivekick_time 1
add_vote "restart" "restart"
add_vote "dm2" "change_map dm2"
add_vote "ctf1" "change_map ctf1"
mod_command status 1
exec nonexistent.cfg
CFG
}

start_server() {
  write_cfg "$1" "$2"
  /usr/games/teeworlds-server -f server.cfg >> $LOG 2>&1 &
  SRV=$!
  sleep 1.5
}

econ() { timeout 40 $PY econ_client.py $EP "$@" >/dev/null 2>&1; }
client() { timeout 60 $PY tw_client.py $GP "$@" >/dev/null 2>&1; }

ECON_CMDS=(status "echo hello" "say welcome all" "broadcast server restart soon" "tune gravity 0.4" "tune nosuch 1"
  "tune_reset" "tunes" "pause 2" "restart 1" "change_map dm2" "change_map ctf1" "set_team 0 1" "set_team 7 0"
  "set_team_all 0" "swap_teams" "shuffle_teams" "lock_teams" "force_teambalance" "add_vote kick0 kick 0"
  "remove_vote kick0" "remove_vote nosuchvote" "vote yes" "vote no" "clear_votes" "add_vote restart restart" "ban 127.0.0.2 1 spam"
  "ban 300.1.1.1 5 x" "ban 10.0.0.1-10.0.0.9 2 range" "unban 127.0.0.2" "unban 9.9.9.9" "unban_all" "bans" "kick 9" "kick 0 bye"
  "ban 3 1 test" "nosuchcommand" "sv_max_clients" "mod_status" "mod_command status" "mod_command nosuch"
  "toggle sv_spamprotection 0 1" "exec missing.cfg" "exec ../../etc/passwd" "logout" "record" "reload" "tune" "kick"
  "sv_motd hello there" "bans_save bans.cfg" "dump_sqlite" "sv_map nosuchmap" "echo")

econ_session() {
  local n=$((3 + $(R 8))) cmds=()
  for i in $(seq $n); do cmds+=("${ECON_CMDS[$(R ${#ECON_CMDS[@]})]}"); done
  econ ecpw "${cmds[@]}"
}

MODES=(normal normal normal rcongood rconbad timeout infobad password normal)
NAMES=(alice bob carol dave eve frank gina hugo ivan judy)
round() {
  local k=$((2 + $(R 4))) pids=()
  for i in $(seq $k); do
    client "${NAMES[$(R ${#NAMES[@]})]}" $RANDOM "${MODES[$(R ${#MODES[@]})]}" &
    pids+=($!)
    sleep 0.$((1 + $(R 9)))
  done
  case $(R 6) in
    0|1) econ_session ;;
    2) econ "bad1,bad2,bad3" status ;;
    3) timeout 60 $PY garbage.py $GP $RANDOM $((5 + $(R 20))) ;;
    4) econ "wrong" ;;
    5) econ ecpw "status" "kick $(R 4) econ kick" "ban $(R 4) 1 econ ban" "unban_all" ;;
  esac
  wait "${pids[@]}"
}

MAPS=("dm1 dm" "dm2 tdm" "ctf1 ctf" "ctf2 ctf" "lms1 lms" "dm6 lts")
for run in 1 2 3; do
  EP=$((28100 + run))
  start_server ${MAPS[$(R ${#MAPS[@]})]}
  for r in $(seq $((5 + $(R 3)))); do round; done
  # an econ client idling past auth timeout, and a plain TCP connect that sends nothing
  timeout 8 $PY -c "import socket,time; s=socket.create_connection(('127.0.0.1',$EP)); time.sleep(7)" 2>/dev/null
  econ_session
  if [ $run != 3 ]; then econ ecpw "say shutting down" shutdown; else kill -TERM $SRV; fi
  wait $SRV
  sleep 0.5
done
# start attempt with an unloadable map
start_server missingmap dm; sleep 1; kill -TERM $SRV 2>/dev/null; wait $SRV 2>/dev/null
head -n 2500 $LOG > teeworlds.log
rm -f $LOG server.cfg; rm -rf /root/.local/share/teeworlds/demos
