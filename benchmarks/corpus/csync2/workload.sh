#!/bin/bash
# Randomised workload for csync2: three nodes (127.0.0.11-13) on port 24865, a configured
# but absent fourth peer (127.0.0.14), file changes, syncs, conflicts, dead peers, bad input.
D=/work/round29/csync2
R=$D/run
PORT=24865
LOG=$D/raw.log
N=${1:-120}
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# every csync2 process appends its stderr (the verbose output) to one file; stdbuf makes
# stderr line-buffered so that lines of concurrent processes do not mix.
cs() { local n=$1; shift; CSYNC2_SYSTEM_DIR=$R/n$n/etc timeout 60 stdbuf -eL csync2 -vv -t -p $PORT -N 127.0.0.1$n -D $R/n$n/db "$@" >/dev/null 2>>$LOG </dev/null; }
start_d() { local n=$1; CSYNC2_SYSTEM_DIR=$R/n$n/etc setsid stdbuf -eL csync2 -ii -vv -t -p $PORT -N 127.0.0.1$n -D $R/n$n/db >/dev/null 2>>$LOG </dev/null & echo $! > $R/n$n/daemon.pid; sleep 0.3; }
stop_d() { local n=$1; [ -f $R/n$n/daemon.pid ] && kill "$(cat $R/n$n/daemon.pid)" 2>/dev/null; rm -f $R/n$n/daemon.pid; sleep 0.2; }
up() { [ -f $R/n$1/daemon.pid ] && kill -0 "$(cat $R/n$1/daemon.pid)" 2>/dev/null; }

for n in 1 2 3; do stop_d $n; done
rm -f $LOG $D/ops.trace
$D/setup_nodes.sh
for n in 1 2 3; do start_d $n; done

data() { echo $R/n$1/data; }
words() { shuf -n $((1 + $(rnd 8))) /usr/share/dict/words 2>/dev/null || head -c $((10 + $(rnd 200))) /dev/urandom | base64; }

op_edit() {   # change files on a node, then check+update from it
  n=$((1 + $(rnd 3))); d=$(data $n)
  for i in $(seq $((1 + $(rnd 2)))); do
    case $(rnd 9) in
      0|1) words > $d/etc/svc$(rnd 5).conf;;
      2|3) words > $d/www/page$(rnd 6).html;;
      4) mkdir -p $d/www/sub$(rnd 3); words > $d/www/sub$(rnd 3)/f.txt 2>/dev/null;;
      5) rm -f $d/www/page$(rnd 6).html $d/etc/svc$(rnd 5).conf;;
      6) words > $d/www/junk$(rnd 3).tmp; words > $d/etc/backup.conf~;;
      7) chmod $(pick 600 644 640 755) $d/etc/svc$(rnd 5).conf 2>/dev/null;;
      8) ln -sf ../etc/svc$(rnd 5).conf $d/www/link$(rnd 3);;
    esac
  done
  if [ $(rnd 4) = 0 ]; then cs $n -x -r $d/$(pick etc www manual); fi   # simple mode (checks; file args do not match prefixed names for the update)
  cs $n -c -r $d/$(pick etc www etc www manual); cs $n -u
}
op_check()  { n=$((1 + $(rnd 3))); cs $n -c -r $(data $n); }
op_update() { n=$((1 + $(rnd 3))); cs $n -u $( [ $(rnd 3) = 0 ] && echo -d ); }
op_hint()   { n=$((1 + $(rnd 3))); d=$(data $n); words > $d/etc/hinted.conf; cs $n -h $d/etc/hinted.conf; cs $n -c; cs $n -u; }
op_list()   { n=$((1 + $(rnd 3))); cs $n $(pick -L -M -H "-S 127.0.0.1$n 127.0.0.1$((1 + $(rnd 3)))"); }
op_test()   { n=$((1 + $(rnd 3))); case $(rnd 4) in 0) cs $n -T;; 1) cs $n -TT;; 2) cs $n -T 127.0.0.1$n 127.0.0.12;; 3) cs $n -T $(data $n)/etc/svc1.conf;; esac; }
op_force()  { n=$((1 + $(rnd 3))); d=$(data $n); f=$d/etc/svc$(rnd 5).conf; [ -f $f ] || words > $f; cs $n -f $f; cs $n -u; }
op_mark()   { n=$((1 + $(rnd 3))); cs $n -m -r $(data $n)/www; cs $n -u $( [ $(rnd 2) = 0 ] && echo "-P 127.0.0.1$((1 + $(rnd 3)))"); }
op_remove() { n=$((1 + $(rnd 3))); cs $n -R; }
op_compare(){ n=$((1 + $(rnd 3))); cs $n -o -r $(data $n); }
op_group()  { n=$((1 + $(rnd 2))); cs $n -G $(pick manual cluster nosuch) $(pick -u "-c -r $(data $n)"); }
op_conflict() {   # same file changed on two nodes; 'manual' group has no auto resolution
  g=$(pick manual etc); f=c$(rnd 3).txt; [ $g = etc ] && f=conflict$(rnd 3).conf
  words > $R/n1/data/$g/$f; sleep 1; words > $R/n2/data/$g/$f
  cs 1 -c -r $(data 1)/$g; cs 2 -c -r $(data 2)/$g
  cs $(pick 1 2) -u; cs $(pick 1 2) -u
}
op_peerdown() {   # a peer dies, changes pile up, peer comes back
  n=$(pick 2 3); stop_d $n
  m=1; words > $(data $m)/etc/while-down.conf; cs $m -c -r $(data $m)/etc; cs $m -u
  start_d $n; cs $m -u
}
op_restart() { n=$((1 + $(rnd 3))); stop_d $n; start_d $n; }
op_raw()    { for k in 1 2 3; do python3 $D/rawclient.py 127.0.0.1$((1 + $(rnd 3))) $PORT $(pick 127.0.0.11 127.0.0.12 127.0.0.13 127.0.0.1 -) "$(cat $R/csync2.key)" >/dev/null 2>&1; done; }
withcfg() {   # run "$@" while node $n has a changed config, then restore it
  e=$R/n$n/etc; cp $e/csync2.cfg $e/csync2.cfg.good; "$@"; mv $e/csync2.cfg.good $e/csync2.cfg; }
op_badsyntax() { n=$((1 + $(rnd 3))); withcfg eval 'echo "group broken { host ; include " >> $e/csync2.cfg; cs $n -c -r $(data $n)/etc; cs $n -u'; }
op_badkey()    { n=$((1 + $(rnd 3))); withcfg eval 'sed -i "s#key $R/csync2.key#key $R/bad.key#" $e/csync2.cfg; words > $(data $n)/etc/k$(rnd 9).conf; cs $n -c -r $(data $n)/etc; cs $n -u'; }
op_nokey()     { n=$((1 + $(rnd 3))); withcfg eval 'sed -i "s#key $R/csync2.key#key $R/missing.key#" $e/csync2.cfg; cs $n -c -r $(data $n)/etc; cs $n -u'; }
op_sslreq()    { n=$((1 + $(rnd 3))); m=$(( n % 3 + 1 )); withcfg eval 'sed -i "/^nossl/d" $e/csync2.cfg; words > $(data $m)/etc/ssl-test.conf; cs $m -c -r $(data $m)/etc; cs $m -u'; }
op_wronghost() { n=$((1 + $(rnd 3))); CSYNC2_SYSTEM_DIR=$R/n$n/etc timeout 20 stdbuf -eL csync2 -vv -t -p $PORT -N 127.0.0.99 -D $R/n$n/db -u >/dev/null 2>>$LOG </dev/null; }
op_nodb()      { n=$((1 + $(rnd 3))); CSYNC2_SYSTEM_DIR=$R/n$n/etc timeout 20 stdbuf -eL csync2 -vv -t -p $PORT -N 127.0.0.1$n -D $(pick $R/n$n/nodb mysql://nobody@127.0.0.1:24999/x) -c >/dev/null 2>>$LOG </dev/null; }
op_noprefix()  { n=$((1 + $(rnd 3))); withcfg eval 'sed -i "/on 127.0.0.1$n:/d" $e/csync2.cfg; cs $n -c -r $(data $n)/etc'; }
op_slave()  { CSYNC2_SYSTEM_DIR=$R/n1/etc timeout 20 stdbuf -eL csync2 -vv -t -p $PORT -N 127.0.0.14 -D $R/n1/db -u >/dev/null 2>>$LOG </dev/null; }
op_lock()   { n=$((1 + $(rnd 3))); touch $R/n$n/etc/csync2.lock; cs $n -u; rm -f $R/n$n/etc/csync2.lock; }

OPS=(edit edit edit edit check update hint list test force mark remove compare group conflict conflict peerdown restart raw raw raw badsyntax badkey nokey sslreq wronghost nodb noprefix slave lock)
for o in $(printf "%s\n" "${OPS[@]}" | sort -u | shuf); do echo "$(wc -l < $LOG) $o" >> $D/ops.trace; op_$o; done   # every kind once, random order
for i in $(seq $N); do op_$(pick "${OPS[@]}"); done
for n in 1 2 3; do cs $n -c -r $(data $n); cs $n -u; done
for n in 1 2 3; do stop_d $n; done
