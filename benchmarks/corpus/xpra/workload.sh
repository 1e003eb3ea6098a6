#!/bin/bash
# Randomised workload for an xpra server on display :62 (tcp 44162, rfb 44164); clients on Xvfb :63/:64
D=/work/round26/xpra
R=$D/run
cd $D
mkdir -p $R/sock $R/xdg; chmod 700 $R/xdg
export XDG_RUNTIME_DIR=$R/xdg XAUTHORITY=$R/Xauthority
touch $XAUTHORITY
echo -n hunter2 > $R/pw.txt; echo -n wrongpass > $R/bad.txt
LOG=$R/xpra.log; rm -f $LOG $R/*.pids
COMMON="--socket-dirs=$R/sock --mdns=no --pulseaudio=no --notifications=no --speaker=no --microphone=no --webcam=no --printing=no --file-transfer=no --systemd-run=no --dbus-launch= --dbus-proxy=no --dbus-control=no --html=off --opengl=no"
TCP=44162; RFB=44164
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

for d in 63 64; do Xvfb :$d -nolisten tcp > $R/xvfb$d.log 2>&1 & echo $! >> $R/xvfb.pids; done
sleep 1

SPID=
start_server() {  # mode (start|upgrade), extra args
  local mode=$1; shift
  setsid xpra $mode :62 --daemon=no $COMMON --bind-tcp=127.0.0.1:$TCP --tcp-auth=file:filename=$R/pw.txt \
     --bind-rfb=127.0.0.1:$RFB --exit-with-children=no -d auth "$@" >> $LOG 2>&1 &
  SPID=$!; echo $SPID >> $R/server.pids
  for i in $(seq 30); do
    grep -q "xpra is ready" $LOG 2>/dev/null && [ $(grep -c "xpra is ready" $LOG) -ge $NREADY ] && break
    if ! kill -0 $SPID 2>/dev/null; then   # failed to start (e.g. port still busy): retry
      sleep 3
      setsid xpra $mode :62 --daemon=no $COMMON --bind-tcp=127.0.0.1:$TCP --tcp-auth=file:filename=$R/pw.txt \
         --bind-rfb=127.0.0.1:$RFB --exit-with-children=no -d auth "$@" >> $LOG 2>&1 &
      SPID=$!; echo $SPID >> $R/server.pids
    fi
    sleep 0.5
  done
  NREADY=$((NREADY + 1))
  sleep 1
}
NREADY=1

attach() {  # seconds, display, extra
  local t=$1 d=$2; shift 2
  DISPLAY=:$d timeout -s $(pick TERM TERM TERM KILL INT) $t xpra attach tcp://127.0.0.1:$TCP/ $COMMON --tray=no --remote-logging=no --mmap=no \
     --password-file=$R/pw.txt --encoding=$(pick rgb png jpeg webp auto) --clipboard=$(pick yes no) "$@" >> $R/client.log 2>&1 &
}

xapps() {
  timeout 10 xpra control :62 $COMMON $(pick start start-child) "sh -c 'exec $(pick xeyes xclock xlogo "xclock -digital" "xeyes -geometry 300x200") 2>/dev/null'" >> $R/ctl.log 2>&1
}

control() {
  case $((RANDOM % 16)) in
    -1) ;;
    0) timeout 10 xpra control :62 $COMMON name "session-$RANDOM" ;;
    1) timeout 10 xpra control :62 $COMMON idle-timeout $((RANDOM % 300 + 60)) ;;
    2) timeout 10 xpra control :62 $COMMON nosuchcommand $RANDOM ;;
    3) timeout 10 xpra control :62 $COMMON set-lock $(pick on off) ;;
    4) timeout 10 xpra control :62 $COMMON toggle-feature $(pick bell randr cursors notifications clipboard sharing lock) $(pick on off) ;;
    5) timeout 10 xpra control :62 $COMMON debug disable $(pick keyboard clipboard focus cursor bell) ;;
    6) timeout 10 xpra control :62 $COMMON print ;;
    7) timeout 10 xpra control :62 $COMMON scaling $(pick "*" 1) $(pick 50 100 150 200 bogus) ;;
    8) timeout 10 xpra control :62 $COMMON quality $(pick 10 50 100 -5) ;;
    9) timeout 10 xpra control :62 $COMMON speed $(pick 10 50 100 500) ;;
    10) timeout 10 xpra control :62 $COMMON encoding $(pick png rgb jpeg bogus) ;;
    11) timeout 10 xpra control :62 $COMMON key $(pick 38 65 36) ;;
    12) timeout 10 xpra control :62 $COMMON move $((RANDOM % 5 + 1)) 10 10 ;;
    13) timeout 10 xpra control :62 $COMMON focus $((RANDOM % 5 + 1)) ;;
    14) timeout 10 xpra control :62 $COMMON client show_session_info ;;
    15) timeout 10 xpra control :62 $COMMON help ;;
  esac >> $R/ctl.log 2>&1
}

garbage() {
  python3 - "$TCP" "$(pick random http tls proxy hello short)" <<'PY' >/dev/null 2>&1
import os, socket, sys, time
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=5)
data = {"random": os.urandom(64), "http": b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "tls": bytes.fromhex("160301002a0100002603035a") + os.urandom(38),
        "ssh": b"SSH-2.0-OpenSSH_9.2\r\n", "proxy": b"PROXY TCP4 127.0.0.1 127.0.0.1 1 2\r\n",
        "hello": b"P\x00\x00\x00\x00\x00\x00\x20" + os.urandom(32), "short": b"P"}[kind]
s.sendall(data)
try:
    s.settimeout(3); s.recv(4096)
except Exception:
    pass
s.close()
PY
}

activity() {
  for r in $(seq $1); do
    case $((RANDOM % 14)) in
      0|1) attach $((RANDOM % 8 + 4)) 63 ;;
      2) attach $((RANDOM % 5 + 3)) 64 $(pick "" "--sharing=yes" "--readonly=yes") ;;
      3) DISPLAY=:63 timeout 8 xpra attach tcp://127.0.0.1:$TCP/ $COMMON --tray=no --remote-logging=no --mmap=no --password-file=$R/bad.txt >> $R/client.log 2>&1 ;;
      4) timeout 10 xpra info :62 $COMMON > /dev/null 2>&1 ;;
      5) timeout 10 xpra $(pick version id info) tcp://127.0.0.1:$TCP/ $COMMON --password-file=$(pick $R/pw.txt $R/bad.txt) > /dev/null 2>&1 ;;
      6) xapps ;;
      7|8) control ;;
      9) garbage ;;
      10) timeout 20 python3 $D/rfbclient.py $RFB x $(pick normal normal garbage abort badsectype) >/dev/null 2>&1 ;;
      11) timeout 10 xpra screenshot $R/shot.png :62 $COMMON >/dev/null 2>&1 ;;
      12) timeout 10 xpra detach :62 $COMMON >/dev/null 2>&1 ;;
      13) DISPLAY=:62 xdotool mousemove $((RANDOM % 800)) $((RANDOM % 600)) click 1 type "x$RANDOM" >/dev/null 2>&1 ;;
    esac
    sleep 0.$((RANDOM % 9 + 1))
  done
  sleep 1
}

# phase 1: fresh session
start_server start --start-child="sh -c 'exec xeyes 2>/dev/null'" --start="sh -c 'exec xclock 2>/dev/null'" --sharing=$(pick yes no) --lock=$(pick yes no)
activity $((RANDOM % 10 + 30))
sleep 10
# phase 2: exit leaving the display, then upgrade into it
timeout 20 xpra exit :62 $COMMON >/dev/null 2>&1; wait $SPID 2>/dev/null; sleep 1
timeout 20 xpra upgrade :62 --daemon=no $COMMON >> $LOG 2>&1
start_server start --use-display=yes --sharing=yes --idle-timeout=$((RANDOM % 4 + 4))
attach 12 63; sleep 1; attach 6 64
activity $((RANDOM % 10 + 20))
sleep 10
# phase 3: stop, then restart a fresh server with a server idle timeout
timeout 20 xpra stop :62 $COMMON >/dev/null 2>&1; wait $SPID 2>/dev/null; sleep 1
start_server start-desktop --start-child="sh -c 'exec xlogo 2>/dev/null'" --server-idle-timeout=$((RANDOM % 5 + 20)) --sharing=no
activity $((RANDOM % 10 + 30))
# start a second server on the same display (refused), then wait for idle exit / stop
timeout 20 xpra start :62 --daemon=no $COMMON >> $R/dup.log 2>&1
sleep 12
timeout 20 xpra stop :62 $COMMON >/dev/null 2>&1; wait $SPID 2>/dev/null
sleep 1
for p in $(cat $R/xvfb.pids); do kill $p 2>/dev/null; done
cp $LOG $D/full.log
echo "lines: $(wc -l < $D/full.log)"
