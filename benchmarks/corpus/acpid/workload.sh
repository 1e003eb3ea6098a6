#!/bin/bash
# Drives acpid (Debian acpid 2.0.33) with events written to a FIFO event file, acpi_listen
# clients, bad rule files, lock file, reloads, restarts and start-up errors.
# Runs itself inside a private network + mount namespace. stderr of acpid -> acpid.log.
set -u
D=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round39-r39g
R=$B/acpid
export HOME=$B/home TMPDIR=$B/tmp XDG_RUNTIME_DIR=$B/xdg XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_CACHE_HOME=$B/xdg/cache
if [ -z "${R39G_NS:-}" ]; then
  mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
  exec env R39G_NS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
mount -t tmpfs tmpfs /dev/shm
rm -rf "$R"; mkdir -p "$R/conf" "$R/client"
RAW=$R/raw.log; : > "$RAW"; OUT=$R/stdout.log; : > "$OUT"
SEED=${SEED:-3917}; RANDOM=$SEED
r() { echo $(( RANDOM % $1 )); }

EVENTS=("button/power PBTN 00000080 00000001" "button/lid LID close" "button/lid LID open"
 "ac_adapter ACPI0003:00 00000080 00000000" "ac_adapter ACPI0003:00 00000080 00000001"
 "battery PNP0C0A:00 00000080 00000001" "button/sleep SBTN 00000080 00000000"
 "video/brightnessup BRTUP 00000086 00000000" "video/brightnessdown BRTDN 00000087 00000000"
 "button/volumeup VOLUP 00000080 00000000" "button/mute MUTE 00000080 00000000"
 "thermal_zone LNXTHERM:00 00000081 00000000" "processor LNXCPU:00 00000080 00000000"
 "jack/headphone HEADPHONE plug" "jack/headphone HEADPHONE unplug" "ibm/hotkey HKEY 00000080 00001011")
WEIGHT=(9 6 6 4 4 3 2 5 5 3 2 1 1 2 2 1)
pick_event() {
  local tot=0 w i x; for w in "${WEIGHT[@]}"; do tot=$((tot+w)); done
  x=$(r $tot); for i in "${!WEIGHT[@]}"; do x=$((x-WEIGHT[i])); [ $x -lt 0 ] && { echo "${EVENTS[i]}"; return; }; done
}

write_rules() {
  local c=$R/conf; rm -rf "$c"; mkdir -p "$c"
  printf 'event=button/power.*\naction=/bin/true %%e\n' > $c/powerbtn
  printf '# lid\nevent=button/lid.*\naction=test "%%e" != "button/lid LID close"\n' > $c/lid
  printf 'event=ac_adapter\naction=exit %d\n' $(( $(r 4) )) > $c/ac
  printf 'event=video/.*\naction=/bin/sleep 0\n' > $c/video-keys
  printf 'event=battery.*\naction=kill -%d $$\n' $(( 9 + $(r 2) * 6 )) > $c/battery_low
  printf 'event=button/(volume|mute).*\naction=<drop>\n' > $c/00-drop-volume
  printf 'event=.*\naction=:\n' > $c/zz-all
  [ $(r 2) = 0 ] && printf 'event=jack/.*\naction=true %%e %%%%\n' > $c/jack
  # broken ones, a random subset each time
  [ $(r 3) != 0 ] && printf 'event=button/sleep\naction=true %%x %%e\n' > $c/sleep-bad-escape
  [ $(r 3) != 0 ] && printf 'event=thermal\naction=true %%\n' > $c/thermal-eol
  [ $(r 3) != 0 ] && printf 'event=processor(\naction=true\n' > $c/cpu-badregex
  [ $(r 3) != 0 ] && printf 'this line has no equals sign\nevent=ibm/.*\nactoin=true\n' > $c/ibm-typo
  [ $(r 3) != 0 ] && printf 'event=button/sleep\nhandler=true\naction=true\n' > $c/sleep-extra
  [ $(r 2) = 0 ] && printf 'event=x\naction=true\n' > $c/backup.rule.dpkg-old
  [ $(r 2) = 0 ] && printf 'event=x\naction=true\n' > "$c/README.txt"
  [ $(r 2) = 0 ] && mkdir -p $c/subdir
  [ $(r 2) = 0 ] && ln -sf $R/nonexistent-target $c/dangling
  true
}

APID=
start_acpid() {  # $1 = extra args
  exec 3<>"$R/ev"
  acpid -f $DBG -l -c "$R/conf" -s "$R/sock" -m 0666 -L "$R/lock" -p "$R/pid" -e "$R/ev" -C "$CMAX" "$@" >>"$OUT" 2>>"$RAW" &
  APID=$!; sleep 0.3
}
stop_acpid() {
  if [ $(r 4) = 0 ]; then kill -INT $APID; else kill -TERM $APID; fi
  wait $APID 2>/dev/null; exec 3>&-
}
LPIDS=()
listener() { # $1 = user
  if [ "$1" = root ]; then acpi_listen -s "$R/sock" >/dev/null 2>&1 &
  else setpriv --reuid=65534 --regid=65534 --clear-groups acpi_listen -s "$R/sock" >/dev/null 2>&1 & fi
  LPIDS+=($!)
}
drop_listener() {
  [ ${#LPIDS[@]} -eq 0 ] && return
  local i=$(r ${#LPIDS[@]}); kill ${LPIDS[i]} 2>/dev/null; wait ${LPIDS[i]} 2>/dev/null
  LPIDS=("${LPIDS[@]:0:i}" "${LPIDS[@]:i+1}")
}
send() { printf '%s\n' "$1" >&3; sleep 0.05; }

mkfifo "$R/ev"
for run in $(seq 1 12); do
  DBG=-dd; [ $(r 2) = 0 ] && DBG=-ddd
  [ $(r 6) = 0 ] && DBG="-d -d -d -d"
  CMAX=$((1 + $(r 3)))
  write_rules
  # occasional failed start first
  case $(r 6) in
    0) acpid -f $DBG -c "$R/no-such-confdir" -s "$R/sock" -L "$R/lock" -p "$R/pid" -e "$R/ev" >>"$OUT" 2>>"$RAW" < /dev/null & p=$!; exec 3<>"$R/ev"; wait $p; exec 3>&- ;;
    1) exec 3<>"$R/ev"; acpid -f $DBG -c "$R/conf" -s "$R/no-dir/sock" -L "$R/lock" -p "$R/pid" -e "$R/ev" >>"$OUT" 2>>"$RAW"; exec 3>&- ;;
    2) exec 3<>"$R/ev"; acpid -f $DBG -c "$R/conf" -s "$R/sock" -g nosuchgroup$run -L "$R/lock" -p "$R/pid" -e "$R/ev" >>"$OUT" 2>>"$RAW"; exec 3>&- ;;
    3) mkdir -p "$R/evdir"; acpid -f $DBG -c "$R/conf" -s "$R/sock" -L "$R/lock" -p "$R/pid" -e "$R/evdir" >>"$OUT" 2>>"$RAW" & p=$!; sleep 0.5; kill $p 2>/dev/null; wait $p ;;
  esac
  start_acpid
  n=$((6 + $(r 30)))
  for ((k=0; k<n; k++)); do
    case $(r 20) in
      0|1) listener root ;;
      2) listener nobody ;;
      3|4) drop_listener ;;
      5) touch "$R/lock"; for ((j=0; j<1+$(r 3); j++)); do send "$(pick_event)"; done; rm -f "$R/lock" ;;
      6) [ $(r 2) = 0 ] && { write_rules; kill -HUP $APID; sleep 0.3; } ;;
      *) send "$(pick_event)" ;;
    esac
  done
  for p in "${LPIDS[@]}"; do kill $p 2>/dev/null; wait $p 2>/dev/null; done; LPIDS=()
  if [ $(r 4) = 0 ]; then
    exec 3>&-; wait $APID 2>/dev/null   # writer gone: acpid gives up on the event file
  else
    send "$(pick_event)"; stop_acpid
  fi
done
rm -f "$R/ev"
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' "$RAW" > "$D/acpid.log"
wc -l "$RAW" "$D/acpid.log"
