#!/bin/bash
# Randomised workload for pgqd (PgQ ticker/maintenance daemon) against a private
# PostgreSQL 15 cluster, all inside a private network + mount namespace.
# Usage: bash /work/round42/pgqd/workload.sh
set -u
F=/work/round42/pgqd
T=/tmp/round42-r42b/pgqd
cd "$F" || exit 1

if [ -z "${R42_INNS:-}" ]; then
    mkdir -p "$T"
    exec env R42_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh"
fi

ip link set lo up
export TZ=UTC HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config \
       XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_RUNTIME_DIR $T/run $T/sock
chmod 700 $XDG_RUNTIME_DIR
chown postgres $T/sock
# private /dev/shm for postgres
mount -t tmpfs tmpfs /dev/shm

PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$T/pgdata
PGPORT=42501
RAW=$T/pgqd.full.log
LOG=$F/pgqd.log
CONF=$T/pgqd.ini
PIDF=$T/run/pgqd.pid
rm -f "$RAW" "$PIDF"

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
    -o "-p $PGPORT -k $T/sock -c listen_addresses=127.0.0.1 -c unix_socket_directories=$T/sock" start >/dev/null; }
pg_stop() { asp $PGBIN/pg_ctl -D "$PGDATA" -w -m "${1:-fast}" stop >/dev/null; }
psq() { psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=0 "$@" >/dev/null 2>&1; }

pg_start
psq -d postgres -c "drop role if exists pgqd_user" 
psq -d postgres -c "create role pgqd_user login superuser password 'tick3r'"
for d in $(psql -X -At -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -c "select datname from pg_database where datname like 'r42%'"); do
    psq -d postgres -c "drop database $d with (force)"
done

# databases: some with real pgq, one plain, some with fake pgq schemas
NQ=$((2 + RANDOM % 3))
QDBS=()
for i in $(seq 1 $NQ); do
    psq -d postgres -c "create database r42q$i"
    psq -d r42q$i -c "create extension pgq"
    QDBS+=(r42q$i)
done
psq -d postgres -c "create database r42plain"
psq -d postgres -c "create database r42oldpgq"
psq -d r42oldpgq -c "create schema pgq; create function pgq.version() returns text language sql as \$\$ select '2.1.8'::text \$\$"
psq -d postgres -c "create database r42nover"
psq -d r42nover -c "create schema pgq; create function pgq.version() returns setof text language sql as \$\$ select 'x'::text where false \$\$"
psq -d postgres -c "create database r42brokenver"
psq -d r42brokenver -c "create schema pgq; create function pgq.version() returns text language plpgsql as \$\$ begin raise exception 'pgq schema is damaged'; end \$\$"
psq -d postgres -c "create database r42fake"
psq -d r42fake -c "create schema pgq;
 create function pgq.version() returns text language sql as \$\$ select '3.9.9'::text \$\$;
 create function pgq.ticker() returns setof bigint language sql as \$\$ select 1::bigint where random() < 0.5 \$\$;
 create table public.fake_items(id int);
 create function public.fake_cleanup() returns int language sql as \$\$ select 0 \$\$;
 create function public.fake_step(text) returns int language sql as \$\$ select 0 \$\$;
 create function pgq.maint_operations(out func_name text, out func_arg text) returns setof record language sql as
 \$\$ select * from (values ('vacuum','public.fake_items'),('vacuum analyze','public.fake_items'),('public.fake_cleanup',null),('public.fake_step','x'),('public.no_such_fn',null),('vacuum','public.no_such_table')) v order by random() \$\$;
 create function pgq.maint_retry_events() returns int language sql as \$\$ select (random()*2)::int \$\$;"

write_conf() { # $1 = base_connstr, $2 = database_list (may be empty), $3 = extra
    cat > "$CONF" <<EOF
[pgqd]
logfile = $RAW
pidfile = $PIDF
syslog = 0
base_connstr = $1
initial_database = postgres
database_list = $2
check_period = $((5 + RANDOM % 6))
retry_period = $((3 + RANDOM % 4))
maint_period = $((4 + RANDOM % 5))
ticker_period = $((2 + RANDOM % 3))
stats_period = $((6 + RANDOM % 6))
connection_lifetime = $((15 + RANDOM % 20))
${3:-}
EOF
}
GOOD="host=127.0.0.1 port=$PGPORT user=pgqd_user password=tick3r"
PGQD_PID=
ALLPIDS=()
start_pgqd() { pgqd -v -v "$CONF" >>$T/pgqd.stderr 2>&1 & PGQD_PID=$!; ALLPIDS+=($!); sleep 1; }
wait_pgqd() { for i in $(seq 1 30); do kill -0 $PGQD_PID 2>/dev/null || break; sleep 0.3; done; }

rq() { echo "${QDBS[$((RANDOM % ${#QDBS[@]}))]}"; }
queues=(orders users audit clicks mail)
rqueue() { echo "${queues[$((RANDOM % ${#queues[@]}))]}"; }

act_events() {
    local db=$(rq) q=$(rqueue) n=$((1 + RANDOM % 40))
    psq -d $db -c "select pgq.create_queue('$q')"
    psq -d $db -c "select pgq.register_consumer('$q','c_$((RANDOM % 3))')"
    psq -d $db -c "select pgq.insert_event('$q','ev'||g,'payload '||g) from generate_series(1,$n) g"
}
act_batch() {
    local db=$(rq) q=$(rqueue) c=c_$((RANDOM % 3))
    psql -X -At -h 127.0.0.1 -p $PGPORT -U postgres -d $db 2>/dev/null <<EOF >/dev/null
select pgq.force_tick('$q');
\set ON_ERROR_STOP 0
select pgq.next_batch('$q','$c') as b \gset
select pgq.event_retry(:b, ev_id, $((RANDOM % 3))) from pgq.get_batch_events(:b) where random() < 0.3;
select pgq.finish_batch(:b);
EOF
}
act_dropq() { psq -d $(rq) -c "select pgq.unregister_consumer('$(rqueue)','c_$((RANDOM % 3))')"; psq -d $(rq) -c "select pgq.drop_queue('$(rqueue)', true)"; }
act_newdb() { local n=r42tmp$((RANDOM % 5)); psq -d postgres -c "create database $n"; [ $((RANDOM % 2)) = 0 ] && psq -d $n -c "create extension pgq"; }
act_dropdb() { local n=r42tmp$((RANDOM % 5)); psq -d postgres -c "drop database if exists $n with (force)"; }
act_kill() { psq -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity where usename='pgqd_user' and random() < 0.5"; }
act_restart() { pg_stop $([ $((RANDOM % 2)) = 0 ] && echo fast || echo immediate); sleep $((RANDOM % 6)); pg_start; }
act_hup() { pgqd -r "$CONF" >>$T/pgqd.stderr 2>&1; }

run_random() { # $1 = number of actions
    for i in $(seq 1 $1); do
        r=$((RANDOM % 100))
        if   [ $r -lt 30 ]; then act_events
        elif [ $r -lt 50 ]; then act_batch
        elif [ $r -lt 58 ]; then act_dropq
        elif [ $r -lt 66 ]; then act_newdb
        elif [ $r -lt 72 ]; then act_dropdb
        elif [ $r -lt 80 ]; then act_kill
        elif [ $r -lt 85 ]; then act_restart
        elif [ $r -lt 92 ]; then act_hup
        fi
        sleep 0.$((RANDOM % 10))$((RANDOM % 10))
    done
}

# phase 1: auto-detect all databases
write_conf "$GOOD" ""
start_pgqd
run_random $((25 + RANDOM % 15))
# reload with explicit list incl. a missing database
write_conf "$GOOD" "${QDBS[0]}, r42fake, r42missing" ""
act_hup
run_random $((8 + RANDOM % 6))
# reload back to auto-detect
write_conf "$GOOD" ""
act_hup
run_random $((10 + RANDOM % 8))
# stop database for a while
pg_stop fast; sleep $((4 + RANDOM % 5)); pg_start
run_random $((5 + RANDOM % 6))
pgqd -s "$CONF" >>$T/pgqd.stderr 2>&1; wait_pgqd

# phase 2: bad connection strings, each for a few seconds
for cs in "host=127.0.0.1 port=$PGPORT user=pgqd_user password=wrong" \
          "host=127.0.0.1 port=$PGPORT user=nobody_here password=x" \
          "host=127.0.0.1 port=42599 user=pgqd_user" \
          "host=no-such-host.invalid port=$PGPORT user=pgqd_user" \
          "host=127.0.0.1 port=$PGPORT user=pgqd_user password=tick3r sslmode=bogus" \
          "host=127.0.0.1 port=$PGPORT user=pgqd_user foo=bar" \
          "host=127.0.0.1 port=$PGPORT user=pgqd_user password=tick3r sslmode=require"; do
    [ $((RANDOM % 5)) = 0 ] && continue
    write_conf "$cs" "$([ $((RANDOM % 2)) = 0 ] && echo "${QDBS[*]}" | tr ' ' ',')"
    start_pgqd
    sleep $((2 + RANDOM % 5))
    if [ $((RANDOM % 2)) = 0 ]; then pgqd -k "$CONF" >>$T/pgqd.stderr 2>&1; else pgqd -s "$CONF" >>$T/pgqd.stderr 2>&1; fi
    wait_pgqd
done

# phase 3: good again, crash (stale pidfile), second instance, bad config reloads
write_conf "$GOOD" ""
start_pgqd
run_random $((6 + RANDOM % 6))
kill -9 $PGQD_PID; wait_pgqd
start_pgqd
pgqd -v "$CONF" >>$T/pgqd.stderr 2>&1   # second instance: pidfile in use
run_random $((6 + RANDOM % 6))
write_conf "$GOOD" "" "no_such_setting = 1"
act_hup; kill -HUP $PGQD_PID; sleep 2; wait_pgqd
if kill -0 $PGQD_PID 2>/dev/null; then pgqd -k "$CONF" >>$T/pgqd.stderr 2>&1; wait_pgqd; fi
write_conf "$GOOD" ""
start_pgqd
run_random $((5 + RANDOM % 5))
write_conf "$GOOD" "" "check_period = soon"
act_hup; kill -HUP $PGQD_PID; sleep 2; wait_pgqd
if kill -0 $PGQD_PID 2>/dev/null; then pgqd -k "$CONF" >>$T/pgqd.stderr 2>&1; wait_pgqd; fi
write_conf "$GOOD" ""
start_pgqd
run_random $((5 + RANDOM % 5))
printf '[pgqd\nlogfile = %s\n' "$RAW" > "$CONF"
act_hup; kill -HUP $PGQD_PID; sleep 2; wait_pgqd
if kill -0 $PGQD_PID 2>/dev/null; then kill $PGQD_PID; wait_pgqd; fi

for p in "${ALLPIDS[@]}"; do grep -qa pgqd.ini /proc/$p/cmdline 2>/dev/null && kill $p; done; sleep 1
pg_stop fast
# keep one contiguous stretch of at most 2500 lines
N=$(wc -l < "$RAW")
START=$(( N > 2500 ? 1 + RANDOM % (N - 2500 + 1) : 1 ))
sed -n "${START},$((START + 2499))p" "$RAW" > "$LOG"
echo "pgqd: $N raw lines, kept from line $START: $(wc -l < "$LOG")"
