#!/bin/bash
# Scrapyd workload: scrapyd on 127.0.0.1:47600 (config ./scrapyd.conf), a project "webproj" (./proj, egg built
# under /tmp) crawling a local http.server on 47601; 47602 is a closed port. Driven by curl against the JSON API.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round37-r37d/scr
V=/tmp/round37-r37d/venv_scrapyd
LOG=$HERE/scrapyd.log
API=http://127.0.0.1:47600
cd "$HERE"
rm -rf $W/eggs $W/dbs $W/logs $W/items $W/jobs $W/build* $W/*.egg
mkdir -p $W
rm -f $LOG
# eggs: webproj 1.0 and 2.0; "bad" (for project brokenproj) has a spider module that fails to import; garbage is not an egg
for v in 1.0 2.0 bad; do
  rm -rf $W/build_$v; cp -r proj $W/build_$v
  sed -i "s/version=\"1.0\"/version=\"$v\"/" $W/build_$v/setup.py
  [ $v = bad ] && cp proj2/broken.py $W/build_$v/webproj/spiders/
  (cd $W/build_$v && $V/bin/python setup.py -q bdist_egg -d $W >/dev/null 2>&1)
done
head -c 3000 /dev/urandom > $W/garbage.egg

# the site being crawled
$V/bin/python -m http.server 47601 --bind 127.0.0.1 --directory "$HERE/www" >/dev/null 2>&1 &
WEB=$!; echo $WEB > $W/web.pid

SPID=
start() { $V/bin/scrapyd --logfile $LOG --pidfile $W/twistd.pid & SPID=$!; sleep 3; }
stop() { kill -TERM $SPID 2>/dev/null; wait $SPID 2>/dev/null; SPID=; }
c() { curl -s -m 10 "$@" >/dev/null 2>&1; }
AUTH=()
jobs_list() { curl -s -m 10 "${AUTH[@]}" $API/listjobs.json?project=webproj | python3 -c '
import json,sys
d=json.load(sys.stdin)
for k in ("pending","running","finished"):
    for j in d.get(k,[]): print(k, j["id"])' 2>/dev/null; }
spiders=(pages pages pages slow dead fragile nosuch)
op() {
  local r=$((RANDOM % 100)) a=("${AUTH[@]}")
  if   [ $r -lt 22 ]; then
    local s=${spiders[$((RANDOM % ${#spiders[@]}))]} extra=()
    [ $((RANDOM % 3)) = 0 ] && extra=(-d setting=DOWNLOAD_DELAY=0.$((RANDOM % 5)))
    [ $((RANDOM % 4)) = 0 ] && extra+=(-d priority=$((RANDOM % 5)))
    [ $((RANDOM % 10)) = 0 ] && extra+=(-d priority=high)
    [ $((RANDOM % 5)) = 0 ] && extra+=(-d port=47602)
    [ $((RANDOM % 8)) = 0 ] && extra+=(-d _version=1.0)
    c "${a[@]}" $API/schedule.json -d project=webproj -d spider=$s "${extra[@]}"
  elif [ $r -lt 25 ]; then c "${a[@]}" $API/schedule.json -d project=nosuchproj -d spider=pages
  elif [ $r -lt 27 ]; then c "${a[@]}" $API/schedule.json -d project=brokenproj -d spider=pages
  elif [ $r -lt 30 ]; then c "${a[@]}" $API/schedule.json -d project=webproj
  elif [ $r -lt 32 ]; then c "${a[@]}" $API/schedule.json?project=webproj\&spider=pages
  elif [ $r -lt 40 ]; then
    local j; j=$(jobs_list | grep -E '^(running|pending)' | shuf -n 1 | cut -d' ' -f2)
    c "${a[@]}" $API/cancel.json -d project=webproj -d job=${j:-0000}
    [ $((RANDOM % 3)) = 0 ] && c "${a[@]}" $API/cancel.json -d project=webproj -d job=${j:-0000} -d signal=KILL
  elif [ $r -lt 43 ]; then c "${a[@]}" $API/cancel.json -d project=webproj -d job=deadbeef$RANDOM
  elif [ $r -lt 45 ]; then c "${a[@]}" $API/cancel.json -d project=webproj -d job=x -d signal=NOPE
  elif [ $r -lt 55 ]; then c "${a[@]}" $API/listjobs.json$([ $((RANDOM%2)) = 0 ] && echo ?project=webproj)
  elif [ $r -lt 62 ]; then c "${a[@]}" $API/daemonstatus.json
  elif [ $r -lt 66 ]; then c "${a[@]}" $API/listprojects.json
  elif [ $r -lt 70 ]; then c "${a[@]}" "$API/listversions.json?project=$(shuf -n1 -e webproj webproj nosuchproj)"
  elif [ $r -lt 76 ]; then c "${a[@]}" "$API/listspiders.json?project=$(shuf -n1 -e webproj webproj brokenproj nosuchproj)$(shuf -n1 -e '' '' '&_version=1.0' '&_version=2.0' '&_version=9.9')"
  elif [ $r -lt 79 ]; then c "${a[@]}" $API/status.json?job=$(jobs_list | shuf -n 1 | cut -d' ' -f2)
  elif [ $r -lt 82 ]; then c "${a[@]}" $API/$(shuf -n1 -e "" jobs logs/ logs/webproj/ "logs/webproj/pages/" items/ nothere.json "logs/../../etc/passwd")
  elif [ $r -lt 84 ]; then c "${a[@]}" $API/addversion.json -F project=webproj -F version=1.0 -F egg=@$W/webproj-1.0-py3.11.egg
  elif [ $r -lt 86 ]; then c "${a[@]}" $API/addversion.json -F project=webproj -F version=2.0 -F egg=@$W/webproj-2.0-py3.11.egg
  elif [ $r -lt 87 ]; then c "${a[@]}" $API/addversion.json -F project=webproj -F version=3.0 -F egg=@$W/garbage.egg
  elif [ $r -lt 88 ]; then c "${a[@]}" $API/addversion.json -F project=brokenproj -F version=$((RANDOM % 3)) -F egg=@$W/webproj-bad-py3.11.egg
  elif [ $r -lt 89 ]; then c "${a[@]}" $API/addversion.json -F project=webproj -F version=4.0
  elif [ $r -lt 90 ]; then c "${a[@]}" $API/addversion.json -F "project=bad/name" -F version=1.0 -F egg=@$W/webproj-1.0-py3.11.egg
  elif [ $r -lt 93 ]; then c "${a[@]}" $API/delversion.json -d project=webproj -d version=$(shuf -n1 -e 2.0 3.0 9.9)
    [ $((RANDOM % 2)) = 0 ] && c "${a[@]}" $API/addversion.json -F project=webproj -F version=2.0 -F egg=@$W/webproj-2.0-py3.11.egg
  elif [ $r -lt 94 ]; then c "${a[@]}" $API/delproject.json -d project=$(shuf -n1 -e nosuchproj brokenproj)
  elif [ $r -lt 96 ]; then c "${a[@]}" -X DELETE $API/listjobs.json
  elif [ $r -lt 98 ]; then c -u "webproj:wrong$RANDOM" $API/daemonstatus.json
  else c "${a[@]}" $API/schedule.json -d project=webproj -d spider=pages -d jobid=fixed$((RANDOM % 3))
  fi
  sleep 0.$((RANDOM % 6))
}
deploy() { c "${AUTH[@]}" $API/addversion.json -F project=webproj -F version=1.0 -F egg=@$W/webproj-1.0-py3.11.egg; }

# phase 1: open service
start; deploy
for ((i=0; i<$((90 + RANDOM % 40)); i++)); do op; done
stop
# bad configurations (the second one only prints to stderr): port in use, username with a colon
python3 -m http.server 47600 --bind 127.0.0.1 >/dev/null 2>&1 & BLOCK=$!; sleep 1
$V/bin/scrapyd --logfile $LOG --pidfile $W/twistd.pid & P=$!; sleep 4; kill -TERM $P 2>/dev/null; wait $P 2>/dev/null
kill $BLOCK; wait $BLOCK 2>/dev/null
SCRAPYD_USERNAME=a:b SCRAPYD_PASSWORD=x timeout 20 $V/bin/scrapyd --logfile $LOG --pidfile $W/twistd.pid
# phase 2: basic authentication on
export SCRAPYD_USERNAME=webproj SCRAPYD_PASSWORD=s3cret
start
AUTH=(-u webproj:s3cret)
for ((i=0; i<$((20 + RANDOM % 20)); i++)); do c $API/daemonstatus.json; c -u webproj:nope $API/listjobs.json; op; done
stop
unset SCRAPYD_USERNAME SCRAPYD_PASSWORD; AUTH=()
# phase 3: open again; the queue (dbs) survived the restart
start; deploy
for ((i=0; i<$((80 + RANDOM % 40)); i++)); do op; done
for ((i=0; i<5; i++)); do
  j=$(jobs_list | grep -E '^(running|pending)' | head -1 | cut -d' ' -f2); [ -n "$j" ] && c $API/cancel.json -d project=webproj -d job=$j -d signal=KILL
  sleep 2
done
c $API/delproject.json -d project=brokenproj
stop
kill $WEB; wait $WEB 2>/dev/null
