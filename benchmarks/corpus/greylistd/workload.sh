#!/bin/bash
# Randomised workload for greylistd (Debian package greylistd), logging through a private rsyslogd.
# greylistd only logs to syslog (/dev/log); it runs inside a private mount namespace (nsrun.sh)
# whose /dev/log points at our rsyslogd's socket.  Everything lives in this folder.
D=/work/round28/greylistd
cd "$D" || exit 1
W=$D/w                       # scratch: configs, data, sockets
PIDS=$D/pids.txt
rm -rf "$W" raw.log rsys stderr.txt client.out; mkdir -p "$W/run" "$W/lib" "$W/conf" rsys
: > "$PIDS"
GL=/usr/sbin/greylistd
SOCK=$W/run/socket
CONF=$W/conf/config
export NSBINDS="$W/run:/var/run/greylistd $W/lib:/var/lib/greylistd"

# private rsyslogd (default file template), user facility = greylistd's
cat > rsyslog.conf <<EOC
global(workDirectory="$D/rsys")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$D/log.sock" RateLimit.Interval="0")
user.* action(type="omfile" file="$D/raw.log")
EOC
rsyslogd -f rsyslog.conf -i "$D/rsys/rsyslogd.pid"
sleep 1
RSPID=$(cat "$D/rsys/rsyslogd.pid"); echo "rsyslogd $RSPID" >> "$PIDS"

r() { echo $(( RANDOM % $1 )); }
cl() { /usr/bin/python3 "$D/glclient.py" "$SOCK" "$@" >> client.out 2>&1; }

MISTAKES=(
"[logging]
level = debug
facility = mail"
"[timeouts]
retryMid = 300"
"[timeouts]
retrymin = 300"
"[timeouts]
retryMin = ten minutes"
"[timeouts]
expire = 60d"
"[data]
savetriplets = maybe"
"[data]
singlecheck = perhaps"
"[data]
update = 10m"
"[data]
statfile = $W/lib/states"
"[socket]
group = greylist"
"[socket]
path $SOCK"
"retryMax: 28800"
"[whitelist]
127.0.0.1"
"[Timeouts
retryMin = 60"
"this line is not valid"
"[database]
dsn = sqlite:///var/lib/greylistd/db"
"[data]
singleupdate = 2x"
"[timeouts]
retryMax = 8h"
)

# write_config STATEFILE TRIPLETFILE SOCKPATH OWNER MODE NMISTAKES
write_config() {
  {
    echo "# greylistd test config"
    echo "[timeouts]"; echo "retryMin = $((1 + $(r 3)))"; echo "retryMax = 28800"; echo "expire = 5184000"
    echo; echo "[socket]"; echo "path = $3"; echo "owner = $4"; echo "mode = $5"
    echo; echo "[data]"; echo "update = 3600"; echo "statefile = $1"; echo "tripletfile = $2"
    echo "savetriplets = $( [ $(r 8) -eq 0 ] && echo false || echo true)"
    echo "singlecheck = $( [ $(r 3) -eq 0 ] && echo true || echo false)"
    echo "singleupdate = false"
    local n=$6 i
    for ((i = 0; i < n; i++)); do echo; echo "${MISTAKES[$(r ${#MISTAKES[@]})]}"; done
  } > "$CONF"
}
good_config() { write_config "$W/lib/states" "$W/lib/triplets" "$SOCK" "greylist:greylist" "0660" "${1:-0}"; }

GLPID=
start_gl() {   # start_gl [args...]: start greylistd in the namespace, wait for its socket
  "$D/nsrun.sh" "$D/log.sock" "$GL" "$@" >> stderr.txt 2>&1 &
  GLPID=$!; echo "greylistd $GLPID" >> "$PIDS"
  for i in $(seq 50); do [ -S "$SOCK" ] && break; kill -0 $GLPID 2>/dev/null || break; sleep 0.1; done
}
stop_gl() {
  [ -n "$GLPID" ] || return
  if kill -0 $GLPID 2>/dev/null; then
    case $(r 6) in
      0) kill -KILL $GLPID ;;
      *) kill -TERM $GLPID ;;
    esac
  fi
  wait $GLPID 2>/dev/null; GLPID=
  rm -f "$SOCK"
}
alive() { [ -n "$GLPID" ] && kill -0 $GLPID 2>/dev/null; }
ensure_up() { alive || { rm -f "$SOCK"; good_config $(r 4); start_gl "$CONF"; }; }

startup_failure() {
  case ${1:-$(r 6)} in
    0) write_config "$W/lib/states" "$W/lib/triplets" "$SOCK" "nosuchuser:greylist" "0660" $(r 3); start_gl "$CONF" ;;
    1) write_config "$W/lib/states" "$W/lib/triplets" "$SOCK" "greylist:nosuchgroup" "0660" $(r 3); start_gl "$CONF" ;;
    2) write_config "$W/lib/states" "$W/lib/triplets" "$SOCK" "greylist:greylist" "0$((8 + $(r 2)))60" $(r 3); start_gl "$CONF" ;;
    3) write_config "$W/lib/states" "$W/lib/triplets" "$W/missing-dir/socket" "greylist:greylist" "0660" $(r 3); start_gl "$CONF" ;;
    4) # systemd-style socket activation, but config names another path
       write_config "$W/lib/states" "$W/lib/triplets" "$W/run/other.socket" "greylist:greylist" "0660" $(r 3)
       "$D/nsrun.sh" "$D/log.sock" /usr/bin/python3 "$D/fdlaunch.py" "$W/run/act.socket" "$GL" "$CONF" >> stderr.txt 2>&1 &
       GLPID=$!; echo "greylistd(fd) $GLPID" >> "$PIDS"; sleep 1 ;;
    5) # config file missing: defaults (bound to our folder inside the namespace)
       "$D/nsrun.sh" "$D/log.sock" "$GL" "$W/conf/no-such-config" >> stderr.txt 2>&1 &
       GLPID=$!; echo "greylistd(defaults) $GLPID" >> "$PIDS"; sleep 1
       /usr/bin/python3 "$D/glclient.py" "$W/run/socket" mix 5 >> client.out 2>&1 ;;
  esac
  sleep 0.3; stop_gl; rm -f "$W/run/act.socket" "$W/run/socket"
}

reload_with() {  # reload via command or SIGHUP
  if [ $(r 2) -eq 0 ]; then cl cmd reload; else alive && kill -HUP $GLPID; sleep 0.2; fi
}

fault() {
  ensure_up
  case $(r 14) in
    0|1|13) good_config $((4 + $(r 12))); reload_with ;;
    2) # config replaced by a directory
       mv "$CONF" "$CONF.bak"; mkdir "$CONF"; reload_with; rmdir "$CONF"; mv "$CONF.bak" "$CONF" ;;
    3) # state file directory vanishes
       write_config "$W/gone/states" "$W/lib/triplets" "$SOCK" "greylist:greylist" "0660" $(r 3); cl cmd reload
       cl mix $((3 + $(r 5))); cl cmd save
       if [ $(r 3) -eq 0 ]; then kill -HUP $GLPID; sleep 0.3; else mkdir -p "$W/gone"; good_config; cl cmd reload; rm -rf "$W/gone"; fi ;;
    4) # state file path is a directory
       rm -rf "$W/lib/statedir"*; mkdir -p "$W/lib/statedir"; write_config "$W/lib/statedir" "$W/lib/triplets" "$SOCK" "greylist:greylist" "0660" $(r 2)
       cl cmd reload; cl cmd save; cl mix 3
       rm -rf "$W/lib/statedir"; good_config; cl cmd reload; rm -rf "$W/lib/statedir"* ;;
    5) # triplet file directory vanishes
       write_config "$W/lib/states" "$W/nodir/triplets" "$SOCK" "greylist:greylist" "0660" $(r 2); cl cmd reload
       cl mix $((4 + $(r 6))); cl cmd save; cl cmd list
       [ $(r 3) -gt 0 ] && mkdir -p "$W/nodir"; good_config; cl cmd reload; rm -rf "$W/nodir" ;;
    6) # triplet file path is a directory
       rm -rf "$W/lib/tripdir"*; mkdir -p "$W/lib/tripdir"; write_config "$W/lib/states" "$W/lib/tripdir" "$SOCK" "greylist:greylist" "0660" $(r 2)
       cl cmd reload; cl mix $((4 + $(r 6))); cl cmd save
       rm -rf "$W/lib/tripdir"; good_config; cl cmd reload; rm -rf "$W/lib/tripdir"* ;;
    7|8) # junk in the triplet file, then list
       cl mix 6; cl cmd save
       for i in $(seq $((4 + $(r 16)))); do
         case $(r 4) in
           0) echo "junk line $RANDOM" ;; 1) echo "x$RANDOM = 127.0.0.$(r 250) a@b c@d" ;;
           2) echo "$RANDOM$RANDOM" ;; 3) echo "-- truncated record $(r 99)" ;;
         esac
       done >> "$W/lib/triplets"
       cl cmd list; [ $(r 2) -eq 0 ] && cl cmd list --grey --white ;;
    9) # daemon killed, state file damaged, daemon restarted
       cl mix 4; cl cmd save; kill -KILL $GLPID; wait $GLPID 2>/dev/null; rm -f "$SOCK"
       for i in $(seq $((1 + $(r 5)))); do
         case $(r 5) in
           0) sed -i "/^\[white\]/a k$RANDOM = $(date +%s) $(date +%s) 1" "$W/lib/states" ;;
           1) sed -i "/^\[grey\]/a $RANDOM = yesterday $(date +%s) 2" "$W/lib/states" ;;
           2) echo "garbled state record $RANDOM" >> "$W/lib/states" ;;
           3) printf '[greylist]\n%s = 1 2 3\n' $RANDOM >> "$W/lib/states" ;;
           4) sed -i "/^\[statistics\]/a uptime = $RANDOM" "$W/lib/states" ;;
         esac
       done
       start_gl "$CONF" ;;
    10) # admin clears the statistics section by mistake -> crash on next use
       cl cmd clear --statistics; cl cmd "$( [ $(r 2) -eq 0 ] && echo stats || echo mrtg)"; cl mix 2 ;;
    11) cl rude $((3 + $(r 12))) ;;
    12) cl garbage $((3 + $(r 10))) ;;
  esac
}

for k in $(shuf -e 0 1 2 3 4 5); do startup_failure $k; done
CYCLES=$((26 + $(r 6)))
for c in $(seq $CYCLES); do
  [ $(r 3) -eq 0 ] && startup_failure
  good_config $(r 8)
  start_gl "$CONF"
  cl mix $((5 + $(r 15)))
  for k in $(seq $((6 + $(r 6)))); do
    fault
    alive && cl mix $((2 + $(r 8)))
  done
  alive && cl cmd stats
  stop_gl
done
startup_failure
stop_gl
sleep 1
kill -TERM $RSPID; sleep 0.5
head -n 2500 raw.log > greylistd.log
wc -l raw.log greylistd.log
