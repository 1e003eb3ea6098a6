#!/bin/bash
# Randomised workload for websocketd 0.4.1: several server runs with different options,
# raw WebSocket clients (wsclient.py), plain HTTP, static files, CGI, bad requests.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34a/websocketd
LOG=$RUN/websocketd.raw.log
mkdir -p $RUN; : > $LOG
P=42001; R=42002
C="python3 $HERE/wsclient.py"
cd $HERE
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
words() { local n=$((RANDOM % ${1:-6} + 1)) out=(); for i in $(seq $n); do out+=("$(pick alpha beta gamma delta msg$RANDOM hello ping-$RANDOM 'two words' x)"); done; echo "${out[@]}"; }
start() { websocketd --port=$P --address=127.0.0.1 --loglevel=debug "$@" >> $LOG 2>&1 & WSPID=$!; echo $WSPID >> $RUN/pids; sleep 0.6; }
stop() { kill $WSPID 2>/dev/null; wait $WSPID 2>/dev/null; sleep 0.2; }
hget() { curl -s -o /dev/null --max-time 3 "$@"; }

session() {  # random client session against path $1
  local path=$1 m
  m=$(pick normal normal normal normal quit fail err err drop reset binary ping badframe nokey badversion normal)
  case $m in
    quit) $C $P "$path" normal $(words 3) quit ;;
    fail) $C $P "$path" normal $(words 2) fail ;;
    err)  $C $P "$path" normal $(words 2) err-$RANDOM $(words 2) ;;
    *)    $C $P "$path" $m $(words 6) ;;
  esac
}

# run 1: echo program, static files, redirect port, forks limit
start --staticdir=static --redirport=$R --maxforks=3 --header="X-R34: a" ./echo.sh
for i in $(seq $((RANDOM % 10 + 25))); do
  case $((RANDOM % 10)) in
    0|1) hget "http://127.0.0.1:$P/$(pick index.html notes.txt missing.png '' sub/)" ;;
    2) hget "http://127.0.0.1:$R/$(pick x y)" ;;
    3) BG=(); for j in 1 2 3 4; do WS_HOLD=1 $C $P /hold$j hold a b & BG+=($!); done; sleep 0.3; $C $P /over normal z; wait "${BG[@]}" ;;
    *) session "/chat?room=$((RANDOM % 5))" ;;
  esac
done
stop

# run 2: stubborn program (termination by signals), origin restriction, odd hosts
start --origin=good.example,https://secure.example:8443 --closems=$((RANDOM % 50)) ./stubborn.sh $(pick soft hard)
for i in $(seq $((RANDOM % 5 + 5))); do
  case $((RANDOM % 6)) in
    0) WS_ORIGIN=http://evil.example $C $P /o normal hi ;;
    1) WS_ORIGIN="http://good.example:$((RANDOM % 9000 + 1000))" $C $P /o normal $(words 3) ;;
    2) WS_ORIGIN='%%bad' $C $P /o normal hi ;;
    3) WS_ORIGIN='http://[::1' $C $P /o normal hi ;;
    4) WS_ORIGIN=https://secure.example:8443 WS_HOST='a:b:c' $C $P /h normal $(words 2) ;;
    5) hget "http://127.0.0.1:$P/nothing/$RANDOM" ;;
  esac
done
stop
start --sameorigin ./stubborn.sh soft
for i in $(seq $((RANDOM % 4 + 3))); do
  case $((RANDOM % 3)) in
    0) WS_ORIGIN="http://127.0.0.1:$P" $C $P /s normal $(words 3) ;;
    1) WS_ORIGIN="http://other.example:$P" $C $P /s normal hi ;;
    2) WS_ORIGIN="http://127.0.0.1:$P" WS_HOST='[::1' $C $P /s normal hi ;;
  esac
done
stop

# run 3: script directory plus CGI, one fork at a time
start --dir=scripts --cgidir=cgi --maxforks=1 --passenv=PATH,HOME
for i in $(seq $((RANDOM % 10 + 20))); do
  case $((RANDOM % 9)) in
    0) $C $P /missing.sh normal hi ;;
    1) $C $P /noexec.sh normal hi ;;
    2) $C $P "/sub/info.sh/extra/$RANDOM" normal $(words 3) ;;
    3) $C $P /sub normal hi ;;
    4) hget "http://127.0.0.1:$P/hello.cgi?n=$RANDOM" ;;
    5) hget "http://127.0.0.1:$P/slow.cgi" & BG=$!; sleep 0.2; hget "http://127.0.0.1:$P/hello.cgi"; WS_HOLD=0.1 $C $P /upper.sh normal a; wait $BG ;;
    6) hget "http://127.0.0.1:$P/$(pick nope.cgi index.html)" ;;
    *) session /upper.sh ;;
  esac
done
stop

# run 4: developer console; then a second server on a busy port; then bad options
start --devconsole ./echo.sh
for i in $(seq $((RANDOM % 4 + 2))); do hget "http://127.0.0.1:$P/$(pick '' console x)"; session /; done
websocketd --port=$P --address=127.0.0.1 --loglevel=debug ./echo.sh >> $LOG 2>&1
stop
websocketd --port=$P --address=127.0.0.1 --loglevel=debug --devconsole --staticdir=static ./echo.sh >> $LOG 2>&1
websocketd --port=$P --address=127.0.0.1 --loglevel=debug --devconsole --cgidir=cgi ./echo.sh >> $LOG 2>&1

# run 5: plain echo service, mixed traffic
start ./echo.sh
for i in $(seq $((RANDOM % 15 + 20))); do
  case $((RANDOM % 8)) in
    0) hget "http://127.0.0.1:$P/$(pick '' favicon.ico robots.txt)" ;;
    *) session "/ws/$(pick a b c)?user=u$((RANDOM % 20))" ;;
  esac
done
stop
rm -f $RUN/pids
