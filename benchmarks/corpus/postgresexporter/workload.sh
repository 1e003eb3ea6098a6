#!/bin/bash
# Randomised workload for prometheus-postgres-exporter (Debian 0.11.1) at --log.level=debug against a
# private PostgreSQL 15 (/usr/local/bin/postgres), in private net+mount namespaces.
# Every exporter instance's stdout+stderr is appended to $P/raw.log; a stretch is cut to postgresexporter.log.
HERE=/work/round40/postgresexporter
P=/tmp/round40-r40f/pg
if [ -z "$R40F_INNER" ]; then
  cd "$HERE" || exit 1
  exec unshare -n -m --fork env R40F_INNER=1 bash "$HERE/workload.sh" "$@"
fi
cd "$HERE" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
set -f -m
RANDOM=${SEED:-5151}
rm -rf $P; mkdir -p $P/{sock,home,tmp,xdg/config,xdg/data,xdg/cache}
chown -R nobody:nogroup $P
export HOME=$P/home TMPDIR=$P/tmp XDG_CONFIG_HOME=$P/xdg/config XDG_DATA_HOME=$P/xdg/data XDG_CACHE_HOME=$P/xdg/cache XDG_RUNTIME_DIR=$P/tmp
echo secretpw > $P/pw; chown nobody $P/pw
runuser -u nobody -- /usr/local/bin/initdb -D $P/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$P/pw > $P/initdb.out 2>&1
RAW=$P/raw.log; : > $RAW
PGP=
pg_start() { setpriv --reuid=nobody --regid=nogroup --clear-groups /usr/local/bin/postgres -D $P/data -p 56601 -k $P/sock -c listen_addresses=127.0.0.1 -c max_connections=${1:-30} >> $P/pg.log 2>&1 & PGP=$!; sleep 1.5; }
pg_stop() { [ -n "$PGP" ] && kill -${1:-INT} $PGP 2>/dev/null; wait $PGP 2>/dev/null; PGP=; }
sql() { psql -q -h $P/sock -p 56601 -U postgres -d ${2:-postgres} -c "$1" >/dev/null 2>&1; }
pg_start
sql "CREATE ROLE exporter LOGIN PASSWORD 'exporterpw'"
sql "GRANT pg_monitor TO exporter"
sql "CREATE ROLE noaccess LOGIN PASSWORD 'noaccesspw'"
sql "CREATE DATABASE app1"; sql "CREATE DATABASE app2"; sql "CREATE DATABASE reports"
for d in postgres app1 app2 reports; do
  sql "CREATE TABLE items (id serial primary key, kind text, size int)" $d
  sql "GRANT SELECT ON items TO exporter" $d
done
echo exporterpw > $P/exporter.pass; echo exporter > $P/exporter.user
printf 'tls_server_config:\n  cert_file: /nonexistent/r40f.crt\n  key_file: /nonexistent/r40f.key\n' > $P/webbad.yml
printf 'basic_auth_users:\n  scraper: $2y$10$abcdefghijklmnopqrstuuXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n' > $P/webauth.yml

EP=
U="127.0.0.1:56601"
run_exporter() { # DSN-env-assignments ; extra args
  local envs=$1; shift
  local IFS='|'; local ev=($envs); IFS=' '
  env "${ev[@]}" prometheus-postgres-exporter --log.level=debug --web.listen-address=127.0.0.1:56602 "$@" >> $RAW 2>&1 & EP=$!
  sleep 0.7
}
stop_exporter() { [ -n "$EP" ] && kill -${1:-TERM} $EP 2>/dev/null; wait $EP 2>/dev/null; EP=; }
scrape() { curl -s -m 20 -o /dev/null "$@" "http://127.0.0.1:56602${SPATH:-/metrics}"; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
load() { for d in postgres app1 app2 reports; do
  for k in $(seq $((RANDOM % 4))); do sql "INSERT INTO items (kind, size) VALUES ('$(pick mail doc img log)', $((RANDOM % 5000)))" $d; done
  ((RANDOM % 6 == 0)) && sql "DELETE FROM items WHERE id % 3 = 0" $d; done; }

GOOD="DATA_SOURCE_NAME=postgresql://exporter:exporterpw@$U/postgres?sslmode=disable"
SUPER="DATA_SOURCE_NAME=postgresql://postgres:secretpw@$U/postgres?sslmode=disable"
for phase in $(seq ${PHASES:-34}); do
  r=$((RANDOM % 100))
  args=()
  if   ((r < 22)); then envs=$GOOD
  elif ((r < 32)); then envs=$SUPER; args+=(--auto-discover-databases $(pick --exclude-databases=template0,template1 --include-databases=app1,reports --exclude-databases=app2 ''))
  elif ((r < 40)); then envs="DATA_SOURCE_URI=$U/postgres?sslmode=disable|DATA_SOURCE_USER_FILE=$P/exporter.user|DATA_SOURCE_PASS_FILE=$P/$(pick exporter.pass exporter.pass missing.pass)"
  elif ((r < 48)); then envs="DATA_SOURCE_NAME=postgresql://exporter:$(pick wrongpw '' badpass)@$U/postgres?sslmode=disable"
  elif ((r < 53)); then envs="DATA_SOURCE_NAME=postgresql://$(pick ghost noaccess)@$U/$(pick postgres nodb)?sslmode=disable"
  elif ((r < 58)); then envs="DATA_SOURCE_NAME=postgresql://exporter:exporterpw@127.0.0.1:56699/postgres?sslmode=disable"
  elif ((r < 66)); then envs="DATA_SOURCE_NAME=postgresql://exporter:exporterpw@$U/postgres?sslmode=disable,postgresql://exporter:exporterpw@$U/app1?sslmode=disable,postgresql://exporter:nopw@$U/app2?sslmode=disable"
  elif ((r < 69)); then envs="DATA_SOURCE_NAME=$(pick 'host=127.0.0.1 port=56601 user=exporter password=exporterpw dbname=postgres sslmode=disable' "postgresql://exporter:exporterpw@$U/postgres?sslmode=require" '::not a dsn::' 'postgresql://exporter:exporterpw@[::1:56601/postgres')"
  elif ((r < 71)); then envs="R40F_NONE=1"
  elif ((r < 74)); then envs=$GOOD; args+=(--web.config.file=$P/$(pick webbad.yml webauth.yml missing-web.yml))
  elif ((r < 76)); then envs=$GOOD; args+=(--web.listen-address=127.0.0.1:56602)
  else envs=$(pick "$GOOD" "$SUPER")
  fi
  q=$((RANDOM % 10))
  if ((q < 4)); then args+=(--extend.query-path=$HERE/queries_good.yaml)
  elif ((q < 6)); then args+=(--extend.query-path=$HERE/queries_bad.yaml)
  elif ((q < 7)); then args+=(--extend.query-path=$HERE/$(pick queries_broken.yaml queries_garbage.yaml queries_missing.yaml))
  fi
  ((RANDOM % 4 == 0)) && args+=(--disable-settings-metrics)
  ((RANDOM % 5 == 0)) && args+=(--disable-default-metrics)
  ((RANDOM % 5 == 0)) && args+=(--constantLabels=$(pick env=test,site=r40f 'bad label' region=eu))
  ((RANDOM % 6 == 0)) && args+=(--metric-prefix=r40f)
  ((RANDOM % 7 == 0)) && args+=($(pick --no-collector.database --no-collector.bgwriter --collector.nosuch))
  run_exporter "$envs" "${args[@]}"
  for s in $(seq $((1 + RANDOM % 6))); do
    load
    e=$((RANDOM % 100))
    if   ((e < 8)); then pg_stop $(pick INT QUIT INT); scrape; scrape; pg_start
    elif ((e < 12)); then pg_stop; scrape & SC=$!; sleep 0.5; pg_start; wait $SC
    elif ((e < 16)); then sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'exporter'"; scrape
    elif ((e < 19)); then SPATH=$(pick / /nope '/metrics?x=1') scrape
    elif ((e < 22)); then sql "ALTER ROLE exporter PASSWORD 'changedpw'"; sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'exporter'"; scrape; sql "ALTER ROLE exporter PASSWORD 'exporterpw'"
    elif ((e < 24)); then sql "CREATE DATABASE tmp$RANDOM"; scrape
    elif ((e < 26)); then d=$(psql -At -h $P/sock -p 56601 -U postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'tmp%' LIMIT 1" 2>/dev/null); [ -n "$d" ] && sql "DROP DATABASE $d WITH (FORCE)"; scrape
    elif ((e < 28)); then scrape -u scraper:wrong
    elif ((e < 30)); then (scrape & scrape & scrape & wait)
    else scrape
    fi
    sleep 0.$((RANDOM % 10))
  done
  stop_exporter $(pick TERM TERM INT)
done
pg_stop
wc -l < $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $HERE/postgresexporter.log
