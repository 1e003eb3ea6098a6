#!/bin/bash
# Randomised workload for pg_auto_failover 2.0 (Debian 12): a monitor and two (later three)
# PostgreSQL 15 nodes in this folder, ports 18300-18303 on 127.0.0.1. Every pg_autoctl process
# (services and CLI commands) runs with -v (debug) and appends its stderr to pgautofailover.log.
D=$(cd "$(dirname "$0")" && pwd)
R=$D/run
LOG=$D/pgautofailover.log
BIN=/usr/lib/postgresql/15/bin
MON="postgres://autoctl_node@127.0.0.1:18300/pg_auto_failover?sslmode=disable"
PIDS=$D/run.pids
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
asp() { runuser -u postgres -- env HOME=$R PATH=$BIN:/usr/bin:/bin "$@"; }
pga() { asp pg_autoctl "$@" 2>> "$LOG" > /dev/null; }        # CLI command, its log kept
svc() { asp pg_autoctl "$@" 2>> "$LOG" > /dev/null & echo $! >> "$PIDS"; }
msql() { asp $BIN/psql -X -q -h 127.0.0.1 -p 18300 -U autoctl_node -d pg_auto_failover -Atc "$1" 2>/dev/null; }
state() { msql "select string_agg(nodename||':'||reportedstate||'/'||goalstate, ' ' order by nodeid) from pgautofailover.node"; }
wait_for() { # wait until every node reports its goal state (or timeout)
  local t=${1:-90} i s
  for ((i = 0; i < t; i++)); do
    s=$(state)
    if [ -n "$s" ] && ! echo "$s" | tr ' ' '\n' | awk -F'[:/]' '$2 != $3 {x=1} END {exit !x}'; then
      case "$s" in *wait_standby*|*wait_maintenance*|*catchingup*|*draining*|*demote*|*prepare*|*stop_replication*|*report_lsn*|*join*) ;; *) echo "$s"; return 0;; esac
    fi
    sleep 1
  done
  echo "timeout: $s"; return 1
}
sql() { asp $BIN/psql -X -q -h 127.0.0.1 -p $1 -d postgres -Atc "$2" >/dev/null 2>&1; }

rm -rf "$R" "$PIDS"; mkdir -p "$R/sock"; chown -R postgres: "$R"; : > "$LOG"

# wrong invocations first
pga -v show state --pgdata $R/nowhere
timeout -s INT 6 runuser -u postgres -- env HOME=$R PATH=$BIN:/usr/bin:/bin pg_autoctl -v create postgres --pgdata $R/bad --pgport 18309 --hostname 127.0.0.1 --monitor "postgres://autoctl_node@127.0.0.1:18399/pg_auto_failover?sslmode=disable" --auth trust --no-ssl --pgctl $BIN/pg_ctl 2>> "$LOG" >/dev/null
rm -rf $R/bad

# monitor
pga -v create monitor --pgctl $BIN/pg_ctl --pgdata $R/monitor --pgport 18300 --hostname 127.0.0.1 --auth trust --no-ssl
svc -v run --pgdata $R/monitor
sleep 3

# first two nodes
mk_node() { # n port [extra]
  local n=$1 p=$2; shift 2
  svc -v create postgres --pgctl $BIN/pg_ctl --pgdata $R/node$n --pgport $p --hostname 127.0.0.1 --name node$n \
      --monitor "$MON" --auth trust --no-ssl --run "$@"
}
mk_node 1 18301 --candidate-priority $(pick 50 100)
wait_for 60
mk_node 2 18302 --candidate-priority $(pick 50 80 100)
wait_for 120

mk_node 3 18303 --candidate-priority $(pick 20 30) --replication-quorum $(pick true false)
wait_for 150

for i in $(seq 1 $((3 + $(r 4)))); do sql 18301 "create table if not exists t$i(x int); insert into t$i select generate_series(1,1000)"; done

# a round of random operations
ops() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    case $(r 12) in
      0|1) pga -v show state --pgdata $R/$(pick monitor node1 node2) ;;
      2|3) pga -v show events --pgdata $R/monitor --count $(pick 3 5 10 20) ;;
      4) pga -v set formation number-sync-standbys $(pick 5 -1 x) --pgdata $R/monitor ;;
      5) pga -v set node candidate-priority $(pick 101 abc -5 1000) --pgdata $R/node$(pick 1 2) ;;
      6) pga -v set node replication-quorum $(pick maybe yes 2) --pgdata $R/node$(pick 1 2) ;;
      7|8) pga -v reload --pgdata $R/$(pick node1 node2 monitor) ;;
      9|10) pga -v show events --pgdata $R/monitor --count 1 ;;
      11) pga -v show systemd --pgdata $R/node1 ;;
    esac
    sleep 0.$(r 9)
  done
}
ops $((3 + $(r 4)))

# switchover
pga -v perform switchover --pgdata $R/monitor
wait_for 120
ops $((2 + $(r 3)))

# maintenance on a standby, asked twice, then disabled
m=$(msql "select nodename from pgautofailover.node where reportedstate='secondary' order by random() limit 1")
pga -v enable maintenance --pgdata $R/$m
wait_for 60
pga -v enable maintenance --pgdata $R/$m
pga -v disable maintenance --pgdata $R/$m
wait_for 90
ops 2

# postgres crash on the primary: pg_autoctl restarts it
prim=$(msql "select nodename from pgautofailover.node where reportedstate='primary' limit 1")
[ -n "$prim" ] && kill -9 $(head -1 $R/$prim/postmaster.pid)
sleep 8
wait_for 60

# failover, then a promotion asked for a given node
pga -v perform failover --pgdata $R/monitor
wait_for 150
pga -v perform promotion --pgdata $R/monitor --name node$(pick 1 2)
wait_for 150

# the third node leaves
pga -v drop node --pgdata $R/node3
sleep 8
ops 2

# a standby's keeper is stopped, then started again
sb=$(msql "select nodename from pgautofailover.node where reportedstate='secondary' limit 1")
if [ -n "$sb" ]; then
  pga -v stop --pgdata $R/$sb
  sleep $((25 + $(r 10)))
  svc -v run --pgdata $R/$sb
  wait_for 90
fi
ops 2

# shutdown: nodes, then the monitor
for n in node1 node2; do pga -v stop --pgdata $R/$n $(pick "" "" --fast); done
sleep 8
pga -v stop --pgdata $R/monitor
sleep 5
for p in $(cat "$PIDS"); do kill $p 2>/dev/null; done
sleep 2
echo done
