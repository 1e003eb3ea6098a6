#!/bin/bash
# sway 1.7 (wlroots 0.15.1), headless backend, pixman renderer, as uid 65534, in private net+mount
# namespaces; log = sway -d stderr.
D=/work/round41/sway
R=/tmp/round41-r41a/sway
if [ "$1" != inner ]; then
  cd "$D" || exit 1
  rm -rf $R/home $R/tmp $R/run $R/cfg $R/data $R/cache
  mkdir -p $R/home $R/tmp $R/run $R/cfg/sway $R/data $R/cache
  chmod 700 $R/run
  cp $D/conf/config $R/cfg/sway/config
  chown -R 65534:65534 $R/home $R/tmp $R/run $R/cfg $R/data $R/cache
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
export WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1
unset DISPLAY WAYLAND_DISPLAY SWAYSOCK
CFG=$R/cfg/sway/config
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
RAW=$R/sway.raw.log
$AS sway -d -c $CFG 2> $RAW &
SPID=$!
sleep 3
export SWAYSOCK=$(ls $R/run/sway-ipc.*.sock)
msg() { timeout 5 $AS swaymsg "$@" >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
NW=0
ACTIONS=(open open open open ws ws move split layout focus focus floating fullscreen kill kill resize mark criteria
  rename scratch border title bad bad bad badcrit get get get get reload badreload mode sticky ipcpoke ipcpoke nop
  tick output output create_output gaps opacity seat input bar inhibit urgent swap)
for i in $(seq 1 ${STEPS:-130}); do
  a=$(pick "${ACTIONS[@]}")
  case $a in
    open) NW=$((NW+1)); msg "exec foot --app-id=$(pick term$NW floaty assigned term) -e sleep $((RANDOM%30+5)) >/dev/null 2>&1"; sleep 1 ;;
    ws) msg "workspace $(pick 1 2 3 4 next prev back_and_forth 'number 7' foo)" ;;
    move) msg "move container to workspace $(pick 1 2 3 5 next)" ;;
    split) msg "split $(pick h v toggle none)" ;;
    layout) msg "layout $(pick tabbed stacking splith splitv toggle 'toggle split' default)" ;;
    focus) msg "focus $(pick left right up down parent child floating tiling mode_toggle 'output right' prev next)" ;;
    floating) msg "floating $(pick toggle enable disable)" ;;
    fullscreen) msg "fullscreen $(pick toggle enable disable 'toggle global')" ;;
    kill) msg "$(pick kill '[app_id="^term"] kill')" ;;
    resize) msg "resize $(pick grow shrink set) $(pick width height) $((RANDOM%40+1)) $(pick px ppt)" ;;
    mark) msg "$(pick 'mark m1' 'mark --add m2' 'unmark' '[con_mark="m1"] focus' 'mark --toggle m3')" ;;
    criteria) msg "$(pick '[app_id="floaty"] focus' '[title="nothing"] focus' '[urgent=latest] focus' '[con_id=123456] kill' '[app_id="term.*"] move to workspace 4')" ;;
    rename) msg "rename workspace to $(pick foo bar 9 'x y')" ;;
    scratch) msg "$(pick 'move scratchpad' 'scratchpad show')" ;;
    border) msg "border $(pick normal pixel none toggle 'pixel 3' csd)" ;;
    title) msg "title_format $(pick '%title' '<b>%app_id</b>' 'x %shell')" ;;
    bad) msg "$(pick foobar 'focus nowhere' 'layout sideways' 'resize set banana' 'workspace' 'move to mars' 'split q' 'exec' 'output FOO-9 enable' 'output HEADLESS-1 mode 12x' 'gaps inner all plus x')" ;;
    badcrit) msg "$(pick '[app_id="(" ] focus' '[con_id=abc] kill' '[bogus=1] focus' '[pid=xyz] focus')" ;;
    get) msg -t $(pick get_tree get_workspaces get_outputs get_marks get_bar_config get_version get_binding_modes get_config get_inputs get_seats get_binding_state) ;;
    reload) cp $D/conf/config $CFG; msg reload; sleep 1 ;;
    badreload) cp $D/conf/bad.config $CFG; msg reload; sleep 2; cp $D/conf/config $CFG ;;
    mode) msg "mode $(pick resize default nosuchmode)" ;;
    sticky) msg "sticky $(pick toggle enable disable)" ;;
    ipcpoke) timeout 5 python3 $D/conf/ipcpoke.py "$SWAYSOCK" $(pick badmagic badtype subscribe_bad subscribe_junk barcfg_bad) ;;
    nop) msg "nop $(pick hello 'marker here')" ;;
    tick) msg -t send_tick "$(pick t1 t2)" ;;
    output) msg "output $(pick HEADLESS-1 HEADLESS-2 '*') $(pick 'scale 2' 'scale 1' 'transform 90' 'transform normal' 'mode 1024x768' 'resolution 1280x720' 'disable' 'enable' 'dpms off' 'dpms on' 'position 1280 0' 'adaptive_sync on' 'subpixel rgb' 'max_render_time 5')" ;;
    create_output) msg create_output ;;
    gaps) msg "gaps $(pick inner outer horizontal top) $(pick current all) $(pick set plus minus) $((RANDOM%20))" ;;
    opacity) msg "opacity $(pick 0.5 1 plus 0.1 'minus 2')" ;;
    seat) msg "seat $(pick seat0 '*') $(pick 'cursor move 10 10' 'cursor set 100 100' 'cursor press button1' 'cursor release button1' 'hide_cursor 100' 'fallback true' 'idle_inhibit keyboard')" ;;
    input) msg "input $(pick 'type:keyboard' '*' 'type:touchpad') $(pick 'repeat_delay 300' 'repeat_rate 30' 'xkb_layout de' 'xkb_layout us' 'tap enabled' 'xkb_layout nosuchlayout' 'natural_scroll enabled')" ;;
    bar) msg "bar $(pick bar0 nobar) $(pick 'mode hide' 'mode dock' 'hidden_state show' 'position bottom' 'position top' 'mode invisible')" ;;
    inhibit) msg "inhibit_idle $(pick focus fullscreen open none visible)" ;;
    urgent) msg "urgent $(pick enable disable allow deny)" ;;
    swap) msg "swap container with $(pick 'con_id 5' 'mark m1' 'app_id x')" ;;
  esac
  sleep 0.$((RANDOM%5+1))
done
msg exit
sleep 2
kill $SPID 2>/dev/null
wait
sed -n "1,${KEEP:-2500}p" $RAW > $D/sway.log
