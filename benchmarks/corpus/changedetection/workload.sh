#!/bin/bash
# Drives changedetection.io in a private network+mount namespace; writes changedetection.log
if [ -z "$R44G_INNS" ]; then
  exec env R44G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
ip link set lo up
mount --bind /tmp/round44-r44g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44g
mount --bind /mnt /tmp/round44-r44g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
set -m
F=/work/round44/changedetection
cd $F
V=/tmp/round44-r44g/venv-cd
R=/tmp/round44-r44g/cd
mkdir -p $R/{home,tmp,cache,config,data}
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/cache XDG_CONFIG_HOME=$R/config XDG_DATA_HOME=$R/data
export ALLOW_IANA_RESTRICTED_ADDRESSES=true LOGGER_LEVEL=DEBUG
DS=$F/datastore
RAW=$R/raw.log
rm -rf $DS $RAW; mkdir -p $DS
API=http://127.0.0.1:49200
PG=http://127.0.0.1:49201
PATHS=(change change change static json text missing error redirect slow empty drop change)

startpages() { $V/bin/python $F/pages.py 49201 & HP=$!; }
startcd() {
  $V/bin/changedetection.py -d $DS -p 49200 -h 127.0.0.1 "$@" >> $RAW 2>&1 &
  S=$!
  for i in $(seq 60); do curl -s -o /dev/null $API/ && break; sleep 1; done
  KEY=$(python3 -c "import json;print(json.load(open('$DS/changedetection.json'))['settings']['application']['api_access_token'])" 2>/dev/null)
  [ -z "$KEY" ] && KEY=$(cat $DS/*.json 2>/dev/null | python3 -c "import sys,re;m=re.search(r'\"api_access_token\": \"([^\"]+)\"',sys.stdin.read());print(m.group(1) if m else '')")
}
stopcd() { kill -INT $S; wait $S; }
api() { curl -s -m 20 -o /dev/null -H "x-api-key: $KEY" -H 'Content-Type: application/json' "$@"; }
uuids() { curl -s -m 20 -H "x-api-key: $KEY" $API/api/v1/watch | python3 -c "import sys,json;print(' '.join(json.load(sys.stdin).keys()))" 2>/dev/null; }
pick() { local a=($(uuids)); [ ${#a[@]} -gt 0 ] && echo ${a[$((RANDOM % ${#a[@]}))]}; }

startpages
startcd -u $PG/change -u $PG/text
for round in $(seq 1 $((10 + RANDOM % 3))); do
  for step in $(seq $((4 + RANDOM % 6))); do
    case $((RANDOM % 16)) in
      0|1|2) p=${PATHS[$((RANDOM % ${#PATHS[@]}))]}; api -d "{\"url\":\"$PG/$p?r=$RANDOM\"}" $API/api/v1/watch ;;
      3) api -d "{\"url\":\"notaurl$RANDOM\"}" $API/api/v1/watch ;;
      4) api -d "{\"url\":\"$PG/json?q=$RANDOM\",\"title\":\"js $RANDOM\",\"include_filters\":[\"json:\$.a\"]}" $API/api/v1/watch ;;
      5|6) u=$(pick); [ -n "$u" ] && api "$API/api/v1/watch/$u?recheck=1" ;;
      7) api "$API/api/v1/watch?recheck_all=1" ;;
      8) u=$(pick); [ -n "$u" ] && api -X DELETE $API/api/v1/watch/$u ;;
      9) u=$(pick); [ -n "$u" ] && api -X PUT -d "{\"title\":\"t$RANDOM\",\"paused\":$([ $((RANDOM%2)) = 0 ] && echo true || echo false)}" $API/api/v1/watch/$u ;;
      10) curl -s -m 20 -o /dev/null -H "x-api-key: wrong$RANDOM" $API/api/v1/watch ;;
      11) api $API/api/v1/watch/00000000-0000-4000-8000-$(printf %012d $RANDOM) ;;
      12) u=$(pick); [ -n "$u" ] && { api $API/api/v1/watch/$u/history; api $API/api/v1/watch/$u/history/latest; } ;;
      13) api $API/api/v1/systeminfo; api -d "{\"title\":\"tag$RANDOM\"}" $API/api/v1/tag ;;
      14) tok=$(curl -s -m 20 -c $R/cj $API/ | sed -n 's/.*name="csrf_token" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
          curl -s -m 20 -o /dev/null -b $R/cj --data-urlencode "csrf_token=$tok" --data-urlencode "url=$PG/${PATHS[$((RANDOM % ${#PATHS[@]}))]}?f=$RANDOM" --data-urlencode "tags=form" $API/form/add/quickwatch ;;
      15) curl -s -m 20 -o /dev/null -d "url=$PG/change" $API/form/add/quickwatch; api -d '{bad json' $API/api/v1/watch ;;
    esac
    sleep 0.$((RANDOM % 9))
  done
  r=$((RANDOM % 7)); [ $round = 5 ] && r=1; [ $round = 3 ] && r=0
  case $r in
    0) kill $HP; wait $HP 2>/dev/null; api "$API/api/v1/watch?recheck_all=1"; sleep $((5 + RANDOM % 8)); startpages ;;
    1) stopcd; sleep 2; startcd ;;
  esac
  sleep $((8 + RANDOM % 15))
done
sleep 20
stopcd
kill $HP; wait $HP 2>/dev/null
rm -rf $DS $R/cj
sed -n '1,2500p' $RAW > $F/changedetection.log
