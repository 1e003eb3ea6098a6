#!/bin/bash
# Randomised HTTPie workload. Runs itself inside a private network + mount namespace.
if [ -z "$R45C_INNER" ]; then exec unshare -n -m env R45C_INNER=1 bash "$0" "$@"; fi
set -m
D=/work/round45/httpie
ip link set lo up
mount --make-rprivate /
mount --bind /tmp/round45-r45c /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45c
mount --bind /mnt /tmp/round45-r45c
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
H=/tmp/round45-r45c/home-httpie
rm -rf $H; mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/tmp
export PYTHONUNBUFFERED=1 COLUMNS=4000
cd $D
RAW=$H/raw.log
HTTP=/tmp/round45-r45c/venv-httpie/bin/http
mkdir -p $D/config $D/badconfig $H/sess
echo '{"default_options": [], "disable_update_warnings": true}' > $D/config/config.json
echo '{"default_options": [' > $D/badconfig/config.json
python3 $D/server.py 47001 > /dev/null 2>&1 &
SRV=$!
python3 $D/server.py 47002 > /dev/null 2>&1 &
SRV2=$!
sleep 1
RANDOM=4545
U=http://127.0.0.1:47001
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
run() {
  local cfg=$D/config
  [ $((RANDOM % 25)) -eq 0 ] && cfg=$D/badconfig
  local dbg=--verbose
  [ $((RANDOM % 9)) -eq 0 ] && dbg=--debug
  HTTPIE_CONFIG_DIR=$cfg timeout 20 $HTTP --ignore-stdin --pretty=none $dbg --print=Bbm "$@" >> $RAW 2>&1
}
: > $RAW
for i in $(seq 1 150); do
  c=$((RANDOM % 100))
  if   [ $c -lt 14 ]; then run GET $U/$(pick json items users/$RANDOM) q==$RANDOM
  elif [ $c -lt 22 ]; then run POST $U/echo name=$(pick alice bob carol) age:=$((RANDOM%90)) tags:='["a","b"]'
  elif [ $c -lt 28 ]; then run --form POST $U/echo field=$RANDOM other=x
  elif [ $c -lt 32 ]; then run PUT $U/echo X-Trace:$RANDOM Accept:application/json v=1
  elif [ $c -lt 36 ]; then run -a alice:$(pick secret secret wrong) $U/basic
  elif [ $c -lt 39 ]; then run -A bearer -a $(pick tok123 nope) $U/bearer
  elif [ $c -lt 41 ]; then run -A digest -a alice:secret $U/basic
  elif [ $c -lt 46 ]; then run --follow $U/redirect/$((1 + RANDOM % 4))
  elif [ $c -lt 49 ]; then run --follow --max-redirects=$((1 + RANDOM % 3)) $U/loop
  elif [ $c -lt 51 ]; then run $U/redirect/2
  elif [ $c -lt 54 ]; then run --timeout=0.5 $U/slow/2
  elif [ $c -lt 58 ]; then run GET http://127.0.0.1:$(pick 47099 47098)/x
  elif [ $c -lt 61 ]; then run GET "$(pick 'http://' 'http://[::1' 'http://bad host/' 'ftp://127.0.0.1:47001/' 'http://127.0.0.1:99999/')"
  elif [ $c -lt 65 ]; then run $(pick --pretty=foo --style=nosuch --frobnicate '--max-redirects=x' '--timeout=abc' '--auth-type=nosuch') $U/json
  elif [ $c -lt 67 ]; then run POST $U/echo 'a[b=1' 
  elif [ $c -lt 69 ]; then run POST $U/echo data=@/tmp/round45-r45c/nosuchfile.txt
  elif [ $c -lt 76 ]; then run --session=$H/sess/s$((RANDOM % 3)).json $U/cookie X-Sess:$RANDOM
  elif [ $c -lt 78 ]; then run --session-read-only=$H/sess/s0.json $U/json
  elif [ $c -lt 82 ]; then run --check-status $U/status/$(pick 404 500 403 301 418)
  elif [ $c -lt 84 ]; then run $U/cut
  elif [ $c -lt 86 ]; then run $U/drop
  elif [ $c -lt 89 ]; then run $(pick HEAD OPTIONS DELETE PATCH) $U/echo
  elif [ $c -lt 93 ]; then run $U/$(pick xml badjson text)
  elif [ $c -lt 95 ]; then run --offline POST $U/echo k=v
  elif [ $c -lt 97 ]; then run --compress --chunked POST $U/echo k=v
  else run http://127.0.0.1:47002/json
  fi
  if [ $i -eq 105 ]; then kill $SRV2; wait $SRV2 2>/dev/null; fi
done
kill $SRV; wait $SRV 2>/dev/null
kill $SRV2 2>/dev/null
sed -n '1,2500p' $RAW > $D/httpie.log
