#!/bin/bash
# Randomised workload for Datasette 0.65 (PyPI): serves a SQLite database made by mkdb.py on
# 127.0.0.1:38510 with --reload, --root, trace_debug and a low SQL time limit; stdout and stderr go
# to the log. Drives reads, bad queries, writes, auth, malformed HTTP, reloads, restarts and bad
# starts. Usage: workload.sh [minutes]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round33-r33b/ds
DS=/tmp/round33-r33b/dsvenv/bin/datasette
LOG=$R/datasette.log
MIN=${1:-30}
P=38510; B=http://127.0.0.1:$P
mkdir -p $R; cd $R
[ -x $DS ] || { python3 -m venv /tmp/round33-r33b/dsvenv && /tmp/round33-r33b/dsvenv/bin/pip install -q datasette==0.65.5; }
# APPEND=1: keep the database and the log of an earlier run and append to it
[ "${APPEND:-0}" = 1 ] || python3 $HERE/mkdb.py $R/data.db
python3 -c "import sqlite3; c=sqlite3.connect('$R/scratch.db'); c.execute('create table if not exists t (x)'); c.execute('insert into t values (1)'); c.commit()"
cp $R/scratch.db $R/scratch.good
cp $HERE/metadata.json $R/metadata.json
[ "${APPEND:-0}" = 1 ] || rm -f $LOG
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
start_ds() {
  local opts=(-p $P --setting trace_debug 1 --setting sql_time_limit_ms $(shuf -n1 -e 100 200 500) -m $R/metadata.json)
  [ $(rnd 1 4) -gt 1 ] && opts+=(--reload)
  [ $(rnd 1 3) -gt 1 ] && opts+=(--root)
  [ $(rnd 1 3) -eq 1 ] && opts+=(--memory)
  [ $(rnd 1 5) -eq 1 ] && opts+=(--cors)
  setsid $DS $R/data.db $R/scratch.db "${opts[@]}" >> $LOG 2>&1 < /dev/null &
  echo $! > $R/ds.pid
  sleep 4
}
stop_ds() { [ -s $R/ds.pid ] && kill -$1 $(cat $R/ds.pid) 2>/dev/null; sleep 3; rm -f $R/ds.pid; }
bad_start() {
  # (a first run also drew "--setting no_such_settingN 1" here; dropped for the appended run)
  case $(shuf -n1 -e 1 3 5) in
    1) $DS $R/missing$(rnd 1 99).db -p $P >> $LOG 2>&1 ;;
    3) timeout 20 $DS $R/data.db -p $P --config sql_time_limit_ms:100 >> $LOG 2>&1 ;;
    5) echo '{"title": "broken", ' > $R/bad.json; timeout 20 $DS $R/data.db -p $P -m $R/bad.json >> $LOG 2>&1 ;;
  esac
}
URLS=(/ /data /data/cities /data/orders /data/big_orders /data/docs /data/numbers '/data/cities?country=FR' '/data/cities?_sort_desc=population'
  '/data/cities.json?_shape=array' '/data/orders.csv?_size=50' '/data/orders.csv?_stream=1' '/data/cities?_facet=country' '/data/cities/7' '/data/cities/7.json'
  '/data/by_country?country=DE' '/data/by_country.json?country=NO' '/data?sql=select+count(*)+from+orders' '/data/orders?qty__gt=8&_sort=price'
  '/data/docs?_search=river' '/data/cities?_trace=1' '/-/versions' '/-/plugins' '/-/settings' '/-/metadata' '/-/databases' '/-/threads' '/-/actor'
  '/-/static/app.css' '/data/orders?_labels=on' '/data/orders?_next=50' '/scratch/t' '/scratch?sql=select+*+from+t' '/_memory?sql=select+1')
BAD=('/data/nope' '/nodb' '/data/cities/99999' '/data?sql=select+*+from+nope' '/data?sql=selec+1' '/data/slow' '/data/broken'
  '/data?sql=select+count(*)+from+numbers+a,numbers+b' '/data/cities?_sort=bogus' '/data/cities.json?_shape=bogus' '/data/cities?_size=abc'
  '/data/cities?_size=99999' '/data/cities?_where=nonsense(' '/data/cities?_through=garbage' '/data/cities?_facet_array=name' '/data/cities?_facet=nope'
  '/data/cities?name__gt=a&_sort_desc=population&_sort=name' '/data/cities.csv?_stream=1&_sort=bogus' '/-/permissions' '/data.db' '/data/-/query?sql=select+1'
  "/_memory?sql=select+json_extract('x','\$')" '/data/cities.json?_col=nope' '/data/cities?_nocol=id' '/-/auth-token?token=bad' '/data/docs?_search=%22x')
get() { timeout 30 curl -s -o /dev/null "$@"; }
burst() {
  local n i u
  n=$(rnd 1 15)
  for i in $(seq $n); do
    if [ $(rnd 1 4) -eq 1 ]; then u=${BAD[RANDOM % ${#BAD[@]}]}; else u=${URLS[RANDOM % ${#URLS[@]}]}; fi
    get -g "$B$u"
  done
}
writes() {
  local q
  q=$(shuf -n1 -e add_note add_note add_dup drop_missing)
  case $(rnd 1 3) in
    1) get -X POST -d "body=note$(rnd 1 999)" -d id=1 "$B/data/$q";;
    2) rm -f $R/jar; get -c $R/jar "$B/data/$q"; tok=$(awk '$6=="ds_csrftoken"{print $7}' $R/jar)
       get -b $R/jar -X POST -d "csrftoken=$tok" -d "body=n$(rnd 1 999)" -d id=2 "$B/data/$q";;
    3) rm -f $R/jar; get -c $R/jar "$B/data/$q"; get -b $R/jar -X POST -d "csrftoken=forged" -d body=x "$B/data/$q";;
  esac
}
rootauth() {
  local url
  url=$(grep -o 'http://127.0.0.1:38510/-/auth-token?token=[0-9a-f]*' $LOG | tail -1)
  [ -z "$url" ] && return
  rm -f $R/jar; get -c $R/jar "$url"; get -b $R/jar "$B/-/permissions"; get -b $R/jar "$B/-/actor.json"; get -b $R/jar "$B/data.db"; get -b $R/jar "$url"
}
rawhttp() {
  python3 - <<PY
import socket, random
s = socket.create_connection(("127.0.0.1", $P)); s.settimeout(5)
k = random.randint(1, 4)
if k == 1: s.sendall(b"GARBAGE \x01\x02\r\n\r\n")
elif k == 2: s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n")
elif k == 3: s.sendall(b"GET /data/orders HTTP/1.1\r\nHost: x\r\n\r\n"); s.close(); raise SystemExit
else: s.sendall(b"GET /data HTTP/9.9\r\n\r\n")
try: s.recv(100)
except OSError: pass
PY
}
start_ds
END=$(( $(date +%s) + MIN * 60 ))
while [ $(date +%s) -lt $END ]; do
  sleep $(rnd 1 6)
  case $(rnd 1 100) in
    [1-9]|[1-4][0-9]|50) burst;;
    5[1-9]|6[0-2]) writes;;
    6[3-6]) rootauth;;
    6[7-9]|70) rawhttp 2>/dev/null;;
    7[1-2]) touch $R/metadata.json;;
    7[3-4]) p=$(cat $R/ds.pid 2>/dev/null); [ -n "$p" ] && kill -HUP $p;;
    75) printf '{"title": "oops"' > $R/metadata.json; sleep 5; burst; cp $HERE/metadata.json $R/metadata.json;;
    76) head -c 4096 /dev/urandom > $R/scratch.db; get "$B/scratch/t"; get "$B/scratch?sql=select+1"; get "$B/scratch"; sleep 2; cp $R/scratch.good $R/scratch.db;;
    7[7-9]) stop_ds $(shuf -n1 -e TERM TERM INT); start_ds;;
    8[0-3]) stop_ds TERM; bad_start; start_ds;;
    8[4-5]) timeout 15 $DS $R/data.db -p $P >> $LOG 2>&1;;
    *) sleep $(rnd 2 8);;
  esac
  { [ -s $R/ds.pid ] && kill -0 $(cat $R/ds.pid) 2>/dev/null; } || start_ds
done
stop_ds TERM
rm -f $R/jar
