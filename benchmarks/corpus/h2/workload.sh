#!/bin/bash
# Drives the H2 server (TCP 34201, PG 34202, web 34203, -trace) with Client.java, psql and curl.
# Server stdout+stderr -> OUT.   Needs: libh2-java, a JDK (javac), postgresql-client, curl, python3 (pgext.py).
OUT=${1:-/tmp/round32-r32a/h2/full.log}
HERE=$(cd $(dirname $0); pwd)
W=/tmp/round32-r32a/h2; H2=/usr/share/java/h2.jar; BASE=$W/base
TP=34201; PP=34202; WP=34203
r() { echo $(( RANDOM % $1 )); }
mkdir -p $W/cls; javac -cp $H2 -d $W/cls $HERE/Client.java
start() { java -cp $H2 org.h2.tools.Server -tcp -tcpPort $TP -pg -pgPort $PP -web -webPort $WP -trace \
            -baseDir $BASE -ifNotExists -tcpPassword adminpw "$@" >>"$OUT" 2>&1 & SPID=$!; sleep 2.5; }
stop() {
  case $(r 3) in
    0) java -cp $H2 org.h2.tools.Server -tcpShutdown tcp://127.0.0.1:$TP -tcpPassword adminpw >/dev/null 2>&1; sleep 1; kill $SPID 2>/dev/null ;;
    *) kill $SPID ;;
  esac
  wait $SPID 2>/dev/null
}
tcp() { java -cp $H2:$W/cls Client $TP $1 $RANDOM >/dev/null 2>&1; }
PSQL() { PGCONNECT_TIMEOUT=5 timeout 15 psql -X -h 127.0.0.1 -p $PP "$@" >/dev/null 2>&1; }
pg_one() {
  db=pgdb$(r 3)
  case $(r 17) in
    0|1|2) PGPASSWORD=sa PSQL -U sa -d $db -c "CREATE TABLE IF NOT EXISTS kv(k INT PRIMARY KEY, v VARCHAR)" -c "MERGE INTO kv KEY(k) VALUES($(r 30), 'v$RANDOM')" -c "SELECT * FROM kv" ;;
    3) PGPASSWORD=sa PSQL -U sa -d $db -c "SELEKT 1" ;;
    4) PGPASSWORD=sa PSQL -U sa -d $db -c "SELECT * FROM nothere" ;;
    5) PGPASSWORD=bad$(r 9) PSQL -U sa -d $db -c "SELECT 1" ;;
    6) PGPASSWORD=x PSQL -U ghost -d $db -c "SELECT 1" ;;
    7) PGPASSWORD=sa PSQL "sslmode=require user=sa dbname=$db" -c "SELECT 1" ;;
    8|14) timeout 10 python3 $HERE/pgext.py $PP $db ext >/dev/null 2>&1 ;;
    15) timeout 10 python3 $HERE/pgext.py $PP $db $(case $(r 3) in 0) echo badtype;; 1) echo unsupported;; *) echo cancel;; esac) >/dev/null 2>&1 ;;
    9) PGPASSWORD=sa PSQL -U sa -d $db -c "SELECT k, v FROM kv WHERE k < $(r 30)" -c "SELECT COUNT(*) FROM kv" ;;
    10) PGPASSWORD=sa PSQL -U sa -d $db -c "BEGIN" -c "INSERT INTO kv VALUES($(r 30), 'x')" -c "ROLLBACK" -c "SHOW search_path" ;;
    11) printf 'garbage %s\r\n' $RANDOM | timeout 2 python3 -c "import socket,sys;s=socket.create_connection(('127.0.0.1',$PP));s.sendall(sys.stdin.buffer.read());s.settimeout(1)
try: s.recv(100)
except Exception: pass" ;;
    12) PGPASSWORD=sa PGTZ=Mars/Olympus PSQL -U sa -d "$db" -c "SELECT CURRENT_TIMESTAMP" ;;
    *) PGPASSWORD=sa PGOPTIONS="-c DateStyle=ISO" PSQL -U sa -d $db -c "SELECT version()" -c "SELECT 1/0" ;;
  esac
}
new_web_session() { SID=$(curl -s -m 5 http://127.0.0.1:$WP/ | sed -n 's/.*jsessionid=\([0-9a-f]*\).*/\1/p'); }
web_one() {
  U=http://127.0.0.1:$WP
  sid=$SID
  case $(r 10) in
    0|1|2) curl -s -m 10 -o /dev/null --data-urlencode "driver=org.h2.Driver" --data-urlencode "url=jdbc:h2:$BASE/web$(r 2)" --data "user=sa&password=" "$U/login.do?jsessionid=$sid"
           for ((q=0;q<1+$(r 4);q++)); do
             case $(r 4) in 0) s="SELECT * FROM INFORMATION_SCHEMA.USERS" ;; 1) s="CREATE TABLE IF NOT EXISTS w(id INT)" ;; 2) s="SELECT * FROM nope$(r 3)" ;; 3) s="@meta SELECT 1" ;; esac
             curl -s -m 10 -o /dev/null --data-urlencode "sql=$s" "$U/query.do?jsessionid=$sid"
           done
           curl -s -m 5 -o /dev/null "$U/tables.do?jsessionid=$sid"; curl -s -m 5 -o /dev/null "$U/logout.do?jsessionid=$sid" ;;
    3) curl -s -m 10 -o /dev/null --data-urlencode "driver=org.h2.Driver" --data-urlencode "url=jdbc:h2:$BASE/web0" --data "user=sa&password=wrong" "$U/login.do?jsessionid=$sid" ;;
    4) curl -s -m 10 -o /dev/null --data-urlencode "driver=com.example.NoDriver" --data-urlencode "url=jdbc:nothing:x" --data "user=a&password=b" "$U/test.do?jsessionid=$sid" ;;
    5) curl -s -m 5 -o /dev/null "$U/query.do?jsessionid=deadbeef$(r 99)&sql=SELECT+1" ;;
    6) curl -s -m 5 -o /dev/null "$U/nothing$(r 9).jsp?jsessionid=$sid"; curl -s -m 5 -o /dev/null "$U/stylesheet.css" ;;
    7) curl -s -m 5 -o /dev/null "$U/admin.do?jsessionid=$sid"; curl -s -m 5 -o /dev/null --data "password=guess" "$U/adminLogin.do?jsessionid=$sid" ;;
    8) curl -s -m 5 -o /dev/null -H "Host: evil.example" "$U/login.jsp" ;;
    *) curl -s -m 5 -o /dev/null "$U/autoCompleteList.do?jsessionid=$sid&query=SEL" ; [ $(r 5) = 0 ] && curl -s -m 5 -o /dev/null "$U/login.jsp?jsessionid=$sid&language=de" ;;
  esac
}
: > "$OUT"; rm -rf $BASE; mkdir -p $BASE
first=1
for round in 1 2 3 4; do
  start; new_web_session
  if [ $first = 1 ]; then for d in pgdb0 pgdb1 pgdb2; do PGPASSWORD=sa PSQL -U sa -d $d -c "SELECT 1"; done; first=0; fi
  for ((k=0;k<$((6 + $(r 6)));k++)); do
    case $(r 5) in
      0|1) tcp $((5 + $(r 15))) ;;
      2|3) for ((j=0;j<1+$(r 4);j++)); do pg_one; done ;;
      4) [ $(r 6) = 0 ] && new_web_session; for ((j=0;j<1+$(r 3);j++)); do web_one; done ;;
    esac
  done
  if [ $round = 2 ]; then  # a second server on the same ports fails to start
    java -cp $H2 org.h2.tools.Server -tcp -tcpPort $TP -pg -pgPort $PP -trace -baseDir $BASE >>"$OUT" 2>&1
  fi
  stop
done
# bad arguments, then a final run
java -cp $H2 org.h2.tools.Server -tcp -tcpPort notaport -trace >>"$OUT" 2>&1
java -cp $H2 org.h2.tools.Server -pg -pgPort 34202 -trace -key onlyone >>"$OUT" 2>&1
