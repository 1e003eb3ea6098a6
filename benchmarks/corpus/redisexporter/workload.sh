#!/bin/bash
# Randomised workload for prometheus-redis-exporter (Debian 1.45.0) with -debug against a private
# redis-server on port 56801, in private net+mount namespaces. Every exporter instance's
# stdout+stderr is appended to $X/raw.log; a stretch is cut to redisexporter.log.
HERE=/work/round40/redisexporter
X=/tmp/round40-r40f/rx
if [ -z "$R40F_INNER" ]; then
  cd "$HERE" || exit 1
  exec unshare -n -m --fork env R40F_INNER=1 bash "$HERE/workload.sh" "$@"
fi
cd "$HERE" || exit 1
set -f -m
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
RANDOM=${SEED:-6262}
rm -rf $X; mkdir -p $X/{data,home,tmp,xdg/config,xdg/data,xdg/cache}
chown redis:redis $X/data
export HOME=$X/home TMPDIR=$X/tmp XDG_CONFIG_HOME=$X/xdg/config XDG_DATA_HOME=$X/xdg/data XDG_CACHE_HOME=$X/xdg/cache XDG_RUNTIME_DIR=$X/tmp
RAW=$X/raw.log; : > $RAW
echo pw1 > $X/pw.txt; printf '{"redis://127.0.0.1:56801":"pw1","redis://127.0.0.1:56803":"pw3"}' > $X/pwmap.json
RP=
rstart() { setpriv --reuid=redis --regid=redis --clear-groups redis-server --port ${1:-56801} --bind 127.0.0.1 --dir $X/data \
  --requirepass ${2:-pw1} --save '' --appendonly no --daemonize no --logfile $X/data/redis.out & RP=$!; sleep 0.5; }
rstop() { [ -n "$RP" ] && kill ${1:-TERM} $RP 2>/dev/null; wait $RP 2>/dev/null; RP=; }
rcli() { redis-cli -p 56801 -a pw1 --no-auth-warning "$@" >/dev/null 2>&1; }
EP=
estart() { prometheus-redis-exporter -debug -web.listen-address 127.0.0.1:56802 "$@" >> $RAW 2>&1 & EP=$!; sleep 0.5; }
estop() { [ -n "$EP" ] && kill -${1:-TERM} $EP 2>/dev/null; wait $EP 2>/dev/null; EP=; }
scrape() { curl -s -m 20 -o /dev/null "http://127.0.0.1:56802$1"; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
load() { for k in $(seq $((RANDOM % 6))); do
  case $((RANDOM % 5)) in
    0) rcli SET "user:$RANDOM" "v$RANDOM";; 1) rcli LPUSH queue:jobs "job$RANDOM";; 2) rcli -n 3 SET "session:$RANDOM" x EX 60;;
    3) rcli XADD events '*' kind "$(pick login logout error)";; 4) rcli HSET "cfg:$((RANDOM % 4))" a 1 b 2;; esac; done; }

rstart
rcli XGROUP CREATE events readers '$' MKSTREAM
for phase in $(seq ${PHASES:-40}); do
  a=(-redis.addr redis://127.0.0.1:56801)
  r=$((RANDOM % 100))
  if   ((r < 22)); then a+=(-redis.password pw1)
  elif ((r < 32)); then a+=(-redis.password-file $X/$(pick pwmap.json pwmap.json missing.json))
  elif ((r < 60)); then a+=(-redis.password "$(pick wrong '' nope)")
  elif ((r < 76)); then a=(-redis.addr $(pick redis://127.0.0.1:56899 'redis://127.0.0.1:notaport' 'unix:///tmp/round40-r40f/rx/none.sock' 127.0.0.1:56899) -redis.password pw1)
  elif ((r < 86)); then a+=(-redis.user $(pick ghost default) -redis.password pw1)
  else a+=(-redis.password pw1)
  fi
  q=$((RANDOM % 10))
  ((q < 2)) && a+=(-script $HERE/script_good.lua)
  ((q == 2)) && a+=(-script $HERE/$(pick script_bad.lua script_odd.lua script_missing.lua))
  ((RANDOM % 3 == 0)) && a+=(-check-keys 'user:*' -check-single-keys 'queue:jobs,db3=session:1')
  ((RANDOM % 4 == 0)) && a+=(-count-keys 'db0=user:*,db3=session:*')
  ((RANDOM % 4 == 0)) && a+=(-check-streams 'events' -check-single-streams events)
  ((RANDOM % 5 == 0)) && a+=(-check-key-groups '^(user):.*,^(cfg):.*')
  ((RANDOM % 5 == 0)) && a+=(-export-client-list)
  ((RANDOM % 6 == 0)) && a+=(-ping-on-connect)
  ((RANDOM % 6 == 0)) && a+=(-include-system-metrics)
  ((RANDOM % 8 == 0)) && a+=(-config-command $(pick NOCONFIG CONFIG))
  ((RANDOM % 10 == 0)) && a+=(-is-tile38)
  ((RANDOM % 12 == 0)) && a+=(-check-keys-batch-size 10)
  estart "${a[@]}"
  for s in $(seq $((1 + RANDOM % 3))); do
    load
    e=$((RANDOM % 100))
    if   ((e < 12)); then rstop; scrape /metrics; rstart
    elif ((e < 16)); then rcli CLIENT KILL TYPE normal; scrape /metrics
    elif ((e < 34)); then scrape "/scrape?target=$(pick redis://127.0.0.1:56801 127.0.0.1:56801 redis://127.0.0.1:56899 '' 'redis://%zz' redis://127.0.0.1:56803)"
    elif ((e < 40)); then scrape $(pick / /health /nope)
    elif ((e < 44)); then rcli CONFIG SET requirepass pw9; scrape /metrics; redis-cli -p 56801 -a pw9 --no-auth-warning CONFIG SET requirepass pw1 >/dev/null 2>&1
    elif ((e < 48)); then rcli DEBUG SLEEP 0; rcli SLOWLOG RESET; scrape /metrics
    else scrape /metrics
    fi
    sleep 0.$((RANDOM % 8))
  done
  estop TERM
done
rstop
wc -l < $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $HERE/redisexporter.log
