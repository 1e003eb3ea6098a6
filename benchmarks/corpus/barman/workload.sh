#!/bin/bash
# Randomised workload for Barman 3.4 (Debian 12) managing a private PostgreSQL 15
# (port 39432, data and sockets in this folder). Barman logs at DEBUG to barman.log.
set -u
cd "$(dirname "$0")"
B=$PWD
PGBIN=/usr/lib/postgresql/15/bin
BM="barman -q -c $B/barman.conf"
PSQL="runuser -u postgres -- $PGBIN/psql -X -q -h $B/run -p 39432 -U postgres"
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

pg_start() { runuser -u postgres -- $PGBIN/pg_ctl -D $B/pgdata -l $B/run/pg.log -w start >/dev/null; }
pg_stop() {
  runuser -u postgres -- $PGBIN/pg_ctl -D $B/pgdata -m "$(pick fast immediate)" -w stop >/dev/null
  for i in $(seq 20); do ss -ltn | grep -q '127.0.0.[12]:39432 ' || break; sleep 0.5; done
}
load() {  # some write traffic so that WAL segments fill up
  $PSQL -d app -c "create table if not exists t$(rnd 1 3) (id serial primary key, v text, at timestamptz default now())" >/dev/null 2>&1
  for i in $(seq $(rnd 1 3)); do
    $PSQL -d app -c "insert into t1 (v) select md5(g::text) from generate_series(1, $(rnd 2000 20000)) g" >/dev/null 2>&1
  done
}
b() { echo "+ barman $*" >> $B/commands.txt; $BM "$@" >> $B/commands.txt 2>&1; }

pg_init() {  # one-time creation of the private PostgreSQL 15 cluster
  mkdir -p $B/pgdata $B/run; chown postgres:postgres $B/pgdata $B/run; chmod 700 $B/pgdata
  runuser -u postgres -- $PGBIN/initdb -D $B/pgdata -A trust -U postgres --auth-host=scram-sha-256 >/dev/null
  cat >> $B/pgdata/postgresql.conf <<EOF2
port = 39432
listen_addresses = '127.0.0.1,127.0.0.2'
unix_socket_directories = '$B/run'
wal_level = replica
max_wal_senders = 6
max_replication_slots = 6
archive_mode = on
archive_command = 'test ! -f $B/home/pg/incoming/%f && cp %p $B/run/%f.tmp && chmod 644 $B/run/%f.tmp && mv $B/run/%f.tmp $B/home/pg/incoming/%f'
EOF2
  cat >> $B/pgdata/pg_hba.conf <<EOF2
host all all 127.0.0.2/32 scram-sha-256
host replication all 127.0.0.1/32 scram-sha-256
host replication all 127.0.0.2/32 scram-sha-256
EOF2
  pg_start
  $PSQL -c "create role barman superuser login password 'b4rman'" \
        -c "create role streaming_barman replication login password 'str3am'" -c "create database app" >/dev/null
  pg_stop
}
[ -d $B/pgdata ] || pg_init
[ "${1:-}" = "--init-only" ] && exit 0

# ---------------- fresh state ----------------
pg_stop 2>/dev/null
rm -rf $B/home $B/restore $B/barman.log $B/commands.txt
mkdir -p $B/home/pg/incoming $B/restore
chmod 777 $B/home/pg/incoming   # PostgreSQL (user postgres) archives into it
chown -R barman:barman $B/home $B/restore
touch $B/barman.log && chown barman:barman $B/barman.log
pg_start
$PSQL -c "select pg_drop_replication_slot(slot_name) from pg_replication_slots" >/dev/null 2>&1
$PSQL -d app -c "drop table if exists t1, t2, t3" >/dev/null 2>&1
$PSQL -d app -c "create table t1 (id serial primary key, v text, at timestamptz default now())" >/dev/null 2>&1

# ---------------- configuration errors / unknown servers ----------------
b show-servers $(pick nosuch staging db9)
b check $(pick nosuch replica1)
b list-servers
b status downpg

# ---------------- first contact ----------------
b check pg
b receive-wal --create-slot pg
b receive-wal --create-slot pg          # slot already there
b cron                                   # starts receive-wal, archives incoming
sleep 2
load
b switch-wal --force --archive --archive-timeout 30 pg

# ---------------- first backup ----------------
load
b backup $(pick "" --wait) pg
b switch-wal $(pick --force "") pg

# ---------------- failing servers ----------------
for cmd in "backup downpg" "switch-wal downpg" "check badauth" "backup badauth" \
           "receive-wal --create-slot badauth" "backup $(pick nosuch ghost)"; do
  [ $((RANDOM % 4)) -eq 0 ] && continue   # leave some out on each run
  b $cmd
done

# ---------------- inspect the backup, recover it ----------------
b list-backup pg
b show-backup pg latest
b list-files --target $(pick standalone data wal full) pg latest
b check-backup pg latest
b verify-backup pg latest
b show-backup pg 20000101T000000          # no such backup
# recoveries refused before any file is copied
for r in "--target-time 2001-01-01T00:00:00 pg latest" "--target-time not-a-time pg latest" \
         "--target-action pause pg latest" "pg 20000101T000000" "pg latest $B/barman.conf"; do
  [ $((RANDOM % 3)) -eq 0 ] && continue
  set -- $r
  if [ "${!#}" = "$B/barman.conf" ]; then b recover "$@/r0"; else b recover "$@" $B/restore/r0; fi
done

# ---------------- PostgreSQL goes away ----------------
pg_stop
b backup pg
b switch-wal --force pg
b cron
sleep 1
b check pg
pg_start
sleep 1
b cron
load
b switch-wal --force --archive --archive-timeout 30 pg

# ---------------- more backups, keep, retention, delete ----------------
for n in $(seq $(rnd 1 2)); do
  load
  b backup pg
  b cron
done
oldest=$(barman -c $B/barman.conf list-backup --minimal pg 2>/dev/null | tail -1)
b keep --target standalone pg $oldest
b keep --status pg $oldest
b delete pg $oldest                       # refused: kept
b keep --release pg $oldest
b backup pg
b cron                                    # retention policy REDUNDANCY 2
b delete pg oldest
b delete pg 20000101T000000

# ---------------- other commands ----------------
b replication-status pg
b status pg
wal=$(ls $B/home/pg/wals/*/ 2>/dev/null | grep -v '\.' | head -1)
b get-wal --output-directory $B/restore pg ${wal:-000000010000000000000001}
b get-wal pg 00000001000000FF000000FF
b archive-wal pg
b check all
b receive-wal --reset pg
b cron
sleep 2
# routine operations until the log is long enough that the full recovery
# below (whose rsync file listing at DEBUG runs to thousands of lines) comes last
while [ $(wc -l < $B/barman.log) -lt $(rnd 2150 2250) ]; do
  case $(rnd 0 5) in
    0|1) load; b backup $(pick "" --wait) pg ;;
    2) b cron ;;
    3) b check pg ;;
    4) load; b switch-wal --force --archive --archive-timeout 20 pg ;;
    5) b $(pick status list-backup replication-status show-servers) pg ;;
  esac
done
# a full recovery (its rsync file listing at DEBUG is long, so it comes last)
case $(rnd 0 3) in
  0) b recover --target-immediate pg latest $B/restore/r1 ;;
  1) b recover --target-time "$(date -u '+%Y-%m-%d %H:%M:%S')" --target-action pause pg latest $B/restore/r1 ;;
  2) b recover --target-name nowhere pg oldest $B/restore/r1 ;;
  3) b recover pg latest $B/restore/r1 ;;
esac
# shut PostgreSQL down: the streaming receive-wal processes end with it
pg_stop
for i in $(seq 30); do
  pgrep -u barman -f "barman -c $B/barman.conf" >/dev/null || break
  sleep 1
done
