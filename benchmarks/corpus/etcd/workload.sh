#!/bin/bash
# Round-8 corpus workload: etcd 3.4 (Debian 12 package etcd-server), a 3-member cluster on
# 127.0.0.1 only, each member logging with --logger=zap --log-outputs=<file> (JSON lines) at
# --log-level=$LEVEL; member e1's file is the corpus log ($OUT/etcd.log, unchanged).
# Randomised etcdctl workload for DURATION seconds: puts/gets/deletes of random keys, leases
# (grant, keep-alive, revoke, expiry), watches, transactions, compaction and defrag, snapshot
# save, member stop/restart (leader elections), a member killed with SIGKILL and rejoining,
# a member removed and re-added with a fresh data dir, auth enabled (users, roles, wrong
# passwords, permission denied), graceful stop of all members at the end.
# Run as root: bash workload.sh OUT_DIR [DURATION] [LEVEL]   (etcd.log: bash workload.sh /work/round8/etcd 150 debug)
set -u
OUT=${1:?out dir}; DURATION=${2:-150}; LEVEL=${3:-debug}
W=/tmp/r8etcd; rm -rf "$W"; mkdir -p "$W" "$OUT"; rm -f "$OUT/etcd.log"
CL="e1=http://127.0.0.1:42380,e2=http://127.0.0.1:42480,e3=http://127.0.0.1:42580"
EPS="http://127.0.0.1:42379,http://127.0.0.1:42479,http://127.0.0.1:42579"
declare -A PID
cport() { case $1 in e1) echo 42379;; e2) echo 42479;; e3) echo 42579;; esac; }
pport() { case $1 in e1) echo 42380;; e2) echo 42480;; e3) echo 42580;; esac; }
logf() { if [ "$1" = e1 ]; then echo "$OUT/etcd.log"; else echo "$W/$1.log"; fi; }
start() { # start NAME STATE [CLUSTER]
  local n=$1 st=$2 cl=${3:-$CL}
  etcd --name "$n" --data-dir "$W/$n.etcd" \
    --listen-client-urls "http://127.0.0.1:$(cport $n)" --advertise-client-urls "http://127.0.0.1:$(cport $n)" \
    --listen-peer-urls "http://127.0.0.1:$(pport $n)" --initial-advertise-peer-urls "http://127.0.0.1:$(pport $n)" \
    --initial-cluster "$cl" --initial-cluster-state "$st" --initial-cluster-token r8-tok \
    --heartbeat-interval 250 --election-timeout 1500 --snapshot-count 400 \
    --auto-compaction-mode revision --auto-compaction-retention 0 \
    --logger zap --log-outputs "$(logf $n)" --log-level "$LEVEL" >>"$W/$n.stderr" 2>&1 &
  PID[$n]=$!; echo ${PID[$n]} > "$W/$n.pid"
}
AUTH=()
ctl() { ETCDCTL_API=3 timeout 10 etcdctl --endpoints "$EPS" --dial-timeout 2s --command-timeout 5s "${AUTH[@]}" "$@" >>"$W/ctl.out" 2>&1; }
ctl1() { local n=$1; shift; ETCDCTL_API=3 timeout 10 etcdctl --endpoints "http://127.0.0.1:$(cport $n)" --dial-timeout 2s --command-timeout 5s "${AUTH[@]}" "$@" >>"$W/ctl.out" 2>&1; }
r() { echo $((RANDOM % $1)); }
rkey() { local p=(app/config users/$(r 40) cache/item$(r 200) jobs/q$(r 9)/task$RANDOM locks/l$(r 5) metrics/$(r 30)); echo "${p[$(r ${#p[@]})]}"; }
rval() { head -c $((1 + $(r 400))) /dev/urandom | base64 -w0; }
members=(e1 e2 e3)
for n in "${members[@]}"; do start $n new; done
sleep 4
END=$((SECONDS + DURATION)); AUTH_AT=$((SECONDS + DURATION * 45 / 100)); authon=0; removed=0
while [ $SECONDS -lt $END ]; do
  if [ $authon = 0 ] && [ $SECONDS -ge $AUTH_AT ]; then
    ctl user add root:rootpw; ctl role add reader; ctl role grant-permission reader read app/ --prefix=true
    ctl user add alice:alicepw; ctl user grant-role alice reader
    ctl role add writer; ctl role grant-permission writer readwrite jobs/ --prefix=true
    ctl user add bob:bobpw; ctl user grant-role bob writer
    ctl auth enable; AUTH=(--user root:rootpw); authon=1; sleep 1
  fi
  c=$(r 32); [ $c -ge 24 ] && c=$((c % 8))
  case $c in
    0|1|2|3) for i in $(seq $((1 + $(r 8)))); do ctl put "$(rkey)" "$(rval)"; done ;;
    4|5) ctl get "$(rkey)"; ctl get --prefix "$(rkey | cut -d/ -f1)/" --limit $((1 + $(r 20))) ;;
    6) ctl del "$(rkey)"; [ $(r 3) = 0 ] && ctl del --prefix "cache/item$(r 20)" ;;
    7) L=$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" lease grant $((1 + $(r 6))) 2>/dev/null | awk '{print $2}')
       [ -n "$L" ] && ctl put "ephemeral/$RANDOM" "$(rval)" --lease="$L"
       case $(r 3) in 0) ctl lease keep-alive --once "$L";; 1) ctl lease revoke "$L";; 2) ctl lease timetolive "$L" --keys;; esac ;;
    8) (ETCDCTL_API=3 timeout $((2 + $(r 5))) etcdctl --endpoints "$EPS" "${AUTH[@]}" watch --prefix "jobs/" >/dev/null 2>&1 &)
       sleep 0.5; ctl put "jobs/q$(r 9)/task$RANDOM" "$(rval)" ;;
    9) k=$(rkey); ctl txn <<EOF
value("$k") = "x$(r 3)"

put $k y$RANDOM

put $k x$(r 3)
put other/$RANDOM z

EOF
       ;;
    10) rev=$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" endpoint status -w json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["header"]["revision"])' 2>/dev/null)
        [ -n "$rev" ] && ctl compaction $((rev - $(r 30))) $([ $(r 2) = 0 ] && echo --physical) ;;
    11) ctl1 ${members[$(r 3)]} defrag ;;
    12) ctl snapshot save "$W/snap-$RANDOM.db" --endpoints "http://127.0.0.1:$(cport ${members[$(r 3)]})" ;;
    13) ctl endpoint status; ctl endpoint health; ctl member list ;;
    14) # graceful stop and restart of a random member (leader elections when it was the leader)
        n=${members[$(r 3)]}; kill -TERM ${PID[$n]} 2>/dev/null; wait ${PID[$n]} 2>/dev/null
        sleep 1; ctl put "during/$n" "$(rval)"; start $n existing; sleep 2 ;;
    15) # the leader is stopped: forces an election
        lead=$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" endpoint status -w json 2>/dev/null | python3 -c '
import json,sys
s=json.load(sys.stdin); lead=s[0]["Status"]["leader"]
print([x["Endpoint"] for x in s if x["Status"]["header"]["member_id"]==lead][0].rsplit(":",1)[1])' 2>/dev/null)
        for n in "${members[@]}"; do if [ "$(cport $n)" = "$lead" ]; then
          kill -TERM ${PID[$n]} 2>/dev/null; wait ${PID[$n]} 2>/dev/null; sleep 2
          ctl put "afterelection/$RANDOM" "$(rval)"; start $n existing; sleep 2; fi; done ;;
    16) # a member killed hard and rejoining with its data
        n=${members[$(r 3)]}; kill -KILL ${PID[$n]} 2>/dev/null; wait ${PID[$n]} 2>/dev/null
        for i in $(seq $((3 + $(r 10)))); do ctl put "$(rkey)" "$(rval)"; done
        sleep $((1 + $(r 2))); start $n existing; sleep 2 ;;
    17) # a member removed and re-added with a fresh data dir (once or twice)
        if [ $removed -lt 2 ]; then removed=$((removed + 1))
          n=e$((2 + $(r 2)))
          id=$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" member list 2>/dev/null | awk -F', ' -v n=$n '$3==n {print $1}')
          sleep 6; if ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" member remove "$id" >>"$W/ctl.out" 2>&1; then
            sleep 1; kill -TERM ${PID[$n]} 2>/dev/null; wait ${PID[$n]} 2>/dev/null
            rm -rf "$W/$n.etcd"; ctl member add "$n" --peer-urls "http://127.0.0.1:$(pport $n)"; start $n existing; sleep 4
          fi
        fi ;;
    18) # wrong credentials and permission errors (before auth: user-less calls just work)
        case $(r 4) in
          0) ETCDCTL_API=3 timeout 5 etcdctl --endpoints "$EPS" --user "root:wrong$RANDOM" get app/config >>"$W/ctl.out" 2>&1 ;;
          1) ETCDCTL_API=3 timeout 5 etcdctl --endpoints "$EPS" --user "nobody$(r 50):x" put a b >>"$W/ctl.out" 2>&1 ;;
          2) ETCDCTL_API=3 timeout 5 etcdctl --endpoints "$EPS" --user alice:alicepw put "app/config" "$(rval)" >>"$W/ctl.out" 2>&1 ;;
          3) ETCDCTL_API=3 timeout 5 etcdctl --endpoints "$EPS" --user bob:bobpw put "jobs/q1/task$RANDOM" "$(rval)" >>"$W/ctl.out" 2>&1
             ETCDCTL_API=3 timeout 5 etcdctl --endpoints "$EPS" --user bob:bobpw get "users/$(r 40)" >>"$W/ctl.out" 2>&1 ;;
        esac ;;
    19) ctl put "locks/l$(r 5)" "$RANDOM"; ctl lease list; ctl get "" --prefix --keys-only --limit 5 ;;
    20) ctl alarm list; ctl move-leader "$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" member list 2>/dev/null | awk -F', ' 'NR==1+int(rand()*3){print $1}')" ;;
    21) ctl put "big/$RANDOM" "$(head -c $((2000 + $(r 60000))) /dev/urandom | base64 -w0)" ;;
    22) # short leases left to expire
        for i in $(seq $((1 + $(r 3)))); do L=$(ETCDCTL_API=3 etcdctl --endpoints "$EPS" "${AUTH[@]}" lease grant $((1 + $(r 3))) 2>/dev/null | awk '{print $2}')
          [ -n "$L" ] && ctl put "session/$RANDOM" "$RANDOM" --lease="$L"; done ;;
    23) ctl put "" x; ctl get "jobs/" --rev=$((1 + $(r 50))) ;;
  esac
  sleep 0.$((2 + $(r 7)))
done
sleep 2
for n in e3 e2 e1; do kill -TERM ${PID[$n]} 2>/dev/null; wait ${PID[$n]} 2>/dev/null; sleep 1; done
wc -l "$OUT/etcd.log"
