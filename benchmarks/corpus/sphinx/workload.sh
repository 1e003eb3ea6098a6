#!/bin/bash
# Randomised workload for Sphinx searchd 2.2 (daemon log at --logdebugv).
# Ports: 47101 (API), 47102 (SphinxQL), 47199 (dead agent). Everything lives in this folder.
cd "$(dirname "$0")"
D=$PWD; R=$D/run; PY=$D/venv/bin/python
[ -x "$PY" ] || { python3 -m venv venv && venv/bin/pip install -q pymysql; }
ROUNDS=${ROUNDS:-90}
rm -rf "$R"; mkdir -p "$R/data"
sed "s#/work/round27/sphinx/run#$R#g" sphinx.conf > "$R/sphinx.conf"
CONF=$R/sphinx.conf
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
idx() { indexer -c "$CONF" "$@" >> "$R/indexer.out" 2>&1; }
start() { searchd -c "$CONF" --logdebugv "$@" >> "$R/searchd.out" 2>&1; sleep 1; }
child() { cat "$R/searchd.pid" 2>/dev/null; }
stop() { searchd -c "$CONF" --stopwait >> "$R/searchd.out" 2>&1; sleep 0.5; }

idx docs news
[ $((RANDOM % 2)) = 0 ] && idx ghost
start

api_burst() {
  local n=$((5 + RANDOM % 12)) i w
  for ((i = 0; i < n; i++)); do
    w=$(pick apple tiger river ocean "apple|tiger" "garden -lemon" '"sunset valley"' zzz)
    case $((RANDOM % 24)) in
      0|1|2) $PY api_client.py 47101 search "$w" "$(pick docs news rt dist 'docs,news' ghost nosuch)" ;;
      3) $PY api_client.py 47101 search "$w" docs "$(pick group filter badsort badselect maxmatches)" ;;
      4) $PY api_client.py 47101 multi "$w" tiger lemon ;;
      5) $PY api_client.py 47101 excerpt "$(pick docs news ghost)" "$w" ;;
      6) $PY api_client.py 47101 update "$(pick docs news rt)" "$(pick group_id nosuch cat)" ;;
      7) $PY api_client.py 47101 keywords "$w running" "$(pick docs news nosuch)" ;;
      8) $PY api_client.py 47101 status ;;
      9) $PY api_client.py 47101 flushattrs ;;
      10) $PY api_client.py 47101 sphinxql "$(pick 'select * from news' 'show tables' 'selekt 1')" ;;
      11) $PY api_client.py 47101 persist "$w" lemon ;;
      12) $PY api_client.py 47101 badcmd ;;
      13) $PY api_client.py 47101 "$(pick oldver newver)" ;;
      14) $PY api_client.py 47101 huge ;;
      15) $PY api_client.py 47101 truncated ;;
      16) $PY api_client.py 47101 garbage ;;
      17) $PY api_client.py 47101 badproto ;;
      18) $PY api_client.py 47101 silent 0.3 ;;
      19) $PY api_client.py 47101 junksearch ;;
      20) $PY api_client.py 47101 zerolen ;;
      *) $PY api_client.py 47101 search "$w" "$(pick docs dist)" ;;
    esac
  done > /dev/null 2>&1
}

sql_burst() {
  local k=$((1 + RANDOM % 4)) j
  for ((j = 0; j < k; j++)); do $PY sql_client.py 47102 $((10 + RANDOM % 40)) > /dev/null 2>&1 & done
  wait
}

corrupt_new() {
  local i=$(pick docs news) e
  for e in sph spa spi spd spp spk spm spe; do head -c $((RANDOM % 300 + 1)) /dev/urandom > "$R/data/$i.new.$e"; done
  kill -HUP "$(child)"
}

config_change() {
  if grep -q "index extra" "$CONF"; then
    sed -i '/^index extra$/,/^}$/d' "$CONF"
  else
    printf 'index extra\n{\n\tsource = src_news\n\tpath = %s/data/extra\n}\n' "$R" >> "$CONF"
    [ $((RANDOM % 2)) = 0 ] && idx extra
  fi
  kill -HUP "$(child)"
}

for ((round = 0; round < ROUNDS; round++)); do
  case $((RANDOM % 20)) in
    0|1|2|3) api_burst ;;
    4|5|6) sql_burst ;;
    7) api_burst & sql_burst; wait ;;
    8|9) idx --rotate $(pick docs news "docs news" ghost broken "news ghost") ;;
    10) corrupt_new ;;
    11) kill -HUP "$(child)" ;;
    12) config_change ;;
    13) stop; [ $((RANDOM % 3)) = 0 ] && rm -f "$R"/data/$(pick news ghost docs).sp*; start ;;
    14) kill -9 "$(child)"; sleep 1; start ;;              # worker killed: watchdog gives up, start again
    15) c=$(child); w=$(ps -o ppid= -p "$c" | tr -d ' '); kill -9 "$c" "$w"; sleep 0.5; start ;;  # binlog replay, stale pid file
    16) start ;;                                             # second instance while running
    17) searchd -c "$CONF" --status >> "$R/searchd.out" 2>&1 ;;
    18) $PY sql_client.py 47102 5 >/dev/null 2>&1; kill -TERM "$(child)"; sleep 1; start ;;
    19) searchd -c "$CONF" --logdebugv --port 47102 >> "$R/searchd.out" 2>&1; sleep 1 ;;  # port clash
  esac
  sleep 0.$((RANDOM % 5))
done
api_burst
stop
