#!/bin/bash
# Randomised workload for prometheus-sql-exporter against a private PostgreSQL 15
# cluster, inside a private network + mount namespace.
# Usage: bash /work/round42/sqlexporter/workload.sh
set -u -m
F=/work/round42/sqlexporter
T=/tmp/round42-r42b/sqlexporter
cd "$F" || exit 1

if [ -z "${R42_INNS:-}" ]; then
    mkdir -p "$T"
    exec env R42_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh"
fi

ip link set lo up
export TZ=UTC HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config \
       XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_RUNTIME_DIR $T/sock
chmod 700 $XDG_RUNTIME_DIR
chown postgres $T/sock
mount -t tmpfs tmpfs /dev/shm

PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$T/pgdata
PGPORT=42511
WEB=127.0.0.1:42512
RAW=$T/sqlexporter.full.log
LOG=$F/sqlexporter.log
rm -f "$RAW"

asp() { runuser -u postgres -- "$@"; }
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres "$PGDATA"
    asp $PGBIN/initdb -D "$PGDATA" -U postgres -A trust >/dev/null
    cat > "$PGDATA/pg_hba.conf" <<EOF
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
EOF
fi
pg_start() { asp $PGBIN/pg_ctl -D "$PGDATA" -w -l $T/sock/postgres.log \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$T/sock" start >/dev/null; }
pg_stop() { asp $PGBIN/pg_ctl -D "$PGDATA" -w -m "${1:-fast}" stop >/dev/null; }
psq() { psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=0 "$@" >/dev/null 2>&1; }

export EXPORTER_PW=exp0rt-pw LOGLEVEL=debug
pg_start
psq -d postgres -c "drop database if exists r42exp with (force)"
psq -d postgres -c "drop role if exists exporter"
psq -d postgres -c "create role exporter login password '$EXPORTER_PW'"
psq -d postgres -c "create database r42exp owner exporter"
make_orders() {
    psq -d r42exp -c "create schema if not exists shop authorization exporter; set role exporter;
      drop table if exists shop.orders;
      create table shop.orders(id int, state text, amount numeric, note text);
      insert into shop.orders select g, (array['new','paid','shipped','cancelled'])[1 + g % 4], g * 1.5, 'note ' || g
        from generate_series(1, $((5 + RANDOM % 50))) g;"
}
make_orders

EXP_PID=
ALLPIDS=()
start_exp() { # $1 = config file
    JOB_INTERVAL=$((2 + RANDOM % 3))s JOB_INTERVAL2=$((3 + RANDOM % 4))s \
        prometheus-sql-exporter -config.file "$1" -web.listen-address "$WEB" >>"$RAW" 2>&1 &
    EXP_PID=$!; ALLPIDS+=($!)
}
stop_exp() { kill -${1:-TERM} $EXP_PID 2>/dev/null; wait $EXP_PID 2>/dev/null; }
scrape() { for i in $(seq 1 $((1 + RANDOM % 5))); do curl -s -m 3 -o /dev/null "http://$WEB/metrics"; done
           [ $((RANDOM % 4)) = 0 ] && curl -s -m 3 -o /dev/null "http://$WEB/healthz"; [ $((RANDOM % 6)) = 0 ] && curl -s -m 3 -o /dev/null "http://$WEB/"; }

act() {
    r=$((RANDOM % 100))
    if   [ $r -lt 40 ]; then scrape
    elif [ $r -lt 50 ]; then psq -d r42exp -c "insert into shop.orders select g, (array['new','paid','stuck'])[1 + g % 3], random()*100, null from generate_series(1, $((RANDOM % 20))) g"
    elif [ $r -lt 56 ]; then psq -d r42exp -c "drop table if exists shop.orders"; sleep $((1 + RANDOM % 4)); make_orders
    elif [ $r -lt 62 ]; then psq -d r42exp -c "delete from shop.orders where state = 'stuck'"
    elif [ $r -lt 70 ]; then psq -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'exporter'"
    elif [ $r -lt 76 ]; then psq -d postgres -c "alter role exporter password 'temporarily-changed'"; sleep $((2 + RANDOM % 5)); psq -d postgres -c "alter role exporter password '$EXPORTER_PW'"
    elif [ $r -lt 80 ]; then pg_stop $([ $((RANDOM % 2)) = 0 ] && echo fast || echo immediate); sleep $((2 + RANDOM % 6)); pg_start
    elif [ $r -lt 84 ]; then psq -d postgres -c "alter role exporter nologin"; sleep $((2 + RANDOM % 4)); psq -d postgres -c "alter role exporter login"
    fi
    sleep 0.$((RANDOM % 10))$((RANDOM % 10))
}

# main runs, with restarts in between and bad configurations
for round in $(seq 1 $((4 + RANDOM % 2))); do
    start_exp conf/main.yml
    sleep 1
    for i in $(seq 1 $((30 + RANDOM % 20))); do act; done
    if [ $((RANDOM % 3)) = 0 ]; then
        # a second instance on the same address
        start_exp conf/main.yml; sleep 1; wait $EXP_PID 2>/dev/null; EXP_PID=${ALLPIDS[-2]}
    fi
    stop_exp TERM
    for c in conf/bad_yaml.yml conf/bad_cron.yml conf/bad_interval.yml conf/missing.yml conf/bad_mysql.yml; do
        if [ $((RANDOM % 3)) = 0 ]; then start_exp $c; sleep 1; stop_exp; fi
    done
    if [ $((RANDOM % 2)) = 0 ]; then
        start_exp conf/bad_startup.yml; sleep 2; scrape; stop_exp
    fi
done

for p in "${ALLPIDS[@]}"; do grep -qa prometheus-sql-exporter /proc/$p/cmdline 2>/dev/null && kill $p; done
sleep 1
pg_stop fast
# keep one contiguous stretch of at most 2500 lines
N=$(wc -l < "$RAW")
START=$(( N > 2500 ? 1 + RANDOM % (N - 2500 + 1) : 1 ))
sed -n "${START},$((START + 2499))p" "$RAW" > "$LOG"
echo "sqlexporter: $N raw lines, kept from line $START: $(wc -l < "$LOG")"
