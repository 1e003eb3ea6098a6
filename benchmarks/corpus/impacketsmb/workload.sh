#!/bin/bash
# Impacket smbserver.py (-ts -debug, stdout+stderr captured) sharing a folder, driven by Debian smbclient.
# Runs itself inside a private network + mount namespace. Usage: bash /work/round40/impacketsmb/workload.sh [seed]
set -u
D=/work/round40/impacketsmb
T=/tmp/round40-r40e/impsmb
V=/tmp/round40-r40e/venv-imp
if [ -z "${R40E_INNS:-}" ]; then
  mkdir -p "$T"
  R40E_INNS=1 exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
cd "$D"
SEED=${1:-5151}
RANDOM=$SEED
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
for d in /var/lib/samba /var/cache/samba /run/samba /var/log/samba; do [ -d "$d" ] && mount -t tmpfs tmpfs "$d"; done
rm -rf "$T/home" "$T/tmp" "$T/xdg" "$T/share" "$T/local"
mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/cache" "$T/xdg/data" "$T/xdg/state" "$T/xdg/run" "$T/share/docs" "$T/share/empty" "$T/local"
chmod 700 "$T/xdg/run"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
  XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state XDG_RUNTIME_DIR=$T/xdg/run PYTHONUNBUFFERED=1
for i in 1 2 3 4 5; do head -c $((RANDOM * 3)) /dev/urandom > "$T/share/docs/file$i.bin"; done
echo "readme" > "$T/share/readme.txt"
for i in 1 2 3; do head -c $((RANDOM)) /dev/urandom > "$T/local/up$i.dat"; done
RAW=$T/raw.log
rm -f "$RAW" "$T/clients.txt"
PORT=56200
USER1=alice
PASS1=Wonder1and

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

smbcmds() {
  local n=$((1 + RANDOM % 6)) out="" c
  for ((k = 0; k < n; k++)); do
    c=$(pick "ls" "ls" "ls docs/*" "cd docs; ls" "get readme.txt $T/tmp/r.txt" "get docs/file$((1 + RANDOM % 5)).bin $T/tmp/f.bin" \
      "get nosuch$RANDOM.txt $T/tmp/x" "put $T/local/up$((1 + RANDOM % 3)).dat up$RANDOM.dat" "mkdir dir$RANDOM" "rmdir nodir$RANDOM" \
      "rename readme.txt readme.txt" "del nosuch$RANDOM.bin" "allinfo readme.txt" "allinfo docs" "cd missing$RANDOM" "ls ../*" \
      "get ../../../etc/hostname $T/tmp/h" "volume" "du" "stat readme.txt" "setmode readme.txt +r" "mkdir docs" "deltree empty$RANDOM" \
      "put $T/local/up1.dat tmp$RANDOM.dat; del tmp*.dat" "mkdir t$RANDOM; rmdir t*" "showacls; ls" "ls empty" "md5sum readme.txt")
    out="$out$c; "
  done
  echo "$out"
}

SPID=""
start_server() {
  local args=(-ts -debug -port $PORT)
  SMB2=1
  [ $((RANDOM % 5)) -ne 0 ] && args+=(-smb2support) || SMB2=0
  AUTH=1
  [ $((RANDOM % 5)) -eq 0 ] && AUTH=0 || args+=(-username $USER1 -password $PASS1)
  [ $((RANDOM % 4)) -eq 0 ] && args+=(-readonly)
  [ $((RANDOM % 3)) -eq 0 ] && args+=(-comment "Round40 data")
  set -m
  "$V/bin/python" "$V/bin/smbserver.py" "${args[@]}" DATA "$T/share" >> "$RAW" 2>&1 &
  SPID=$!
  set +m
  sleep 2
}

stop_server() {
  if [ $((RANDOM % 3)) -eq 0 ]; then kill -TERM "$SPID"; else kill -INT "$SPID"; fi
  sleep 1
  kill -0 "$SPID" 2>/dev/null && kill -KILL "$SPID"
  wait "$SPID" 2>/dev/null
}

client() {
  local proto=() user share auth
  if [ $SMB2 -eq 0 ] || [ $((RANDOM % 4)) -eq 0 ]; then proto=(--option="client min protocol=NT1"); fi
  [ $((RANDOM % 6)) -eq 0 ] && proto=(-m SMB3)
  user=$(pick "$USER1%$PASS1" "$USER1%$PASS1" "$USER1%$PASS1" "$USER1%$PASS1" "$USER1%wrong$RANDOM" "bob%guess" "")
  if [ -n "$user" ]; then auth=(-U "$user"); else auth=(-N); fi
  share=$(pick DATA DATA DATA DATA data IPC\$ NOSHARE$RANDOM)
  case $((RANDOM % 12)) in
    0) timeout 20 smbclient -s /dev/null -p $PORT "${proto[@]}" "${auth[@]}" -L //127.0.0.1 ;;
    1) timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; head -c $((RANDOM % 80 + 4)) /dev/urandom >&3; sleep 0.5" ;;
    2) timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; sleep 0.2" ;;
    *) timeout 20 smbclient -s /dev/null -p $PORT "${proto[@]}" "${auth[@]}" "//127.0.0.1/$share" -c "$(smbcmds)" ;;
  esac
}

for round in $(seq 1 14); do
  start_server
  for ((c = 0; c < 6 + RANDOM % 22; c++)); do
    client >> "$T/clients.txt" 2>&1
    sleep 0.$((RANDOM % 5))
  done
  stop_server
done
# keep one contiguous stretch of whole lines
sed -n '1,2500p' "$RAW" > "$D/impacketsmb.log"
wc -l "$RAW" "$D/impacketsmb.log"
