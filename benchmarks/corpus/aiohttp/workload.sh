#!/bin/bash
# Workload for the aiohttp web server: runs `python -m aiohttp.web` (asyncio debug on, logging at
# DEBUG via aiohttp.web's own basicConfig) in a private network + mount namespace and drives it
# with curl and raw sockets. Output (stdout+stderr) -> aiohttp.log (first 2500 lines kept).
# Usage: bash workload.sh     (re-executes itself under unshare -n -m)
set -u
D=/work/round41/aiohttp
B=/tmp/round41-r41f
if [ -z "${R41F_INNER:-}" ]; then
  cd "$D" || exit 1
  R41F_INNER=1 exec unshare -n -m --propagation private bash "$D/workload.sh"
fi
cd "$D" || exit 1
ip link set lo up
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/cache $B/xdg/data $B/xdg/run $B/aiohttp
mount -t tmpfs tmpfs /dev/shm
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache \
       XDG_DATA_HOME=$B/xdg/data XDG_RUNTIME_DIR=$B/xdg/run PYTHONUNBUFFERED=1 PYTHONASYNCIODEBUG=1 \
       PYTHONPATH=$D PYTHONDONTWRITEBYTECODE=1
PY=$B/venv-aiohttp/bin/python
RAW=$B/aiohttp/raw.log
: > $RAW
PORT=60500
U=http://127.0.0.1:$PORT

start() { $PY -m aiohttp.web -H 127.0.0.1 -P $PORT app:init >> $RAW 2>&1 & SRV=$!; sleep 1.2; }
c() { curl -s -o /dev/null -A "${UA[RANDOM % ${#UA[@]}]}" "$@"; }
raw() { exec 3<>/dev/tcp/127.0.0.1/$PORT || return; printf "$1" >&3; timeout "${2:-1}" cat <&3 >/dev/null; exec 3<&-; }
UA=("curl/7.88.1" "Mozilla/5.0 (X11; Linux x86_64)" "probe/1.0" "python-requests/2.31" "Wget/1.21")
W=(ok ok ok ok ok ok item item item item static static echo echo notfound boom keyerr none wrong \
   timeout slow stream streamfail redirect admin garbage badheader lingering ws wsbad bigpost item)

one() {
  case "${W[RANDOM % ${#W[@]}]}" in
    ok) c "$U/";;
    item) c "$U/item/$((RANDOM % 700))";;
    static) f=(a.txt sub/b.html missing.png sub/ ../app.py); c "$U/static/${f[RANDOM % 5]}";;
    echo) c -d "payload=$RANDOM" "$U/echo";;
    notfound) p=(wp-login.php .env admin.php api/v2/users robots.txt); c "$U/${p[RANDOM % 5]}";;
    boom) c "$U/boom?why=$RANDOM";;
    keyerr) c "$U/keyerr";;
    none) c "$U/none";;
    wrong) c "$U/wrong";;
    timeout) c "$U/timeout";;
    slow) c -m 0.$((2 + RANDOM % 5)) "$U/slow?t=1";;
    stream) c -m 0.$((3 + RANDOM % 6)) "$U/stream?n=$((3 + RANDOM % 6))";;
    streamfail) c "$U/stream?n=2&fail=1";;
    redirect) c -L "$U/redirect";;
    admin) c "$U/admin";;
    garbage) g=('GARBAGE\r\n\r\n' '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n' 'HELLO there\r\n\r\n'); raw "${g[RANDOM % 3]}";;
    badheader) raw 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nBad Header\r\n\r\n';;
    lingering) raw "POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc" 0.$((3 + RANDOM % 6));;
    bigpost) raw 'POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789' 0.5;;
    ws) c -m 1 -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Version: 13' \
          -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H 'Sec-WebSocket-Protocol: chat.v1' "$U/ws";;
    wsbad) c -m 1 -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Version: 13' \
          -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H "Sec-WebSocket-Protocol: v$((RANDOM % 3)).proto" "$U/ws";;
  esac
}

for session in 1 2 3 4; do
  start
  n=$((45 + RANDOM % 70))
  for ((i = 0; i < n; i++)); do
    if ((RANDOM % 6 == 0)); then one & p1=$!; one & p2=$!; wait $p1 $p2; else one; fi
  done
  for ((k = 0; k < 1 + RANDOM % 2; k++)); do   # failed extra starts while the server runs
    case $((RANDOM % 4)) in
      0|1) $PY -m aiohttp.web -H 127.0.0.1 -P $PORT app:init >> $RAW 2>&1;;   # port in use
      2) $PY -m aiohttp.web -H 127.0.0.1 -P $PORT nosuchmodule:init >> $RAW 2>&1;;
      3) $PY -m aiohttp.web -H 127.0.0.1 -P $PORT app >> $RAW 2>&1;;
    esac
  done
  sleep 0.5
  if ((RANDOM % 2)); then kill -INT $SRV; else kill -TERM $SRV; fi
  wait $SRV
done
sed -n '1,2500p' $RAW > $D/aiohttp.log
