#!/bin/bash
# Randomised workload for prometheus-node-exporter (Debian), debug logging, scraped on 127.0.0.1.
# Output of every run (stderr) is appended to $LOG.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round35-r35h/ne
LOG=${LOG:-$W/raw.log}
PORT=49501
TF=$W/textfile
mkdir -p $W $TF
: > "$LOG"
rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# TLS material (generated outside the folder, removed at the end)
openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/key.pem -out $W/cert.pem -days 2 -subj /CN=localhost >/dev/null 2>&1
HASH=$(python3 -c "import crypt; print(crypt.crypt('s3cret', crypt.mksalt(crypt.METHOD_BLOWFISH)))" 2>/dev/null)

write_textfiles() {
  rm -rf $TF/*
  echo "# HELP r35_jobs_total Jobs done.
# TYPE r35_jobs_total counter
r35_jobs_total{queue=\"a\"} $(rnd 1 900)" > $TF/good.prom
  case $(rnd 0 5) in
    0) printf 'r35_broken{a="b" 12\n' > $TF/bad.prom ;;
    1) printf '# TYPE r35_x gauge\nr35_x 1\n# TYPE r35_x counter\nr35_x 2\n' > $TF/dup.prom ;;
    2) printf 'r35_jobs_total{queue="b"} 3\n' > $TF/other.prom ;;
    3) printf 'r35_ts 5 1600000000000\n' > $TF/ts.prom ;;
    4) printf 'r35_u 1\n' > $TF/unreadable.prom; mkdir -p $TF/sub.prom ;;
    5) : ;;
  esac
}

EXTRA=(--collector.processes --collector.interrupts --collector.tcpstat --collector.ksmd --collector.logind
  --collector.meminfo_numa --collector.mountstats --collector.network_route --collector.perf --collector.wifi
  --collector.buddyinfo --collector.drbd --collector.ethtool --collector.qdisc --collector.slabinfo
  --collector.sysctl --collector.zoneinfo --collector.ntp --collector.supervisord --collector.runit
  --collector.cgroups --collector.lnstat --collector.drm --collector.softnet)
NAMES=(cpu meminfo loadavg netdev filesystem textfile time diskstats stat vmstat uname pressure sockstat os processes nosuch bogus tcpstat)

scrape() {  # $1 scheme, extra curl args follow
  local url=$1; shift
  case $(rnd 0 6) in
    0|1|2) curl -m 5 -s -o /dev/null "$@" "$url/metrics" ;;
    3) curl -m 5 -s -o /dev/null "$@" "$url/metrics?collect[]=$(pick "${NAMES[@]}")&collect[]=$(pick "${NAMES[@]}")" ;;
    4) curl -m 5 -s -o /dev/null "$@" "$url/metrics?collect[]=$(pick "${NAMES[@]}")" ;;
    5) curl -m 5 -s -o /dev/null "$@" "$url/" ;;
    6) curl -m 5 -s -o /dev/null "$@" "$url/metrics?exclude[]=$(pick "${NAMES[@]}")" ;;
  esac
}

run_once() {  # one process lifetime
  local mode=$(pick plain plain plain tls auth badcfg)
  local args=(--log.level=debug --web.listen-address=127.0.0.1:$PORT --collector.textfile.directory=$TF)
  local n=$(rnd 0 5) i
  for i in $(seq $n); do args+=("$(pick "${EXTRA[@]}")"); done
  [ $(rnd 0 3) = 0 ] && args+=(--collector.disable-defaults --collector.cpu --collector.loadavg --collector.time --collector.textfile)
  [ $(rnd 0 4) = 0 ] && args+=(--web.max-requests=1)
  [ $(rnd 0 4) = 0 ] && args+=(--collector.filesystem.mount-points-exclude='^/(proc|sys|dev|run)($|/)')
  local url=http://127.0.0.1:$PORT curlx=()
  case $mode in
    tls) printf 'tls_server_config:\n  cert_file: %s\n  key_file: %s\n' $W/cert.pem $W/key.pem > $W/web.yml
         args+=(--web.config.file=$W/web.yml); url=https://127.0.0.1:$PORT; curlx=(-k) ;;
    auth) printf 'basic_auth_users:\n  alice: %s\n' "$HASH" > $W/web.yml
          args+=(--web.config.file=$W/web.yml) ;;
    badcfg) printf 'tls_server_config:\n  cert_file: %s/missing.pem\n  key_file: %s/missing.key\n' $W $W > $W/web.yml
          args+=(--web.config.file=$W/web.yml) ;;
  esac
  write_textfiles
  prometheus-node-exporter "${args[@]}" 2>>"$LOG" >/dev/null &
  local pid=$!; echo $pid > $W/ne.pid
  sleep 0.7
  if [ $(rnd 0 5) = 0 ]; then  # second instance on the same port
    timeout 3 prometheus-node-exporter --log.level=debug --web.listen-address=127.0.0.1:$PORT 2>>"$LOG" >/dev/null
  fi
  local s=$(rnd 1 4)
  for i in $(seq $s); do
    case $mode in
      tls) case $(rnd 0 3) in
             0) curl -m 5 -s -o /dev/null http://127.0.0.1:$PORT/metrics ;;   # plain HTTP to a TLS port
             1) echo garbage | timeout 1 nc 127.0.0.1 $PORT >/dev/null 2>&1 ;;
             *) scrape $url -k ;;
           esac ;;
      auth) case $(rnd 0 4) in
             0) scrape $url -u alice:wrong ;;
             1) scrape $url ;;
             2) printf 'basic_auth_users: [oops\n' > $W/web.yml; scrape $url -u alice:s3cret
                printf 'basic_auth_users:\n  alice: %s\n' "$HASH" > $W/web.yml ;;
             *) scrape $url -u alice:s3cret ;;
            esac ;;
      *) scrape $url ;;
    esac
    [ $(rnd 0 2) = 0 ] && write_textfiles
    sleep 0.$(rnd 1 6)
  done
  kill -TERM $pid
  wait $pid 2>/dev/null
}

RUNS=${RUNS:-12}
for r in $(seq $RUNS); do run_once; done
# bad flags and a bad directory
prometheus-node-exporter --log.level=debug --web.listen-address=127.0.0.1:$PORT --collector.textfile.directory=$W/nonexistent 2>>"$LOG" >/dev/null &
pid=$!; sleep 0.7; curl -m 5 -s -o /dev/null "http://127.0.0.1:$PORT/metrics?collect[]=textfile"; kill $pid; wait $pid 2>/dev/null
prometheus-node-exporter --log.level=verbose 2>>"$LOG" >/dev/null
prometheus-node-exporter --log.level=debug --web.listen-address=127.0.0.1:99999 2>>"$LOG" >/dev/null
rm -f $W/key.pem $W/cert.pem $W/web.yml
