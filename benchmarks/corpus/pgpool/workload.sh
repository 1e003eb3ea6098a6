#!/bin/bash
# Round-14 corpus workload: Pgpool-II 4.3 (Debian 12 package pgpool2) in streaming-replication mode in
# front of two local PostgreSQL 15 instances (primary 28540, streaming standby 28541), pgpool on
# 127.0.0.1:28550, PCP on 28551. Own log file through pgpool's logging_collector, log_min_messages =
# info, log_connections/log_disconnections, log_statement + log_per_node_statement on.
# Randomised clients (clients.py): sessions, load-balanced reads, writes, SQL errors, wrong passwords,
# unknown users and databases, pool_hba rejections, idle clients, floods, dropped connections, garbage,
# PCP commands, SHOW/PGPOOL commands, reloads, the standby stopped and restarted (health checks,
# failover, auto failback), a detach/attach, a pgpool restart, stop. Writes $OUT/pgpool.log.
# Run as root on Debian 12:
#   apt-get install -y pgpool2 postgresql-15 python3-venv
#   python3 -m venv /tmp/r14venv && /tmp/r14venv/bin/pip install psycopg2-binary
#   bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (the corpus file: bash workload.sh /work/round14/pgpool 150)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-180}
PY=${PY:-/tmp/r14venv/bin/python}
PG=/tmp/r14pg; PP=/tmp/r14pgpool; BIN=/usr/lib/postgresql/15/bin
asp() { su postgres -s /bin/bash -c "$*"; }
# clean up a previous run (own instances only, by their data directories / pid files)
[ -f $PP/pgpool.pid ] && asp "pgpool -f $PP/pgpool.conf -m immediate stop" >/dev/null 2>&1
for d in $PG/p0 $PG/p1; do [ -f $d/postmaster.pid ] && asp "$BIN/pg_ctl -D $d -m immediate stop" >/dev/null 2>&1; done
sleep 1
rm -rf $PG $PP; mkdir -p $PG $PP/log; chown -R postgres $PG $PP
mkdir -p "$OUT"; rm -f "$OUT/pgpool.log"

# ---- two PostgreSQL instances ----
asp "$BIN/initdb -D $PG/p0 -A trust -U postgres" >/dev/null
cat >> $PG/p0/postgresql.conf <<CONF
port = 28540
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG'
wal_level = replica
max_wal_senders = 5
hot_standby = on
password_encryption = md5
max_connections = 40
CONF
cat > $PG/p0/pg_hba.conf <<CONF
local all all trust
host replication all 127.0.0.1/32 trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 md5
CONF
asp "$BIN/pg_ctl -D $PG/p0 -l $PG/p0.log -w start" >/dev/null
asp "psql -h $PG -p 28540 -q -v ON_ERROR_STOP=1" <<SQL
CREATE ROLE alice LOGIN PASSWORD 'wonderland';
CREATE ROLE bob LOGIN PASSWORD 'builder';
CREATE ROLE carol LOGIN PASSWORD 'carolpw';
CREATE DATABASE shop OWNER alice;
CREATE DATABASE reports OWNER bob;
\c shop
SET ROLE alice;
CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE, qty int, price numeric);
CREATE TABLE orders (id serial PRIMARY KEY, item int REFERENCES items(id), qty int, at timestamptz DEFAULT now());
INSERT INTO items (name, qty, price) SELECT 'item' || g, g % 17, g * 1.5 FROM generate_series(1, 200) g;
GRANT SELECT ON items, orders TO bob, carol;
SQL
asp "$BIN/pg_basebackup -h 127.0.0.1 -p 28540 -U postgres -D $PG/p1 -R -X stream -c fast" >/dev/null
sed -i 's/^port = 28540/port = 28541/' $PG/p1/postgresql.conf
asp "$BIN/pg_ctl -D $PG/p1 -l $PG/p1.log -w start" >/dev/null

# ---- pgpool ----
cat > $PP/pgpool.conf <<CONF
backend_clustering_mode = 'streaming_replication'
listen_addresses = '127.0.0.1'
port = 28550
socket_dir = '$PP'
pcp_listen_addresses = '127.0.0.1'
pcp_port = 28551
pcp_socket_dir = '$PP'
backend_hostname0 = '127.0.0.1'
backend_port0 = 28540
backend_weight0 = 1
backend_data_directory0 = '$PG/p0'
backend_flag0 = 'ALLOW_TO_FAILOVER'
backend_application_name0 = 'node0'
backend_hostname1 = '127.0.0.1'
backend_port1 = 28541
backend_weight1 = 2
backend_data_directory1 = '$PG/p1'
backend_flag1 = 'ALLOW_TO_FAILOVER'
backend_application_name1 = 'node1'
enable_pool_hba = on
pool_passwd = 'pool_passwd'
authentication_timeout = 4
num_init_children = 8
reserved_connections = 1
max_pool = 2
child_life_time = 45
child_max_connections = 15
connection_life_time = 20
client_idle_limit = 6
logging_collector = on
log_destination = 'stderr'
log_directory = '$PP/log'
log_filename = 'pgpool.log'
log_rotation_age = 0
log_rotation_size = 0
log_line_prefix = '%m: %a pid %p: '
log_connections = on
log_disconnections = on
log_statement = on
log_per_node_statement = on
log_error_verbosity = default
log_min_messages = info
pid_file_name = '$PP/pgpool.pid'
logdir = '$PP'
load_balance_mode = on
sr_check_period = 6
sr_check_user = 'postgres'
health_check_period = 3
health_check_timeout = 3
health_check_user = 'postgres'
health_check_max_retries = 1
health_check_retry_delay = 1
failover_command = '$PP/failover.sh %d %h %p %m %M'
failback_command = '$PP/failover.sh back %d %h %p'
auto_failback = on
auto_failback_interval = 15
search_primary_node_timeout = 10
delay_threshold = 1000000
CONF
cat > $PP/failover.sh <<'SH'
#!/bin/sh
echo "$(date) failover $*" >> /tmp/r14pgpool/failover.out
exit 0
SH
chmod +x $PP/failover.sh
cat > $PP/pool_hba.conf <<CONF
local   all         all                       trust
host    secret      all         127.0.0.1/32  reject
host    all         postgres    127.0.0.1/32  trust
host    all         all         127.0.0.1/32  md5
CONF
echo "pcpadmin:$(pg_md5 pcpsecret)" > $PP/pcp.conf
: > $PP/pool_passwd
for up in alice:wonderland bob:builder carol:carolpw; do
  pg_md5 --md5auth --username=${up%%:*} -f $PP/pgpool.conf ${up#*:} >/dev/null
done
printf '127.0.0.1:28551:pcpadmin:pcpsecret\n' > $PP/pcppass; chmod 600 $PP/pcppass
chown -R postgres $PP
asp "pgpool -f $PP/pgpool.conf -F $PP/pcp.conf -a $PP/pool_hba.conf" 
sleep 3
export PG PP BIN DURATION
"$PY" "$HERE/clients.py"
asp "pgpool -f $PP/pgpool.conf -m fast stop" >/dev/null 2>&1
sleep 2
for d in $PG/p0 $PG/p1; do asp "$BIN/pg_ctl -D $d -m fast stop" >/dev/null 2>&1; done
cp $PP/log/pgpool.log "$OUT/pgpool.log"
