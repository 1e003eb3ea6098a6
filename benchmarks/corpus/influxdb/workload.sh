#!/bin/bash
# Round-10 corpus workload: InfluxDB 1.6.7 (Debian 12 package `influxdb`, plus `influxdb-client`,
# `curl`, `socat`), logging.format=logfmt, logging.level=debug, HTTP access log on (written to the
# same stderr stream), query log and trace logging on, auth enabled. Listens on 127.0.0.1:16086
# (HTTP), 16088 (RPC), 16003 (graphite tcp), 16089 (udp line protocol), 16242 (opentsdb).
# Randomised clients for DURATION seconds (writes, good/bad queries, databases, retention
# policies, users, wrong passwords, continuous queries, graphite/opentsdb/udp input, restarts).
# Writes $OUT/influxdb.log (stderr of influxd, unchanged).
# Run as root: bash workload.sh OUT_DIR [DURATION]   (influxdb.log here: DURATION=240, cut to its first 2500 lines)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
WORK=/tmp/r10inf/run
rm -rf "$WORK"; mkdir -p "$WORK" "$OUT"; rm -f "$OUT/influxdb.log"
LOG="$OUT/influxdb.log"
H=http://127.0.0.1:16086
ADMIN=admin; APW=s3cret-admin
cat > "$WORK/influxdb.conf" <<CONF
reporting-enabled = false
bind-address = "127.0.0.1:16088"
[meta]
  dir = "$WORK/meta"
  logging-enabled = true
[data]
  dir = "$WORK/data"
  wal-dir = "$WORK/wal"
  index-version = "tsi1"
  query-log-enabled = true
  trace-logging-enabled = true
  cache-snapshot-memory-size = "64k"
  cache-snapshot-write-cold-duration = "20s"
  compact-full-write-cold-duration = "45s"
  max-index-log-file-size = "32k"
  max-values-per-tag = 60
[coordinator]
  log-queries-after = "40ms"
  query-timeout = "5s"
  max-select-point = 400000
[retention]
  enabled = true
  check-interval = "20s"
[shard-precreation]
  enabled = true
  check-interval = "15s"
  advance-period = "90m"
[monitor]
  store-enabled = true
  store-interval = "10s"
[http]
  enabled = true
  bind-address = "127.0.0.1:16086"
  auth-enabled = true
  log-enabled = true
  suppress-write-log = false
  pprof-enabled = true
  max-body-size = 200000
[logging]
  format = "logfmt"
  level = "debug"
  suppress-logo = true
[[graphite]]
  enabled = true
  bind-address = "127.0.0.1:16003"
  database = "graphite"
  protocol = "tcp"
  batch-timeout = "1s"
[[udp]]
  enabled = true
  bind-address = "127.0.0.1:16089"
  database = "udpdb"
  batch-timeout = "1s"
[[opentsdb]]
  enabled = true
  bind-address = "127.0.0.1:16242"
  database = "tsdb"
  batch-timeout = "1s"
[continuous_queries]
  log-enabled = true
  enabled = true
  run-interval = "1s"
CONF

PID=
start() { influxd -config "$WORK/influxdb.conf" >>"$LOG" 2>&1 & PID=$!; echo $PID > "$WORK/influxd.pid"
  for _ in $(seq 50); do curl -s -o /dev/null $H/ping && return; sleep 0.2; done; }
stop() { kill -TERM "$PID"; wait "$PID" 2>/dev/null; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
q() { # q USER:PASS DB QUERY
  curl -s -o /dev/null -u "$1" -G "$H/query" --data-urlencode "db=$2" --data-urlencode "q=$3"; }
qp() { curl -s -o /dev/null -u "$1" -XPOST "$H/query" --data-urlencode "db=$2" --data-urlencode "q=$3"; }
A="$ADMIN:$APW"
w() { # w USER:PASS DB RP PRECISION BODY
  curl -s -o /dev/null -u "$1" -XPOST "$H/write?db=$2&rp=$3&precision=$4" --data-binary "$5"; }

start
# first admin user may be created without credentials
curl -s -o /dev/null -XPOST "$H/query" --data-urlencode "q=CREATE USER $ADMIN WITH PASSWORD '$APW' WITH ALL PRIVILEGES"
DBS=(metrics telegraf app_$(r 90) sensors)
for d in "${DBS[@]}" graphite udpdb tsdb; do qp "$A" "" "CREATE DATABASE $d"; done
qp "$A" metrics "CREATE RETENTION POLICY short ON metrics DURATION 2d REPLICATION 1 SHARD DURATION 1h"
qp "$A" sensors "CREATE RETENTION POLICY hourly ON sensors DURATION 1h REPLICATION 1"
qp "$A" "" "CREATE USER reader WITH PASSWORD 'readpw'"
qp "$A" "" "GRANT READ ON metrics TO reader"
qp "$A" "" "CREATE USER writer WITH PASSWORD 'writepw'"
qp "$A" "" "GRANT WRITE ON sensors TO writer"
qp "$A" metrics "CREATE CONTINUOUS QUERY cq_cpu ON metrics BEGIN SELECT mean(usage) AS usage INTO metrics.autogen.cpu_10s FROM metrics.autogen.cpu GROUP BY time(10s), host END"
qp "$A" sensors "CREATE CONTINUOUS QUERY cq_temp ON sensors RESAMPLE EVERY 5s FOR 30s BEGIN SELECT max(temp) INTO sensors.autogen.temp_max FROM sensors.autogen.room GROUP BY time(15s), * END"

GEN="$WORK/gen.py"
cat > "$GEN" <<'PY'
import random, sys
n = int(sys.argv[1]); hosts = sys.argv[2:]
r = random.Random()
for _ in range(n):
    m = r.choice(["cpu", "mem", "disk", "net", "room", "http_req"])
    h = r.choice(hosts)
    if m == "cpu": print(f"cpu,host={h},cpu=cpu{r.randrange(4)} usage={r.uniform(0, 100):.2f},idle={r.uniform(0, 100):.1f}")
    elif m == "mem": print(f"mem,host={h} used={r.randrange(10**9)}i,free={r.randrange(10**8)}i")
    elif m == "disk": print(f"disk,host={h},path=/dev/sd{r.choice('abc')} pct={r.uniform(0, 100):.1f}")
    elif m == "net": print(f"net,host={h},iface=eth{r.randrange(3)} rx={r.randrange(99999)},tx={r.randrange(99999)}")
    elif m == "room": print(f"room,site={r.choice(['lab', 'hall', 'office', 'garage'])},sensor=s{r.randrange(30)} temp={r.uniform(10, 35):.1f},hum={r.randrange(100)}")
    else: print(f"http_req,path=/{r.choice(['api', 'login', 'static', 'img'])}/{r.randrange(50)},code={r.choice([200, 200, 301, 404, 500])} dur={r.randrange(900)},ok={r.choice(['true', 'false'])}")
PY
MEAS=(cpu mem disk net room http_req)
HOSTS=(web01 web02 db-1 cache-$(r 9) edge$(r 99))
batch() { python3 "$GEN" "$1" "${HOSTS[@]}"; }
line() { batch 1; }

restart_at=$((SECONDS + DURATION / 3)); restart2_at=$((SECONDS + 2 * DURATION / 3))
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  if [ $SECONDS -ge $restart_at ]; then restart_at=$((END + 999)); stop; sleep 1; start; fi
  if [ $SECONDS -ge $restart2_at ]; then restart2_at=$((END + 999)); stop; sleep 1; start; fi
  db=$(pick "${DBS[@]}")
  case $(r 40) in
    0|1|2|3|4) w "$A" "$db" autogen ns "$(batch $((1 + $(r 400))))" ;;
    5) w "$A" metrics short s "$(for i in $(seq $((5 + $(r 50)))); do echo "cpu,host=$(pick "${HOSTS[@]}") usage=$(r 100) $(( $(date +%s) - 3600 * (2 + $(r 30)) - $(r 3000) ))"; done)" ;;
    6) w "$A" "$db" autogen ns "cpu,host=$(pick "${HOSTS[@]}") usage=\"high\"" ;;   # field type conflict
    7) w "$A" "$db" autogen ns "$(pick 'cpu,host=a usage=' 'bad line here' 'cpu usage=1 notatime' 'm,t= f=1' 'cpu,host=x usage=1i,usage=2' ',x=1 v=1')$(r 9)" ;;
    8) w "$A" "nodb_$(r 50)" autogen ns "cpu usage=1" ;;
    9) w "$ADMIN:wrong$(r 999)" "$db" autogen ns "cpu usage=1" ;;
    10) w "writer:writepw" sensors autogen ms "$(for i in $(seq $((1 + $(r 20)))); do echo "room,site=lab,sensor=w$(r 9) temp=$(r 40) $(( $(date +%s%3N) - $(r 60000) ))"; done)" ;;
    11) w "writer:writepw" metrics autogen ns "cpu usage=3" ;;   # not authorized to write
    12) w "nobody$(r 99):pw" "$db" autogen ns "cpu usage=2" ;;
    13|14|15) q "$A" "$db" "$(pick "SELECT mean(usage) FROM cpu WHERE time > now() - $((1 + $(r 60)))m GROUP BY time($((1 + $(r 30)))s), host" \
        "SELECT * FROM $(pick "${MEAS[@]}") ORDER BY time DESC LIMIT $((1 + $(r 50)))" "SELECT count(*) FROM /.*/" \
        "SELECT max(temp), min(temp) FROM room GROUP BY site" "SHOW MEASUREMENTS" "SHOW SERIES LIMIT $((1 + $(r 40)))" \
        "SHOW TAG KEYS" "SHOW FIELD KEYS" "SHOW TAG VALUES WITH KEY = host" "SELECT percentile(dur, 95) FROM http_req WHERE time > now() - 1h GROUP BY path")" ;;
    16) q "$A" "$db" "$(pick 'SELEC * FROM cpu' 'SELECT FROM' 'SELECT mean(usage) FROM cpu GROUP BY time(' 'SHOW FOO' 'SELECT * FROM cpu WHERE time > now() -- 1h' "SELECT a FROM b WHERE c = 'x" 'DROP' 'CREATE DATABASE')" ;;
    17) q "$A" "nodb_$(r 50)" "SELECT * FROM cpu LIMIT 1" ;;
    18) q "$A" "$db" "SELECT derivative(usage) FROM cpu" ;;   # semantic error
    19) q "reader:readpw" metrics "SELECT last(usage) FROM cpu GROUP BY host" ;;
    20) q "reader:readpw" "$(pick sensors telegraf)" "SELECT * FROM room LIMIT 3" ;;   # unauthorized
    21) q "reader:readpw" metrics "DROP MEASUREMENT cpu" ;;   # unauthorized
    22) q "$(pick reader admin writer):bad$(r 9999)" "$db" "SHOW MEASUREMENTS" ;;
    23) n="tmp_$(r 1000)"; qp "$A" "" "CREATE DATABASE $n"; w "$A" "$n" autogen s "x,k=$(r 9) v=$(r 99) $(date +%s)"
        q "$A" "$n" "SELECT * FROM x"; qp "$A" "" "DROP DATABASE $n" ;;
    24) rp="rp_$(r 100)"; qp "$A" "$db" "CREATE RETENTION POLICY $rp ON $db DURATION $((1 + $(r 30)))d REPLICATION 1 SHARD DURATION $((1 + $(r 24)))h"
        w "$A" "$db" "$rp" ns "$(batch $((1 + $(r 20))))"; qp "$A" "$db" "ALTER RETENTION POLICY $rp ON $db DURATION $((2 + $(r 60)))d"
        q "$A" "$db" "SHOW RETENTION POLICIES ON $db"; qp "$A" "$db" "DROP RETENTION POLICY $rp ON $db" ;;
    25) qp "$A" "$db" "CREATE RETENTION POLICY $(pick x y) ON $db DURATION 30m"    # bad duration
        qp "$A" "$db" "DROP RETENTION POLICY nope_$(r 99) ON $db" ;;
    26) u="user_$(r 500)"; qp "$A" "" "CREATE USER $u WITH PASSWORD 'pw$(r 99)'"; qp "$A" "" "GRANT $(pick READ WRITE ALL) ON $db TO $u"
        q "$u:pwnope" "$db" "SHOW DATABASES"; qp "$A" "" "SET PASSWORD FOR $u = 'new$(r 999)'"; qp "$A" "" "REVOKE ALL ON $db FROM $u"
        q "$A" "" "SHOW USERS"; qp "$A" "" "DROP USER $u" ;;
    27) qp "$A" "" "DROP USER ghost_$(r 99)"; qp "$A" "" "CREATE USER $ADMIN WITH PASSWORD 'other'" ;;
    28) cq="cq_$(r 50)"; qp "$A" "$db" "CREATE CONTINUOUS QUERY $cq ON $db BEGIN SELECT count(*) INTO $db.autogen.counts_$(r 9) FROM /.*/ GROUP BY time($(pick 5 10 20)s) END"
        q "$A" "" "SHOW CONTINUOUS QUERIES" ;;
    29) qp "$A" "$db" "DROP CONTINUOUS QUERY cq_$(r 50) ON $db" ;;
    30) { for i in $(seq $((1 + $(r 30)))); do echo "servers.$(pick "${HOSTS[@]}").$(pick cpu load mem).value $(r 100).$(r 9) $(date +%s)"; done
          [ $(r 2) = 0 ] && echo "$(pick 'broken.metric' 'a.b.c notanumber 1' 'x.y 1 yesterday' 'only-one-field')"; } | socat -t1 - TCP:127.0.0.1:16003 ;;
    31) { for i in $(seq $((1 + $(r 20)))); do echo "put sys.$(pick cpu mem io).$(r 5) $(date +%s) $(r 1000).$(r 9) host=$(pick "${HOSTS[@]}") dc=$(pick eu us)"; done
          [ $(r 2) = 0 ] && echo "$(pick "put x" "put m.x 12345 1 host=a" "put m.y $(date +%s) abc host=a" "put m.z $(date +%s) 1 hostnovalue" "put m.w soon 3 a=b")"; } | socat -t1 - TCP:127.0.0.1:16242 ;;
    32) { batch $((1 + $(r 30))); [ $(r 2) = 0 ] && echo "garbage udp $(r 9)"; } | socat -t1 - UDP:127.0.0.1:16089 ;;
    33) curl -s -o /dev/null "$H/$(pick ping status ping?verbose=true debug/vars debug/requests nothere metrics)" ;;
    34) q "$A" "$db" "$(pick 'SHOW SHARDS' 'SHOW SHARD GROUPS' 'SHOW STATS' 'SHOW DIAGNOSTICS' 'SHOW QUERIES' 'SHOW DATABASES' "KILL QUERY $((100 + $(r 900)))" 'SHOW SUBSCRIPTIONS')" ;;
    35) q "$A" "$db" "$(pick "DELETE FROM $(pick "${MEAS[@]}") WHERE time < now() - $(r 60)m" "DROP SERIES FROM $(pick "${MEAS[@]}") WHERE host = '$(pick "${HOSTS[@]}")'" "DROP MEASUREMENT counts_$(r 9)")" ;;
    36) curl -s -o /dev/null -u "$A" -XPOST "$H/api/v1/prom/write?db=$db" --data-binary "not snappy $(r 99)"
        curl -s -o /dev/null -u "$A" -XPOST "$H/api/v1/prom/read?db=$db" --data-binary "junk" ;;
    37) batch 9000 | curl -s -o /dev/null -u "$A" -XPOST "$H/write?db=$db" --data-binary @- ;;  # body too large
    38) curl -s -o /dev/null -u "$A" -G "$H/query" --data-urlencode "db=$db" --data-urlencode "chunked=true" --data-urlencode "chunk_size=$((1 + $(r 100)))" --data-urlencode "q=SELECT * FROM $(pick "${MEAS[@]}")" ;;
    39) q "$A" "$db" "SELECT count(usage) FROM cpu WHERE time > now() - 3d GROUP BY time(1s)" ;;   # heavy / slow
  esac
  case $(r 50) in 7) qp "$A" metrics "ALTER RETENTION POLICY short ON metrics DURATION $(pick 1h 2h 2d)" ;; esac
  sleep 0.$((3 + $(r 7)))
done
sleep 2; stop
