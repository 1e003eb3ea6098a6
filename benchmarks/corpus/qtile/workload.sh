#!/bin/bash
# Workload for Qtile (X11 backend) under a private Xvfb, in private network + mount namespaces.
# Output: /work/round43/qtile/qtile.log (Qtile's own log file, level DEBUG)
if [ -z "$R43F_INNS" ]; then
  export R43F_INNS=1
  exec unshare -n -m --propagation private /bin/bash "$0" "$@"
fi
set -m
cd /work/round43/qtile || exit 1
ip link set lo up
B=/tmp/round43-r43f/qt
rm -rf $B; mkdir -p $B/ptmp/round43-r43f
# private /tmp (Xvfb writes its lock and socket there) that still shows /tmp/round43-r43f
mount --bind /tmp/round43-r43f $B/ptmp/round43-r43f
mount --rbind $B/ptmp /tmp
chmod 1777 /tmp
mount -t tmpfs tmpfs /dev/shm
R=$B/run; mkdir -p $R/home $R/tmp $R/data $R/cache $R/config $R/runtime; chmod 700 $R/runtime
export HOME=$R/home TMPDIR=$R/tmp XDG_DATA_HOME=$R/data XDG_CACHE_HOME=$R/cache \
       XDG_CONFIG_HOME=$R/config XDG_RUNTIME_DIR=$R/runtime TZ=UTC
V=/tmp/round43-r43f/venv-qtile/bin
CONF=$R/config/qtile-config.py
cp /work/round43/qtile/config.py $CONF
Xvfb :48 -screen 0 1280x800x24 -nolisten tcp > $R/xvfb.out 2>&1 &
XP=$!
sleep 1.5
export DISPLAY=:48
QP=
start_qtile() {
  $V/qtile start -b x11 -l DEBUG -c $CONF > $R/qtile.out 2>&1 &
  QP=$!
  sleep 2.5
}
Q() { timeout 10 $V/qtile cmd-obj "$@" > /dev/null 2>&1; }
KIDS=()
titles=(editor notes float-me "build log" terminal float-me mail)
win() {
  local t=${titles[RANDOM % 7]}
  case $(( RANDOM % 4 )) in
    0|1) xmessage -title "$t" -geometry $(( RANDOM % 400 + 100 ))x$(( RANDOM % 200 + 50 )) "window $RANDOM" > /dev/null 2>&1 & ;;
    2) xev -name xev -geometry 200x200 > /dev/null 2>&1 & ;;
    3) xmessage -title "$t" -center "centered $RANDOM" > /dev/null 2>&1 & ;;
  esac
  KIDS+=($!)
}
close_one() {  # the client goes away by itself
  (( ${#KIDS[@]} )) || return
  local i=$(( RANDOM % ${#KIDS[@]} ))
  kill ${KIDS[i]} 2>/dev/null; wait ${KIDS[i]} 2>/dev/null
  KIDS=("${KIDS[@]:0:i}" "${KIDS[@]:i+1}")
}
keys=(super+j super+k super+space super+f super+Tab super+1 super+2 super+3 super+shift+2 super+shift+1 super+w super+Return super+x ctrl+alt+q)
cmds() {
  case $(( RANDOM % 22 )) in
    0) Q -o layout -f next ;;
    1) Q -o layout -f previous ;;
    2) Q -o group $(( RANDOM % 3 + 1 )) -f toscreen ;;
    3) Q -o group mail -f toscreen ;;
    4) Q -o window -f kill ;;
    5) Q -o window -f toggle_floating ;;
    6) Q -o window -f toggle_fullscreen ;;
    7) Q -o window -f togroup -a $(( RANDOM % 3 + 1 )) ;;
    8) Q -o cmd -f status ;;
    9) Q -o cmd -f no_such_command ;;
    10) Q -o group 9 -f toscreen ;;
    11) Q -o layout -f shuffle_down ;;
    12) Q -o cmd -f spawn -a "xmessage -title spawned spawned-$RANDOM" ;;
    13) Q -o cmd -f spawn -a "/nonexistent/program --flag" ;;
    14) Q -o screen -f next_group ;;
    15) Q -o cmd -f windows ;;
    16) Q -o cmd -f simulate_keypress -a '["mod4"]' j ;;
    17) Q -o cmd -f simulate_keypress -a '["mod4"]' nosuchkey ;;
    18) Q -o layout -f grow ;;
    19) Q -o window -f set_position_floating -a $(( RANDOM % 800 )) $(( RANDOM % 500 )) ;;
    20) timeout 10 $V/qtile shell -c "info()" > /dev/null 2>&1 ;;
    21) timeout 10 $V/qtile shell -c "cd('badpath')" > /dev/null 2>&1 ;;
  esac
}
mouse() {
  xdotool mousemove $(( RANDOM % 1280 )) $(( RANDOM % 800 )) > /dev/null 2>&1
  (( RANDOM % 3 == 0 )) && xdotool click $(( RANDOM % 3 + 1 )) > /dev/null 2>&1
}
start_qtile
for i in 1 2 3; do win; done
sleep 1
ROUNDS=${ROUNDS:-260}
for ((n = 0; n < ROUNDS; n++)); do
  r=$(( RANDOM % 100 ))
  if   (( r < 18 )); then win
  elif (( r < 28 )); then close_one
  elif (( r < 55 )); then cmds
  elif (( r < 70 )); then xdotool key ${keys[RANDOM % ${#keys[@]}]} > /dev/null 2>&1
  elif (( r < 82 )); then mouse
  elif (( r < 88 )); then Q -o cmd -f reload_config
  elif (( r < 90 )); then  # broken configuration, then repaired
    cp /work/round43/qtile/bad_config.py $CONF; Q -o cmd -f reload_config; sleep 0.5
    cp /work/round43/qtile/config.py $CONF; Q -o cmd -f reload_config
  elif (( r < 92 )); then Q -o cmd -f restart; sleep 2
  elif (( r < 94 )); then  # stop and start the window manager
    if (( RANDOM % 2 )); then Q -o cmd -f shutdown; else kill -TERM $QP; fi
    wait $QP 2>/dev/null; sleep 0.5; start_qtile
  else sleep 0.$(( RANDOM % 9 + 1 ))
  fi
  sleep 0.1
done
Q -o cmd -f shutdown
wait $QP 2>/dev/null
for k in "${KIDS[@]}"; do kill $k 2>/dev/null; done
kill $XP; wait $XP
sed -n '1,2500p' $R/data/qtile/qtile.log > /work/round43/qtile/qtile.log
