#!/bin/bash
# Drives prometheus-pushgateway through several runs; its stderr is appended to pushgateway.log.
# Usage: workload.sh OUTLOG   (state under /tmp/round32-r32a/pg)
OUT=${1:-/tmp/round32-r32a/pg/full.log}
ST=/tmp/round32-r32a/pg; mkdir -p $ST; HERE=$(cd $(dirname $0); pwd)
PORT=34001; U=http://127.0.0.1:$PORT
PW='$2b$12$AX7zWmQ/hBUaFZUF/hIS7e/JxX.Gbg.vjKJKqq2QLYh/i5dyZj93S'   # bcrypt of "pw"
start() { prometheus-pushgateway --web.listen-address=127.0.0.1:$PORT --log.level=debug "$@" >>"$OUT" 2>&1 & PID=$!; sleep 0.7; }
stopit() { if kill -0 $PID 2>/dev/null; then if (( RANDOM % 2 )); then curl -s -m 3 -X PUT $U/-/quit >/dev/null; sleep 0.5; fi; kill $PID 2>/dev/null; fi; wait $PID 2>/dev/null; }
r() { echo $(( RANDOM % $1 )); }
C="curl -s -o /dev/null -m 3"
jobs_=(batch backup cron etl nightly "report gen" importer)
push_good() {
  j=${jobs_[$(r ${#jobs_[@]})]}; j=${j// /%20}; m=$([ $(r 2) = 0 ] && echo PUT || echo POST)
  printf '# TYPE %s_runs counter\n%s_runs %d\n# TYPE last_ok gauge\nlast_ok{step="%d"} %d\n' ${j//%20/_} ${j//%20/_} $RANDOM $(r 5) $RANDOM |
    $C -X $m --data-binary @- "$U/metrics/job/$j/instance/i$(r 4)"
}
one() {
  case $(r 40) in
    0|1|2|3|4|5|6|7|8|9|10|11) push_good ;;
    12|13|14) echo "bad metric{ $(r 99)" | $C --data-binary @- $U/metrics/job/j$(r 9) ;;
    15) printf 'x 1\nx 2\n' | $C --data-binary @- $U/metrics/job/dup$(r 3) ;;
    16|17) echo "m 1" | $C --data-binary @- "$U/metrics/job/j$(r 9)/odd$(r 5)" ;;
    18) echo "m 1" | $C --data-binary @- "$U/metrics/job/j1/__bad/x" ;;
    19) echo "m 1" | $C --data-binary @- "$U/metrics/job@base64/!!$(r 9)" ;;
    20) echo "m 1" | $C --data-binary @- "$U/metrics/job@base64/=" ;;
    21) echo "m 1" | $C --data-binary @- "$U/metrics/job/j2/lab@base64/!!$(r 9)" ;;
    22|23) printf '# TYPE shared_m counter\nshared_m 1\n' | $C --data-binary @- $U/metrics/job/a$(r 3)
           printf '# TYPE shared_m gauge\nshared_m 2\n' | $C --data-binary @- $U/metrics/job/b$(r 3) ;;
    24) printf 'up 1\n' | $C --data-binary @- $U/metrics/job/up$(r 3) ;;
    25|26|27) $C -X DELETE "$U/metrics/job/${jobs_[$(r 5)]}/instance/i$(r 4)" ;;
    28) $C -X DELETE "$U/metrics/job/j/odd" ;;
    29) $C -X DELETE "$U/metrics/job@base64/!!!$(r 9)/a/b" ;;
    30) $C -X PUT $U/api/v1/admin/wipe ;;
    31) $C $U/metrics; $C $U/api/v1/metrics ;;
    32) $C $U/api/v1/status; $C $U/-/healthy; $C $U/-/ready ;;
    33) $C $U/ ; $C $U/status ;;
    34) echo "m 1" | $C -H 'Content-Encoding: gzip' --data-binary @- $U/metrics/job/gz ;;
    35) echo "m 1" | gzip | $C -H 'Content-Encoding: gzip' --data-binary @- $U/metrics/job/gz$(r 3) ;;
    36) printf '\x01\x02garbage' | $C -H 'Content-Type: application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited' --data-binary @- $U/metrics/job/pb ;;
    37) $C -X DELETE "$U/metrics/job/j1/__x/y" ;;
    38) printf '# HELP h one\n# HELP h two\nh 1\n' | $C --data-binary @- $U/metrics/job/hh ;;
    39) $C $U/-/quit ;;
  esac
}
run_load() { n=$1; for ((k=0;k<n;k++)); do one; done; }

: > "$OUT"
# 1: normal run with persistence
rm -f $ST/pg.data; start --persistence.file=$ST/pg.data --persistence.interval=2s --web.enable-lifecycle --web.enable-admin-api
run_load $((800 + $(r 400))); sleep 2.5; run_load 150; stopit
# 2: restart from the persisted file
start --persistence.file=$ST/pg.data --persistence.interval=1s --web.enable-admin-api
run_load $((500 + $(r 300))); sleep 1.5; stopit
# 3: corrupt persistence file
echo "not a gob file $RANDOM" > $ST/bad.data
start --persistence.file=$ST/bad.data --persistence.interval=1s --web.enable-lifecycle
run_load $((30 + $(r 30))); sleep 1.5; stopit
# 4: persistence file in a missing directory
start --persistence.file=$ST/missing/dir/pg.data --persistence.interval=1s --web.enable-lifecycle --web.enable-admin-api
run_load $((40 + $(r 40))); sleep 1.5; run_load 20; sleep 1.2; stopit
# 5: no consistency check; gather errors
start --push.disable-consistency-check --web.enable-lifecycle --web.enable-admin-api
for ((k=0;k<$((20 + $(r 20)));k++)); do
  printf '# TYPE shared_m counter\nshared_m 1\n' | $C --data-binary @- $U/metrics/job/a$(r 4)
  printf '# TYPE shared_m gauge\nshared_m 2\n' | $C --data-binary @- $U/metrics/job/b$(r 4)
  printf 'x 1\nx 2\n' | $C --data-binary @- $U/metrics/job/dup$(r 3)
  $C $U/metrics; one
done; stopit
# 6: port already taken
python3 -c "
import socket,time
s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
for i in range(40):
    try: s.bind(('127.0.0.1',$PORT)); break
    except OSError: time.sleep(0.1)
s.listen();time.sleep(4)" & nc_pid=$!; sleep 1
start; sleep 1; kill $PID 2>/dev/null; wait $PID 2>/dev/null; wait $nc_pid
# 7: bad web config files
printf 'tls_server_config:\n  cert_file: /nonexistent.crt\n  key_file: /nonexistent.key\n' > $ST/webbad.yml
start --web.config.file=$ST/webbad.yml; $C $U/metrics; stopit
printf 'basic_auth_users: [\n' > $ST/websyntax.yml
start --web.config.file=$ST/websyntax.yml; $C $U/metrics; stopit
start --web.config.file=$ST/nonexistent.yml; $C $U/metrics; stopit
# 8: basic auth
printf 'basic_auth_users:\n  admin: %s\n' "$PW" > $ST/webauth.yml
start --web.config.file=$ST/webauth.yml --web.enable-lifecycle
for ((k=0;k<$((10 + $(r 15)));k++)); do
  case $(r 3) in 0) $C -u admin:pw $U/metrics ;; 1) $C -u admin:wrong $U/metrics ;; 2) echo "m 1" | $C -u admin:pw --data-binary @- $U/metrics/job/auth ;; esac
done; stopit
# 9: TLS with a throwaway certificate (made and removed under /tmp)
openssl req -x509 -newkey rsa:2048 -nodes -keyout $ST/k.pem -out $ST/c.pem -days 1 -subj /CN=localhost 2>/dev/null
printf 'tls_server_config:\n  cert_file: %s\n  key_file: %s\n' $ST/c.pem $ST/k.pem > $ST/webtls.yml
start --web.config.file=$ST/webtls.yml --web.enable-lifecycle
for ((k=0;k<$((10 + $(r 15)));k++)); do
  case $(r 3) in 0) $C -k https://127.0.0.1:$PORT/metrics ;; 1) $C $U/metrics ;; 2) $C https://127.0.0.1:$PORT/metrics ;; esac
done; kill $PID; wait $PID
rm -f $ST/k.pem $ST/c.pem
# 10: final normal run, ended by SIGINT
start --persistence.file=$ST/pg.data --web.enable-admin-api
run_load $((400 + $(r 200))); kill -INT $PID; wait $PID
