#!/bin/bash
# Randomised workload for x11vnc on a private Xvfb display :140, RFB port 44100 (127.0.0.1 only),
# reverse-connection viewer on 44102. Log: run/x11vnc.log (-oa, verbose -v).
D=/work/round25/x11vnc
R=$D/run
DISP=:140
PORT=44100
LOG=$R/x11vnc.log
mkdir -p $R
cd $D
export DISPLAY=$DISP

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
cli() { timeout 25 python3 $D/rfbclient.py $PORT "$@" >/dev/null 2>&1; }
rc() { timeout 10 x11vnc -display $DISP -sync -R "$1" >/dev/null 2>&1; sleep 0.3; }
qc() { timeout 10 x11vnc -display $DISP -sync -Q "$1" >/dev/null 2>&1; }

start_xvfb() {
  Xvfb $DISP -screen 0 $(pick 800x600x24 1024x768x24 640x480x24) -nolisten tcp -auth /dev/null >>$R/xvfb.out 2>&1 &
  echo $! > $R/xvfb.pid
  for i in $(seq 30); do xdpyinfo -display $DISP >/dev/null 2>&1 && break; sleep 0.2; done
}
start_x11vnc() { # extra options
  x11vnc -display $DISP -rfbport $PORT -rfbportv6 0 -listen 127.0.0.1 -noipv6 -v -oa $LOG -noncache "$@" >>$R/x11vnc.out 2>&1 &
  echo $! > $R/x11vnc.pid
  for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.2; done
  sleep 0.5
}
wait_x11vnc_exit() {
  local p; p=$(cat $R/x11vnc.pid)
  for i in $(seq 50); do kill -0 $p 2>/dev/null || return; sleep 0.2; done
  kill -TERM $p 2>/dev/null; sleep 1
}

client_burst() { # pw_rw pw_ro ; several clients, some concurrent
  local rw=$1 ro=$2 n=$((RANDOM%4+3)) ps=() i m
  for i in $(seq $n); do
    m=$(pick "viewer $rw" "viewer $rw" "viewer $ro" "badpass" "badversion" "garbage" "badsectype $rw" "badmsg $rw" "hugecut $rw" "midclose" "idle 1" "silent 1")
    if [ $((RANDOM%2)) = 0 ]; then cli $m & ps+=($!); else cli $m; fi
  done
  [ ${#ps[@]} -gt 0 ] && wait "${ps[@]}" 2>/dev/null
}

remote_round() {
  case $((RANDOM%9)) in
    0) rc viewonly; cli viewer $1; rc noviewonly ;;
    1) rc "allow:127.0.0.2"; cli viewer $1; rc "allow:127.0.0.1" ;;
    2) rc deny_all; cli viewer $1; rc nodeny_all ;;
    3) rc "defer:$((RANDOM%40+10))"; rc "wait:$((RANDOM%30+10))" ;;
    4) rc noxdamage; cli viewer $1; rc xdamage ;;
    5) rc "cursor:$(pick arrow most none)"; rc "$(pick nocursorshape cursorshape nocursorpos cursorpos)" ;;
    6) rc "bogus_$RANDOM"; qc "nosuchvar" ;;
    7) cli idle 3 & local ip=$!; sleep 0.5; rc "disconnect:all"; wait $ip ;;
    8) qc clients; qc ping; rc "$(pick bell nobell sel nosel)" ;;
  esac
}

reverse_round() { # x11vnc connects out to a listening viewer
  timeout 25 python3 $D/rfbclient.py 44102 listen $1 >/dev/null 2>&1 &
  local p=$!
  sleep 0.5; rc "connect:127.0.0.1:44102"; wait $p 2>/dev/null
}

rm -f $LOG
x11vnc -storepasswd s3cret $R/passwd >/dev/null 2>&1
printf 'rwpass\n__BEGIN_VIEWONLY__\nropass\n' > $R/passfile

# --- instance A: passwd file with view-only password, shared ---
start_xvfb
start_x11vnc -passwdfile $R/passfile -shared -forever
for r in $(seq $((RANDOM%3+4))); do client_burst rwpass ropass; remote_round rwpass; done
reverse_round rwpass
client_burst rwpass ropass
rc stop
wait_x11vnc_exit

# --- instance B: rfbauth password, never shared, signal shutdown ---
start_x11vnc -rfbauth $R/passwd -nevershared -forever $(pick "" -viewonly "-input KM")
for r in $(seq $((RANDOM%3+3))); do client_burst s3cret s3cret; remote_round s3cret; done
cli viewer s3cret & vp=$!; sleep 0.5; cli viewer s3cret; wait $vp
kill -$(pick TERM INT HUP) $(cat $R/x11vnc.pid)
wait_x11vnc_exit

# --- instance C: no password, X server dies underneath it ---
start_x11vnc -nopw -shared -forever
for r in $(seq $((RANDOM%2+2))); do client_burst "" ""; remote_round ""; done
cli idle 4 & ip=$!; sleep 1
kill -TERM $(cat $R/xvfb.pid)
wait_x11vnc_exit
wait $ip
sleep 0.5
kill $(cat $R/xvfb.pid) 2>/dev/null
