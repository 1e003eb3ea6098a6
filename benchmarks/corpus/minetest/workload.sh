#!/bin/bash
# Round-19 corpus workload: Minetest 5.6 dedicated server (Debian 12 package minetest-server),
# debug_log_level = info, --logfile, minetest_game, bound to 127.0.0.1:27500 (UDP).
# Scripted clients: mtclient.py (beside this file, a minimal protocol-41 client with SRP auth;
# needs the PyPI package `srp` only for its group constants, installed into a private venv).
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   (default OUT_DIR = the folder of this script, DURATION = 240). Writes OUT_DIR/minetest.log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
W=/tmp/r19mt; PORT=27500
[ -x /usr/games/minetestserver ] || DEBIAN_FRONTEND=noninteractive apt-get install -y minetest-server
[ -x $W/venv/bin/python ] || { mkdir -p $W; python3 -m venv $W/venv; $W/venv/bin/pip -q install srp; }
PY="$W/venv/bin/python $HERE/mtclient.py 127.0.0.1 $PORT"
rm -rf $W/world; mkdir -p $W/world "$OUT"; rm -f "$OUT/minetest.log"
cat > $W/mt.conf <<EOF
bind_address = 127.0.0.1
port = $PORT
server_name = r19 test
name = admin
debug_log_level = info
default_game = minetest_game
enable_damage = true
disallow_empty_password = true
max_users = 5
server_map_save_interval = 7
active_block_range = 1
max_block_send_distance = 2
EOF
start() {
  /usr/games/minetestserver --config $W/mt.conf --world $W/world --gameid minetest_game \
    --logfile "$OUT/minetest.log" --port $PORT >/dev/null 2>&1 &
  echo $! > $W/pid; sleep 4
}
stop() { kill -INT "$(cat $W/pid)" 2>/dev/null; for i in $(seq 30); do kill -0 "$(cat $W/pid)" 2>/dev/null || break; sleep 0.5; done; }
waitc() { local p; for p in $(jobs -p); do [ "$p" = "$(cat $W/pid)" ] || wait "$p"; done; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

declare -A PW
USERS=(alice bob carol dave erin frank grace heidi)
for u in "${USERS[@]}"; do PW[$u]="pw$RANDOM$u"; done
PW[admin]="adm$RANDOM"
words=(hello hi "anyone here" "nice build" lag "brb" "where is spawn" "gg" "look at this" "help me" "selling wood" "ok")
items=(default:dirt default:stone default:wood default:torch default:apple default:pick_steel default:cobble)
privs=(fly fast noclip teleport settime give interact shout debug)

chatcmds() {  # random commands for an ordinary player
  local n=$((1 + $(r 5))) out=()
  for i in $(seq $n); do
    case $(r 14) in
      0|1|2) out+=("chat:$(pick "${words[@]}") $RANDOM") ;;
      3) out+=("chat:/msg $(pick "${USERS[@]}") $(pick "${words[@]}")") ;;
      4) out+=("chat:/me $(pick waves dances digs sleeps)") ;;
      5) out+=("chat:/sethome") ;;
      6) out+=("chat:/home") ;;
      7) out+=("chat:/kill") ;;
      8) out+=("chat:/time $(r 24):$(r 60)") ;;
      9) out+=("chat:/giveme $(pick "${items[@]}") $((1 + $(r 50)))") ;;
      10) out+=("wait:$((1 + $(r 4)))") ;;
      11) out+=("chat:/status") ;;
      12) out+=("chat:/teleport $(( $(r 400) - 200 )),$(r 30),$(( $(r 400) - 200 ))") ;;
      13) out+=("chat:/pulverize") ;;
    esac
  done
  printf '%s\n' "${out[@]}"
}
admincmds() {
  local n=$((1 + $(r 4))) out=() u
  for i in $(seq $n); do
    u=$(pick "${USERS[@]}")
    case $(r 16) in
      0) out+=("chat:/grant $u $(pick "${privs[@]}")") ;;
      1) out+=("chat:/revoke $u $(pick "${privs[@]}")") ;;
      2) out+=("chat:/time $(r 24):$(r 60)") ;;
      3) out+=("chat:/give $u $(pick "${items[@]}") $((1 + $(r 99)))") ;;
      4) out+=("chat:/teleport $u $(( $(r 600) - 300 )),$(r 40),$(( $(r 600) - 300 ))") ;;
      5) out+=("chat:/kick $u $(pick spam griefing afk '')") ;;
      6) out+=("chat:/clearobjects quick") ;;
      7) out+=("chat:/setpassword $u ${PW[$u]}") ;;
      8) out+=("chat:/auth_reload") ;;
      9) out+=("chat:/emergeblocks here $((1 + $(r 20)))") ;;
      10) out+=("chat:/deleteblocks here $((1 + $(r 16)))") ;;
      11) out+=("chat:/fixlight here $((1 + $(r 16)))") ;;
      12) out+=("chat:/grant $u all") ;;
      13) out+=("chat:/revoke $u all") ;;
      14) out+=("chat:/remove_player player$(r 30)") ;;
      15) out+=("chat:/set -n mt_$RANDOM $RANDOM") ;;
    esac
    out+=("wait:1")
  done
  printf '%s\n' "${out[@]}"
}

session() {  # user password [actions...]
  local u=$1 p=$2; shift 2
  timeout 40 $PY "$u" "$p" "$@" >/dev/null 2>&1
}

one_round() {
  local u=$(pick "${USERS[@]}")
  case $(r 20) in
    0|1|2|3) mapfile -t A < <(chatcmds); session "$u" "${PW[$u]}" "${A[@]}" "$(pick quit quit quit drop)" & ;;
    4|5) session "$u" "wrong$RANDOM" ;;
    6) session "newbie$RANDOM" - ;;
    7) session "$(pick 'bad name' 'x@y' 'semi;colon' "$(head -c 30 /dev/zero | tr '\0' a)$RANDOM" singleplayer '')" x ;;
    8) session "$u" x badproto ;;
    9) session "$u" x garbage ;;
    10) timeout 3 $PY x x garbage0 >/dev/null 2>&1 ;;
    11) mapfile -t A < <(admincmds); session admin "${PW[admin]}" "${A[@]}" quit ;;
    12) session "$u" "${PW[$u]}" noready ;;
    13) session "$u" "${PW[$u]}" "wait:$((2 + $(r 5)))" quit & sleep 1
        session "$u" "${PW[$u]}" "chat:double $RANDOM" quit ;;
    14) for k in 1 2 3 4 5 6; do v=$(pick "${USERS[@]}"); session "$v" "${PW[$v]}" "wait:$((4 + $(r 4)))" quit & sleep 0.4; done; sleep 2 ;;
    15) session admin "${PW[admin]}" "chat:/ban $u" "wait:1" "chat:/unban $u" "wait:1" quit &
        sleep 1.5; session "$u" "${PW[$u]}" quit; waitc ;;
    16) session "guest$(r 1000)" "g$RANDOM" "chat:$(pick "${words[@]}")" quit & ;;
    17) session "$u" "${PW[$u]}" "chat:/privs" "chat:/grant $u fly" "chat:/help" "chat:/days" quit & ;;
    18) session "$u" "${PW[$u]}" "wait:$((2 + $(r 4)))" drop & ;;
    19) mapfile -t A < <(admincmds); session admin "${PW[admin]}" "chat:/clearpassword $u" "wait:1" "chat:/setpassword $u ${PW[$u]}" "${A[@]}" quit ;;
  esac
  sleep 0.$(r 9)
}

start
# register every account (first SRP) so later logins use SRP
for u in admin "${USERS[@]}"; do session "$u" "${PW[$u]}" quit; done
END=$((SECONDS + DURATION))
HALF=$((SECONDS + DURATION / 2)); restarted=0
while [ $SECONDS -lt $END ]; do
  one_round
  if [ $restarted = 0 ] && [ $SECONDS -ge $HALF ]; then
    waitc; stop; sleep 1; start; restarted=1
  fi
done
waitc
session admin "${PW[admin]}" "chat:/shutdown" "wait:3"
sleep 3
stop
