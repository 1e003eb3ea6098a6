#!/bin/bash
# Drives pcscd (Debian pcscd 1.9.9) with the vsmartcard-vpcd virtual reader (ports 53020/53021),
# a minimal virtual card (vicc.py) coming and going, and pcsc_scan / scriptor / pcscd -H clients.
# Private network + mount namespace (tmpfs over /run for /run/pcscd/pcscd.comm).
# Log: stdout+stderr of `pcscd -f -d -a -c <conf dir>`.
set -u
D=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round39-r39g
R=$B/pcscd
export HOME=$B/home TMPDIR=$B/tmp XDG_RUNTIME_DIR=$B/xdg XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_CACHE_HOME=$B/xdg/cache
export LANG=C LC_ALL=C
if [ -z "${R39G_NS:-}" ]; then
  mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
  exec env R39G_NS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
mount -t tmpfs tmpfs /run; mkdir -p /run/pcscd
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
rm -rf "$R"; mkdir -p "$R/conf.d"
RAW=$R/raw.log; : > "$RAW"
SEED=${SEED:-3931}; RANDOM=$SEED
r() { echo $(( RANDOM % $1 )); }

write_conf() {
  local c=$R/conf.d; rm -rf "$c"; mkdir -p "$c"
  printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:0xCF1C\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0xCF1C\n' > $c/vpcd
  [ $(r 6) = 0 ] && printf 'FRIENDLYNAME "Lab Reader"\nDEVICENAME   /dev/null:0xCF30\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifd-missing.so\nCHANNELID    0xCF30\n' > $c/missing-driver
  [ $(r 7) = 0 ] && printf 'FRIENDLYNAME "Broken"\nDEVICENAME\nLIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so FOO\nBOGUS 1\n' > $c/broken
  [ $(r 4) = 0 ] && mkdir -p $c/subdir
  true
}

PP=
start_pcscd() {
  write_conf
  pcscd -f -d -a -c "$R/conf.d" >>"$RAW" 2>&1 &
  PP=$!; sleep 1.5
}
stop_pcscd() {
  if [ $(r 3) = 0 ]; then kill -INT $PP; else kill -TERM $PP; fi
  wait $PP 2>/dev/null; PP=
}
VP=()
card_in() { # port seconds mode
  python3 "$D/vicc.py" "$1" "$2" "$3" >/dev/null 2>&1 & VP+=($!)
  sleep 0.5
}
reap_cards() { for p in "${VP[@]}"; do wait $p 2>/dev/null; done; VP=(); }

APDUS=("00A4040007A0000002471001" "00B0000010" "00CA9F7F00" "0084000008" "00A40000023F00" "80CA00FE00")
run_scriptor() {
  local n=$((1 + $(r 5))) i s=""
  for ((i=0; i<n; i++)); do s+="${APDUS[$(r ${#APDUS[@]})]}"$'\n'; done
  [ $(r 5) = 0 ] && s+="zz 11"$'\n'
  [ $(r 4) = 0 ] && s+="reset"$'\n'
  local rd=(); [ $(r 3) = 0 ] && rd=(-r "Virtual PCD 00 01")
  printf '%sexit\n' "$s" | timeout 8 scriptor "${rd[@]}" >/dev/null 2>&1
}

for run in $(seq 1 ${RUNS:-12}); do
  start_pcscd
  # a second daemon while the first one runs
  [ $(r 3) = 0 ] && timeout 5 pcscd -f -d -c "$R/conf.d" >>"$RAW" 2>&1
  steps=$((10 + $(r 16)))
  for ((k=0; k<steps; k++)); do
    case $(r 12) in
      0|1|2) port=53020; [ $(r 3) = 0 ] && port=53021
             mode=ok; case $(r 6) in 0) mode=garbage ;; 1) mode=mute ;; esac
             card_in $port $((2 + $(r 6))) $mode ;;
      3|4|5) run_scriptor ;;
      6|7) timeout $((1 + $(r 3))) pcsc_scan -n >/dev/null 2>&1 ;;
      8) pcscd -H >/dev/null 2>&1; sleep 0.5 ;;
      9) timeout 2 pcsc_scan -r >/dev/null 2>&1 ;;
      *) sleep 1 ;;
    esac
  done
  reap_cards
  sleep 0.5
  stop_pcscd
done
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' "$RAW" > "$D/pcscd.log"
wc -l "$RAW" "$D/pcscd.log"
