#!/bin/bash
# Randomised workload for the PokerTH dedicated server (Debian pokerth-server), log level 2 (verbose),
# log = $HOME/.pokerth/log-files/server_messages.log. Scripted protobuf clients (client.py) play against it,
# a fake IRC server (ircd.py) feeds the admin/lobby IRC bots.  Usage: workload.sh [seed]
set -u
SEED=${1:-$RANDOM}; RANDOM=$SEED
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round33-r33d/pokerth; H=$RUN/home; PORT=39550; IRC=39556
rm -rf "$H"; mkdir -p "$H/.pokerth/log-files"; : > "$RUN/names.txt"
python3 "$HERE/ircd.py" $IRC $SEED "$RUN/names.txt" > /dev/null 2>&1 & echo $! > "$RUN/ircd.pid"
for s in $(seq $((4 + RANDOM % 3))); do
  sed "s#@HOME@#$H#g" "$HERE/config.xml" > "$H/.pokerth/config.xml"
  C=$H/.pokerth/config.xml; PW=""; PIDF=$RUN/pokerth.pid
  case $((RANDOM % 4)) in 0) PW=tablepw; sed -i "s#<ServerPassword value=\"\"#<ServerPassword value=\"$PW\"#" "$C" ;; esac
  case $((RANDOM % 4)) in
    0) sed -i 's#<UseAdminIRC value="1"#<UseAdminIRC value="0"#; s#<UseLobbyIRC value="1"#<UseLobbyIRC value="0"#' "$C" ;;
    1) sed -i 's#<AdminIRCServerPort value="39556"#<AdminIRCServerPort value="39557"#' "$C" ;;   # nothing listens there
  esac
  [ $((RANDOM % 5)) = 0 ] && sed -i 's#<AppDataDir value="[^"]*"#<AppDataDir value="/nonexistent/pokerth/"#' "$C"
  [ $((RANDOM % 5)) = 0 ] && PIDF=$RUN/no/such/dir/pokerth.pid
  HOME=$H /usr/games/pokerth_server -l 2 -p "$PIDF"
  sleep 2
  SPID=$(pgrep -n -f "^/usr/games/pokerth_server -l 2 -p $PIDF\$")
  [ -f "$PIDF" ] && SPID=$(cat "$PIDF")
  python3 "$HERE/client.py" $PORT $((12 + RANDOM % 14)) $((60 + RANDOM % 80)) $((SEED + s)) "$PW"
  if [ $((RANDOM % 3)) = 0 ]; then kill -INT "$SPID"; else kill "$SPID"; fi
  for i in $(seq 30); do kill -0 "$SPID" 2>/dev/null || break; sleep 1; done
  kill -9 "$SPID" 2>/dev/null
  sleep 1
done
kill "$(cat "$RUN/ircd.pid")"
