#!/bin/bash
# Randomised workload for a 3-node Patroni cluster (etcd3 DCS); node1's own log is kept.
D=/work/round29/patroni/run
cd /work/round29/patroni
rm -rf $D; ./mkconf.sh
RANDOM=$(( $(date +%s%N) % 32768 ))
export ETCDCTL_API=3
AUTH="admin:adminpw"

start_etcd() { bash -c "echo \$\$ > $D/etcd.pid; exec etcd --name r29 --data-dir $D/etcd --listen-client-urls http://127.0.0.1:28100 --advertise-client-urls http://127.0.0.1:28100 --listen-peer-urls http://127.0.0.1:28101 --initial-advertise-peer-urls http://127.0.0.1:28101 --initial-cluster r29=http://127.0.0.1:28101 >> $D/etcd.out 2>&1" & sleep 2; }
stop_etcd() { kill "$(cat $D/etcd.pid)" 2>/dev/null; sleep 1; }
start_node() { runuser -u postgres -- bash -c "echo \$\$ > $D/node$1/pid; exec patroni $D/node$1.yml >> $D/node$1/stdout 2>&1" & sleep 1; }
stop_node() { kill -${2:-TERM} "$(cat $D/node$1/pid)" 2>/dev/null; }
pm_pid() { head -1 $D/node$1/data/postmaster.pid 2>/dev/null; }
api() { # node method path [data] [auth]
  local n=$1 m=$2 p=$3 d=$4 a=${5:-$AUTH}
  if [ -n "$d" ]; then curl -s -m 20 -u "$a" -X $m -H 'Content-Type: application/json' -d "$d" http://127.0.0.1:280${n}8$p >/dev/null
  else curl -s -m 20 -u "$a" -X $m http://127.0.0.1:280${n}8$p >/dev/null; fi; }
ctl() { timeout 60 patronictl -c $D/node1.yml "$@" >> $D/ctl.out 2>&1; }
leader() { curl -s -m 5 http://127.0.0.1:28018/cluster | python3 -c 'import sys,json; c=json.load(sys.stdin); print([m["name"] for m in c["members"] if m["role"]=="leader"][0][-1])' 2>/dev/null; }
junk() { timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf '$2' >&3; cat <&3" >/dev/null 2>&1; }
pick() { local a=("$@"); echo ${a[$((RANDOM % ${#a[@]}))]}; }
sql() { # node sql
  PGPASSWORD=superpw timeout 10 psql -h 127.0.0.1 -p 284${1}2 -U postgres -d postgres -qAt -c "$2" >/dev/null 2>&1; }

start_etcd
start_node 1; sleep 12
start_node 2; sleep 3; start_node 3; sleep 15
sql 1 "create table if not exists t(id serial primary key, v text)"

act_get() { for i in $(seq 1 $((RANDOM%6+3))); do n=$(pick 1 1 2 3)
  api $n GET $(pick / /primary /replica /health /patroni /cluster /history /config /liveness /readiness /metrics /leader /standby-leader /read-only /sync /async /asynchronous /synchronous /nothing-here "/replica?lag=1MB" "/read-write" /failsafe); done
  curl -s -m 5 -I http://127.0.0.1:28018/ >/dev/null; curl -s -m 5 -X OPTIONS http://127.0.0.1:28018/ >/dev/null; }
act_badauth() { api 1 POST /restart '{}' admin:wrong; api 1 PATCH /config '{"ttl":30}' nobody:x; curl -s -m 5 -X POST http://127.0.0.1:28018/reload >/dev/null; }
act_garbage() { api 1 POST /restart 'not json at all{'; api 1 PATCH /config '[1,2'; api 1 POST /switchover '{"leader":"nosuch","candidate":"node9"}';
  api 1 POST /failover '{}'; api 1 POST /restart '{"schedule":12345}'; api 1 POST /restart '{"restart_pending":"maybe","bogus":1}';
  junk 28018 'GARBAGE\r\n\r\n'; junk 28018 '\x16\x03\x01\x00\xa5\x01\x00';
  api 1 POST /citus '{"type":"before_demote"}'; api 1 PUT /config '"string"'; api 1 DELETE /switchover; api 1 DELETE /restart; }
act_reload() { api 1 POST /reload; sleep 4; }
act_sighup() { sed -i "s/nofailover: .*/nofailover: false/" $D/node1.yml; echo "  extra_tag$RANDOM: v" >> $D/node1.yml; stop_node 1 HUP; sleep 5; }
act_patch() { api 1 PATCH /config "{\"postgresql\":{\"parameters\":{\"work_mem\":\"$(pick 4MB 8MB 16MB)\",\"max_connections\":$(pick 100 100 120)}}}"; sleep 8; }
act_restart() { api 1 POST /restart "$(pick '{}' '{"restart_pending":true}' '{"role":"master"}' '{"role":"replica"}' '{"postgres_version":"9.6"}' '{"timeout":30}')"; sleep 6; }
act_sched_restart() { t=$(date -u -d '+20 sec' +%Y-%m-%dT%H:%M:%S+00:00); api 1 POST /restart "{\"schedule\":\"$t\"}"; sleep 3; api 1 POST /restart "{\"schedule\":\"$t\"}"; [ $((RANDOM%2)) = 0 ] && api 1 DELETE /restart; sleep 22; }
act_switchover() { l=$(leader); [ -z "$l" ] && return; c=$(pick 1 2 3); [ "$c" = "$l" ] && c=$(( l % 3 + 1 ));
  api $l POST /switchover "{\"leader\":\"node$l\",\"candidate\":\"node$c\"}"; sleep 10; }
act_switch_to1() { l=$(leader); [ -z "$l" ] || [ "$l" = 1 ] && return; ctl switchover --leader node$l --candidate node1 --force; sleep 10; }
act_sched_switch() { l=$(leader); [ -z "$l" ] && return; t=$(date -u -d '+15 sec' +%Y-%m-%dT%H:%M:%S+00:00);
  api 1 POST /switchover "{\"leader\":\"node$l\",\"scheduled_at\":\"$t\"}"; sleep 20; }
act_failover() { c=$(pick 1 2 3); api 1 POST /failover "{\"candidate\":\"node$c\"}"; sleep 10; }
act_reinit() { l=$(leader); r=$(pick 1 2 3); api $r POST /reinitialize "$(pick '{}' '{"force":true}')"; [ "$r" = 1 ] && sleep 15 || sleep 3; }
act_pause() { ctl pause --wait; sleep 5; api 1 POST /restart '{}'; pm=$(pm_pid 1); [ -n "$pm" ] && [ $((RANDOM%2)) = 0 ] && kill -9 $pm; sleep 7; ctl resume --wait; sleep 8; }
act_killpg() { pm=$(pm_pid 1); [ -n "$pm" ] && kill -9 $pm; sleep 12; }
act_killnode() { n=$(pick 2 3); stop_node $n KILL; pm=$(pm_pid $n); [ -n "$pm" ] && kill -TERM $pm; sleep $(pick 8 25); start_node $n; sleep 8; }
act_kill1() { stop_node 1 KILL; pm=$(pm_pid 1); [ -n "$pm" ] && kill -9 $pm; sleep 25; for i in 1 2 3 4 5; do sql $(leader) "insert into t(v) select md5(g::text) from generate_series(1,200) g"; done; start_node 1; sleep 20; }
act_etcd_down() { stop_etcd; sleep $(pick 6 12 26); start_etcd; sleep 10; }
act_restart1() { stop_node 1 TERM; sleep 8; start_node 1; sleep 12; }
act_writes() { for i in $(seq 1 $((RANDOM%5+1))); do sql $(pick 1 1 2 3) "insert into t(v) values ('$RANDOM')"; done; }
act_ctl() { ctl list; ctl history; ctl show-config; ctl restart r29cluster node$(pick 2 3) --force; sleep 8; ctl reload r29cluster node1 --force; sleep 4; }
act_tags() { sed -i "s/nofailover: .*/nofailover: true/" $D/node1.yml; stop_node 1 HUP; sleep 6; api 1 POST /switchover '{"leader":"node2","candidate":"node1"}'; sed -i "s/nofailover: .*/nofailover: false/" $D/node1.yml; stop_node 1 HUP; sleep 5; }
act_badpg() { PGPASSWORD=nope psql -h 127.0.0.1 -p 28412 -U postgres -c 'select 1' >/dev/null 2>&1; junk 28412 'junk\n'; }
act_dcsconf() { ctl edit-config --force -s loop_wait=$(pick 2 3 4) -s ttl=$(pick 20 25); sleep 6; }
act_pending() { api 1 PATCH /config "{\"postgresql\":{\"parameters\":{\"shared_buffers\":\"$(pick 64MB 96MB 128MB)\",\"max_connections\":10}}}"; sleep 8; api 1 POST /restart '{"restart_pending":true}'; sleep 8; }
act_watch() { api 1 PATCH /config '{"synchronous_mode":true}'; sleep 10; api 1 PATCH /config '{"synchronous_mode":false}'; sleep 6; }

ACTS=(pending get badauth garbage reload sighup patch restart sched_restart switchover switch_to1 sched_switch failover reinit pause killpg killnode kill1 etcd_down restart1 writes ctl tags badpg dcsconf watch)
EXTRA=(get get writes garbage switchover switch_to1 killpg restart failover reinit)
LIST=("${ACTS[@]}" "${ACTS[@]}"); for i in 1 2 3 4 5 6; do LIST+=($(pick "${EXTRA[@]}")); done
ORDER=$(printf '%s\n' "${LIST[@]}" | shuf --random-source=<(head -c 4096 /dev/urandom))
for a in $ORDER; do
  echo "$(date +%T) action $a" >> $D/actions.txt
  act_$a; act_writes; sleep $((RANDOM%3+1))
  [ $(wc -l < $D/node1/log/patroni.log) -gt 2250 ] && break
done
# shutdown
for n in 3 2 1; do stop_node $n TERM; sleep 4; done
sleep 10
stop_etcd
cp $D/node1/log/patroni.log /work/round29/patroni/full.log
head -n 2500 /work/round29/patroni/full.log > /work/round29/patroni/patroni.log
wc -l /work/round29/patroni/full.log
