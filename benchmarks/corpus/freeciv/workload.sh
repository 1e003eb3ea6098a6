#!/bin/bash
# Randomised workload for the Freeciv 3.0 server (Debian freeciv-server).
# Every server run logs at level "v" (verbose) to one file given with -l; the first 2500
# lines of that file are kept as freeciv.log. AI-only games are driven by console commands
# written to the server's standard input (a FIFO); scripted raw-protocol clients connect on
# 127.0.0.1:27601 with good and bad requests.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=$HERE/run
LOG=$RUN/fc.log
PORT=27601
rm -rf "$RUN"; mkdir -p "$RUN/saves"; chmod -R 777 "$RUN"
SPID=
trap "" PIPE

server() {  # args: extra server options; stdin comes from $RUN/fifo
  HOME=$RUN setpriv --reuid=65534 --regid=65534 --clear-groups \
    /usr/games/freeciv-server -b 127.0.0.1 -p $PORT -l "$LOG" -d v -s "$RUN/saves" "$@" \
    < "$RUN/fifo" >> "$RUN/console.txt" 2>&1 &
  SPID=$!
}

open_console() { rm -f "$RUN/fifo"; mkfifo -m 666 "$RUN/fifo"; }
cmd() { echo "$*" >&7; sleep 0.${RANDOM:0:1}; }

bad_clients() {  # $1 = how many
  local modes=(oldcaps badname garbage shortpkt badzip halfjoin silent oldcaps badname)
  for _ in $(seq "$1"); do
    python3 "$HERE/fcclient.py" $PORT "${modes[RANDOM % ${#modes[@]}]}" "p$RANDOM" 1 2>/dev/null
  done
}

wait_server() {  # wait for the server to exit, at most $1 seconds
  for _ in $(seq $(( $1 * 2 ))); do kill -0 $SPID 2>/dev/null || break; sleep 0.5; done
  kill -0 $SPID 2>/dev/null && { cmd quit; sleep 2; }
  kill -0 $SPID 2>/dev/null && kill $SPID
  wait $SPID 2>/dev/null
}

# --- session 1: an AI game with clients knocking at the door ----------------------------
open_console
server -e $( [ $((RANDOM % 2)) = 0 ] && echo --ruleset classic )
exec 7> "$RUN/fifo"
sleep 2
cmd set minplayers 0
cmd set aifill $((RANDOM % 4 + 4))
cmd set endturn $((RANDOM % 25 + 25))
cmd set timeout -1
cmd set autosaves TURN
cmd set saveturns $((RANDOM % 5 + 6))
cmd set savename s1
cmd set barbarians $(shuf -n1 -e disabled normal hordes)
cmd set onsetbarbs $((RANDOM % 10 + 5))
cmd set nosuchsetting 3
cmd set aifill 9999
cmd $(shuf -n1 -e easy normal hard cheating)
bad_clients 1
cmd start
sleep $((RANDOM % 3 + 3))
bad_clients 2
bad_clients 2
wait_server 200
exec 7>&-

# --- session 2: reload the saved game and play on --------------------------------------
save=$(ls -t "$RUN"/saves/s1* 2>/dev/null | head -n1)
open_console
server -e -f "$save"
exec 7> "$RUN/fifo"
sleep 2
cmd set minplayers 0
cmd set timeout -1
cmd set autosaves \"\"
cmd set saveturns 15
cmd set endturn $((RANDOM % 15 + 35))
bad_clients 1
cmd start
sleep $((RANDOM % 4 + 2))
[ $((RANDOM % 2)) = 0 ] && cmd endgame
wait_server 120
exec 7>&-

# --- session 3: start-up failures --------------------------------------------------------
for what in $(shuf -e port nofile ruleset script); do
  open_console
  case $what in
    port)  # the port is taken by another listener
      python3 -c "import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(('127.0.0.1',$PORT));s.listen();time.sleep(6)" &
      LPID=$!; sleep 1
      server; exec 7> "$RUN/fifo"; sleep 3; wait_server 3; kill $LPID 2>/dev/null; wait $LPID 2>/dev/null ;;
    nofile) server -f "$RUN/saves/no-such-game-$RANDOM.sav"; exec 7> "$RUN/fifo"; sleep 3; wait_server 3 ;;
    ruleset) server --ruleset nosuchruleset; exec 7> "$RUN/fifo"; sleep 3; wait_server 3 ;;
    script) server -r "$RUN/missing-$RANDOM.serv"; exec 7> "$RUN/fifo"; sleep 3; bad_clients 2; cmd quit; wait_server 3 ;;
  esac
  exec 7>&-
done

# --- session 4: a short second game that the console stops early ------------------------
open_console
server
exec 7> "$RUN/fifo"
sleep 2
cmd set minplayers 0
cmd set aifill $((RANDOM % 3 + 2))
cmd set timeout -1
cmd set endturn 200
cmd set autosaves \"\"
cmd start
sleep $((RANDOM % 4 + 3))
bad_clients 2
cmd save
cmd endgame
sleep 2
cmd quit
wait_server 20
exec 7>&-

head -n 2500 "$LOG" > "$HERE/freeciv.log"
cp "$RUN/console.txt" /tmp/fc_console_r21.txt
rm -rf "$RUN"
wc -l "$HERE/freeciv.log"
