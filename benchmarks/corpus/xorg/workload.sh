#!/bin/bash
# Xorg 21.1.7 + dummy video driver, own -config, -logfile, -logverbose 7 -verbose 7, in private net+mount
# namespaces; the log is Xorg's own -logfile.
D=/work/round41/xorg
R=/tmp/round41-r41a/xorg
if [ "$1" != inner ]; then
  cd "$D" || exit 1
  rm -rf $R/home $R/tmp $R/run
  mkdir -p $R/home $R/tmp $R/run $R/cfg $R/data $R/cache
  chmod 700 $R/run
  mkdir -p /tmp/round41-r41a/xkb
  exec unshare -n -m bash "$D/workload.sh" inner
fi
cd "$D" || exit 1
# private /tmp (keeping /tmp/round41-r41a), /dev/shm, /var/lib/xkb and loopback-only network
mount --make-rprivate /
mount --bind /tmp/round41-r41a /media
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round41-r41a /tmp/.X11-unix
chmod 1777 /tmp/.X11-unix
mount --bind /media /tmp/round41-r41a
umount -l /media
mount -t tmpfs tmpfs /dev/shm
mount --bind /tmp/round41-r41a/xkb /var/lib/xkb
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/run XDG_CONFIG_HOME=$R/cfg XDG_DATA_HOME=$R/data XDG_CACHE_HOME=$R/cache
RAW=$R/xorg.raw.log
rm -f $RAW $RAW.old
/usr/lib/xorg/Xorg :42 -config $D/conf/xorg.conf -logfile $RAW -logverbose 7 -verbose 7 -nolisten tcp -novtswitch -sharevts > $R/stderr.log 2>&1 &
XP=$!
sleep 3
export DISPLAY=:42
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
hold() { xprop -root -spy >/dev/null 2>&1 & HP=$!; sleep 0.3; }
hold
NM=0
for i in $(seq 1 ${STEPS:-60}); do
  a=$(pick size size newmode output output off rotate scale gamma fb dpi panning badmode dpms dpms saver fontpath fontpath reset reset hup info vidmode keymap)
  case $a in
    size) xrandr -s $(pick 800x600 1024x768 1280x1024 640x480 1x1) ;;
    newmode) NM=$((NM+1)); xrandr --newmode m$NM $(pick "25.18 640 656 752 800 480 490 492 525 -hsync -vsync" "40.00 800 840 968 1056 600 601 605 628 +hsync +vsync" "999.9 8000 8100 8200 8300 6000 6001 6002 6003") ; xrandr --addmode DUMMY$((RANDOM%3)) m$NM ;;
    output) xrandr --output DUMMY$((RANDOM%3)) --mode $(pick 800x600 1024x768 640x480 m1 m2) --$(pick right-of left-of above same-as) DUMMY0 ;;
    off) xrandr --output DUMMY$((RANDOM%3)) --off ;;
    rotate) xrandr --output DUMMY0 --rotate $(pick left right inverted normal) ;;
    scale) xrandr --output DUMMY0 --scale $(pick 1x1 2x2 0.5x0.5) ;;
    gamma) xrandr --output DUMMY0 --gamma $(pick 0.5:0.5:0.5 1:1:1 2:1:0.8) --brightness $(pick 0.5 1 1.2) ;;
    fb) xrandr --fb $(pick 2000x2000 40000x40000 1280x1024 10x10) ;;
    dpi) xrandr --dpi $(pick 96 120 DUMMY0) ;;
    panning) xrandr --output DUMMY0 --panning $(pick 2000x1500 0x0 1280x1024+10+10) ;;
    badmode) xrandr --output DUMMY$((RANDOM%20)) --mode $(pick 99x99 foo 1280x1024) ;;
    dpms) xset dpms $(pick 'force off' 'force on' 'force standby' 'force suspend' '60 120 180') ;;
    saver) xset s $(pick activate reset 'on' 'off' '5 5' blank noblank) ;;
    fontpath) xset $(pick 'fp+ /nonexistent/fonts' 'fp+ /usr/share/fonts/X11/misc' 'fp rehash' 'fp default' '+fp /tmp/nofonts,') ;;
    reset) kill $HP; wait $HP 2>/dev/null; sleep 1.5; hold ;;
    hup) kill -HUP $XP; sleep 1.5; kill $HP 2>/dev/null; wait $HP 2>/dev/null; hold ;;
    info) $(pick xdpyinfo xwininfo xlsclients 'xrandr --verbose' 'xrandr --listmonitors' 'xrandr --listproviders') -root >/dev/null 2>&1 || xdpyinfo >/dev/null 2>&1 ;;
    vidmode) xrandr --setmonitor $(pick "VIRT 640/100x480/80+0+0 DUMMY0" "VIRT2 auto DUMMY1") ; xrandr --delmonitor $(pick VIRT VIRT2 NOPE) ;;
    keymap) setxkbmap -display :42 $(pick us de fr nosuchlayout) 2>/dev/null ;;
  esac >/dev/null 2>&1
  sleep 0.$((RANDOM%4+1))
done
kill $HP 2>/dev/null
sleep 1
kill -TERM $XP
# on SIGTERM the server may abort (backtrace in its log) and then hang: give it 5 s, then SIGKILL
for t in 1 2 3 4 5; do kill -0 $XP 2>/dev/null || break; sleep 1; done
kill -KILL $XP 2>/dev/null
wait
sed -n "1,${KEEP:-2500}p" $RAW > $D/xorg.log
