#!/bin/bash
# Round-14 corpus workload: pgBackRest 2.45 (Debian 12 package pgbackrest) with a private
# PostgreSQL 15 cluster on 127.0.0.1:33432 (socket in $W/sock), repository in $W/repo.
# pgBackRest writes one log file per <stanza>-<command>; every such name in the log path is a
# symlink to one file, so all commands append (O_APPEND) to $OUT/pgbackrest.log in time order.
# log-level-file=detail (backups and restores at info: detail lists every copied or referenced
# file). check, info, archive-push (foreground), repo-* never log to a file.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round14/pgbackrest}; DURATION=${2:-240}
W=/var/tmp/pgbr14
PGBIN=/usr/lib/postgresql/15/bin
PORT=33432; PORT2=33433
mkdir -p "$OUT"; rm -rf "$W"; mkdir -p "$W"/{log,repo,spool,sock,restore}; rm -f "$OUT/pgbackrest.log"
touch "$OUT/pgbackrest.log"; chown postgres "$OUT/pgbackrest.log"; chmod 666 "$OUT/pgbackrest.log"
chown -R postgres:postgres "$W"
CMDS="annotate archive-get archive-push archive-push-async archive-get-async backup check expire info restore repo-get repo-ls stanza-create stanza-delete stanza-upgrade start stop verify server server-ping version help"
for s in demo demo2 ghost all; do for c in $CMDS; do ln -sf "$OUT/pgbackrest.log" "$W/log/$s-$c.log"; done; done
CONF=$W/pgbackrest.conf
cat > "$CONF" <<EOF
[global]
repo1-path=$W/repo
repo1-retention-full=3
repo1-retention-diff=2
log-path=$W/log
log-level-file=detail
log-level-console=warn
log-timestamp=y
spool-path=$W/spool
archive-async=y
process-max=2
start-fast=y
archive-timeout=15
lock-path=$W/lock

[global:backup]
log-level-file=info

[global:restore]
log-level-file=info

[demo]
pg1-path=$W/pgdata
pg1-port=$PORT
pg1-socket-path=$W/sock

[demo2]
pg1-path=$W/pgdata
pg1-port=$PORT
pg1-socket-path=$W/sock
EOF
chown postgres "$CONF"
as_pg() { su postgres -s /bin/bash -c "$*"; }
pgb() { as_pg "pgbackrest --config=$CONF $*" >/dev/null 2>&1; }
psqlc() { as_pg "$PGBIN/../bin/psql -h $W/sock -p $PORT -d postgres -qAt -c \"$*\"" >/dev/null 2>&1; }
as_pg "$PGBIN/initdb -D $W/pgdata -A trust" >/dev/null
cat >> "$W/pgdata/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$W/sock'
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=demo archive-push %p'
archive_timeout = 60
wal_level = replica
max_wal_senders = 3
EOF
pgstart() { as_pg "$PGBIN/pg_ctl -D $W/pgdata -l $W/pg.log -w start" >/dev/null; }
pgstop() { as_pg "$PGBIN/pg_ctl -D $W/pgdata -m ${1:-fast} -w stop" >/dev/null; }
pgstart
r() { echo $((RANDOM % $1)); }
N=0
churn() {   # random data changes so WAL and backups differ
  N=$((N + 1)); local t="t_$(r 6)"
  psqlc "CREATE TABLE IF NOT EXISTS $t (id int, v text); INSERT INTO $t SELECT g, md5(random()::text) FROM generate_series(1, $((100 + $(r 20000)))) g"
  [ $(r 3) = 0 ] && psqlc "DELETE FROM $t WHERE id % $((2 + $(r 5))) = 0"
  [ $(r 4) = 0 ] && psqlc "DROP TABLE IF EXISTS t_$(r 6)"
  psqlc "SELECT pg_switch_wal()"
}
pgb --stanza=demo stanza-create
pgb --stanza=demo check
pgb --stanza=demo --type=full backup
churn
pgb --stanza=demo stanza-create
pgb --stanza=demo info
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 26) in
    0|1|2) churn ;;
    3) churn; pgb --stanza=demo --type=incr backup ;;
    4) churn; pgb --stanza=demo --type=diff backup ;;
    5) [ $(r 3) = 0 ] && pgb --stanza=demo --type=full backup || pgb --stanza=demo --type=incr backup ;;
    6) pgb --stanza=demo check ;;
    7) pgb --stanza=demo --repo1-retention-full=$((1 + $(r 3))) expire ;;
    8) pgb --stanza=demo --set=20$(r 99)1010-101010F expire ;;
    9) pgb --stanza=demo info; pgb --output=json info; pgb --stanza=ghost info ;;
    10) d="$W/restore/r$RANDOM"; mkdir -p "$d"; chown postgres "$d"
        case $(r 3) in
          0) pgb --stanza=demo --pg1-path=$d --type=immediate --target-action=promote restore ;;
          1) pgb --stanza=demo --pg1-path=$d --set=$(as_pg "ls $W/repo/backup/demo" | grep -E '^[0-9]{8}-' | shuf -n1) restore ;;
          2) pgb --stanza=demo --pg1-path=$d --type=time "--target='$(date -d "-$(r 90) sec" '+%Y-%m-%d %H:%M:%S')'" restore ;;
        esac
        if [ -f "$d/PG_VERSION" ] && [ $(r 2) = 0 ]; then   # replay through archive-get
          printf "port = $PORT2\narchive_mode = off\nunix_socket_directories = '$d'\n" >> "$d/postgresql.auto.conf"
          chmod 700 "$d"; as_pg "$PGBIN/pg_ctl -D $d -l $W/pg2.log -w -t 20 start" >/dev/null 2>&1
          sleep $((2 + $(r 4))); as_pg "$PGBIN/pg_ctl -D $d -m immediate -w stop" >/dev/null 2>&1
        fi
        [ $(r 2) = 0 ] && pgb --stanza=demo --pg1-path=$d restore            # not empty
        [ $(r 2) = 0 ] && pgb --stanza=demo --pg1-path=$d --delta --type=immediate restore
        rm -rf "$d" ;;
    11) pgb --stanza=demo --pg1-path=$W/restore/missing$RANDOM restore ;;
    12) pgb --stanza=demo --pg1-path=/nonexistent/pg$(r 9) check ;;
    13) pgb --stanza=demo --repo1-path=/nonexistent/repo$(r 9) info; pgb --stanza=demo --repo1-path=/tmp/norepo$(r 9) check ;;
    14) pgb --stanza=demo stop; pgb --stanza=demo --type=incr backup; [ $(r 2) = 0 ] && pgb --stanza=demo stop; pgb --stanza=demo start; [ $(r 3) = 0 ] && pgb --stanza=demo start ;;
    15) pgb --stanza=demo --type=bogus$(r 9) backup; pgb --stanza=demo --bogus-option=$(r 9) check; pgb --stanza=demo --repo1-retention-full=0 expire; pgb --stanza=demo --process-max=$((900 + $(r 99))) backup ;;
    16) pgb --stanza=demo verify ;;
    17) pgb --stanza=demo repo-ls; pgb "repo-ls backup/demo --recurse" ; pgb "--stanza=demo repo-get backup/demo/backup.info"; pgb "--stanza=demo repo-get backup/demo/missing$(r 99)" ;;
    18) l=$(as_pg "ls $W/repo/backup/demo" | grep -E '^[0-9]{8}-' | shuf -n1)
        pgb --stanza=demo --set=$l "--annotation=note=run$RANDOM" annotate; pgb --stanza=demo --set=nope$(r 99) --annotation=a=b annotate ;;
    19) if [ $(r 3) = 0 ]; then pgstop $( [ $(r 2) = 0 ] && echo immediate || echo fast ); pgb --stanza=demo check; pgb --stanza=demo --type=incr backup; pgstart; fi ;;
    20) pgb --stanza=demo2 --no-online stanza-create; pgb --stanza=demo2 stanza-delete; pgb --stanza=demo2 stop; pgb --stanza=demo2 stanza-delete; pgb --stanza=demo2 --force stanza-delete ;;
    21) pgb --stanza=demo stanza-upgrade; pgb --stanza=ghost check ;;
    22) pgb --stanza=demo --pg1-port=$((33500 + $(r 99))) check; pgb --stanza=demo --pg1-socket-path=/tmp/nosock$(r 9) --type=incr backup ;;
    23) churn; psqlc "SELECT pg_switch_wal()"; sleep 1; psqlc "CHECKPOINT" ;;
    24) psqlc "SELECT pg_create_restore_point('rp$RANDOM')"; pgb --stanza=demo --archive-timeout=$((1 + $(r 3))) check ;;
    25) pgb --stanza=demo --type=incr --annotation=source=cron$(r 9) backup; pgb --stanza=demo --set=latest info ;;
  esac
  sleep 0.$((1 + $(r 8)))
done
pgb --stanza=demo expire
pgstop fast
sleep 2
rm -rf "$W/restore"
