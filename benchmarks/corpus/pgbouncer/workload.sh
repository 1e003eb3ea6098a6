#!/bin/bash
# Round-13 corpus workload: PgBouncer 1.18 (Debian 12 package pgbouncer) with its own logfile,
# verbose = 1, log_connections/disconnections/pooler_errors/stats on, in front of a private
# PostgreSQL 15 cluster, for DURATION seconds of randomised psql clients: several pools (session,
# transaction, statement), a pool to a missing database and one to a dead port, wrong passwords,
# unknown users and databases, slow queries hitting query_timeout, idle clients and transactions,
# too many clients, garbage, admin console SHOW/RELOAD/PAUSE/RESUME/KILL/DISABLE/ENABLE/SUSPEND,
# SIGHUP, restart, SHUTDOWN. 127.0.0.1 ports 21432 (postgres) and 21632 (pgbouncer) only.
# Run as root on Debian 12:  apt-get install -y postgresql-15 pgbouncer ; bash workload.sh [OUT_DIR] [DURATION]
# Writes OUT_DIR/pgbouncer.log (PgBouncer's own logfile, unchanged, start to stop).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-100}
W=/tmp/r13pgb; PGP=21432; BP=21632; BIN=/usr/lib/postgresql/15/bin
[ -f $W/pgbouncer.pid ] && kill $(cat $W/pgbouncer.pid) 2>/dev/null
[ -f $W/pgdata/postmaster.pid ] && su postgres -c "$BIN/pg_ctl -D $W/pgdata -m immediate stop" >/dev/null 2>&1
sleep 1; rm -rf $W; mkdir -p $W; chown postgres $W; cd $W
r() { echo $((RANDOM % $1)); }
# --- private PostgreSQL
su postgres -c "$BIN/initdb -D $W/pgdata -A scram-sha-256 --pwfile=<(echo pgsecret) -U postgres" >/dev/null
su postgres -c "$BIN/pg_ctl -D $W/pgdata -l $W/postgres.log -o '-p $PGP -k $W -c listen_addresses=127.0.0.1' -w start" >/dev/null
export PGPASSWORD=pgsecret
PSQLPG="psql -h 127.0.0.1 -p $PGP -U postgres -X -q"
$PSQLPG -d postgres -c "CREATE ROLE alice LOGIN PASSWORD 'alicepw'; CREATE ROLE bob LOGIN PASSWORD 'bobpw'; CREATE ROLE carol LOGIN PASSWORD 'carolpw';"
for db in appdb reports shop; do $PSQLPG -d postgres -c "CREATE DATABASE $db OWNER alice"; done
$PSQLPG -d postgres -c "GRANT CONNECT ON DATABASE appdb, reports, shop TO bob, carol"
for db in appdb reports shop; do
  PGPASSWORD=alicepw psql -h 127.0.0.1 -p $PGP -U alice -d $db -X -q -c "CREATE TABLE t(id serial primary key, v text, n int); GRANT ALL ON t TO bob, carol; GRANT ALL ON SEQUENCE t_id_seq TO bob, carol;"
done
# --- pgbouncer
cat > userlist.txt <<EOF
"alice" "alicepw"
"bob" "bobpw"
"carol" "carolpw"
"dave" "davepw"
"pgbadmin" "adminpw"
"stats" "statspw"
EOF
cat > pgbouncer.ini <<EOF
[databases]
appdb = host=127.0.0.1 port=$PGP dbname=appdb
reports = host=127.0.0.1 port=$PGP dbname=reports pool_mode=transaction pool_size=2
shop = host=127.0.0.1 port=$PGP dbname=shop pool_mode=statement
ghostdb = host=127.0.0.1 port=$PGP dbname=ghost_db_missing
deadpool = host=127.0.0.1 port=21999 dbname=appdb
legacy = host=127.0.0.1 port=$PGP dbname=appdb user=carol password=carolpw pool_size=1
[pgbouncer]
logfile = $W/pgbouncer.log
pidfile = $W/pgbouncer.pid
listen_addr = 127.0.0.1
listen_port = $BP
unix_socket_dir =
auth_type = md5
auth_file = $W/userlist.txt
admin_users = pgbadmin
stats_users = stats
pool_mode = session
default_pool_size = 3
reserve_pool_size = 1
reserve_pool_timeout = 2
max_client_conn = 16
max_db_connections = 6
server_reset_query = DISCARD ALL
server_check_delay = 5
server_idle_timeout = 15
server_lifetime = 40
server_connect_timeout = 3
server_login_retry = 3
query_timeout = 4
query_wait_timeout = 6
client_idle_timeout = 12
client_login_timeout = 5
idle_transaction_timeout = 5
log_connections = 1
log_disconnections = 1
log_pooler_errors = 1
log_stats = 1
stats_period = 15
verbose = 1
application_name_add_host = 1
EOF
chown postgres $W/*
start_bouncer() { su postgres -c "pgbouncer -d $W/pgbouncer.ini" >/dev/null 2>&1; }
start_bouncer; sleep 1
users=(alice alice bob carol dave eve pgbadmin)
dbs=(appdb appdb reports shop ghostdb deadpool legacy nosuchdb$((RANDOM % 9)))
pw() { case $1 in alice) echo alicepw ;; bob) echo bobpw ;; carol) echo carolpw ;; dave) echo davepw ;; *) echo x ;; esac; }
bq() { # user db sql [password]
  PGPASSWORD=${4:-$(pw $1)} PGCONNECT_TIMEOUT=8 PGAPPNAME="app$(r 5)" timeout 20 psql -h 127.0.0.1 -p $BP -U $1 -d $2 -X -q -c "$3" >/dev/null 2>&1
}
admin() { PGPASSWORD=adminpw timeout 10 psql -h 127.0.0.1 -p $BP -U pgbadmin -d pgbouncer -X -q -c "$1" >/dev/null 2>&1; }
sql() {
  case $(r 10) in
    0) echo "INSERT INTO t(v,n) VALUES ('v$RANDOM',$(r 1000))" ;;
    1) echo "SELECT count(*) FROM t" ;;
    2) echo "SELECT pg_sleep(0.$(r 9))" ;;
    3) echo "SELECT pg_sleep($((4 + $(r 3))))" ;;            # over query_timeout
    4) echo "SELECT * FROM missing_$(r 99)" ;;
    5) echo "UPDATE t SET n = n + 1 WHERE id = $(r 50)" ;;
    6) echo "BEGIN; SELECT $(r 100); COMMIT" ;;
    7) echo "SELECT 1/0" ;;
    8) echo "SELEKT $RANDOM" ;;
    9) echo "DELETE FROM t WHERE n < $(r 100)" ;;
  esac
}
END=$((SECONDS + DURATION)); restarted=0
while [ $SECONDS -lt $END ]; do
  u=${users[$(r ${#users[@]})]}; d=${dbs[$(r ${#dbs[@]})]}
  case $(r 24) in
    0|1|2|3|4) bq $u $d "$(sql)" & ;;
    5|6) bq alice appdb "$(sql)" & bq bob reports "$(sql)" & ;;
    7) bq $u $d "SELECT 1" "wrong$RANDOM" & ;;                                  # wrong password
    8) bq "ghost$(r 50)" appdb "SELECT 1" & ;;                                   # unknown user
    9) bq alice "nosuch$(r 30)" "SELECT 1" & ;;                                   # unknown database
    10) # idle in transaction past idle_transaction_timeout
        (PGPASSWORD=bobpw timeout 15 psql -h 127.0.0.1 -p $BP -U bob -d appdb -X -q -c "BEGIN" -c "SELECT pg_sleep(0)" -c "\! sleep 7" -c "COMMIT" >/dev/null 2>&1) & ;;
    11) # idle client past client_idle_timeout
        (PGPASSWORD=carolpw timeout 20 psql -h 127.0.0.1 -p $BP -U carol -d shop -X -q -c "SELECT 1" -c "\! sleep 14" -c "SELECT 2" >/dev/null 2>&1) & ;;
    12) # pool saturation: many concurrent slow clients on a small pool
        for i in $(seq $((4 + $(r 6)))); do bq $( ( echo alice; echo bob ) | shuf -n1) reports "SELECT pg_sleep(0.$((5 + $(r 5)))), $i" & done ;;
    13) # too many clients
        [ $(r 4) = 0 ] && for i in $(seq 18); do bq bob appdb "SELECT pg_sleep(0.5)" & done ;;
    14) admin "SHOW $( ( echo POOLS; echo CLIENTS; echo SERVERS; echo STATS; echo DATABASES; echo LISTS; echo CONFIG; echo MEM; echo VERSION; echo USERS; echo DNS_HOSTS; echo FDS; echo STATE; echo BOGUS ) | shuf -n1)" & ;;
    15) admin "RELOAD" ;;
    16) admin "PAUSE $( ( echo appdb; echo reports; echo shop ) | shuf -n1)"; sleep 0.$((2 + $(r 7))); admin "RESUME" ;;
    17) admin "DISABLE shop"; bq carol shop "SELECT 1" & sleep 0.5; admin "ENABLE shop" ;;
    18) admin "KILL $( ( echo legacy; echo reports; echo nosuchpool ) | shuf -n1)"; sleep 0.3; admin "RESUME" ;;
    19) admin "RECONNECT appdb"; admin "SET default_pool_size = $((2 + $(r 4)))"; admin "SET bogus_param = 1" ;;
    20) head -c $((10 + $(r 200))) /dev/urandom | timeout 2 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$BP)); s.sendall(sys.stdin.buffer.read()); s.recv(100)" 2>/dev/null & ;;
    21) (exec 3<>/dev/tcp/127.0.0.1/$BP; sleep 7) 2>/dev/null & ;;                # login timeout
    22) kill -HUP $(cat pgbouncer.pid) ;;
    23) stats=$((RANDOM % 2)); PGPASSWORD=statspw timeout 5 psql -h 127.0.0.1 -p $BP -U stats -d pgbouncer -X -q -c "SHOW $( ( echo STATS; echo POOLS; echo TOTALS ) | shuf -n1)" -c "$( ( echo RELOAD; echo SHUTDOWN ) | shuf -n1)" >/dev/null 2>&1 & ;;
  esac
  if [ $restarted = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
    restarted=1; admin "SUSPEND"; sleep 1; admin "RESUME"
    kill -INT $(cat pgbouncer.pid); sleep 3; start_bouncer; sleep 1
  fi
  sleep 1.$(r 9)
done
sleep 8; admin "SHUTDOWN"; sleep 2
[ -f pgbouncer.pid ] && kill $(cat pgbouncer.pid) 2>/dev/null
su postgres -c "$BIN/pg_ctl -D $W/pgdata -m fast stop" >/dev/null
cp $W/pgbouncer.log "$OUT/pgbouncer.log"
