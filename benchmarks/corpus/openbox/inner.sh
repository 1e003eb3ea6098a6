#!/bin/bash
# Runs inside `unshare -m -n`: private /tmp, /dev/shm, loopback-only network.
set -m
D=/work/round42/openbox
R=/tmp/round42-r42d/ob
RAW=$R/raw.log
mkdir -p $R/privtmp/round42-r42d
mount --bind /tmp/round42-r42d $R/privtmp/round42-r42d
mount --rbind $R/privtmp /tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
mkdir -p /tmp/.X11-unix; chmod 1777 /tmp/.X11-unix
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_RUNTIME_DIR=$R/xdg/run
unset SESSION_MANAGER DBUS_SESSION_BUS_ADDRESS
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME/openbox $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR
chmod 700 $XDG_RUNTIME_DIR
cp $D/conf/rc.xml $D/conf/menu.xml $XDG_CONFIG_HOME/openbox/
RANDOM=${SEED:-4242}
Xvfb :7 -nolisten tcp -screen 0 1024x768x24 >/dev/null 2>&1 &
XPID=$!
sleep 1
export DISPLAY=:7
: > $RAW
OPID=
CLIENTS=()
start_ob() { openbox --debug --debug-focus --debug-session >> $RAW 2>&1 & OPID=$!; sleep 1; }
r() { echo $(( RANDOM % $1 )); }
spawn() {
  case $(r 4) in
    0|1) xmessage -geometry $((100+$(r 300)))x$((50+$(r 200)))+$(r 800)+$(r 600) "msg $RANDOM" & ;;
    2) xev -geometry 200x150+$(r 700)+$(r 500) >/dev/null & ;;
    3) xmessage -center -buttons ok,cancel "question $RANDOM" & ;;
  esac
  CLIENTS+=($!)
}
win() { local w; w=($(xdotool search --onlyvisible --name '.' 2>/dev/null)); [ ${#w[@]} -gt 0 ] && echo ${w[$(r ${#w[@]})]}; }
close_one() {
  [ ${#CLIENTS[@]} -eq 0 ] && return
  local i=$(r ${#CLIENTS[@]}); local p=${CLIENTS[$i]}
  case $(r 3) in
    0) kill $p 2>/dev/null ;;
    1) w=$(xdotool search --pid $p 2>/dev/null | head -1); [ -n "$w" ] && xdotool windowclose $w 2>/dev/null || kill $p 2>/dev/null ;;
    2) w=$(xdotool search --pid $p 2>/dev/null | head -1); [ -n "$w" ] && xdotool windowactivate --sync $w key alt+F4 2>/dev/null; sleep 0.3; kill $p 2>/dev/null ;;
  esac
  unset "CLIENTS[$i]"; CLIENTS=("${CLIENTS[@]}")
}
start_ob
for i in $(seq 1 ${ROUNDS:-200}); do
  c=$(r 100)
  if   [ $c -lt 18 ]; then spawn
  elif [ $c -lt 28 ]; then close_one
  elif [ $c -lt 38 ]; then w=$(win); [ -n "$w" ] && xdotool windowmove $w $(r 900) $(r 700) 2>/dev/null
  elif [ $c -lt 44 ]; then w=$(win); [ -n "$w" ] && xdotool windowsize $w $((80+$(r 500))) $((60+$(r 400))) 2>/dev/null
  elif [ $c -lt 52 ]; then w=$(win); [ -n "$w" ] && xdotool windowactivate $w 2>/dev/null
  elif [ $c -lt 56 ]; then w=$(win); [ -n "$w" ] && xdotool windowminimize $w 2>/dev/null
  elif [ $c -lt 60 ]; then xdotool set_desktop $(r 4) 2>/dev/null
  elif [ $c -lt 70 ]; then keys=(alt+Tab alt+shift+Tab super+d ctrl+alt+Left ctrl+alt+Right shift+alt+Right shift+alt+Left super+F2 super+F1 alt+Escape alt+space Escape super+shift+Right)
       xdotool key ${keys[$(r ${#keys[@]})]} 2>/dev/null
  elif [ $c -lt 76 ]; then xdotool mousemove $(r 1024) $(r 768) click $((1+$(r 3))) 2>/dev/null; sleep 0.2; xdotool key Escape 2>/dev/null
  elif [ $c -lt 80 ]; then w=$(win); [ -n "$w" ] && xdotool windowstate --toggle $(echo MAXIMIZED_VERT MAXIMIZED_HORZ FULLSCREEN ABOVE BELOW STICKY SHADED | tr ' ' '\n' | sed -n "$((1+$(r 7)))p") $w 2>/dev/null
  elif [ $c -lt 84 ]; then v=$(echo rc rc rc-alt rc-bad rc-broken | tr ' ' '\n' | sed -n "$((1+$(r 5)))p"); cp $D/conf/$v.xml $XDG_CONFIG_HOME/openbox/rc.xml; openbox --reconfigure 2>/dev/null; sleep 0.5; xdotool key Return 2>/dev/null
  elif [ $c -lt 87 ]; then openbox --restart 2>/dev/null; sleep 1.5
  elif [ $c -lt 89 ]; then openbox --debug >> $RAW 2>&1 & sleep 1
  elif [ $c -lt 91 ]; then xdotool set_num_desktops $((1+$(r 6))) 2>/dev/null
  elif [ $c -lt 93 ]; then openbox --exit 2>/dev/null; wait $OPID; cp $D/conf/rc.xml $XDG_CONFIG_HOME/openbox/rc.xml; start_ob
  elif [ $c -lt 95 ]; then kill -$(echo HUP USR1 USR2 TERM | tr ' ' '\n' | sed -n "$((1+$(r 4)))p") $OPID; sleep 1; kill -0 $OPID 2>/dev/null || { wait $OPID; start_ob; }
  else w=$(win); [ -n "$w" ] && xdotool mousemove --window $w 10 5 click 1 mousemove --window $w $(r 300) $(r 300) 2>/dev/null
  fi
  sleep 0.$(r 5)
done
for p in "${CLIENTS[@]}"; do kill $p 2>/dev/null; done
sleep 1
openbox --exit 2>/dev/null
sleep 1
kill $OPID 2>/dev/null
kill $XPID
wait
