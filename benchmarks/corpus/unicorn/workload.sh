#!/bin/bash
# Randomised workload for unicorn (Debian 12 package) serving config.ru.
# Log: run/raw.log (stderr_path of every master/worker); kept as unicorn.log (first 2500 lines).
D=/work/round30/unicorn
RUN=$D/run
rm -rf "$RUN"; mkdir -p "$RUN"
LOG=$RUN/raw.log
PIDS=$RUN/started.pids
: > "$PIDS"
cd "$D"

gen_conf() {  # $1 = file, random choices each time
  local f=$1 w=$((RANDOM%3+1)) t=$((RANDOM%3+4))
  {
    echo "worker_processes $w"
    if ((RANDOM%2)); then
      echo "listen '127.0.0.1:36001', backlog: 64, rcvbuf: $((RANDOM%4+1))6384, sndbuf: $((RANDOM%4+1))6384"
    else
      echo "listen '127.0.0.1:36001', backlog: 128"
    fi
    echo "listen '$RUN/u.sock'"
    ((RANDOM%2)) && echo "listen '127.0.0.1:36002'"
    echo "pid '$RUN/unicorn.pid'"
    echo "stderr_path '$LOG'"
    echo "timeout $t"
    ((RANDOM%2)) && echo "preload_app true" || echo "preload_app false"
    ((RANDOM%2)) && echo "check_client_connection true"
  } > "$f"
}

start_master() {  # $1 = conf, $2 = env
  unicorn -c "$1" -E "$2" "$D/config.ru" </dev/null >>"$LOG" 2>&1 &
  echo $! >> "$PIDS"
  MASTER=$!
  for i in $(seq 50); do grep -q "#$MASTER\].*master process ready" "$LOG" 2>/dev/null && break; sleep 0.2; done
  sleep 1
}
workers() { ps -o pid= --ppid "$MASTER" 2>/dev/null | tr -d ' '; }
sig() { kill -"$1" "$2" 2>/dev/null; sleep "${3:-1}"; }
traffic() {  # $1 clients, $2 requests each
  local c cp=()
  for ((c=0;c<$1;c++)); do "$D/client.sh" "$2" "$c" & cp+=($!); echo $! >> "$PIDS"; done
  wait "${cp[@]}"
}
errors() {
  local k
  for ((k=0;k<${1:-2};k++)); do
    case $((RANDOM%3)) in
      0) curl -s -m 10 -o /dev/null "http://127.0.0.1:36001/boom?try=$RANDOM" ;;
      1) curl -s -m 10 -o /dev/null "http://127.0.0.1:36001/div?n=0" ;;
      2) curl -s -m 10 -o /dev/null "http://127.0.0.1:36001/key?k=k$RANDOM" ;;
    esac
  done
}
ENVS=(deployment deployment deployment none)
pick_env() { echo ${ENVS[$((RANDOM%4))]}; }

# --- 1. first start
gen_conf "$RUN/unicorn.conf.rb"
start_master "$RUN/unicorn.conf.rb" "$(pick_env)"
traffic 4 $((RANDOM%15+25))
"$D/garbage.sh" $((RANDOM%4+2))
errors 1

# --- 2. signals: TTIN/TTOU, USR1, worker kill, app exit, timeout
for s in $(shuf -e TTIN TTIN TTOU USR1); do sig $s "$MASTER" 1.5; done
traffic 3 $((RANDOM%10+15))
w=$(workers | shuf -n1); [ -n "$w" ] && sig KILL "$w" 2
curl -s -m 10 -o /dev/null "http://127.0.0.1:36001/exit?code=$((RANDOM%5+1))"; sleep 1.5
to=$(grep -o '^timeout [0-9]*' "$RUN/unicorn.conf.rb" | cut -d' ' -f2)
curl -s -m 20 -o /dev/null "http://127.0.0.1:36001/sleep?s=$((to+3))"; sleep 2
errors 1

# --- 3. reloads: good config, broken config, bad listener
gen_conf "$RUN/unicorn.conf.rb"; sig HUP "$MASTER" 3
traffic 3 $((RANDOM%10+15))
cp "$RUN/unicorn.conf.rb" "$RUN/good.conf.rb"
case $((RANDOM%2)) in
  0) echo "worker_processes 2 +" >> "$RUN/unicorn.conf.rb" ;;
  1) echo "timeout 'soon'" >> "$RUN/unicorn.conf.rb" ;;
esac
sig HUP "$MASTER" 2
cp "$RUN/good.conf.rb" "$RUN/unicorn.conf.rb"
echo "listen '$RUN/nodir/x.sock'" >> "$RUN/unicorn.conf.rb"
sig HUP "$MASTER" 2
cp "$RUN/good.conf.rb" "$RUN/unicorn.conf.rb"; sig HUP "$MASTER" 3
traffic 3 $((RANDOM%10+10))

# --- 4. WINCH then bring workers back
sig WINCH "$MASTER" 2
curl -s -m 2 -o /dev/null http://127.0.0.1:36001/ 
sig TTIN "$MASTER" 2
traffic 1 5

# --- 5. binary upgrade with USR2 (and the refusals around it)
OLD=$MASTER
sig USR2 "$OLD" 0.2
sig USR2 "$OLD" 4
NEW=$(cat "$RUN/unicorn.pid" 2>/dev/null)
echo "$NEW" >> "$PIDS"
sig HUP "$OLD" 3
traffic 2 5
[ -n "$NEW" ] && sig USR2 "$NEW" 1
sig QUIT "$OLD" 3
MASTER=$NEW
traffic 3 $((RANDOM%10+10))
errors 1

# --- 6. failed upgrade: new master dies before taking over
sig USR2 "$MASTER" 0.1
for i in $(seq 40); do p=$(cat "$RUN/unicorn.pid" 2>/dev/null); [ -n "$p" ] && [ "$p" != "$MASTER" ] && break; sleep 0.1; done
[ -n "$p" ] && [ "$p" != "$MASTER" ] && { echo "$p" >> "$PIDS"; sig KILL "$p" 3; }
traffic 1 5

# --- 7. second master waiting for the busy addresses (infinite tries), first one quits
sed -e "s#unicorn.pid#second.pid#" -e "s#^listen '\([^']*\)'.*#listen '\1', tries: -1, delay: 0.$((RANDOM%5+3))#" "$RUN/good.conf.rb" > "$RUN/second.conf.rb"
unicorn -c "$RUN/second.conf.rb" -E "$(pick_env)" "$D/config.ru" </dev/null >>"$LOG" 2>&1 &
SECOND=$!; echo $SECOND >> "$PIDS"
sleep $((RANDOM%3+2))
sig QUIT "$MASTER" 4
MASTER=$SECOND
traffic 4 $((RANDOM%10+15))
"$D/garbage.sh" 3
errors 1

# --- 8. crash of the master (workers orphaned), restart over the stale socket
sig KILL "$MASTER" 3
gen_conf "$RUN/unicorn.conf.rb"
start_master "$RUN/unicorn.conf.rb" "$(pick_env)"
traffic 4 $((RANDOM%10+15))
sig USR1 "$MASTER" 1
curl -s -m 20 -o /dev/null "http://127.0.0.1:36001/exit?code=0"; sleep 1
errors 1

# --- 9. shutdown: graceful or immediate
sig $(shuf -n1 -e QUIT TERM INT) "$MASTER" 3
# --- 10. one more short life, stopped the other way
gen_conf "$RUN/unicorn.conf.rb"
start_master "$RUN/unicorn.conf.rb" "$(pick_env)"
traffic 2 5
sig QUIT "$MASTER" 3

# --- 11. a master started without a config file: HUP re-executes the binary
unicorn -E "$(pick_env)" -l 127.0.0.1:36003 "$D/config.ru" </dev/null >>"$LOG" 2>&1 &
M=$!; echo $M >> "$PIDS"; sleep 3
curl -s -m 5 -o /dev/null http://127.0.0.1:36003/
sig HUP "$M" 5
NEWM=$(ps -o pid=,args= --ppid "$M" | grep -v 'worker\[' | awk '{print $1}' | head -1)
[ -n "$NEWM" ] && echo "$NEWM" >> "$PIDS"
sig QUIT "$M" 3
curl -s -m 5 -o /dev/null http://127.0.0.1:36003/debug
[ -n "$NEWM" ] && sig QUIT "$NEWM" 3

# stop anything of ours still alive
for p in $(cat "$PIDS"); do kill "$p" 2>/dev/null; done
sleep 1
for p in $(cat "$PIDS"); do kill -9 "$p" 2>/dev/null; done
head -n 2500 "$LOG" > "$D/unicorn.log"
wc -l "$LOG" "$D/unicorn.log"
