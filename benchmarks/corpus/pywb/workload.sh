#!/bin/bash
# pywb workload: wayback (debug) recording and replaying from origin.py (127.0.0.1:47701; 47702 is closed),
# all inside the private network namespace r37d-pywb (pywb's tldextract tries to fetch the public suffix list).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
NS=r37d-pywb
if [ "$(ip netns identify $$)" != "$NS" ]; then
  ip netns list | grep -qx "$NS" || { ip netns add $NS && ip netns exec $NS ip link set lo up; }
  exec ip netns exec $NS bash "$0" "$@"
fi
V=/tmp/round37-r37d/venv_pywb
W=/tmp/round37-r37d/pywb
LOG=$HERE/pywb.log
P=47700
B=http://127.0.0.1:$P
O=http://127.0.0.1:47701
rm -rf $W; mkdir -p $W; rm -f $LOG
cp "$HERE/config.yaml" $W/config.yaml
cd $W
$V/bin/wb-manager init arch >/dev/null 2>&1
$V/bin/wb-manager init second >/dev/null 2>&1
mkdir -p collections/broken   # a collection folder without index or archive
export PYTHONUNBUFFERED=1 TLDEXTRACT_CACHE=$W/tldcache

$V/bin/python "$HERE/origin.py" 47701 >/dev/null 2>&1 & ORIG=$!

WPID=
start() { $V/bin/wayback -p $P -b 127.0.0.1 "$@" >>$LOG 2>&1 & WPID=$!; sleep 4; }
stop() { kill -TERM $WPID 2>/dev/null; wait $WPID 2>/dev/null; WPID=; }
g() { curl -s -m 12 -o /dev/null "$@" 2>/dev/null; }

opaths=(/ /index.html /page1.html /page2.html /page7.html /page12.html /page20.html /style.css /app.js /data.json /img.png
  /frame.html /cookie /redirect /loop /status/404 /status/500 /status/503 /drop /garbage /big /nothing.html "/page3.html?q=1&r=2")
ow=(6 3 8 6 4 3 2 3 3 2 2 2 2 2 1 2 2 1 1 1 1 2 2)
opath() {
  local t=0 w r i; for w in "${ow[@]}"; do t=$((t+w)); done; r=$((RANDOM % t))
  for i in "${!ow[@]}"; do r=$((r-ow[i])); [ $r -lt 0 ] && { echo "${opaths[$i]}"; return; }; done
}
coll() { shuf -n1 -e arch arch arch second; }
ts() { shuf -n1 -e 2026 20261207 2020 1999 20301231235959 "" ; }
mod() { shuf -n1 -e "" "" "" mp_/ id_/ js_/ cs_/ if_/ oe_/ im_/; }
op() {
  local r=$((RANDOM % 100)) c u; c=$(coll); u=$(opath)
  if   [ $r -lt 26 ]; then g "$B/$c/record/$(mod)$O$u"
  elif [ $r -lt 28 ]; then g -X POST -d "a=$RANDOM" "$B/$c/record/mp_/$O/form"
  elif [ $r -lt 30 ]; then g -I "$B/$c/record/$O$u"
  elif [ $r -lt 48 ]; then local t; t=$(ts); g "$B/$c/${t:+$t$(mod | sed 's#/$##')/}$O$u"
  elif [ $r -lt 54 ]; then g "$B/$c/*/$O$(shuf -n1 -e / '/*' /page1.html '/page*')"
  elif [ $r -lt 58 ]; then g "$B/$c/cdx?url=127.0.0.1:47701$(shuf -n1 -e / '/*' /page2.html)&output=$(shuf -n1 -e json text)$(shuf -n1 -e '' '&limit=3' '&filter=status:200' '&sort=reverse' '&closest=2020')"
  elif [ $r -lt 60 ]; then g "$B/$c/timemap/$(shuf -n1 -e link json cdxj)/$O$u"
  elif [ $r -lt 65 ]; then g "$B/live/$(mod)$O$u"
  elif [ $r -lt 67 ]; then g "$B/live/http://127.0.0.1:47702/$(shuf -n1 -e '' x.html)"
  elif [ $r -lt 69 ]; then g "$B/$(shuf -n1 -e remote remote slowidx missing broken)/$(ts)/$O$u"
  elif [ $r -lt 72 ]; then g "$B/$(shuf -n1 -e nosuch 'bad%20coll' _ static/x)/$O$u"
  elif [ $r -lt 76 ]; then g "$B/$(shuf -n1 -e '' arch/ second/ static/wombat.js static/default_banner.js static/nope.css arch/static/x.js collinfo.json)"
  elif [ $r -lt 79 ]; then g "$B/$c/$(shuf -n1 -e 'http://' 'not a url' '2026/' 'record/' 'record/ftp://x/y' '*/' '../../etc/passwd' '2026im_/javascript:alert(1)')"
  elif [ $r -lt 82 ]; then g -H "Accept-Datetime: Thu, 01 Jan 2026 00:00:00 GMT" "$B/$c/$O$u"
  elif [ $r -lt 84 ]; then g -H "Range: bytes=0-10" "$B/$c/2026id_/$O/big"
  elif [ $r -lt 86 ]; then printf '%s\r\n\r\n' "$(shuf -n1 -e 'BAD REQUEST' 'GET' 'GET / HTTP/9.9' 'POST /arch/record/x HTTP/1.1')" | timeout 3 $V/bin/python -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",'$P')); s.sendall(sys.stdin.buffer.read()); s.settimeout(2); s.recv(500)' >/dev/null 2>&1
  elif [ $r -lt 88 ]; then g -m 1 "$B/$c/record/$O/big"
  elif [ $r -lt 90 ]; then g "$B/$c/record/$O/slow" -m $((2 + RANDOM % 9))
  else g "$B/$c/$O$u"
  fi
}

# 1: record + replay + live, auto-indexing
start --debug --live --record -a --auto-interval 3
for ((i=0; i<$((100 + RANDOM % 40)); i++)); do op; done
# a second instance on the same port fails
$V/bin/wayback -p $P -b 127.0.0.1 --debug >>$LOG 2>&1 & X=$!; sleep 4; kill -TERM $X 2>/dev/null; wait $X 2>/dev/null
stop
# missing root directory
$V/bin/wayback -p $P --debug -d $W/nowhere >>$LOG 2>&1
# 2: proxy mode recording into "second"
start --debug --proxy second --proxy-record -a --auto-interval 3
for ((i=0; i<$((30 + RANDOM % 20)); i++)); do
  g -x $B "$O$(opath)"
  [ $((RANDOM % 4)) = 0 ] && g "$B/second/$O$(opath)"
done
stop
# 3: replay only, no live, no debug-level: info
start -a --auto-interval 5
for ((i=0; i<$((30 + RANDOM % 20)); i++)); do op; done
stop
# 4: debug again, replay + record
start --debug --live --record
for ((i=0; i<$((40 + RANDOM % 20)); i++)); do op; done
stop
kill $ORIG; wait $ORIG 2>/dev/null
# keep at most 2,500 lines: cut before the last logging-framework line at or before line 2,501
if [ $(wc -l < $LOG) -gt 2500 ]; then
  N=$(awk 'NR<=2501 && /^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8},[0-9]{3}: \[/ {n=NR} END{print n-1}' $LOG)
  head -n $N $LOG > $LOG.tmp && mv $LOG.tmp $LOG
fi
