#!/bin/bash
# i3 4.22 under a private Xvfb, in private net+mount namespaces; log = i3 stdout+stderr.
D=/work/round41/i3
R=/tmp/round41-r41a/i3
if [ "$1" != inner ]; then
  cd "$D" || exit 1
  mkdir -p $R/home $R/tmp $R/run $R/cfg/i3 $R/data $R/cache
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
export DISPLAY=:41
CFG=$R/cfg/i3/config
cp $D/conf/config $CFG
Xvfb :41 -screen 0 1280x800x24 -nolisten tcp > $R/xvfb.log 2>&1 &
XPID=$!
sleep 1
RAW=$R/i3.raw.log
i3 -V -d all -c $CFG > $RAW 2>&1 &
IPID=$!
sleep 2
msg() { timeout 5 i3-msg "$@" >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
SOCK() { i3 --get-socketpath 2>/dev/null; }
NW=0
openwin() {
  NW=$((NW+1))
  local n=$(pick "w$NW" "float$NW" "assigned" "lay1" "lay2")
  case $n in
    float*) msg "exec xmessage -title $n -name $n hello $NW >/dev/null 2>&1" ;;
    *) msg "exec xmessage -name $n hello $NW >/dev/null 2>&1" ;;
  esac
  sleep 0.4
}
ACTIONS=(open open ws ws move split layout focus focus floating fullscreen kill
  resize mark mark criteria criteria rename scratch border title bad bad bad bad badcrit badcrit get get get get append reload badreload
  restart mode mode sticky ipcpoke ipcpoke ipcpoke nop nop tick tick xev xprop workspace_out)
for i in $(seq 1 ${STEPS:-40}); do
  a=$(pick "${ACTIONS[@]}")
  case $a in
    open) openwin ;;
    ws) msg "workspace $(pick 1 2 3 4 next prev back_and_forth number 7 "name foo")" ;;
    move) msg "move container to workspace $(pick 1 2 3 5 next)" ;;
    split) msg "split $(pick h v toggle)" ;;
    layout) msg "layout $(pick tabbed stacking splith splitv toggle 'toggle split' default)" ;;
    focus) msg "focus $(pick left right up down parent child floating tiling mode_toggle output)" ;;
    floating) msg "floating $(pick toggle enable disable)" ;;
    fullscreen) msg "fullscreen $(pick toggle enable disable 'toggle global')" ;;
    kill) msg "$(pick kill 'kill client' '[instance="^w"] kill')" ;;
    resize) msg "resize $(pick grow shrink) $(pick width height left up) $((RANDOM%40+1)) px or $((RANDOM%20+1)) ppt" ;;
    mark) msg "$(pick 'mark m1' 'mark --add m2' 'unmark' '[con_mark="m1"] focus' 'mark --toggle m3')" ;;
    criteria) msg "$(pick '[class="Xmessage"] focus' '[title="nothing"] focus' '[urgent=latest] focus' '[con_id=123456] kill' '[window_role="x"] floating enable' '[instance="lay1"] move to workspace 4')" ;;
    rename) msg "rename workspace to $(pick foo bar 9 'x y')" ;;
    scratch) msg "$(pick 'move scratchpad' 'scratchpad show')" ;;
    border) msg "border $(pick normal pixel none toggle 'pixel 3')" ;;
    title) msg "title_format $(pick '%title' '<b>%class</b>' 'x %instance')" ;;
    bad) msg "$(pick foobar 'focus nowhere' 'layout sideways' 'resize set banana' 'workspace' 'move to mars' 'split q' '' 'exec')" ;;
    badcrit) msg "$(pick '[class="(" ] focus' '[con_id=abc] kill' '[bogus=1] focus' '[id=xyz] focus')" ;;
    get) msg -t $(pick get_tree get_workspaces get_outputs get_marks get_bar_config get_version get_binding_modes get_config get_binding_state) ;;
    append) msg "append_layout $(pick $D/conf/layout.json /nonexistent/layout.json $D/conf/config)" ;;
    reload) cp $D/conf/config $CFG; msg reload; sleep 1 ;;
    badreload) cp $D/conf/bad.config $CFG; msg reload; sleep 1; cp $D/conf/config $CFG ;;
    restart) cp $D/conf/config $CFG; msg restart; sleep 2 ;;
    mode) msg "mode $(pick resize default nosuchmode)" ;;
    sticky) msg "sticky $(pick toggle enable disable)" ;;
    ipcpoke) timeout 5 python3 $D/conf/ipcpoke.py "$(SOCK)" $(pick badmagic badtype short subscribe_bad subscribe_junk barcfg_bad) ;;
    nop) msg "nop $(pick hello 'marker here')" ;;
    tick) msg -t send_tick "$(pick t1 t2)" ;;
    xev) msg "exec xev -name evwin >/dev/null 2>&1" ; sleep 0.5 ;;
    xprop) timeout 3 xprop -root >/dev/null 2>&1 ;;
    workspace_out) msg "move workspace to output $(pick left right primary nonexistent)" ;;
  esac
  sleep 0.$((RANDOM%5+1))
done
msg exit
sleep 1
kill $IPID $XPID 2>/dev/null
wait
# keep one contiguous stretch of whole lines
sed -n "1,${KEEP:-2500}p" $RAW > $D/i3.log
