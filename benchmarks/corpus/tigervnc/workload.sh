#!/bin/bash
# Randomised workload for Xtigervnc (display :60, rfb port 44060, viewers on Xvfb :61)
D=/work/round26/tigervnc
R=$D/run
cd $D
mkdir -p $R/realdev $R/rsys
echo secret1 | tigervncpasswd -f > $R/passwd
PORT=44060; LPORT=44065
rm -f $R/syslog.out $R/xvnc.pids $R/rsyslogd.pid $R/xvfb.pid $R/xstderr.log $R/viewer.log
cat > $R/rsyslog.conf <<EOC
global(workDirectory="$R/rsys")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$R/log.sock" RateLimit.Interval="0")
*.* $R/syslog.out
EOC
rsyslogd -f $R/rsyslog.conf -i $R/rsyslogd.pid
sleep 1
Xvfb :61 -nolisten tcp > $R/xvfb.log 2>&1 & echo $! > $R/xvfb.pid; VFB=$!
sleep 1

XPID=
start_vnc() {  # extra Xvnc args
  unshare -m --propagation private $D/nsrun.sh Xtigervnc :60 -rfbport $PORT -interface 127.0.0.1 \
     -PasswordFile $R/passwd -Log '*:syslog:100' -geometry 1024x768 "$@" >> $R/xstderr.log 2>&1 &
  XPID=$!; echo $XPID >> $R/xvnc.pids
  sleep 2
}
stop_vnc() { kill -TERM $XPID 2>/dev/null; wait $XPID 2>/dev/null; sleep 1; }

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

viewer() {  # duration, extra args
  local t=$1; shift
  DISPLAY=:61 timeout -s TERM $t xtigervncviewer -PasswordFile $R/passwd "$@" 127.0.0.1::$PORT >> $R/viewer.log 2>&1 &
}

xapps() {
  for app in $(pick xeyes xclock xlogo "xeyes xclock" "xlogo xclock"); do
    DISPLAY=:60 timeout $((RANDOM % 6 + 2)) $app >/dev/null 2>&1 &
  done
}

xinput_act() {
  for i in $(seq $((RANDOM % 5 + 1))); do
    DISPLAY=:60 xdotool mousemove $((RANDOM % 1000)) $((RANDOM % 700)) >/dev/null 2>&1
    [ $((RANDOM % 2)) = 0 ] && DISPLAY=:60 xdotool click $((RANDOM % 3 + 1)) >/dev/null 2>&1
  done
  DISPLAY=:60 xdotool type --delay 20 "hello $RANDOM" >/dev/null 2>&1
  DISPLAY=:60 xdotool key $(pick ctrl+c Return BackSpace alt+F4 shift+Tab F1 eacute Cyrillic_a) >/dev/null 2>&1
}

vcfg() {
  case $((RANDOM % 9)) in
    0) DISPLAY=:60 vncconfig -list >/dev/null 2>&1 ;;
    1) DISPLAY=:60 vncconfig -set $(pick "IdleTimeout=$((RANDOM % 100 + 30))" "BlacklistThreshold=$((RANDOM % 3 + 3))" "AcceptCutText=$(pick 0 1)" "SendCutText=$(pick 0 1)" "CompareFB=$(pick 0 1 2)" "ZlibLevel=$(pick -1 3 9)" "Log=*:syslog:100" "FrameRate=$(pick 10 30 60)") >/dev/null 2>&1 ;;
    2) DISPLAY=:60 vncconfig -set NoSuchParam=1 >/dev/null 2>&1 ;;
    3) DISPLAY=:60 vncconfig -get $(pick rfbport SecurityTypes Log desktop NoSuchParam) >/dev/null 2>&1 ;;
    4) DISPLAY=:60 vncconfig -disconnect >/dev/null 2>&1 ;;
    5) DISPLAY=:60 vncconfig -connect 127.0.0.1::$((LPORT + 1)) >/dev/null 2>&1 ;;
    6) DISPLAY=:61 timeout 6 xtigervncviewer -PasswordFile $R/passwd -listen $LPORT >> $R/viewer.log 2>&1 &
       sleep 1.5; DISPLAY=:60 vncconfig -connect 127.0.0.1::$LPORT >/dev/null 2>&1 ;;
    7) DISPLAY=:60 vncconfig -set "desktop=session-$RANDOM" >/dev/null 2>&1 ;;
    8) DISPLAY=:60 xrandr -s $(pick 800x600 1024x768 1280x1024 640x480) >/dev/null 2>&1 ;;
  esac
}

client() { timeout 20 python3 $D/rfbclient.py $PORT secret1 "$@" >/dev/null 2>&1; }

activity() {  # rounds
  for r in $(seq $1); do
    case $((RANDOM % 10)) in
      0|1) viewer $((RANDOM % 5 + 2)) $(pick "" "-Shared=0" "-ViewOnly" "-PreferredEncoding=ZRLE" "-PreferredEncoding=Hextile" "-PreferredEncoding=Raw -AutoSelect=0" "-FullColor=0 -LowColorLevel=1 -AutoSelect=0" "-QualityLevel=2 -CompressLevel=9 -AutoSelect=0" "-NoJPEG") ;;
      2|3) client $(pick normal normal normal badmsg idle v33) & ;;
      4) client $(pick wrongpw badversion garbage badsectype abort badmsg) ;;
      5) xapps ;;
      6) xinput_act ;;
      7) vcfg ;;
      8) for i in 1 2 3; do client normal & done ;;
      9) DISPLAY=:61 timeout 4 xtigervncviewer -PasswordFile /dev/null 127.0.0.1::$((PORT + 7)) >> $R/viewer.log 2>&1 & ;;
    esac
    sleep 0.$((RANDOM % 9 + 1))
  done
  wait_children
}
wait_children() { sleep 1; for j in $(jobs -p); do [ "$j" = "$XPID" ] || [ "$j" = "$VFB" ] || wait $j 2>/dev/null; done; }

# Phase A: VncAuth, low blacklist threshold
start_vnc -SecurityTypes VncAuth -BlacklistThreshold 4 -BlacklistTimeout 2 -localhost
activity $((RANDOM % 5 + 18))
for i in $(seq $((RANDOM % 3 + 5))); do client wrongpw; done   # trigger blacklisting
sleep 1; client normal; sleep 3; client normal
activity $((RANDOM % 3 + 8))
stop_vnc

# Failed start: port already taken by another listener
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); s.bind(('127.0.0.1',$PORT)); s.listen(); time.sleep(6)" &
BL=$!; sleep 0.5
start_vnc -SecurityTypes VncAuth; sleep 2; kill $XPID 2>/dev/null; wait $BL

# Phase B: None auth, never shared, no key/cut text, protocol 3.3 on some runs
start_vnc -SecurityTypes None -NeverShared -DisconnectClients=$(pick 0 1) -AcceptKeyEvents=$(pick 0 1) -AcceptCutText=0 $(pick "" -Protocol3.3) -IdleTimeout 5
activity $((RANDOM % 3 + 14))
IDLE_WAIT=7 client idle
stop_vnc

# Phase C: Plain + VncAuth, query connect, max connection time
start_vnc -SecurityTypes Plain,VncAuth -PlainUsers root,alice -MaxConnectionTime $((RANDOM % 4 + 14)) -MaxDisconnectionTime 25 -QueryConnect=$(pick 0 1) -QueryConnectTimeout 2
for i in $(seq $((RANDOM % 3 + 2))); do SECTYPE=19 PLAIN_USER=$(pick root alice bob) client normal; done
SECTYPE=19 PLAIN_USER=root client wrongpw
activity $((RANDOM % 3 + 12))
viewer 9
sleep 8
stop_vnc

# Phase D: terminate on disconnection timeout, then SIGHUP restart-less end
start_vnc -SecurityTypes VncAuth,None -MaxDisconnectionTime 6 -AlwaysShared
client normal; viewer 3
sleep 8
kill -TERM $XPID 2>/dev/null; wait $XPID 2>/dev/null

kill $(cat $R/xvfb.pid) 2>/dev/null
sleep 1
kill $(cat $R/rsyslogd.pid) 2>/dev/null
sleep 1
cp $R/syslog.out $D/full.log
echo "lines: $(wc -l < $D/full.log)"
