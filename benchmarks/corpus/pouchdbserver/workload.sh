#!/bin/bash
# Randomised curl workload for pouchdb-server (log level debug, log file pouch.log).
# Usage: workload.sh [rounds]   (ports 49100-49102, state under /tmp/round36-r36g/pouch/run)
set -u
PS=/tmp/round36-r36g/pouch/node_modules/.bin/pouchdb-server
W=/tmp/round36-r36g/pouch/run
B=http://127.0.0.1:49100
N=${1:-6}
rm -rf "$W"; mkdir -p "$W"; cd "$W"
LOG=$W/pouch.log
PID=
AUTH=()
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
c() { curl -s -m 15 "${AUTH[@]}" "$@" >/dev/null 2>&1; }
cj() { curl -s -m 15 "${AUTH[@]}" -H 'Content-Type: application/json' "$@" >/dev/null 2>&1; }

start() { # extra args
  printf '{"log":{"file":"%s","level":"debug"}}\n' "$LOG" > "$W/config.json"
  "$PS" -p 49100 -c "$W/config.json" -n "$@" >> "$W/stdout.txt" 2>&1 &
  PID=$!; sleep 4
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null; sleep 1; }

DBS=(inventory users orders logs metrics)
doc_ops() {
  local db; db=$(pick "${DBS[@]}")
  case $(r 22) in
    0) c -X PUT "$B/$db" ;;
    1) c -X PUT "$B/$db"; c -X PUT "$B/$db" ;;
    2|3|4) cj -X PUT "$B/$db/doc$(r 30)" -d "{\"n\":$(r 1000),\"tag\":\"$(pick red green blue)\"}" ;;
    5|6) cj -X POST "$B/$db" -d "{\"auto\":true,\"v\":$(r 100)}" ;;
    7|8|9) c "$B/$db/doc$(r 30)" ;;
    10) c "$B/$db/_all_docs?include_docs=$(pick true false)&limit=$(r 20)" ;;
    11) cj -X POST "$B/$db/_bulk_docs" -d "{\"docs\":[{\"_id\":\"b$(r 50)\",\"x\":1},{\"_id\":\"b$(r 50)\",\"x\":2},{\"y\":3}]}" ;;
    12) c "$B/$db/_changes?since=$(pick 0 now 3)&limit=$(r 10)" ;;
    13) c "$B/$db" ;;
    14) c "$B/$(pick nosuchdb missing_db)/doc1" ;;
    15) cj -X PUT "$B/$db/broken" -d '{"not json' ;;
    16) c -X DELETE "$B/$db/doc$(r 30)?rev=1-deadbeef" ;;
    17) c "$B/_all_dbs"; c "$B/_uuids?count=$(( 1 + $(r 5) ))" ;;
    18) c -X PUT "$B/$db/att$(r 30)/note.txt" -H 'Content-Type: text/plain' --data-binary "hello $(r 99)" ;;
    19) cj -X POST "$B/$db/_find" -d "{\"selector\":{\"tag\":\"$(pick red green)\"}}" ;;
    20) c "$B/$(pick _active_tasks _stats _session _config/log _utils/ Bad%20Name)" ;;
    21) c -X DELETE "$B/$(pick metrics logs nosuchdb)" ;;
  esac
}
views() {
  local db; db=$(pick "${DBS[@]}")
  c -X PUT "$B/$db"
  cj -X PUT "$B/$db/_design/app" -d '{"views":{"by_tag":{"map":"function(doc){ if(doc.tag) emit(doc.tag, doc.n); }","reduce":"_count"}},"rewrites":[{"from":"/tag/:t","to":"_view/by_tag","query":{"key":":t","reduce":"false"}},{"from":"/doc/*","to":"../../*"}]}'
  local i; for ((i=0;i<1+$(r 4);i++)); do
    case $(r 5) in
      0) c "$B/$db/_design/app/_view/by_tag?group=true" ;;
      1) c "$B/$db/_design/app/_rewrite/tag/$(pick red green blue)" ;;
      2) c "$B/$db/_design/app/_rewrite/doc/doc$(r 30)" ;;
      3) c "$B/$db/_design/app/_view/nosuchview" ;;
      4) cj -X POST "$B/$db/_temp_view" -d '{"map":"function(doc){ emit(doc._id, null); }"}' ;;
    esac
  done
}
replicate() {
  local s t; s=$(pick "${DBS[@]}"); t=$(pick copy1 copy2 backup)
  case $(r 6) in
    0|1) cj -X POST "$B/_replicate" -d "{\"source\":\"$s\",\"target\":\"$t\",\"create_target\":true}" ;;
    2) cj -X POST "$B/_replicate" -d "{\"source\":\"$s\",\"target\":\"$B/$t\",\"create_target\":true}" ;;
    3) cj -X POST "$B/_replicate" -d "{\"source\":\"http://127.0.0.1:49109/gone\",\"target\":\"$t\"}" ;;
    4) cj -X POST "$B/_replicate" -d "{\"source\":\"nosuchsource\",\"target\":\"$t\"}" ;;
    5) cj -X POST "$B/_replicate" -d '{"source":' ;;
  esac
}
vhost_and_config() {
  case $(r 5) in
    0) cj -X PUT "$B/_config/vhosts/shop.test:49100" -d '"/inventory/_design/app/_rewrite"'; c -H 'Host: shop.test:49100' "http://127.0.0.1:49100/tag/red" ;;
    1) c -H 'Host: shop.test:49100' "http://127.0.0.1:49100/doc/doc$(r 30)" ;;
    2) cj -X PUT "$B/_config/couchdb/max_dbs_open" -d "\"$(( 50 + $(r 100) ))\"" ;;
    3) c "$B/_config"; c "$B/_log?bytes=200" ;;
    4) cj -X PUT "$B/_config/log/level" -d '"info"'; for i in 1 2 3; do c "$B/$(pick "${DBS[@]}")"; done; cj -X PUT "$B/_config/log/level" -d '"debug"' ;;
  esac
}
auth_round() {
  cj -X PUT "$B/_config/admins/boss" -d '"s3cret"'
  AUTH=(-u boss:s3cret)
  local i; for ((i=0;i<3+$(r 8);i++)); do
    case $(r 6) in
      0) AUTH=(-u boss:wrong$(r 9)); c "$B/_config"; AUTH=(-u boss:s3cret) ;;
      1) AUTH=(); c "$B/_config/admins"; AUTH=(-u boss:s3cret) ;;
      2) AUTH=(); curl -s -m 10 -c "$W/cj" -H 'Content-Type: application/json' -d '{"name":"boss","password":"s3cret"}' "$B/_session" >/dev/null; curl -s -m 10 -b "$W/cj" "$B/_session" >/dev/null; AUTH=(-u boss:s3cret) ;;
      3) AUTH=(); curl -s -m 10 -H 'Content-Type: application/json' -d '{"name":"boss","password":"nope"}' "$B/_session" >/dev/null; AUTH=(-u boss:s3cret) ;;
      *) doc_ops ;;
    esac
  done
  c -X DELETE "$B/_config/admins/boss"
  AUTH=()
}

start
for ((round=0; round<N; round++)); do
  steps=$(( 15 + $(r 30) ))
  for ((s=0; s<steps; s++)); do
    case $(r 20) in
      0|1|2|3|4|5|6|7|8|9|10) doc_ops ;;
      11|12) views ;;
      13|14) replicate ;;
      15|16) vhost_and_config ;;
      17) auth_round ;;
      18) curl -s -m 5 -X OPTIONS -H 'Origin: http://app.test' "$B/" >/dev/null ;;
      19) c "$B/$(pick favicon.ico _utils _membership)" ;;
    esac
  done
  stop
  case $(r 7) in
    0) start -m ;;
    4) start --sqlite -d "$W/sqlite" ;;
    5) start --level-backend memdown ;;
    6) start --level-prefix "pfx$(r 3)_" ;;
    1) # proxy mode in front of a second, private instance (its own log)
       mkdir -p "$W/backend"; printf '{"log":{"file":"%s/backend/backend.log","level":"debug"}}\n' "$W" > "$W/backend/config.json"
       "$PS" -p 49101 -d "$W/backend/db" -c "$W/backend/config.json" -n >/dev/null 2>&1 & BPID=$!; sleep 4
       start -r http://127.0.0.1:49101/ ;;
    *) start -d "$W/db$(r 2)" ;;
  esac
  for ((s=0; s<10+$(r 20); s++)); do doc_ops; done
  stop
  [ -n "${BPID:-}" ] && { kill "$BPID"; wait "$BPID" 2>/dev/null; BPID=; }
  start -d "$W/db$(r 2)"
done
stop
