#!/bin/bash
# Randomised workload for amuled (aMule daemon) driven with amulecmd and fake local eD2k servers.
# All traffic stays on 127.0.0.1, ports 45000-45029.
#   45000 amuled TCP, 45001 amuled UDP (Kad), 45003 server-UDP (TCP+3), 45002 EC
#   45010 good fake server, 45011 closed port, 45012 close-at-once, 45013 garbage, 45014 silent
#   45015 second good fake server, 45020 local HTTP (server.met / nodes.dat / ipfilter.dat downloads)
D=/work/round25/amuled
RUN=$D/run
CFG=$RUN/cfg
LOG=$D/amuled.log
PASS=secret25
RUNAS="setpriv --reuid=65534 --regid=65534 --clear-groups"
PY=/usr/bin/python3
cd "$D" || exit 1
rm -rf "$RUN" "$LOG"
mkdir -p "$CFG" "$RUN/share1" "$RUN/share2" "$RUN/www"
: > "$RUN/pids"

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---- shared files and web content
for i in $(seq 1 $((3 + $(r 5)))); do
  head -c $((1000 + RANDOM * 7)) /dev/urandom > "$RUN/share1/file_${i}_$RANDOM.bin"
done
for i in 1 2; do head -c $((RANDOM * 3)) /dev/urandom > "$RUN/share2/doc_$i.txt"; done
: > "$RUN/share2/empty.dat"
echo "127.0.0.2 - 127.0.0.9 , 100 , test range" > "$RUN/www/ipfilter.dat"
head -c 200 /dev/urandom > "$RUN/www/nodes.dat"
$PY "$D/mkservermet.py" "$RUN/www/server.met" 45015:Second_Local 45016:Nobody_Home 45010:Local_Good
head -c 77 /dev/urandom > "$RUN/www/bad.met"
chown -R 65534:65534 "$RUN"

# ---- helpers
mkconf() {
  sed -e "s#@CFG@#$CFG#g" -e "s#@NICK@#$RANDOM#" -e "s#@AUTOCONNECT@#$1#" \
      -e "s#@SERVERLIST@#$2#" -e "s#@KAD@#$3#" "$D/amule.conf.in" > "$CFG/amule.conf"
  echo "2.3.3" > "$CFG/lastversion"
  printf '%s\n%s\n' "$RUN/share1" "$RUN/share2" > "$CFG/shareddir.dat"
  [ $(r 3) = 0 ] && echo "$RUN/missing_dir" >> "$CFG/shareddir.dat"
  printf 'http://127.0.0.1:45020/server.met\n' > "$CFG/addresses.dat"
  if [ ! -f "$CFG/server.met" ] || [ $(r 3) = 0 ]; then
    $PY "$D/mkservermet.py" "$CFG/server.met" 45010:Local_Good $(printf '%s\n' 45011:Closed 45012:Slammer 45013:Noisy 45014:Silent 45015:Second_Local | shuf -n $((1 + $(r 4))))
  fi
  chown -R 65534:65534 "$CFG"
}

start_bg() { # name cmd...
  local name=$1; shift
  "$@" > "$RUN/$name.out" 2>&1 &
  echo "$! $name" >> "$RUN/pids"
  eval "PID_${name}=$!"
}

start_servers() {
  start_bg srv10 $PY "$D/fakeserver.py" good 45010
  start_bg srv12 $PY "$D/fakeserver.py" close 45012
  start_bg srv13 $PY "$D/fakeserver.py" garbage 45013
  start_bg srv14 $PY "$D/fakeserver.py" silent 45014
  start_bg srv15 $PY "$D/fakeserver.py" good 45015
  start_bg www $PY "$D/webserver.py" "$RUN/www" 45020
}

AMULED_PID=
start_amuled() {
  $RUNAS amuled -c "$CFG/" > "$RUN/amuled.stdout" 2>&1 &
  AMULED_PID=$!
  echo "$AMULED_PID amuled" >> "$RUN/pids"
  for i in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/45002) 2>/dev/null && return 0
    sleep 0.2
  done
}

stop_amuled() { # how: ec | term | int
  local how=$1
  case $how in
    ec) cmd shutdown ;;
    term) kill -TERM "$AMULED_PID" ;;
    int) kill -INT "$AMULED_PID" ;;
  esac
  for i in $(seq 1 100); do kill -0 "$AMULED_PID" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$AMULED_PID" 2>/dev/null && kill -KILL "$AMULED_PID"
  wait "$AMULED_PID" 2>/dev/null
  cat "$CFG/logfile" >> "$LOG"
}

cmd() { timeout 20 amulecmd -h 127.0.0.1 -p 45002 -P "$PASS" -c "$*" >> "$RUN/amulecmd.out" 2>&1; }
badcmd() { timeout 20 amulecmd -h 127.0.0.1 -p 45002 -P "$1" -c "status" >> "$RUN/amulecmd.out" 2>&1; }

garbage_ec() {
  $PY - <<'EOF'
import os, random, socket, struct, time
s = socket.create_connection(("127.0.0.1", 45002), timeout=5)
k = random.randint(0, 1)
try:
    # only inputs that do not trip the daemon's EC socket assertion
    if k == 0:
        s.sendall(b"\x00" * random.randint(1, 3))  # a partial header, then hang up
    else:
        pass  # connect and hang up
    time.sleep(random.uniform(0.2, 1.5))
    s.recv(100)
except OSError:
    pass
s.close()
EOF
}

hash32() { $PY -c "import os;print(os.urandom(16).hex().upper())"; }
WORDS=(linux debian music holiday report backup movie ubuntu photo notes)

random_link() {
  case $(r 10) in
    0|1|2) echo "ed2k://|file|$(pick "${WORDS[@]}")_$RANDOM.$(pick iso mp3 avi txt)|$((1000 + RANDOM * RANDOM))|$(hash32)|/" ;;
    3) echo "ed2k://|file|broken_$RANDOM|notanumber|/" ;;
    9) echo "ed2k://|serverlist|http://127.0.0.1:45020/$(pick server.met bad.met none.met)|/" ;;
    4) echo "ed2k://|server|localhost|$(pick 45010 45011 45012 45013 45014 45015)|/" ;;
    5) echo "ed2k://|server|127.0.0.$((2 + $(r 5)))|$((45016 + $(r 4)))|/" ;;
    6) echo "magnet:?xt=urn:ed2k:$(hash32)&dn=$(pick "${WORDS[@]}")$RANDOM&xl=$((5000 + RANDOM))" ;;
    7) echo "magnet:?xt=urn:btih:$(hash32)&dn=thing" ;;
    8) echo "$(pick http://127.0.0.1:45020/x.iso ftp://127.0.0.1/ garbage:// 'ed2k://|server|localhost|0|/' 'ed2k://|serverlist|http://127.0.0.1:45020/server.met|/' 'ed2k://|serverlist|http://127.0.0.1:45020/bad.met|/' 'ed2k://|serverlist|http://127.0.0.1:45020/none.met|/' 'ed2k://|serverlist|http://127.0.0.1:45029/server.met|/')" ;;
  esac
}

add_servers() {
  cmd "add ed2k://|server|localhost|45010|/"
  for p in $(printf '%s\n' 45011 45012 45013 45014 45015 | shuf -n $((2 + $(r 4)))); do
    cmd "add ed2k://|server|localhost|$p|/"
  done
}

session_actions() {
  local n=$1
  for step in $(seq 1 "$n"); do
    case $(r 24) in
      0) cmd status ;;
      1) cmd "connect ed2k" ;;
      2) cmd "disconnect ed2k" ;;
      3) cmd "connect kad" ;;
      4) cmd "disconnect kad" ;;
      5) cmd "add $(random_link)" ;;
      6) cmd "add $(random_link)" ;;
      7) cmd "search $(pick local global kad) $(pick "${WORDS[@]}")"; sleep 1; cmd results; cmd progress ;;
      8) cmd "download $((1 + $(r 4)))" ;;
      9) cmd "reload shared" ;;
      10) cmd "reload ipfilter" ;;
      11) cmd "reload ipfilter net http://127.0.0.1:45020/$(pick ipfilter.dat missing.dat)" ;;
      12) cmd "set bwlimit up $(r 200)"; cmd "set bwlimit down $(r 900)"; cmd "get bwlimits" ;;
      13) cmd "set ipfilter $(pick on off)"; cmd "get ipfilter" ;;
      14) cmd "set ipfilter level $(r 256)" ;;
      15) badcmd "wrong$RANDOM" ;;
      16) garbage_ec ;;
      17) cmd "show $(pick dl ul servers shared)" ;;
      18) cmd "pause $(hash32)"; cmd "resume $(hash32)" ;;
      19) cmd "priority $(pick low normal high auto) $(hash32)" ;;
      20) cmd "cancel $(hash32)" ;;
      21) cmd statistics ;;
      22) cmd "connect" ;;
      23) cmd "disconnect" ;;
    esac
    sleep 0.$((RANDOM % 10))
  done
}

# ---- run
start_servers
sleep 1
ROUNDS=$((4 + $(r 2)))
for round in $(seq 1 "$ROUNDS"); do
  mkconf "$(pick 0 1)" "$(pick 0 1)" "$(pick 0 1)"
  if [ $(r 4) = 0 ]; then
    # a corrupt server.met / known.met to exercise load errors
    head -c $((10 + $(r 60))) /dev/urandom > "$CFG/$(pick known.met canceled.met)"
    chown 65534:65534 "$CFG"/*.met
  fi
  start_amuled
  sleep 1
  add_servers
  cmd "add ed2k://|server|127.0.0.1|45010|/"
  cmd "add ed2k://|server|localhost|45010|/"
  cmd "connect ed2k"
  sleep 2
  session_actions $((18 + $(r 14)))
  # a peer dies: kill the good server while connected, then bring it back
  if [ $(r 2) = 0 ]; then
    kill "$PID_srv10"; wait "$PID_srv10" 2>/dev/null
    sleep 3
    session_actions 4
    start_bg srv10 $PY "$D/fakeserver.py" good 45010
    sleep 1
    cmd "connect ed2k"
  fi
  # a silent server makes the connection attempt time out
  if [ $(r 3) = 0 ]; then
    cmd "disconnect ed2k"
    cmd "add ed2k://|server|localhost|45014|/"
    cmd "connect ed2k"
    sleep 32
  fi
  session_actions $((8 + $(r 10)))
  stop_amuled "$(pick ec ec term int)"
  sleep 1
done

# ---- stop everything we started (by recorded PID)
while read -r pid name; do
  [ "$name" = amuled ] && continue
  kill "$pid" 2>/dev/null
done < "$RUN/pids"
wait 2>/dev/null
echo "lines: $(wc -l < "$LOG")"
