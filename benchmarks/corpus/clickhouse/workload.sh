#!/bin/bash
# Randomised workload for clickhouse-server (trace log) via clickhouse-client and HTTP.
D=/work/round34/clickhouse
R=/tmp/round34-r34d/ch
mkdir -p $R
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
start() { cd $R; nohup clickhouse-server --config-file=$D/config.xml >> $R/stdout.txt 2>&1 & echo $! > $R/ch.pid; cd - >/dev/null; sleep 5; }
stop() { kill $(cat $R/ch.pid); sleep 4; }
q() { clickhouse-client --port 43521 -q "$1" >/dev/null 2>&1; }
h() { curl -s --max-time 5 "http://127.0.0.1:43520/" --data-binary "$1" >/dev/null; }
start
q "CREATE DATABASE IF NOT EXISTS r34"
q "CREATE TABLE IF NOT EXISTS r34.events (d Date, id UInt64, name String, v Float64) ENGINE = MergeTree() PARTITION BY toYYYYMM(d) ORDER BY (d, id)"
q "CREATE TABLE IF NOT EXISTS r34.logt (id UInt64, s String) ENGINE = Log"
q "CREATE TABLE IF NOT EXISTS r34.mem (id UInt64) ENGINE = Memory"
q "CREATE TABLE IF NOT EXISTS r34.sums (d Date, k UInt8, c UInt64) ENGINE = SummingMergeTree() ORDER BY (d, k)"
for round in $(seq $(rnd 40 55)); do
  case $(rnd 0 14) in
    0|1|2) q "INSERT INTO r34.events SELECT today() - number % $(rnd 1 90), number, toString(rand()), rand() / 7 FROM numbers($(rnd 10 50000))" ;;
    3) q "SELECT name, count(), avg(v) FROM r34.events WHERE id % $(rnd 2 9) = 1 GROUP BY name ORDER BY count() DESC LIMIT 5"
       q "SELECT count() FROM r34.events WHERE d > today() - $(rnd 1 60)" ;;
    4) h "SELECT sum(id) FROM r34.events"; h "SELECT * FROM r34.events LIMIT $(rnd 1 20) FORMAT JSON"; h "SELEC broken" ;;
    5) q "SELECT * FROM r34.nosuchtable"; q "SELECT nosuchfunc(1)"; q "SELEKT 1"; q "INSERT INTO r34.events VALUES ('x', 'y')" ;;
    6) clickhouse-client --port 43521 --user r34d --password wrong -q "SELECT 1" >/dev/null 2>&1
       clickhouse-client --port 43521 --user nobody -q "SELECT 1" >/dev/null 2>&1
       curl -s --max-time 5 -u r34d:bad "http://127.0.0.1:43520/?query=SELECT+1" >/dev/null ;;
    7) q "OPTIMIZE TABLE r34.events FINAL"; q "OPTIMIZE TABLE r34.sums" ;;
    8) q "INSERT INTO r34.logt SELECT number, toString(number) FROM numbers($(rnd 1 1000))"; q "SELECT count() FROM r34.logt"
       q "INSERT INTO r34.mem SELECT number FROM numbers($(rnd 1 100))"; q "SELECT max(id) FROM r34.mem" ;;
    9) q "INSERT INTO r34.sums SELECT today() - number % 3, number % 5, 1 FROM numbers($(rnd 100 5000))"; q "SELECT k, sum(c) FROM r34.sums GROUP BY k" ;;
    10) q "ALTER TABLE r34.events DELETE WHERE id % $(rnd 10 40) = 0"; q "ALTER TABLE r34.events ADD COLUMN IF NOT EXISTS x$(rnd 1 3) UInt8 DEFAULT 1" ;;
    11) q "SYSTEM RELOAD DICTIONARIES"; q "SYSTEM DROP MARK CACHE"; q "DETACH TABLE r34.logt"; q "ATTACH TABLE r34.logt" ;;
    12) q "SELECT sleep(3)" & QP=$!; sleep 1; q "KILL QUERY WHERE query LIKE 'SELECT sleep%'"; wait $QP
        q "SELECT count() FROM numbers(100000000) SETTINGS max_execution_time=1"; q "SELECT groupArray(number) FROM numbers(10000000) SETTINGS max_memory_usage=1000000" ;;
    13) printf 'GARBAGE\r\n\r\n' | timeout 2 curl -s --max-time 2 telnet://127.0.0.1:43521 >/dev/null 2>&1
        curl -s --max-time 3 http://127.0.0.1:43520/ping >/dev/null; curl -s --max-time 3 http://127.0.0.1:43520/nosuch >/dev/null ;;
    14) stop; start ;;
  esac
  sleep 0.$(rnd 1 9)
done
q "DROP TABLE r34.mem"; q "TRUNCATE TABLE r34.logt"
stop
