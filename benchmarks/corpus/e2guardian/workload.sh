#!/bin/bash
# Randomised workload for e2guardian 5.3 (filtering proxy). Its own messages go to syslog only, so
# the run happens in a private mount namespace whose /dev/log belongs to a private rsyslogd (nsrun.sh);
# the log is that rsyslogd's output file, e2guardian's messages only.
cd "$(dirname "$0")"
W=$PWD; R=$W/run; P=25710
if [ -z "$E2_INSIDE" ]; then
  # fresh private copy of the packaged configuration, pointed at our folder, ports and log files
  rm -rf "$R"; mkdir -p "$R/cache"; chmod 777 "$R" "$R/cache"
  cp -r /etc/e2guardian "$R/etc"
  find "$R/etc" -type f | xargs sed -i "s#/etc/e2guardian#$R/etc#g"
  python3 - "$R" <<'PY'
import re, sys
R = sys.argv[1]; p = R + '/etc/e2guardian.conf'; s = open(p).read()
for k, v in [('filterip', '127.0.0.1'), ('filterports', '25710'), ('checkip', '127.0.0.1'),
             ('transparenthttpsport', '25711'), ('loglocation', "'%s/access.log'" % R),
             ('pidfilename', "'%s/e2guardian.pid'" % R), ('nodaemon', 'on'), ('httpworkers', '20'),
             ('filecachedir', "'%s/cache'" % R), ('logconnectionhandlingerrors', 'on'),
             ('proxytimeout', '5'), ('connecttimeout', '3'), ('storyboardtrace', 'on')]:
    if re.search(r'(?m)^%s\s*=.*$' % k, s):
        s = re.sub(r'(?m)^%s\s*=.*$' % k, '%s = %s' % (k, v), s)
    else:
        s += '\n%s = %s\n' % (k, v)
open(p, 'w').write(s)
PY
  E2_INSIDE=1 unshare -m --propagation private "$W/nsrun.sh" "$W/workload.sh"
  cp "$R/syslog.out" "$W/e2guardian.raw.log"
  echo "done: $(wc -l < "$W/e2guardian.raw.log") lines"
  exit 0
fi
RND() { echo $(( RANDOM % $1 )); }
C="$R/etc/e2guardian.conf"; F1="$R/etc/e2guardianf1.conf"
PIDS=()
bg() { "$@" & PIDS+=($!); echo $! >> "$R/pids"; }

# list contents
echo "blocked.example
badsite.test" >> "$R/etc/lists/bannedsitelist"
echo "127.0.0.2" >> "$R/etc/lists/bannedsiteiplist"
echo "127.0.0.3" >> "$R/etc/lists/exceptionsiteiplist"
echo "127.0.0.1:25720/forbidden" >> "$R/etc/lists/bannedurllist"
cp "$C" "$R/e2.conf.good"; cp "$F1" "$R/f1.conf.good"

# origin servers: normal x3 addresses, refused (25722: nothing), hanging (25723), junk (25724)
start_origin() { python3 "$W/origin.py" serve 127.0.0.1 25720 2>/dev/null & ORIG=$!; echo $ORIG >> "$R/pids"; }
start_origin
bg python3 "$W/origin.py" serve 127.0.0.2 25720 2>/dev/null
bg python3 "$W/origin.py" serve 127.0.0.3 25720 2>/dev/null
bg python3 "$W/origin.py" hang 127.0.0.1 25723 2>/dev/null
bg python3 "$W/origin.py" junk 127.0.0.1 25724 2>/dev/null
sleep 1

start_e2() { e2guardian -N -c "$C" & E2=$!; echo $E2 >> "$R/pids"; sleep 2.5; }
stop_e2() {
  e2guardian -c "$C" -q >/dev/null 2>&1
  for i in 1 2 3 4 5 6; do kill -0 $E2 2>/dev/null || break; sleep 1; done
  kill -0 $E2 2>/dev/null && kill -KILL $E2
  wait $E2 2>/dev/null
}

UA=("Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0" "curl/7.88.1" "Wget/1.21" "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0" "BadBot/0.1")
request() {
  local host=127.0.0.1 port=25720 path method=GET extra=()
  case $(RND 20) in
    0|1|2|3|4) path=/page$(RND 100) ;;
    5) path=/bad ;;
    6) path=/setup$(RND 9).exe ;;
    7) path=/img$(RND 9).gif ;;
    8) path=/big ;;
    9) path=/slow ;;
    10) path=/reset ;;
    11) path=/junk ;;
    12) path=/redirect ;;
    13) path=/missing ;;
    14) path=/error ;;
    15) path=/forbidden ;;
    16) path=/video ;;
    17) path=/form; method=POST; extra=(--data "q=$(RND 1000)&text=hello+world") ;;
    18) path=/page; method=HEAD; extra=(-I) ;;
    19) path=/search?q=casino+poker+$(RND 50) ;;
  esac
  case $(RND 16) in
    0) host=127.0.0.2 ;;
    1) host=127.0.0.3 ;;
    2) port=25722 ;;
    3) port=25723 ;;
    4) port=25724 ;;
    5) host=blocked.example ;;
    6) host=nosuch$(RND 99).invalid ;;
  esac
  local url="http://$host:$port$path"
  if [ $(RND 12) = 0 ]; then url="https://$host:$port$path"; fi
  curl -s -m 12 -o /dev/null -x "http://127.0.0.1:$P" -A "${UA[$(RND ${#UA[@]})]}" -X $method "${extra[@]}" "$url" 2>/dev/null
}
traffic() {
  for i in $(seq "$1"); do
    n=$((1 + $(RND 3))); ps_=()
    for j in $(seq $n); do
      if [ $(RND 8) = 0 ]; then timeout 10 python3 "$W/rawclient.py" $P & else request & fi
      ps_+=($!)
    done
    wait "${ps_[@]}"
  done
}

# 1. start-up with a faulty group config (missing list), then a clean one
sed -i "s#bannedsitelist'#bannedsitelist_missing'#" "$F1"
start_e2
traffic 1
stop_e2
cp "$R/f1.conf.good" "$F1"
start_e2
traffic $((2 + $(RND 2)))

# 2. a second copy on the same port (bind fails)
e2guardian -N -c "$C" & X=$!; echo $X >> "$R/pids"; sleep 3; kill -0 $X 2>/dev/null && kill -KILL $X; wait $X 2>/dev/null

# 3. reloads, and the origin server dying and coming back
for round in $(seq $((3 + $(RND 2)))); do
  case $(RND 4) in
    0) e2guardian -c "$C" -r >/dev/null 2>&1 ;;
    1) e2guardian -c "$C" -g >/dev/null 2>&1 ;;
    2) kill $ORIG; wait $ORIG 2>/dev/null; traffic 1; start_origin; sleep 1 ;;
    3) echo "newsite$round.example" >> "$R/etc/lists/bannedsitelist"; e2guardian -c "$C" -r >/dev/null 2>&1 ;;
  esac
  sleep 1
  traffic 1
done
e2guardian -c "$C" -s >/dev/null 2>&1
stop_e2

# 4. start-up problems: broken main config values, unreadable language dir, bad storyboard
for t in $(printf '%s\n' lang story port | shuf | head -n $((1 + $(RND 3)))); do
  cp "$R/e2.conf.good" "$C"
  case $t in
    lang)  sed -i "s#^language = .*#language = 'klingon'#" "$C" ;;
    story) sed -i "s#^preauthstoryboard = .*#preauthstoryboard = '$R/etc/missing.story'#" "$C" ;;
    port)  sed -i "s#^filterports = .*#filterports = 99999#" "$C" ;;
  esac
  start_e2
  traffic 1
  stop_e2
done
cp "$R/e2.conf.good" "$C"

# 5. final run, then shutdown
start_e2
traffic $((1 + $(RND 2)))
stop_e2
for p in "${PIDS[@]}" $ORIG; do kill $p 2>/dev/null; done
wait 2>/dev/null
