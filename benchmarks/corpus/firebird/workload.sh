#!/bin/bash
# Randomised workload for the Firebird 3.0 SuperServer (port 52050/52051 on 127.0.0.1), run under
# fbguard.  The server's own log is /var/log/firebird/firebird3.0.log (its location is built in);
# it is emptied first and copied here afterwards: firebird.raw.log, firebird.log = first 2500 lines.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
D=$HERE/db
FBLOG=/var/log/firebird/firebird3.0.log
CONF=/etc/firebird/3.0/firebird.conf
DBCONF=/etc/firebird/3.0/databases.conf
PORT=52050
R=127.0.0.1/$PORT:$D
export ISC_USER=SYSDBA
export ISC_PASSWORD=$(sed -n 's/^ISC_PASSWORD="\(.*\)"/\1/p' /etc/firebird/3.0/SYSDBA.password)
CLIENT="python3 $HERE/fb_client.py"

mkdir -p "$D"; chown firebird:firebird "$D"; chmod 777 "$D"
rm -f "$D"/*.fdb "$D"/*.fbk
[ -f "$D/firebird.conf.dist" ] || cp "$CONF" "$D/firebird.conf.dist"
[ -f "$D/databases.conf.dist" ] || cp "$DBCONF" "$D/databases.conf.dist"

write_conf() {  # $1 = extra lines
  { sed 's/^RemoteBindAddress = localhost/RemoteBindAddress = 127.0.0.1/;/^RemoteServicePort/d;/^RemoteAuxPort/d' \
      "$D/firebird.conf.dist"
    printf '\nRemoteServicePort = %s\nRemoteAuxPort = %s\n%b\n' $PORT $((PORT + 1)) "$1"; } > "$CONF"
}
write_dbconf() {  # $1 = extra lines
  { cat "$D/databases.conf.dist"; printf '%b\n' "$1"; } > "$DBCONF"
}

# client with only the legacy auth plugin (the server offers Srp only)
mkdir -p "$D/legacy"
{ cat "$D/firebird.conf.dist"; echo "AuthClient = Legacy_Auth"; } > "$D/legacy/firebird.conf"
ln -sf /usr/lib/x86_64-linux-gnu/firebird/3.0/firebird.msg /etc/firebird/3.0/plugins.conf "$D/legacy/"

start() {
  mkdir -p /run/firebird3.0; chown firebird:firebird /run/firebird3.0
  runuser -u firebird -- /usr/sbin/fbguard -forever -daemon -pidfile "$D/fbguard.pid"
  sleep 1.5
  start_guard_pid
}
GUARD=
start_guard_pid() {  # the pid file holds the server's pid; the guardian is its parent
  GUARD=$(ps -o ppid= -p "$(cat "$D/fbguard.pid")" | tr -d ' ')
}
stop() {
  [ -n "$GUARD" ] || return
  kill -TERM "$GUARD" 2>/dev/null
  for _ in $(seq 60); do kill -0 "$GUARD" 2>/dev/null || break; sleep 0.3; done
  GUARD=
}
server_pid() { cat "$D/fbguard.pid"; }

PIDS=()
bg() { "$@" >/dev/null 2>&1 & PIDS+=($!); }
waitc() { local p; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=(); }

sql() {  # $1 = db, rest = statements
  local db=$1; shift
  printf '%s\n' "$@" | isql-fb -q "$R/$db.fdb" >/dev/null 2>&1
}

sqlx() {  # $1 = database, rest = isql options
  local db=$1; shift
  printf 'select 1 from rdb$database;\n' | isql-fb -q "$@" "$db" >/dev/null 2>&1
}

make_db() {  # $1 = name, $2 = rows
  cat > "$D/mk_$1.sql" <<EOF
create database '$R/$1.fdb' page_size $(( (RANDOM % 2 + 1) * 4096 ));
create table t(id int primary key, v varchar(200), n int, b blob);
create index t_v on t(v);
create index t_n on t(n);
set term ^;
execute block as declare i int = 0; begin while (i < $2) do begin
  insert into t values(:i, lpad('x', 100 + mod(:i, 90), 'abcdef'), mod(:i * 7, 101), lpad('y', 2000 + mod(:i, 3000), 'blobdata'));
  i = i + 1; end end^
set term ;^
commit;
EOF
  isql-fb -q -i "$D/mk_$1.sql" >/dev/null 2>&1
}

traffic() {  # random SQL sessions
  local i db
  for i in $(seq "$1"); do
    db=t$((RANDOM % 3 + 1))
    case $((RANDOM % 8)) in
      0) bg sql "$db" "insert into t(id, v, n) values ($((RANDOM + 100000)), 'row $RANDOM', $RANDOM);" "commit;" ;;
      1) bg sql "$db" "update t set n = n + 1 where id < $((RANDOM % 500));" "commit;" ;;
      2) bg sql "$db" "delete from t where id between $((RANDOM % 2000)) and $((RANDOM % 2000 + 200));" "commit;" ;;
      3) bg sql "$db" "select count(*), max(n) from t;" "select first 5 * from t order by v desc;" ;;
      4) bg sql "$db" "select * from no_such_table;" "insert into t values (1, 'dup', 1, null);" ;;
      5) bg sqlx "$R/$db.fdb" -user SYSDBA -password "wrong$RANDOM" ;;
      6) bg sqlx "$R/missing$RANDOM.fdb" ;;
      7) bg sql "$db" "select count(*) from t a join t b on a.n = b.n;" ;;
    esac
    (( RANDOM % 4 == 0 )) && waitc
  done
  waitc
}

raw_clients() {
  local i k
  for i in $(seq "$1"); do
    k=$(shuf -n1 -e rst rst garbage stall)
    bg $CLIENT $PORT "$k" $RANDOM
  done
  waitc
}

legacy_auth() {
  local i
  for i in $(seq "$1"); do
    printf 'select 1 from rdb$database;\n' | FIREBIRD=$D/legacy isql-fb -q -user SYSDBA -password x "$R/t1.fdb" >/dev/null 2>&1
  done
}

maintenance() {
  local db=t$((RANDOM % 3 + 1))
  case $((RANDOM % 4)) in
    0|1) gfix -sweep "$R/$db.fdb" >/dev/null 2>&1 ;;
    2) gfix -v -full "$R/$db.fdb" >/dev/null 2>&1 ;;
    3) gfix -v -n "$R/$db.fdb" >/dev/null 2>&1 ;;
  esac
}

corrupt_and_check() {  # copy a database, damage random pages, validate it
  local src=t$((RANDOM % 3 + 1)) name=bad$RANDOM
  cp "$D/$src.fdb" "$D/$name.fdb"; chown firebird:firebird "$D/$name.fdb"
  python3 - "$D/$name.fdb" "$RANDOM" <<'EOF'
import os, random, sys
path, rnd = sys.argv[1], random.Random(int(sys.argv[2]))
with open(path, "rb") as f:
    f.seek(16); psize = int.from_bytes(f.read(2), "little")
n = os.path.getsize(path) // psize
with open(path, "r+b") as f:
    for p in rnd.sample(range(8, n), rnd.randint(1, 6)):          # scribble inside pages
        f.seek(p * psize + rnd.randint(16, psize - 300)); f.write(os.urandom(rnd.randint(4, 250)))
    for p in rnd.sample(range(8, n), rnd.randint(0, 3)):          # wrong page types
        f.seek(p * psize); f.write(bytes([rnd.randint(1, 10)]))
    if rnd.random() < 0.3:                                         # zeroed pages
        p = rnd.randrange(8, n); f.seek(p * psize); f.write(bytes(psize))
    if rnd.random() < 0.4:                                         # damaged page headers
        for p in rnd.sample(range(3, n), rnd.randint(1, 4)):
            f.seek(p * psize + 8); f.write(os.urandom(rnd.randint(2, 24)))
EOF
  case $((RANDOM % 3)) in
    0) gfix -v -full "$R/$name.fdb" >/dev/null 2>&1 ;;
    1) gfix -v -full -n "$R/$name.fdb" >/dev/null 2>&1 ;;
    2) gfix -mend -full "$R/$name.fdb" >/dev/null 2>&1 ;;
  esac
  (( RANDOM % 2 )) && sql "$name" "select count(*), sum(char_length(v)), sum(char_length(b)) from t;"
  (( RANDOM % 2 )) && sql "$name" "select first 20 * from t order by v;" "update t set n = n + 1 where id < 300;" "commit;"
  (( RANDOM % 3 == 0 )) && gbak -b "$R/$name.fdb" "$D/$name.fbk" >/dev/null 2>&1
  (( RANDOM % 2 )) && gfix -sweep "$R/$name.fdb" >/dev/null 2>&1
}

crash_server() {  # kill -9 the server; the guardian restarts it
  local p; p=$(server_pid)
  [ -n "$p" ] && kill -KILL "$p"
  printf 'select 1 from rdb$database;\n' | isql-fb -q "$R/t1.fdb" >/dev/null 2>&1
  sleep 2
}

# ---- run ----
stop
: > "$FBLOG"; chown firebird:firebird "$FBLOG"; chmod 660 "$FBLOG"

# start-up with a bad setting and a bad alias, then a clean start
write_conf "ExternalFileAccess = Somewhere\nAuditTraceConfigFile = $D/no_such_audit.conf"
write_dbconf "relative_alias = db/relative.fdb\nt1 = $D/t1.fdb"
start
for db in t1 t2 t3; do make_db $db $((RANDOM % 1500 + 500)); done
traffic 10
stop
write_conf ""
write_dbconf ""
# the server is down: clients fail to connect
printf 'select 1 from rdb$database;\n' | isql-fb -q "$R/t1.fdb" >/dev/null 2>&1
start

for round in $(seq $((RANDOM % 4 + 12))); do
  steps=(traffic raw legacy maint corrupt corrupt maint raw traffic)
  for s in $(shuf -e "${steps[@]}"); do
    case $s in
      traffic) traffic $((RANDOM % 8 + 4)) ;;
      raw) raw_clients $((RANDOM % 5 + 2)) ;;
      legacy) legacy_auth $((RANDOM % 3 + 1)) ;;
      maint) maintenance ;;
      corrupt) corrupt_and_check ;;
    esac
  done
  (( RANDOM % 2 == 0 )) && crash_server
  # clients killed in the middle of a long query
  if (( RANDOM % 2 )); then
    printf 'select count(*) from t a, t b, t c;\n' | isql-fb -q "$R/t2.fdb" >/dev/null 2>&1 & K=$!
    sleep 1; kill -KILL $K; wait $K 2>/dev/null
  fi
done

# shutdown with connected clients, restart, shutdown
for i in $(seq $((RANDOM % 3 + 1))); do
  ( printf 'select count(*) from t;\n'; sleep 6 ) | isql-fb -q "$R/t$i.fdb" >/dev/null 2>&1 & PIDS+=($!)
done
sleep 2
stop
waitc
start
traffic 5
stop
cp "$FBLOG" "$HERE/firebird.raw.log"
head -n 2500 "$HERE/firebird.raw.log" > "$HERE/firebird.log"
cp "$D/firebird.conf.dist" "$CONF"; cp "$D/databases.conf.dist" "$DBCONF"
wc -l "$HERE/firebird.raw.log" "$HERE/firebird.log"
