#!/bin/bash
# Randomised workload for a private burp server (127.0.0.1:25410, status port 25411).
B=/work/round23/burp
R=$B/run
cd $B
./setup.sh
ACTIONS=${ACTIONS:-110}
CLIENTS=(alpha bravo charlie delta echo foxtrot)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start_server() {
  stdbuf -oL -eL burp -c $B/server.conf -F >> $R/server.log 2>&1 &
  echo $! > $R/server.shpid
  for i in $(seq 1 60); do (echo > /dev/tcp/127.0.0.1/25410) 2>/dev/null && break; sleep 0.25; done
}
stop_server() { # signal
  local p; p=$(cat $R/server.shpid 2>/dev/null) || return
  kill -$1 "$p" 2>/dev/null
  for i in $(seq 1 80); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$p" 2>/dev/null && kill -KILL "$p"
}
cl() { # client, args...
  local c=$1; shift
  timeout 60 burp -c $R/clients/$c/burp.conf "$@" >> $R/client.out 2>&1 </dev/null
}
mutate() {
  local d=$R/data/$1
  case $((RANDOM % 4)) in
    0) head -c $((RANDOM * 2)) /dev/urandom > $d/docs/new$RANDOM.bin ;;
    1) seq 1 $((RANDOM % 5000)) >> $d/src/lib/mod1.txt ;;
    2) rm -f "$(ls $d/docs/*.bin 2>/dev/null | head -1)" ;;
    3) local e=$d/extra$RANDOM; mkdir -p $e; echo hi > $e/note.txt ;;
  esac
}
act_backup()  { local c; c=$(pick "${CLIENTS[@]}"); mutate $c; cl $c -a b; }
act_list()    { local c; c=$(pick "${CLIENTS[@]}"); cl $c -a $(pick l L p) $(pick "" "-b 1" "-b 2" "-b 99" "-r mod" "-d $R/data/$c/src"); }
act_restore() {
  local c; c=$(pick "${CLIENTS[@]}")
  cl $c -a r -b $(pick 1 2 3 9) -d $R/restore/$c-$RANDOM $(pick "" "-r docs" "-r nomatch" "-s 3") $(pick "" -f)
}
act_verify()  { local c; c=$(pick "${CLIENTS[@]}"); cl $c -a v $(pick "" "-b 1" "-b 7"); }
act_diff()    { local c; c=$(pick "${CLIENTS[@]}"); cl $c -a d $(pick "" "-b 1"); }
act_delete()  { local c; c=$(pick "${CLIENTS[@]}"); cl $c -a delete -b $(pick 1 2 5); }
act_estimate(){ local c; c=$(pick "${CLIENTS[@]}"); cl $c -a e; }
act_timer()   { local c; c=$(pick echo alpha bravo); cl $c -a $(pick t T); }
act_status()  { local c; c=$(pick "${CLIENTS[@]}"); cl $c -a S $(pick "" "-C $c" "-C alpha" "-C $c -b 1" "-C $c -b 1 -z log" "-C nosuch"); }
act_altrest() { cl foxtrot -a r -C alpha -d $R/restore/fox-$RANDOM; cl bravo -a l -C alpha; }
act_ghost()   { cl ghost -a $(pick b l); }
act_badpw()   { cl alpha_badpw -a $(pick l b); }
act_garbage() { for i in $(seq 1 $((1 + RANDOM % 3))); do timeout 15 python3 $B/garbage.py; done; }
act_same()    { local c; c=$(pick "${CLIENTS[@]}"); mutate $c; cl $c -a b & local p=$!; sleep 0.3; cl $c -a b; wait $p; }
act_crowd()   {
  local pids=() c
  for c in alpha bravo charlie delta echo foxtrot; do mutate $c; cl $c -a b & pids+=($!); done
  wait "${pids[@]}"
}
act_kill()    {
  local c p; c=$(pick "${CLIENTS[@]}")
  head -c 3000000 /dev/urandom > $R/data/$c/docs/big$RANDOM.bin
  burp -c $R/clients/$c/burp.conf -a b >> $R/client.out 2>&1 </dev/null & p=$!
  sleep 0.$((2 + RANDOM % 7)); kill -$(pick KILL TERM) $p 2>/dev/null; wait $p 2>/dev/null
}
act_hup()     { kill -HUP $(cat $R/server.shpid); sleep 1; }
act_restart() { stop_server TERM; start_server; }
act_gentle()  { stop_server USR2; start_server; }
act_mismatch(){
  local d=$R/clients/mismatch; mkdir -p $d
  sed 's/^cname = alpha/cname = bravo/; s/^password = .*/password = pw-bravo/; s#clients/alpha/ssl#clients/alpha/ssl#' $R/clients/alpha/burp.conf > $d/burp.conf
  cl mismatch -a l
}

start_server
WEIGHTED=(backup backup backup backup backup list list list restore restore verify diff delete estimate timer
          status status altrest ghost badpw garbage garbage same crowd kill kill hup mismatch)
for n in $(seq 1 $ACTIONS); do
  a=$(pick "${WEIGHTED[@]}")
  case $((RANDOM % 40)) in 0) a=restart ;; 1) a=gentle ;; esac
  act_$a
done
act_backup; act_restart; act_list; act_garbage
stop_server TERM
n=$(wc -l < $R/server.log)
if [ "$n" -gt 2500 ]; then head -n 2500 $R/server.log > $B/burp.log; else cp $R/server.log $B/burp.log; fi
wc -l $R/server.log $B/burp.log
