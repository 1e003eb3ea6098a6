#!/bin/bash
# tftpy server workload: runs itself inside a private network+mount namespace
set -u -m
D=/work/round41/tftpy
T=/tmp/round41-r41g/tftpy
PY=/tmp/round41-r41g/venv-tftpy/bin/python
PORT=61000
if [ "${1:-}" != inner ]; then
  cd "$D" || exit 1
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
cd "$D" || exit 1
ip link set lo up
rm -rf "$T"; mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/data" "$T/xdg/cache" "$T/xdg/runtime" "$T/root/sub" "$T/cli"
chmod 700 "$T/xdg/runtime"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/runtime
RAW=$T/raw.log; : > "$RAW"
R=$T/root
# served files of random sizes
for f in small.txt boot.bin pxelinux.0 config/menu.cfg sub/kernel.img sub/initrd.gz empty.dat; do
  mkdir -p "$(dirname "$R/$f")"
  head -c $((RANDOM % 1800)) /dev/urandom > "$R/$f"
done
: > "$R/empty.dat"; head -c 40 /dev/urandom > "$R/tiny.txt"; head -c 512 /dev/urandom > "$R/exact512.bin"
FILES=(small.txt boot.bin pxelinux.0 config/menu.cfg sub/kernel.img sub/initrd.gz empty.dat exact512.bin)
MISSING=(nothere.txt missing/boot.bin pxelinux.cfg/default grub.cfg)
SRV=
start_srv() { # $@ extra args
  $PY -u tftpy_server.py "$@" >> "$RAW" 2>&1 &
  SRV=$!; sleep 1
}
stop_srv() { [ -n "$SRV" ] && kill -INT "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
cli() { timeout 40 $PY tftpy_client.py -H 127.0.0.1 -p $PORT "$@" >/dev/null 2>&1; }
raw() { timeout 40 $PY rawtftp.py $PORT "$@" >/dev/null 2>&1; }
one_op() {
  local r=$((RANDOM % 100)) f
  f=$(pick "${FILES[@]}")
  if   [ $r -lt 10 ]; then cli -D "$f" -o "$T/cli/out.$RANDOM"
  elif [ $r -lt 16 ]; then cli -D "$f" -o "$T/cli/out.$RANDOM" -b $(pick 512 1024 1428 2048) $( [ $((RANDOM%2)) = 0 ] && echo -t)
  elif [ $r -lt 24 ]; then head -c $((RANDOM % 2000)) /dev/urandom > "$T/cli/up.bin"; cli -u "up/$RANDOM.bin" -i "$T/cli/up.bin"
  elif [ $r -lt 27 ]; then head -c $((RANDOM % 1200)) /dev/urandom > "$T/cli/up.bin"; cli -u "$(pick uploads/a.bin small.txt)" -i "$T/cli/up.bin" -b 1024
  elif [ $r -lt 35 ]; then cli -D "$(pick "${MISSING[@]}")" -o "$T/cli/miss.$RANDOM"
  elif [ $r -lt 39 ]; then curl -s -o /dev/null --max-time 20 "tftp://127.0.0.1:$PORT/$f" $( [ $((RANDOM%2)) = 0 ] && echo --tftp-blksize 1024)
  elif [ $r -lt 41 ]; then curl -s -o /dev/null --max-time 20 "tftp://127.0.0.1:$PORT/$(pick "${MISSING[@]}")"
  elif [ $r -lt 43 ]; then curl -s --max-time 20 -T "$R/small.txt" "tftp://127.0.0.1:$PORT/curlup$RANDOM.txt"
  elif [ $r -lt 48 ]; then cli -D "$(pick ../../etc/passwd ../secret /../../x)" -o "$T/cli/trav.$RANDOM"
  elif [ $r -lt 51 ]; then raw netascii "$f"
  elif [ $r -lt 57 ]; then raw opts "$f"
  elif [ $r -lt 63 ]; then raw badop
  elif [ $r -lt 67 ]; then raw dupack "$(pick sub/kernel.img boot.bin pxelinux.0)"
  elif [ $r -lt 71 ]; then raw errmid "$f"
  elif [ $r -lt 78 ]; then raw wrqbad "bad/$RANDOM.bin"
  elif [ $r -lt 82 ]; then raw dupdat "dup$RANDOM.bin"
  elif [ $r -lt 86 ]; then raw wrongtid "$f"
  elif [ $r -lt 90 ]; then raw mainagain "$f"
  elif [ $r -lt 94 ]; then raw garbage
  else ( raw "$(pick abandon_rrq abandon_wrq)" "$(pick "${FILES[@]}")" ) & sleep 0.5
  fi
}
round() { local n=$1 i; for ((i = 0; i < n; i++)); do one_op; sleep 0.$((RANDOM % 5)); done; }

# bad configuration: missing root (and, further down, a root that is a file)
$PY -u tftpy_server.py -d -p $PORT -r "$T/nosuchroot" >> "$RAW" 2>&1
start_srv -d -p $PORT -r "$R"
round $((3 + RANDOM % 3))
# second instance on a busy port
$PY -u tftpy_server.py -d -p $PORT -r "$R" >> "$RAW" 2>&1
round $((2 + RANDOM % 4))
stop_srv
$PY -u tftpy_server.py -d -p $PORT -r "$R/small.txt" >> "$RAW" 2>&1
start_srv -d -i 127.0.0.1 -p $PORT -r "$R"
round $((3 + RANDOM % 3))
( raw abandon_rrq boot.bin ) & ( raw abandon_wrq late.bin ) &
sleep 22
round $((2 + RANDOM % 4))
stop_srv
start_srv -d -p $PORT -r "$R/"
round $((3 + RANDOM % 3))
stop_srv
wait
# keep one stretch of whole lines
sed -n '1,2500p' "$RAW" > "$D/tftpy.log"
rm -rf "$T/cli"
