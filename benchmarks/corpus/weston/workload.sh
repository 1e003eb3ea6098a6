#!/bin/bash
# Randomised workload for Weston 10.0.1 (headless backend, --debug, --log=FILE): repeated starts
# in network namespace r39a_we (private mount namespace) with varied shells, options and
# weston.ini files, driven by the package's demo clients and badwl.py. Writes weston.log here.
set -u
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round39-r39a/we
NS=r39a_we
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
RUNS=${RUNS:-28}
mkdir -p $R/home $R/tmp $R/xdg_rt $R/cfg $R/xdg_data $R/xdg_cache
chmod 700 $R/xdg_rt
ip netns list | grep -qw $NS || { ip netns add $NS; ip netns exec $NS ip link set lo up; }
RAW=$R/raw.log; : > $RAW
NX="ip netns exec $NS"
ENV="env -i PATH=/usr/bin:/bin HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/xdg_rt XDG_CONFIG_HOME=$R/cfg XDG_DATA_HOME=$R/xdg_data XDG_CACHE_HOME=$R/xdg_cache"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

write_ini() {
  local f=$R/cfg/weston.ini
  : > $f
  echo "[core]" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "idle-time=$((RANDOM % 3))" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "repaint-window=$(pick 7 12 200 -3)" >> $f
  [ $((RANDOM % 4)) = 0 ] && echo "modules=$(pick screen-share.so systemd-notify.so nosuch.so cms-static.so)" >> $f
  [ $((RANDOM % 15)) = 0 ] && echo "xwayland=true" >> $f
  [ $((RANDOM % 4)) = 0 ] && echo "color-management=$(pick true false)" >> $f
  echo "[shell]" >> $f
  [ $((RANDOM % 2)) = 0 ] && echo "background-image=$(pick /nonexistent.png $R/tmp/bg.png)" >> $f
  [ $((RANDOM % 2)) = 0 ] && echo "panel-position=$(pick top bottom left right none diagonal)" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "locking=$(pick true false)" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "animation=$(pick zoom fade none wobble)" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "client=$(pick /usr/bin/false /nonexistent/shell-client)" >> $f
  echo "[keyboard]" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "keymap_layout=$(pick us de fr zz)" >> $f
  [ $((RANDOM % 3)) = 0 ] && echo "repeat-rate=$((RANDOM % 60))" >> $f
  if [ $((RANDOM % 2)) = 0 ]; then
    echo "[output]" >> $f; echo "name=headless" >> $f
    echo "transform=$(pick normal rotate-90 rotate-270 flipped flipped-180 normal bogus)" >> $f
    [ $((RANDOM % 2)) = 0 ] && echo "scale=$(pick 1 2 3)" >> $f
    [ $((RANDOM % 3)) = 0 ] && echo "mode=$(pick 800x600 1024x768 garbage)" >> $f
  fi
  [ $((RANDOM % 3)) = 0 ] && printf '[launcher]\nicon=/nonexistent.png\npath=/usr/bin/weston-flower\n' >> $f
  [ $((RANDOM % 4)) = 0 ] && printf '[autolaunch]\npath=%s\n' "$(pick /usr/bin/weston-info /nonexistent/app)" >> $f
  [ $((RANDOM % 5)) = 0 ] && echo "this line is not valid" >> $f
}

client() { # one client run against socket $SOCK
  local c=$1
  $NX $ENV WAYLAND_DISPLAY=$SOCK timeout $((RANDOM % 3 + 1)) $c > /dev/null 2>&1
}

run_clients() {
  local n i
  n=$((RANDOM % 8 + 2))
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 10)) in
      0|1) client "$(pick weston-simple-shm weston-simple-damage weston-flower weston-clickdot weston-presentation-shm)" ;;
      2) client "$(pick weston-info weston-simple-egl weston-subsurfaces weston-fullscreen weston-stacking weston-transformed weston-smoke weston-eventdemo weston-terminal weston-resizor weston-cliptest weston-scaler weston-multi-resource weston-confine)" ;;
      3) client "$(pick 'weston-image /nonexistent.png' weston-screenshooter weston-simple-touch weston-editor weston-dnd 'weston-debug -l' 'weston-debug log' weston-content_protection weston-calibrator)" ;;
      4|5|6) $NX $ENV WAYLAND_DISPLAY=$SOCK /usr/bin/python3 $D/badwl.py $(pick registry badobj badmethod short badnewid badbind noterm nullstr garbage hangup) $RANDOM > /dev/null 2>&1 ;;
      7) $NX $ENV WAYLAND_DISPLAY=$SOCK timeout 2 weston-simple-shm > /dev/null 2>&1 & CP=$!; sleep 0.$((RANDOM % 9 + 1)); kill -9 $CP 2>/dev/null; wait $CP 2>/dev/null ;;
      8) for k in $(ps -o pid= --ppid $WPID); do [ $((RANDOM % 2)) = 0 ] && kill -$(pick TERM KILL) $k; done; sleep 0.5 ;;
      *) sleep 0.$((RANDOM % 9 + 1)) ;;
    esac
  done
}

head -c 100 /dev/urandom > $R/tmp/bg.png
for ((run = 0; run < RUNS; run++)); do
  SOCK=wl-r39a-$((run % 3))
  write_ini
  OPTS=(--backend=headless-backend.so --debug --log=$RAW --socket=$SOCK)
  case $((RANDOM % 7)) in 0) OPTS+=(--logger-scopes=log,proto) ;; 1|2) OPTS+=(--logger-scopes=$(pick log log,bogus-scope log,scene-graph log,timeline)) ;; esac
  [ $((RANDOM % 3)) = 0 ] && OPTS+=(--shell=$(pick kiosk-shell.so fullscreen-shell.so ivi-shell.so desktop-shell.so nosuch-shell.so))
  [ $((RANDOM % 3)) = 0 ] && OPTS+=(--width=$((RANDOM % 1000 + 320)) --height=$((RANDOM % 700 + 240)))
  [ $((RANDOM % 4)) = 0 ] && OPTS+=(--scale=$(pick 1 2 3))
  [ $((RANDOM % 4)) = 0 ] && OPTS+=(--transform=$(pick rotate-90 rotate-180 flipped-270 flipped normal rotate-270 sideways))
  [ $((RANDOM % 3)) = 0 ] && OPTS+=($(pick --use-pixman --use-pixman --use-gl --use-gl --no-outputs --no-config --no-config --modules=screen-share.so))
  [ $((RANDOM % 9)) = 0 ] && OPTS+=($(pick '--use-pixman --use-gl' --xwayland -c$R/cfg/missing.ini --backend=nosuch-backend.so --idle-time=x))
  $NX unshare -m $ENV weston "${OPTS[@]}" > /dev/null 2>&1 &
  WPID=$!
  sleep 1
  if kill -0 $WPID 2>/dev/null; then
    run_clients
    kill -$(pick TERM TERM INT QUIT) $WPID 2>/dev/null
  fi
  wait $WPID 2>/dev/null
done
sed -n '1,2500p' $RAW > $D/weston.log
echo "seed=$SEED lines=$(wc -l < $RAW)" >&2
