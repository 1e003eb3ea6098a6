#!/bin/bash
# Randomised workload for the HyperSQL server (Debian libhsqldb-java 2.7.1) on 127.0.0.1:34810.
# The server's stdout and stderr (server.silent=false, server.trace=true) go to hsqldb.log.
# Clients: Client.java (JDBC, HSQL protocol), psql (HyperSQL's ODBC / PostgreSQL protocol),
# raw sockets (bash /dev/tcp and a tiny python socket sender for other loopback source addresses).
# Databases and the live ACL file live under /tmp/round32-r32c/hsql.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round32-r32c/hsql
LOG=${LOG:-$HERE/hsqldb.log}
PORT=34810
JAR=/usr/share/java/hsqldb.jar
CYCLES=${CYCLES:-5}
mkdir -p "$W/cls"
cd "$W" || exit 1
javac -cp $JAR -d cls "$HERE/Client.java" || exit 1
rm -rf db
mkdir -p db
SRVPID=
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

acl_good()  { printf '# server ACL\nallow 127.0.0.1\ndeny 127.0.0.0/8\nallow 10.0.0.0/8\n' > server.acl; }
acl_strict(){ printf 'allow 127.0.0.1\n' > server.acl; }
acl_bad()   { printf 'allow 127.0.0.1\npermit everybody\n' > server.acl; }

props() { # write server.properties with the given extra lines
    cat > server.properties <<EOF
server.database.0=file:$W/db/xdb
server.dbname.0=xdb
server.database.1=mem:scratch
server.dbname.1=scratch
server.address=127.0.0.1
server.port=$PORT
server.silent=false
server.trace=true
server.remote_open=true
server.no_system_exit=true
server.acl=$W/server.acl
EOF
    for l in "$@"; do echo "$l" >> server.properties; done
}

start_server() { # args: extra Server arguments
    java -cp $JAR org.hsqldb.server.Server "$@" >>"$LOG" 2>&1 &
    SRVPID=$!
    echo "$SRVPID" > "$W/server.pid"
    for i in $(seq 40); do
        (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break
        kill -0 "$SRVPID" 2>/dev/null || break
        sleep 0.25
    done
}

wait_server() { # wait for the server to exit by itself, then make sure it is gone
    for i in $(seq 40); do kill -0 "$SRVPID" 2>/dev/null || break; sleep 0.25; done
    kill "$SRVPID" 2>/dev/null; wait "$SRVPID" 2>/dev/null; SRVPID=
}

PW_SA=sapw
jdbc() { # url-db user password ops [abort]
    timeout 60 java -cp $JAR:cls Client "jdbc:hsqldb:hsql://127.0.0.1:$PORT/$1" "$2" "$3" "$RANDOM" "$4" ${5:-} >/dev/null 2>&1
}
PSQL_SQL=("select count(*) from items" "select * from items where id < 20" "select name, price from items order by price desc limit 3"
          "insert into items values ($RANDOM, 'odbc', 2.5, null)" "update items set price = price + 1 where id < 50"
          "delete from items where id > 480" "select * from no_such_table" "selct 1" "begin" "commit" "rollback"
          "select current_timestamp from (values(0))" "create table if not exists notes (n int, t varchar(20))"
          "insert into notes values (1, 'x')" "select * from notes" "drop table notes" "set autocommit false" "show all")
c_jdbc()     { jdbc "$(pick xdb xdb xdb scratch)" SA "$PW_SA" $((3 + RANDOM % 40)); }
c_jdbcapp()  { jdbc xdb APP apppw $((3 + RANDOM % 20)); }
c_jdbcabort(){ jdbc "$(pick xdb scratch)" SA "$PW_SA" $((1 + RANDOM % 10)) abort; }
c_badpw()    { jdbc xdb "$(pick SA APP GUEST)" "$(pick wrong '' letmein)" 1; }
c_nodb()     { jdbc "$(pick sales test xdb2)" SA "$PW_SA" 1; }
c_remote()   { local k=$((RANDOM % 12)); jdbc "extra$k;file=$W/db/extra$k" SA "" $((1 + RANDOM % 5)); }
c_remotebad(){ jdbc "bad$((RANDOM % 3));file=$W/server.properties/db" SA "" 1; }
c_psql() {
    local n=$((1 + RANDOM % 6)) args=() i
    for i in $(seq $n); do args+=(-c "$(pick "${PSQL_SQL[@]}")"); done
    PGPASSWORD=$PW_SA timeout 20 psql "host=127.0.0.1 port=$PORT dbname=$(pick xdb xdb scratch) user=SA sslmode=disable connect_timeout=5" "${args[@]}" >/dev/null 2>&1
}
c_psqlbad()  { PGPASSWORD=$(pick nope sapw) timeout 20 psql "host=127.0.0.1 port=$PORT dbname=$(pick xdb nodb) user=$(pick SA BOB) sslmode=$(pick disable prefer)" -c 'select 1' >/dev/null 2>&1; }
c_psqlmulti(){ printf 'select id,\n  name\nfrom items\nwhere id < %d;\n' $((RANDOM % 100)) | PGPASSWORD=$PW_SA timeout 20 psql "host=127.0.0.1 port=$PORT dbname=xdb user=SA sslmode=disable" >/dev/null 2>&1; }
raw() { timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'$PORT' || exit 1; printf "$1" >&3; sleep 0.5; exec 3>&-' _ "$1" 2>/dev/null; }
c_garbage()  { raw "$(pick 'GET / HTTP/1.0\r\n\r\n' 'hello\n' '\x00\x00\x00\x08\x04\xd2\x16\x2f' '\x00\x00\x00\x10\x00\x00\x00\x01abcdefgh' '\xff\xfe\xfd\xfc\x00\x01' '')"; }
c_from2()    { timeout 5 python3 -c '
import socket,sys
s=socket.socket(); s.bind((sys.argv[1],0)); s.connect(("127.0.0.1",int(sys.argv[2])))
s.sendall(b"\x00\x00\x00\x08\x04\xd2\x16\x2f"); s.settimeout(1)
try: s.recv(100)
except Exception: pass
s.close()' "127.0.0.$((2 + RANDOM % 3))" $PORT >/dev/null 2>&1; }
c_acl()      { case $((RANDOM % 4)) in 0) acl_strict ;; 1) acl_bad ;; *) acl_good ;; esac; touch server.acl; }

ACTIONS=(c_jdbc c_jdbc c_jdbc c_jdbc c_jdbc c_jdbcapp c_jdbcabort c_badpw c_badpw c_nodb c_remote c_remote c_remotebad
         c_psql c_psql c_psql c_psql c_psqlbad c_psqlmulti c_garbage c_garbage c_from2 c_from2 c_acl)

shutdown_sql() { # db sql: run one SQL statement as SA over JDBC (shutdown variants)
    timeout 60 java -cp $JAR:cls Client "jdbc:hsqldb:hsql://127.0.0.1:$PORT/$1" SA "$PW_SA" 0 0 "sql:$2" >/dev/null 2>&1
}

for cycle in $(seq 1 "$CYCLES"); do
    acl_good
    case $((RANDOM % 8)) in
        0) props "server.trace=false" ;;
        1) props "server.database.2=file:$W/db/other" "server.dbname.2=other" ;;
        2) props "server.maxdatabases=3" ;;
        3|4) props "server.remote_open=false" ;;
        5) props "server.remote_open=false" "server.database.2=file:$W/db/other" "server.dbname.2=other" ;;
        *) props ;;
    esac
    if [ "$cycle" -gt 1 ] && [ $((RANDOM % 3)) -eq 0 ]; then
        # a failed start first: missing properties file, a bad option, or a busy port
        case $((RANDOM % 3)) in
            0) timeout 30 java -cp $JAR org.hsqldb.server.Server --props "$W/missing.properties" --port 34811 --database.0 "file:$W/db/xdb" --dbname.0 xdb --silent false --trace true --no_system_exit true >>"$LOG" 2>&1 & p=$!; sleep 4; kill $p 2>/dev/null; wait $p 2>/dev/null ;;
            1) timeout 30 java -cp $JAR org.hsqldb.server.Server --props "$W/server.properties" --bogus >>"$LOG" 2>&1 ;;
            2) (timeout 8 python3 -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",'$PORT'));s.listen();time.sleep(7)' &
                sleep 1; timeout 6 java -cp $JAR org.hsqldb.server.Server --props "$W/server.properties" >>"$LOG" 2>&1; wait) ;;
        esac
    fi
    start_server --props "$W/server.properties"
    if [ "$cycle" -eq 1 ]; then
        timeout 60 java -cp $JAR:cls Client "jdbc:hsqldb:hsql://127.0.0.1:$PORT/xdb" SA "" 0 0 "sql:ALTER USER SA SET PASSWORD '$PW_SA';;CREATE USER APP PASSWORD 'apppw';;CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), price DOUBLE, ts TIMESTAMP);;GRANT SELECT, INSERT ON items TO APP" >/dev/null 2>&1
    fi
    n=$((8 + RANDOM % 14))
    for i in $(seq $n); do
        a=$(pick "${ACTIONS[@]}")
        if [ $((RANDOM % 4)) -eq 0 ]; then $a & bp=$!; $(pick "${ACTIONS[@]}"); wait $bp; else $a; fi
    done
    # close databases and the server in one of several ways
    case $((RANDOM % 5)) in
        0) shutdown_sql scratch SHUTDOWN; shutdown_sql xdb "$(pick SHUTDOWN 'SHUTDOWN COMPACT')" ;;
        1) shutdown_sql xdb "SHUTDOWN IMMEDIATELY"; c_jdbc; shutdown_sql scratch SHUTDOWN ;;
        2) shutdown_sql scratch SHUTDOWN; c_jdbc; c_psql; shutdown_sql xdb SHUTDOWN ;;
        3) shutdown_sql xdb "SHUTDOWN"; shutdown_sql scratch "SHUTDOWN" ;;
        4) kill -TERM "$SRVPID" ;;
    esac
    sleep 2
    if kill -0 "$SRVPID" 2>/dev/null; then   # extra databases still open: close them, then stop
        for k in $(seq 0 11); do [ -e "$W/db/extra$k.properties" ] && shutdown_sql "extra$k" SHUTDOWN; done
        sleep 1; kill -TERM "$SRVPID" 2>/dev/null
    fi
    wait_server
done
