#!/bin/bash
# Randomised workload for ocsigenserver (--debug), port 47100. Usage: workload.sh OUTLOG
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/ocsigen.raw.log}
RUN=/tmp/round35-r35c/ocs
PORT=47100 B=http://127.0.0.1:47100
mkdir -p $RUN/log $RUN/data $RUN/www/secret $RUN/www/list/a $RUN/www/list/b $RUN/www/sub
echo '<html>hello</html>' > $RUN/www/index.html; echo sub > $RUN/www/sub/a.txt; echo s > $RUN/www/secret/s.txt
echo x > $RUN/www/list/x.txt; echo '{}' > $RUN/www/list/d.json; echo nope > $RUN/www/sub/locked.txt
chmod 000 $RUN/www/list/b $RUN/www/sub/locked.txt
sed -e "s#@RUN@#$RUN#g" -e "s#@HERE@#$HERE#g" $HERE/ocsigen.conf.in > $RUN/ocsigen.conf
# a broken configuration, used once in a while
sed -e 's#<static dir="@RUN@/www"/>#<static/>#' -e "s#@RUN@#$RUN#g" -e "s#@HERE@#$HERE#g" $HERE/ocsigen.conf.in > $RUN/broken.conf
: > "$OUT"
SPID=
start() { SPID=$(ocsigenserver --debug -c "$1" >> "$OUT" 2>&1 & echo $!); sleep 1.5; }
stop() { [ -n "$SPID" ] || return; kill $SPID 2>/dev/null; while kill -0 $SPID 2>/dev/null; do sleep 0.2; done; SPID=; }
cmd() { [ -p $RUN/cmdpipe ] && timeout 2 sh -c "echo '$1' > $RUN/cmdpipe"; sleep 0.3; }
UAS=("curl/7.88.1" "Mozilla/5.0 (X11; Linux x86_64)" "r35c-probe/1.0" "Wget/1.21")
PATHS=(index.html "" sub/a.txt sub/ sub/missing.txt sub/locked.txt list/ list/x.txt list/d.json list/b/ old/a.txt tmp/index.html gone/thing secret/s.txt api/x nothing/here "a%20b" ../../etc/passwd)
get() { curl -s -m 5 -o /dev/null -A "${UAS[$((RANDOM % 4))]}" "$@"; }
ROUNDS=${ROUNDS:-6}
for r in $(seq 1 $ROUNDS); do
  if [ $r = 2 ] || [ $((RANDOM % 4)) = 0 ]; then start $RUN/broken.conf; stop; fi
  start $RUN/ocsigen.conf
  n=$((RANDOM % 40 + 25))
  for i in $(seq 1 $n); do
    p=$((RANDOM % 100))
    u=${PATHS[$((RANDOM % ${#PATHS[@]}))]}
    if   [ $p -lt 40 ]; then get "$B/$u"
    elif [ $p -lt 48 ]; then get -u alice:wonderland "$B/secret/s.txt"
    elif [ $p -lt 54 ]; then get -u alice:guess$RANDOM "$B/secret/s.txt"
    elif [ $p -lt 60 ]; then get -H 'Accept-Encoding: gzip, deflate' "$B/$u"
    elif [ $p -lt 65 ]; then get -X OPTIONS -H "Origin: http://site$((RANDOM % 5)).example" -H 'Access-Control-Request-Method: POST' "$B/api/x"
    elif [ $p -lt 68 ]; then get -H "Origin: http://site$((RANDOM % 5)).example" "$B/api/x"
    elif [ $p -lt 72 ]; then get -H "x-block: yes$RANDOM" "$B/$u"
    elif [ $p -lt 75 ]; then get -X DELETE "$B/$u"
    elif [ $p -lt 78 ]; then get -I "$B/$u"
    elif [ $p -lt 90 ]; then timeout 5 python3 $HERE/rawclient.py $(shuf -n1 -e nohost garbage badver half post xff keepalive xff) $PORT 2>/dev/null
    elif [ $p -lt 93 ]; then cmd reopen_logs
    elif [ $p -lt 95 ]; then cmd reload
    elif [ $p -lt 97 ]; then cmd "$(shuf -n1 -e frobnicate gc clearcache 'set_section_level ocsigen:ext debug')"
    else for k in 1 2 3 4; do get "$B/${PATHS[$((RANDOM % ${#PATHS[@]}))]}" & done; wait
    fi
  done
  if [ $((RANDOM % 3)) = 0 ]; then cmd shutdown; sleep 1; fi
  stop
done
