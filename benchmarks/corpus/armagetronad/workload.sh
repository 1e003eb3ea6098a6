#!/bin/bash
# Randomised workload for armagetronad-dedicated: several server runs driven through the console
# (settings changes, admin commands good and bad, bans, includes, messages), with UDP garbage and
# truncated protocol packets thrown at the game port, restarts with different configs and shutdowns.
cd "$(dirname "$0")"
D=$PWD/run; rm -rf "$D"; mkdir -p "$D"/var "$D"/udata "$D"/uconf
LOG=$PWD/armagetronad.log; : > "$LOG"
SRV=/usr/games/armagetronad-dedicated.real
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
PORT=$((25350 + RANDOM % 30))
for f in breakfast_in_hell death_zone fortress_soccer single_use_turbo; do cp /etc/armagetronad-dedicated/examples/$f.cfg "$D/uconf/"; done

udpjunk() {  # send assorted junk / truncated armagetron packets to the game port
  python3 - "$PORT" "$1" <<'PY'
import random, socket, struct, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(n):
    k = random.randrange(6)
    if k == 0:   data = bytes(random.getrandbits(8) for _ in range(random.randint(1, 200)))
    elif k == 1: data = struct.pack(">HHH", random.choice([6, 11, 51, 52, 53]), random.randint(0, 9999), 0) + b"\0\0"
    elif k == 2: data = struct.pack(">HHH", 53, random.randint(0, 9999), 0) + struct.pack(">H", 0)   # big server info request
    elif k == 3: data = struct.pack(">HHH", random.randint(0, 400), 1, 200) + b"\x01\x02" + b"\0\0"
    elif k == 4: data = b"\0"
    else:        data = struct.pack(">HHH", 6, 1, 3) + b"\0\1\0\2\0\3" + struct.pack(">H", random.randint(1, 30))
    s.sendto(data, ("127.0.0.1", port))
    time.sleep(random.uniform(0.01, 0.1))
PY
}

console() {   # generate a randomised list of console commands for one server run
  local run=$1
  echo "SAY server run $run starting"
  for i in $(seq 1 $((45 + $(r 20)))); do
    case $(r 30) in
      0) echo "SAY $(pick hello 'welcome to the grid' 'round about to start' 'test message') $RANDOM";;
      1) echo "PLAYERS";;
      2) echo "BAN_IP 127.0.$(r 255).$(r 255) $(pick 5 10 60)";;
      3) echo "UNBAN_IP 127.0.$(r 255).$(r 255)";;
      4) echo "BAN_LIST";;
      5) echo "KICK $(pick nobody player1 42 '')";;
      6) echo "BAN $(pick ghost 7 '') 5";;
      7) echo "INCLUDE $(pick nosuchfile.cfg breakfast_in_hell.cfg death_zone.cfg ../../etc/passwd)";;
      8) echo "SINCLUDE $(pick missing.cfg fortress_soccer.cfg)";;
      9) echo "CYCLE_SPEED $(pick 20 30 40 abc)";;
      10) echo "SIZE_FACTOR $(pick -1 0 1 -2)";;
      11) echo "NUM_AIS $(r 5)";;
      12) echo "FROBNICATE_THE_GRID $(r 9)";;
      13) echo "CONSOLE_MESSAGE important notice $RANDOM";;
      14) echo "CENTER_MESSAGE look here";;
      15) echo "START_NEW_MATCH";;
      16) echo "LIST_SCRIPTS";;
      17) echo "VOTES_CANCEL";;
      18) echo "VOTES_SUSPEND $(r 5)"; echo "VOTES_UNSUSPEND";;
      19) echo "BAN_USER user$(r 99)@forums"; echo "BAN_USER_LIST"; echo "UNBAN_USER user$(r 99)@forums";;
      20) echo "SILENCE $(pick nobody 3)"; echo "VOICE $(pick nobody 3)";;
      21) echo "RENAME $(pick nobody 2) newname";;
      22) echo "SUSPEND $(pick nobody 4) 2";;
      23) echo "KILL $(pick nobody 1)";;
      24) echo "ROUND_CONSOLE_MESSAGE round $RANDOM"; echo "MESSAGE_OF_DAY hello players";;
      25) echo "SERVER_NAME Test Grid $RANDOM";;
      26) echo "MAX_CLIENTS $(pick 4 8 16)"; echo "SPAM_PROTECTION $(pick 1 4 8)";;
      27) echo "ADMINS";;
      28) echo "DECLARE_ROUND_WINNER $(pick nobody 1)";;
      29) echo "SPAWN_SCRIPT $(pick nosuch.sh ../x)"; echo "KILL_SCRIPT nosuch.sh";;
    esac
  done
}

run_server() {   # run number, shutdown command, extra autoexec lines
  local run=$1 how=$2; shift 2
  PORT=$((PORT + 1)); [ $PORT -gt 25399 ] && PORT=25350
  { echo "SERVER_PORT $PORT"; echo "SERVER_IP 127.0.0.1"; echo "TALK_TO_MASTER 0"
    echo "NUM_AIS $(r 4)"; echo "MIN_PLAYERS $(r 4)"; for l in "$@"; do echo "$l"; done; } > "$D/uconf/autoexec.cfg"
  mkfifo "$D/in.$run"
  $SRV -d --input "$D/in.$run" --datadir /usr/share/games/armagetronad --configdir /etc/armagetronad-dedicated \
       --userconfigdir "$D/uconf" --userdatadir "$D/udata" --vardir "$D/var" < /dev/null >> "$LOG" 2>&1 &
  local pid=$!; echo $pid >> "$D/started.pids"
  exec 7> "$D/in.$run"
  sleep 2
  console $run | while IFS= read -r line; do echo "$line" >&7; sleep 0.$(r 3)$(r 9); done
  udpjunk $((20 + $(r 30)))
  console $run | head -n 35 | while IFS= read -r line; do echo "$line" >&7; sleep 0.$(r 3); done
  sleep 1
  case $how in
    quit) echo "QUIT" >&7;;
    exit) echo "EXIT" >&7;;
    term) kill -TERM $pid;;
    int)  kill -HUP $pid;;
  esac
  exec 7>&-
  sleep 2; kill -0 $pid 2>/dev/null && kill -TERM $pid; wait $pid 2>/dev/null
}

run_server 1 quit "$(pick 'GAME_TYPE 1' 'GAME_TYPE 0')"
run_server 2 $(pick term int) "INCLUDE breakfast_in_hell.cfg" "SP_WALLS_LENGTH 100"
run_server 3 exit "NO_SUCH_SETTING 5" "CYCLE_SPEED 25"
run_server 4 $(pick quit term) "INCLUDE death_zone.cfg"
run_server 5 $(pick int exit) "SINCLUDE single_use_turbo.cfg"
rm -f "$D"/in.*
