#!/bin/bash
# Randomised workload for the Apache Derby network server (Debian derby-tools / libderby-java).
# Usage: workload.sh [sessions]. Log: derby.log in the server's derby.system.home.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32b/derby
HOMED=$BASE/home
PORT=34430
N=${1:-40}
mkdir -p "$HOMED"
cp "$HERE/derby.properties" "$HOMED/derby.properties"
CP=/usr/share/java/derby.jar:/usr/share/java/derbynet.jar:/usr/share/java/derbytools.jar:/usr/share/java/derbyclient.jar
JOPTS=(-Xshare:auto -XX:TieredStopAtLevel=1 -Dderby.system.home="$HOMED")
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start() {
  java "${JOPTS[@]}" -cp "$CP" org.apache.derby.drda.NetworkServerControl start -h 127.0.0.1 -p $PORT \
    -noSecurityManager > "$BASE/console.out" 2>&1 &
  SPID=$!
  echo "$SPID" > "$BASE/server.mypid"
  for i in $(seq 1 40); do
    ctl ping >/dev/null 2>&1 && break; sleep 0.5
  done
}
ctl() { java -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$CP" org.apache.derby.drda.NetworkServerControl "$@" -h 127.0.0.1 -p $PORT; }
ij() {  # ij() SCRIPT: run an ij script against the network server
  java -Xshare:auto -XX:TieredStopAtLevel=1 -Dij.exceptionTrace=false -cp "$CP" org.apache.derby.tools.ij "$1" >/dev/null 2>&1
}
url() {  # url DB USER PASSWORD
  echo "jdbc:derby://127.0.0.1:$PORT/$1;create=true;user=$2;password=$3"
}

sqlrand() {  # random SQL statements against table T in the current schema
  local n=$1 i
  for i in $(seq 1 "$n"); do
    case $((RANDOM % 36)) in
      0|1|2|3) echo "insert into t values ($((RANDOM % 500)), 'v$RANDOM', $RANDOM.5);" ;;
      4|5|6) echo "select * from t where id = $((RANDOM % 500));" ;;
      7) echo "select count(*), max(amount) from t;" ;;
      8) echo "update t set name = 'u$RANDOM' where id < $((RANDOM % 100));" ;;
      9) echo "delete from t where id = $((RANDOM % 500));" ;;
      10) echo "select * from nosuchtable;" ;;
      11) echo "selct * from t;" ;;
      12) echo "insert into t values ($((RANDOM % 500)), 'dup', 1.0); insert into t values (100000, 'x', 'notanumber');" ;;
      13) echo "insert into tpk values (1, 'dup');" ;;
      14) echo "values 1/0;" ;;
      15) echo "prepare p as 'select name from t where id = ?'; execute p using 'values $((RANDOM % 500))';" ;;
      16) echo "call syscs_util.syscs_set_database_property('derby.custom.k$((RANDOM % 5))', 'v$RANDOM');" ;;
      17) echo "create table tmp$((RANDOM % 6)) (a int); drop table tmp$((RANDOM % 6));" ;;
      18) echo "select t.id, u.name from t, t u where t.id = u.id and t.id < $((RANDOM % 50));" ;;
      19) echo "autocommit off; update t set amount = amount + 1 where id = $((RANDOM % 500)); rollback; autocommit on;" ;;
      20) echo "values cast('abc' as int);" ;;
      21) echo "insert into t values (null, 'nulls', 1.0);" ;;
      22) echo "call nosuchproc();" ;;
      23) echo "select name from t order by amount desc fetch first $((RANDOM % 5 + 1)) rows only;" ;;
      24|25|26|27) echo "insert into t values ($((RANDOM % 500)), 'w$RANDOM', $RANDOM.25);" ;;
      28|29|30) echo "select id, name from t where amount > $RANDOM;" ;;
      31|32) echo "update t set amount = amount * 2 where id = $((RANDOM % 500));" ;;
      33) echo "values current_timestamp;" ;;
      34) echo "prepare q as 'insert into t values (?, ?, ?)'; execute q using 'values ($((RANDOM % 500)), ''p$RANDOM'', 1.5)';" ;;
      35) echo "select count(*) from sys.systables;" ;;
    esac
  done
}

session() {  # one client session with a random database, user and mix of statements
  local db user pw f
  db=$(pick db1 db1 db2 shopdb)
  case $((RANDOM % 10)) in
    0) user=app; pw=wrongpw ;;
    1) user=mallory; pw=x ;;
    2|3|4) user=bob; pw=bobpw ;;
    *) user=app; pw=apppw ;;
  esac
  (( RANDOM % 25 == 0 )) && db="../outside"
  (( RANDOM % 20 == 0 )) && db="nodb;create=false"
  f=$BASE/s$RANDOM.sql
  {
    echo "connect '$(url "$db" "$user" "$pw")';"
    echo "create table t (id int not null, name varchar(40), amount decimal(10,2));"
    echo "create table tpk (id int primary key, name varchar(10));"
    echo "insert into tpk values (1, 'one');"
    sqlrand $((RANDOM % 10 + 2))
    (( RANDOM % 3 == 0 )) && echo "disconnect;"
    echo "exit;"
  } > "$f"
  ij "$f"
  rm -f "$f"
}

deadlock() {  # two sessions lock rows in opposite order: a deadlock or a lock timeout
  local f0=$BASE/d0.sql f1=$BASE/d1.sql f2=$BASE/d2.sql
  { echo "connect '$(url db1 app apppw)';"
    echo "create table lk (id int primary key, v int);"
    echo "insert into lk values (1,0); insert into lk values (2,0);"
    echo "create procedure nap(in ms bigint) parameter style java no sql language java external name 'java.lang.Thread.sleep';"
    echo "exit;"; } > "$f0"
  ij "$f0"
  { echo "connect '$(url db1 app apppw)';"; echo "autocommit off;"
    echo "update lk set v = v + 1 where id = 1;"
    echo "call nap($((6000 + RANDOM % 4000)));"
    echo "update lk set v = v + 1 where id = 2;"; echo "commit;"; echo "exit;"; } > "$f1"
  { echo "connect '$(url db1 bob bobpw)';"; echo "autocommit off;"
    if (( RANDOM % 2 )); then echo "update app.lk set v = v + 1 where id = 2;"; fi
    echo "update app.lk set v = v + 1 where id = 1;"; echo "commit;"; echo "exit;"; } > "$f2"
  ij "$f1" & local a=$!
  sleep 1
  ij "$f2" & local b=$!
  wait $a $b
  rm -f "$f0" "$f1" "$f2"
}

rawjunk() {  # a client that speaks garbage to the DRDA port, or hangs up
  timeout 3 python3 -c '
import socket, sys, random
s = socket.create_connection(("127.0.0.1", '"$PORT"'))
s.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"\x00\x10\xd0\x41\x00\x01\x00\x0a\x10\x41junkjunk", b"hello"]))
s.settimeout(2)
try:
    s.recv(100)
except Exception:
    pass
' 2>/dev/null
}

start
for i in $(seq 1 "$N"); do
  session
  (( RANDOM % 4 == 0 )) && deadlock
  (( RANDOM % 8 == 0 )) && rawjunk
  case $((RANDOM % 10)) in
    0) ctl logconnections $(pick on off on) >/dev/null 2>&1 ;;
    1) ctl runtimeinfo >/dev/null 2>&1 ;;
    2) ctl sysinfo >/dev/null 2>&1 ;;
    3) ctl maxthreads $(pick 0 4 6 9) >/dev/null 2>&1 ;;
    4) ctl timeslice $((RANDOM % 2000)) >/dev/null 2>&1 ;;
    5) ctl trace $(pick on off) -s $((RANDOM % 5)) >/dev/null 2>&1 ;;
    6) ctl tracedirectory "$BASE/trace" >/dev/null 2>&1 ;;
    7) ij <(echo "connect 'jdbc:derby://127.0.0.1:$PORT/db1;shutdown=true;user=app;password=apppw';") ;;
    8) if (( RANDOM % 3 == 0 )); then ctl shutdown -user app -password apppw >/dev/null 2>&1; wait "$SPID"; start; fi ;;
  esac
done
ctl shutdown -user app -password $(pick apppw wrong) >/dev/null 2>&1
ctl shutdown -user app -password apppw >/dev/null 2>&1
wait "$SPID"
