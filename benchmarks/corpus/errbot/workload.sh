#!/bin/bash
# Randomised workload for Errbot 6.2.1 (PyPI) with the Text backend.
# The bot reads chat lines from a FIFO on stdin; its DEBUG log goes to BOT_LOG_FILE
# (/tmp/round31-r31l/errbot-run/errbot.log, see config.py). The internal webserver is
# configured on 127.0.0.1:31080 and hit with curl. Several bot lives: !restart,
# !shutdown --confirm, EOF on stdin.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round31-r31l
VENV=$BASE/venv-errbot
RUN=$BASE/errbot-run
mkdir -p "$RUN" "$BASE/errbot-data" "$BASE/errbot-backends"
: > "$RUN/pids"
WEB=127.0.0.1:31080

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

life() {   # one bot process fed from a FIFO; $1 = number of chat lines, $2 = how it ends
  local n=$1 how=$2 fifo=$RUN/in.fifo
  rm -f "$fifo"; mkfifo "$fifo"
  (cd "$RUN" && exec "$VENV/bin/errbot" -c "$HERE/config.py" < "$fifo" >> "$RUN/stdout.txt" 2>> "$RUN/stderr.txt") &
  BOT=$!; echo $BOT >> "$RUN/pids"
  exec 7> "$fifo"
  sleep 6
  [ "$how" = restart ] && say "!plugin config Webserver {'HOST': '127.0.0.1', 'PORT': 31080, 'SSL': None}"
  for i in $(seq "$n"); do
    say "$(chat)"
  done
  case $how in
    restart) say "!asadmin"; say "!restart"; sleep 8
             for i in $(seq $((RANDOM % 6 + 3))); do say "$(chat)"; done
             say "!asadmin"; say "!shutdown --confirm" ;;
    shutdown) say "!asadmin"; say "!shutdown"; say "!shutdown --confirm" ;;
    eof) : ;;
  esac
  exec 7>&-
  for i in $(seq 60); do kill -0 $BOT 2>/dev/null || break; sleep 0.5; done
  kill $BOT 2>/dev/null; wait $BOT 2>/dev/null
}

say() { printf '%s\n' "$1" >&7; sleep "0.$((RANDOM % 5 + 6))"; }

chat() {
  local r=$((RANDOM % 65))
  case $r in
    0|1) echo "!help" ;;
    2) echo "!help $(pick Ops Health Plugins status nosuchthing)" ;;
    3) echo "!about" ;;
    4|5) echo "!status" ;;
    6) echo "!status plugins" ;;
    7) echo "!status load" ;;
    8) echo "!uptime" ;;
    9|10) echo "!echo $(pick hello 'ping there' 'some text' ping)" ;;
    11) echo "!whoami" ;;
    12) echo "!history" ;;
    13) echo "!apropos $(pick status plugin room flow xyz)" ;;
    14|15) echo "!count" ;;
    16|17) echo "!store k$((RANDOM % 5)) v$RANDOM" ;;
    18|19) echo "!fetch k$((RANDOM % 7))" ;;
    20) echo "!boom $(pick now later '')" ;;
    21|22) echo "!divide $((RANDOM % 50)) $((RANDOM % 4))" ;;
    23) echo "!divide x" ;;
    24) echo "!slow" ;;
    25) echo "!secret" ;;
    26) echo "!spam $((RANDOM % 4 + 1))" ;;
    27|28) echo "!greet $(pick bob alice eve) --times $((RANDOM % 3 + 1))" ;;
    29) echo "!greet" ;;
    30) echo "!greet bob --times many" ;;
    31) echo "$(pick 'what is the weather' 'how is the weather today' 'Err, status' 'Err: uptime')" ;;
    32|33) echo "!$(pick stauts hepl uptim cont nosuch plugins echoo)" ;;
    34) echo "!asuser @$(pick alice mallory bob)" ;;
    35|61|62|63) echo "!asadmin" ;;
    60|64) echo "!echo hook"; (curl -s -m 3 -X POST -d "{\"k\": $RANDOM}" -H 'Content-Type: application/json' http://$WEB/echo; curl -s -m 3 http://$WEB/ops/x$RANDOM; curl -s -m 3 -d 'a=b' http://$WEB/ops/form; curl -s -m 3 http://$WEB/nope) >/dev/null 2>&1 ;;
    36) echo "!inroom" ;;
    37) echo "!inperson" ;;
    38) echo "!plugin info $(pick Ops Health Nope)" ;;
    39) echo "!plugin deactivate $(pick Ops Utils Nope)" ;;
    40) echo "!plugin activate $(pick Ops Utils Nope Webserver)" ;;
    41) echo "!plugin reload $(pick Ops Help Nope)" ;;
    42) echo "!plugin config $(pick Ops Webserver Nope)" ;;
    43) echo "!plugin config Ops {'LIMIT': $((RANDOM % 20)), 'NAME': 'ops$RANDOM'}" ;;
    44) echo "!plugin config Ops {'WRONG': 1}" ;;
    45) echo "!plugin config Webserver {'HOST': '127.0.0.1', 'PORT': 31080, 'SSL': None}" ; (sleep 2; curl -s -m 3 -X POST -d "{\"k\": $RANDOM}" -H 'Content-Type: application/json' http://$WEB/echo; curl -s -m 3 http://$WEB/ops/x$RANDOM; curl -s -m 3 http://$WEB/nope) >/dev/null 2>&1 & ;;
    46) echo "!plugin blacklist $(pick Ops Backup)" ;;
    47) echo "!plugin unblacklist $(pick Ops Backup Nope)" ;;
    48) echo "!status gc" ;;
    49) echo "!room $(pick create leave topic invite destroy) #$(pick lobby quiet)" ;;
    50) echo "!room list" ;;
    51) echo "!room join #$(pick quiet lobby)" ;;
    52) echo "!room occupants #testroom" ;;
    53) echo "!flows list" ;;
    54) echo "!flows status" ;;
    55) echo "!webstatus" ;;
    56) echo "!webhook test /echo {\"a\": $RANDOM}" ;;
    57) echo "!render test" ;;
    58) echo "!big $((RANDOM % 6000 + 100))" ;;
    59) echo "!log tail" ;;
  esac
}

life $((RANDOM % 20 + 15)) restart
(curl -s -m 3 http://$WEB/ops/after-stop >/dev/null 2>&1)
life $((RANDOM % 20 + 15)) shutdown
life $((RANDOM % 20 + 10)) eof
echo done
