#!/bin/bash
# Randomised workload for repmgrd 5.3.3 on PostgreSQL 15: three local nodes
# (ports 33001-33003 on 127.0.0.1), repmgrd (log_level DEBUG, own log file) runs on node2.
# Run as root; everything PostgreSQL-related runs as user postgres inside run/.
D=/work/round30/repmgr
R=$D/run
BIN=/usr/lib/postgresql/15/bin
if [ "$(id -u)" = 0 ]; then
    rm -rf "$R"; mkdir -p "$R"; chown postgres:postgres "$R"
    exec runuser -u postgres -- bash "$0" "$@"
fi
cd "$R" || exit 1
LOG=$R/repmgrd.log
PIDS=$R/pids.txt
: > "$PIDS"
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
port() { echo $((33000 + $1)); }

mkconf() {  # node_id priority [extra...]
    local n=$1 prio=$2; shift 2
    cat > "$R/n$n.conf" <<EOF
node_id=$n
node_name='node$n'
conninfo='host=127.0.0.1 port=$(port $n) user=repmgr dbname=repmgr connect_timeout=2'
data_directory='$R/n$n'
pg_bindir='$BIN'
priority=$prio
log_level='DEBUG'
log_file='$LOG'
log_status_interval=$(pick 8 15 20)
monitor_interval_secs=$(pick 1 2 2 3)
reconnect_attempts=$(pick 2 3 4)
reconnect_interval=$(pick 1 2)
failover='automatic'
connection_check_type='$(pick ping connection query)'
promote_command='$BIN/repmgr standby promote -f $R/n$n.conf >> $R/cmd.out 2>&1'
follow_command='$BIN/repmgr standby follow -f $R/n$n.conf --upstream-node-id=%n >> $R/cmd.out 2>&1'
primary_notification_timeout=$(pick 8 12)
election_rerun_interval=5
standby_disconnect_on_failover=$(pick false false true)
primary_visibility_consensus=$(pick false true)
sibling_nodes_disconnect_timeout=5
child_nodes_check_interval=$(pick 2 4)
child_nodes_disconnect_min_count=$(pick -1 1)
child_nodes_connected_min_count=$(pick -1 1 2)
child_nodes_disconnect_timeout=$(pick 4 6)
child_nodes_disconnect_command='/bin/true'
repmgrd_pid_file='$R/repmgrd.pid'
monitoring_history=$(pick yes no)
degraded_monitoring_timeout=$(pick -1 40)
async_query_timeout=10
service_start_command='$BIN/pg_ctl -D $R/n$n -l $R/pg$n.log -o "-p $(port $n)" -w start'
service_stop_command='$BIN/pg_ctl -D $R/n$n -m fast -w stop'
service_restart_command='$BIN/pg_ctl -D $R/n$n -l $R/pg$n.log -o "-p $(port $n)" -m fast -w restart'
EOF
    for x in "$@"; do echo "$x" >> "$R/n$n.conf"; done
}

pgstart() { $BIN/pg_ctl -D "$R/n$1" -l "$R/pg$1.log" -o "-p $(port $1)" -w -t 30 start >> "$R/cmd.out" 2>&1; }
pgstop()  { $BIN/pg_ctl -D "$R/n$1" -m "${2:-fast}" -w -t 30 stop >> "$R/cmd.out" 2>&1; }
q() { $BIN/psql -X -q -At -h 127.0.0.1 -p "$(port $1)" -U repmgr -d repmgr -c "$2" 2>>"$R/cmd.out"; }
rep() { $BIN/repmgr "$@" >> "$R/cmd.out" 2>&1; }
is_up() { $BIN/pg_isready -q -h 127.0.0.1 -p "$(port $1)"; }
is_primary() { [ "$(q "$1" 'select pg_is_in_recovery()')" = f ]; }

# ---------- cluster set-up: node1 primary, node2 and node3 standbys
$BIN/pg_ctl init -D "$R/n1" -o "-A trust -U postgres" >> "$R/cmd.out" 2>&1
cat >> "$R/n1/postgresql.conf" <<EOF
listen_addresses='127.0.0.1'
unix_socket_directories='$R'
shared_preload_libraries='repmgr'
wal_level=replica
wal_log_hints=on
max_wal_senders=10
max_replication_slots=10
hot_standby=on
wal_keep_size=256MB
archive_mode=off
fsync=off
synchronous_commit=off
EOF
cat >> "$R/n1/pg_hba.conf" <<EOF
host replication repmgr 127.0.0.1/32 trust
EOF
P2=$(pick 100 100 60); P3=$(pick 50 50 120)
mkconf 1 100; mkconf 2 "$P2"; mkconf 3 "$P3"
pgstart 1
$BIN/psql -X -q -h 127.0.0.1 -p "$(port 1)" -U postgres -d postgres \
  -c "create user repmgr superuser replication" -c "create database repmgr owner repmgr" >> "$R/cmd.out" 2>&1
rep -f "$R/n1.conf" primary register
for n in 2 3; do
    rep -h 127.0.0.1 -p "$(port 1)" -U repmgr -d repmgr -f "$R/n$n.conf" standby clone --fast-checkpoint
    pgstart "$n"
    rep -f "$R/n$n.conf" standby register
done
q 1 "create table if not exists t(i int, s text)" >/dev/null

start_repmgrd() {  # extra args
    $BIN/repmgrd -f "$R/n2.conf" --daemonize=false "$@" >> "$R/cmd.out" 2>&1 &
    RD=$!; echo "repmgrd $RD" >> "$PIDS"
    sleep "$(pick 3 4 5)"
}
stop_repmgrd() {
    [ -n "$RD" ] && kill -TERM "$RD" 2>/dev/null; wait "$RD" 2>/dev/null; RD=
}
reload_repmgrd() { [ -n "$RD" ] && kill -HUP "$RD"; }

write_load() {  # some writes on whichever node is primary
    for n in 1 2 3; do
        if is_up $n && is_primary $n; then
            for i in $(seq 1 $((RANDOM % 20 + 1))); do q $n "insert into t values ($RANDOM, md5(random()::text))" >/dev/null; done
            return
        fi
    done
}

current_primary() { for n in 1 2 3; do is_up $n && is_primary $n && { echo $n; return; }; done; echo 0; }

# make every down node a working member again, following the current primary
heal() {
    local p; p=$(current_primary)
    if [ "$p" = 0 ]; then
        for n in 1 2 3; do is_up $n || pgstart $n; done
        sleep 2; p=$(current_primary)
        if [ "$p" = 0 ]; then rep -f "$R/n2.conf" standby promote; p=2; fi
    fi
    for n in 1 2 3; do
        [ "$n" = "$p" ] && continue
        if ! is_up $n; then
            rep -f "$R/n$n.conf" node rejoin -d "host=127.0.0.1 port=$(port $p) user=repmgr dbname=repmgr" --force-rewind
            is_up $n || { pgstart $n; }
        fi
        # make sure it follows p
        local up; up=$(q $p "select upstream_node_id from repmgr.nodes where node_id=$n")
        if [ "$up" != "$p" ] || is_primary $n; then
            if is_primary $n; then
                pgstop $n immediate
                rep -f "$R/n$n.conf" node rejoin -d "host=127.0.0.1 port=$(port $p) user=repmgr dbname=repmgr" --force-rewind
                is_up $n || pgstart $n
            else
                rep -f "$R/n$n.conf" standby follow --upstream-node-id=$p
            fi
        fi
    done
    sleep 2
}

# ---------- scenarios
sc_idle()      { write_load; sleep "$(pick 3 5 8)"; }
sc_reload()    {
    sed -i "s/^monitor_interval_secs=.*/monitor_interval_secs=$(pick 1 2 3)/; s/^log_status_interval=.*/log_status_interval=$(pick 5 10 15)/; s/^connection_check_type=.*/connection_check_type='$(pick ping connection query)'/; s/^reconnect_attempts=.*/reconnect_attempts=$(pick 2 3)/; s/^failover=.*/failover='$(pick automatic automatic automatic manual)'/; s/^priority=.*/priority=$(pick 60 100 100)/; s/^monitoring_history=.*/monitoring_history=$(pick yes no)/" "$R/n2.conf"
    local extra=1
    case $(rnd 5) in
        0) echo "bogus_parameter=$(rnd 100)" >> "$R/n2.conf" ;;
        1) echo "node_id=7" >> "$R/n2.conf" ;;
        2) echo "log_level='$(pick INFO NOTICE)'" >> "$R/n2.conf" ;;
        3) echo "monitor_interval_secs=abc" >> "$R/n2.conf" ;;
        *) extra=0 ;;
    esac
    reload_repmgrd; sleep "$(pick 2 4)"
    [ $extra = 1 ] && sed -i '$d' "$R/n2.conf"
    reload_repmgrd; sleep 2
}
sc_pause()     { rep -f "$R/n$(pick 1 2 3).conf" service pause; sleep "$(pick 3 6)"; rep -f "$R/n2.conf" daemon status; rep -f "$R/n$(pick 1 2 3).conf" service unpause; sleep 3; }
sc_blip()      { # primary (or upstream) goes away briefly and comes back within the reconnect window
    local p; p=$(current_primary); [ "$p" = 0 ] && return
    pgstop "$p" "$(pick fast immediate)"; sleep "$(pick 1 2 3)"; pgstart "$p"; sleep 6; }
sc_failover()  { # primary dies for good: repmgrd on node2 promotes or follows
    local p; p=$(current_primary); [ "$p" = 0 ] && return
    [ "$p" = 2 ] && return
    if [ "$(rnd 3)" != 0 ] && grep -q "^failover='manual'" "$R/n2.conf"; then sed -i "s/^failover=.*/failover='automatic'/" "$R/n2.conf"; reload_repmgrd; sleep 2; fi
    write_load
    pgstop "$p" "$(pick fast immediate)"
    sleep "$(pick 20 25 30)"
    # if node3 was elected but has no repmgrd of its own, promote it by hand
    if ! is_primary 2 && ! is_primary 3; then rep -f "$R/n3.conf" standby promote; sleep 12; fi
    heal
}
sc_local_down() { # node2's own postgres goes away for a while
    pgstop 2 "$(pick fast immediate)"; sleep "$(pick 4 8 12)"; pgstart 2; sleep 5; heal; }
sc_sibling_down() { local n; n=$(pick 1 3); local p; p=$(current_primary); [ "$n" = "$p" ] && n=$((4 - n)); [ "$n" = 2 ] && return
    pgstop "$n" fast; sleep "$(pick 6 10 14)"; pgstart "$n"; sleep 4; heal; }
sc_restart()   { stop_repmgrd; sleep 1; start_repmgrd $(pick "" "" "-v" "--log-level=INFO" "--log-level=DEBUG"); }
sc_badstart()  { # a second repmgrd on node2 (pid file held), and one with a missing config file
    $BIN/repmgrd -f "$R/n2.conf" --daemonize=false >> "$R/cmd.out" 2>&1 & local x=$!; sleep 2; kill "$x" 2>/dev/null; wait "$x" 2>/dev/null
    $BIN/repmgrd -f "$R/nope.conf" --daemonize=false >> "$R/cmd.out" 2>&1; }
sc_switch_primary() { # node2 becomes primary by manual promote after stopping the primary
    local p; p=$(current_primary); [ "$p" = 2 ] && return; [ "$p" = 0 ] && return
    rep -f "$R/n2.conf" service pause
    pgstop "$p" fast; sleep 2; rep -f "$R/n2.conf" standby promote; sleep 2
    rep -f "$R/n2.conf" service unpause; sleep 3; heal; sleep 4; }
sc_demote()    { # node2 is primary: it goes down, another node is promoted, node2 rejoins as standby
    local p; p=$(current_primary); [ "$p" = 2 ] || return
    local n; n=$(pick 1 3); [ "$(rnd 3)" = 0 ] && rep -f "$R/n2.conf" service pause
    pgstop 2 "$(pick fast fast immediate)"; sleep "$(pick 2 5 8)"
    rep -f "$R/n$n.conf" standby promote; sleep 2
    rep -f "$R/n$((4 - n)).conf" standby follow --upstream-node-id=$n
    sleep "$(pick 1 4 8)"
    rep -f "$R/n2.conf" node rejoin -d "host=127.0.0.1 port=$(port $n) user=repmgr dbname=repmgr" --force-rewind
    is_up 2 || pgstart 2
    rep -f "$R/n2.conf" service unpause
    sleep 6; heal; }
sc_cluster()   { rep -f "$R/n2.conf" cluster show; rep -f "$R/n2.conf" cluster event --limit=5; rep -f "$R/n2.conf" node check; rep -f "$R/n2.conf" service status; sleep 2; }

start_repmgrd
END=$((SECONDS + ${DURATION:-420}))
while [ $SECONDS -lt $END ]; do
    s=$(pick sc_idle sc_idle sc_reload sc_pause sc_blip sc_failover sc_local_down sc_sibling_down sc_restart sc_badstart sc_switch_primary sc_cluster sc_failover sc_blip sc_demote sc_demote sc_demote)
    echo "== $(date +%T) $s (primary $(current_primary))" >> "$R/scenario.out"
    $s
done
stop_repmgrd
for n in 1 2 3; do pgstop $n fast; done
echo done
