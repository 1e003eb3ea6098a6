#!/bin/bash
# Randomised workload for mountebank (mb --loglevel debug, JSON log file).
# Usage: workload.sh [iterations]   (ports 49000-49099, state under /tmp/round36-r36g/mb/run)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
MB=/tmp/round36-r36g/mb/node_modules/.bin/mb
W=/tmp/round36-r36g/mb/run
API=http://127.0.0.1:49000
KEY=r36g-secret-key
N=${1:-120}
rm -rf "$W"; mkdir -p "$W"
cp "$HERE/protocols.json" "$HERE/lookup.csv" "$HERE/transform.sh" "$W/"
chmod +x "$W/transform.sh"
cd "$W"

api() { # method path [data] [extra curl args...]
  local m=$1 p=$2 d=${3:-}; shift 3 2>/dev/null || shift $#
  if [ -n "$d" ]; then curl -s -m 10 -X "$m" -H "x-api-key: $KEY" -H 'Content-Type: application/json' "$@" --data-binary "$d" "$API$p" >/dev/null
  else curl -s -m 10 -X "$m" -H "x-api-key: $KEY" "$@" "$API$p" >/dev/null; fi
}
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
tcpsend() { # port text
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf '%s' \"$2\" >&3; timeout 1 cat <&3 >/dev/null; exec 3>&-" 2>/dev/null
}
PATHS=(/ /users /users/42 /orders /orders/7/items /health /api/v1/search /login /static/logo /metrics)
METHODS=(GET GET GET POST PUT DELETE PATCH)

# ---- seed run: persist two imposters in a datadir, then stop (its log is rotated away) ----
$MB start --port 49000 --loglevel debug --logfile "$W/mb.log" --pidfile "$W/mb.pid" --datadir "$W/data" \
   --allowInjection --apikey "$KEY" >/dev/null 2>&1 &
sleep 3
api POST /imposters '{"protocol":"http","port":49010,"name":"persisted","stubs":[{"predicates":[{"equals":{"path":"/ping"}}],"responses":[{"is":{"body":"pong"}}]}]}'
api POST /imposters '{"protocol":"tcp","port":49011,"mode":"text","stubs":[{"responses":[{"is":{"data":"stored tcp"}}]}]}'
kill -INT "$(cat "$W/mb.pid")"; sleep 2
mkdir -p "$W/data/49012"   # imposter folder without imposter.json

# ---- the logged run ----
$MB start --port 49000 --loglevel debug --logfile "$W/mb.log" --pidfile "$W/mb.pid" --datadir "$W/data" \
   --allowInjection --apikey "$KEY" --ipWhitelist '127.0.0.1|::ffff:127.0.0.1|::1' >/dev/null 2>&1 &
sleep 4

port=49020
nextport() { port=$(( port + 1 )); [ $port -gt 49090 ] && port=49020; }

http_imposter() {
  local p; nextport; p=$port
  local name=""; [ $(r 2) = 0 ] && name=",\"name\":\"svc$(r 50)\""
  local stubs
  stubs='[{"predicates":[{"equals":{"method":"GET","path":"/health"}}],"responses":[{"is":{"statusCode":200,"body":"ok"}}]},
   {"predicates":[{"matches":{"path":"^/users/\\d+$"}}],"responses":[{"is":{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":{"id":1,"name":"alice"}}},{"is":{"statusCode":404}}]},
   {"predicates":[{"startsWith":{"path":"/orders"}}],"responses":[{"is":{"body":"order list"},"behaviors":[{"wait":'$(( 10 + $(r 200) ))'}]}]},
   {"predicates":[{"equals":{"path":"/login"}},{"jsonpath":{"selector":"$.user"},"equals":{"body":"bob"}}],"responses":[{"is":{"statusCode":201,"body":"welcome"}}]},
   {"predicates":[{"equals":{"path":"/copy"}}],"responses":[{"is":{"body":"you asked for ${ID}"},"behaviors":[{"copy":{"from":{"query":"id"},"into":"${ID}","using":{"method":"regex","selector":"\\d+"}}}]}]},
   {"predicates":[{"equals":{"path":"/lookup"}}],"responses":[{"is":{"body":"name=${row}[name]"},"behaviors":[{"lookup":{"key":{"from":{"query":"id"},"using":{"method":"regex","selector":".*"}},"fromDataSource":{"csv":{"path":"'"$(pick lookup.csv missing.csv lookup.csv)"'","keyColumn":"'"$(pick id id key)"'"}},"into":"${row}"}}]}]},
   {"predicates":[{"equals":{"path":"/shell"}}],"responses":[{"is":{"body":"raw"},"behaviors":[{"shellTransform":"'"$(pick ./transform.sh ./transform.sh "./transform.sh bad")"'"}]}]},
   {"predicates":[{"equals":{"path":"/inject"}}],"responses":[{"inject":"'"$(pick 'function (config) { return { body: \"injected \" + config.request.path }; }' 'function (config) { throw new Error(\"boom\"); }')"'"}]},
   {"predicates":[{"equals":{"path":"/decorate"}}],"responses":[{"is":{"body":"plain"},"behaviors":[{"decorate":"'"$(pick 'function (config) { config.response.body += \" decorated\"; }' 'function (config) { null.x(); }')"'"}]}]},
   {"predicates":[{"inject":"'"$(pick 'function (config) { return config.request.path === \"/predinject\"; }' 'function (config) { return undefinedThing.check(config); }')"'"}],"responses":[{"is":{"body":"predicate injected"}}]},
   {"predicates":[{"equals":{"path":"/reset"}}],"responses":[{"fault":"CONNECTION_RESET_BY_PEER"}]},
   {"predicates":[{"equals":{"path":"/garbage"}}],"responses":[{"fault":"RANDOM_DATA_THEN_CLOSE"}]},
   {"predicates":[{"equals":{"path":"/weird"}}],"responses":[{"fault":"SLOW_DRIP"}]}]'
  local dflt=""; [ $(r 3) = 0 ] && dflt=',"defaultResponse":{"statusCode":418,"body":"teapot"}'
  api POST /imposters "{\"protocol\":\"http\",\"port\":$p$name$dflt,\"recordRequests\":$(pick true false),\"stubs\":$stubs}"
  local n=$(( 1 + $(r 12) )) i
  for ((i=0;i<n;i++)); do
    case $(r 16) in
      0|1|2) curl -s -m 5 -X "$(pick "${METHODS[@]}")" "http://127.0.0.1:$p$(pick "${PATHS[@]}")" >/dev/null ;;
      3) curl -s -m 5 "http://127.0.0.1:$p/users/$(r 999)" >/dev/null ;;
      4) curl -s -m 5 -H 'Content-Type: application/json' -d "{\"user\":\"$(pick bob alice bob)\"}" "http://127.0.0.1:$p/login" >/dev/null ;;
      5) curl -s -m 5 -d "user=bob&x=$(r 9)" "http://127.0.0.1:$p/login" >/dev/null ;;
      6) curl -s -m 5 "http://127.0.0.1:$p/copy?id=$(pick 12 abc 7 x)" >/dev/null ;;
      7) curl -s -m 5 "http://127.0.0.1:$p/lookup?id=$(pick 1 2 3 9)" >/dev/null ;;
      8) curl -s -m 5 "http://127.0.0.1:$p/shell" >/dev/null ;;
      9) curl -s -m 5 "http://127.0.0.1:$p/inject" >/dev/null ;;
      10) curl -s -m 5 "http://127.0.0.1:$p/decorate" >/dev/null ;;
      11) curl -s -m 5 "http://127.0.0.1:$p/predinject" >/dev/null ;;
      12) curl -s -m 5 "http://127.0.0.1:$p/$(pick reset garbage weird)" >/dev/null 2>&1 ;;
      13) curl -s -m 5 "http://127.0.0.1:$p/orders?page=$(r 5)" >/dev/null ;;
      14) curl -s -m 5 -p -x "http://127.0.0.1:$p" "http://127.0.0.1:$p/tunnel" >/dev/null 2>&1 ;;
      15) curl -s -m 5 --interface 127.0.0.2 "http://127.0.0.1:$p/health" >/dev/null 2>&1 ;;
    esac
  done
  [ $(r 3) = 0 ] && api GET "/imposters/$p"
  [ $(r 4) = 0 ] && api PUT "/imposters/$p/stubs" "$(pick '{"stubs":[{"responses":[{"is":{"body":"replaced"}}]}]}' '{"stubs":[{"responses":[{"is":{"body":"x"},"bogus":true}]}]}' '{"nostubs":1}')"
  [ $(r 4) = 0 ] && api DELETE "/imposters/$p/savedRequests"
  api DELETE "/imposters/$p"
}

https_imposter() {
  local p; nextport; p=$port
  api POST /imposters "{\"protocol\":\"https\",\"port\":$p,\"stubs\":[{\"predicates\":[{\"equals\":{\"path\":\"/secure\"}}],\"responses\":[{\"is\":{\"body\":\"tls ok\"}}]}]}"
  local n=$(( 1 + $(r 5) )) i
  for ((i=0;i<n;i++)); do curl -sk -m 5 "https://127.0.0.1:$p$(pick /secure /secure /other)" >/dev/null; done
  api DELETE "/imposters/$p"
}

tcp_imposter() {
  local p; nextport; p=$port
  local mode; mode=$(pick text binary text)
  api POST /imposters "{\"protocol\":\"tcp\",\"port\":$p,\"mode\":\"$mode\",\"stubs\":[{\"predicates\":[{\"contains\":{\"data\":\"$( [ $mode = text ] && echo HELLO || echo SEVMTE8=)\"}}],\"responses\":[{\"is\":{\"data\":\"$( [ $mode = text ] && echo WORLD || echo V09STEQ=)\"}}]},{\"predicates\":[{\"contains\":{\"data\":\"$( [ $mode = text ] && echo RESET || echo UkVTRVQ=)\"}}],\"responses\":[{\"fault\":\"CONNECTION_RESET_BY_PEER\"}]}]}"
  local n=$(( 1 + $(r 6) )) i
  for ((i=0;i<n;i++)); do tcpsend $p "$(pick "HELLO there" "ping $(r 100)" RESET "HELLO $(r 9)")"; done
  if [ $(r 2) = 0 ]; then
    local q; nextport; q=$port
    api POST /imposters "{\"protocol\":\"tcp\",\"port\":$q,\"stubs\":[{\"responses\":[{\"proxy\":{\"to\":\"tcp://127.0.0.1:$(pick $p 49099)\",\"mode\":\"$(pick proxyOnce proxyAlways)\"}}]}]}"
    for ((i=0;i<1+$(r 3);i++)); do tcpsend $q "HELLO via proxy $(r 50)"; done
    api DELETE "/imposters/$q"
  fi
  api DELETE "/imposters/$p"
}

smtp_imposter() {
  local p; nextport; p=$port
  api POST /imposters "{\"protocol\":\"smtp\",\"port\":$p}"
  local n=$(( 1 + $(r 4) )) i
  for ((i=0;i<n;i++)); do
    printf 'From: a%s@example.test\r\nTo: b@example.test\r\nSubject: test %s\r\n\r\nbody %s\r\n' $(r 9) $(r 99) $(r 999) > "$W/mail.txt"
    curl -s -m 5 --url "smtp://127.0.0.1:$p" --mail-from "a$(r 9)@example.test" --mail-rcpt "b@example.test" --upload-file "$W/mail.txt" >/dev/null 2>&1
  done
  api DELETE "/imposters/$p"
}

http_proxy() {
  local o p; nextport; o=$port; nextport; p=$port
  api POST /imposters "{\"protocol\":\"http\",\"port\":$o,\"stubs\":[{\"responses\":[{\"is\":{\"body\":\"origin\"}}]}]}"
  api POST /imposters "{\"protocol\":\"http\",\"port\":$p,\"stubs\":[{\"responses\":[{\"proxy\":{\"to\":\"http://127.0.0.1:$(pick $o $o 49098)\",\"mode\":\"$(pick proxyOnce proxyAlways proxyTransparent)\",\"predicateGenerators\":[{\"matches\":{\"path\":true}}]}}]}]}"
  local n=$(( 1 + $(r 5) )) i
  for ((i=0;i<n;i++)); do curl -s -m 5 "http://127.0.0.1:$p$(pick "${PATHS[@]}")" >/dev/null; done
  [ $(r 2) = 0 ] && api GET "/imposters?replayable=true&removeProxies=true"
  api DELETE "/imposters/$p"; api DELETE "/imposters/$o"
}

api_errors() {
  case $(r 10) in
    0) api POST /imposters '{"protocol":"http","port":49010' ;;
    1) api POST /imposters '{"port":49095}' ;;
    2) api POST /imposters '{"protocol":"gopher","port":49095}' ;;
    3) api POST /imposters '{"protocol":"http","port":49010}' ;;
    4) curl -s -m 5 "$API/imposters" >/dev/null ;;
    5) curl -s -m 5 -H "x-api-key: wrong$(r 99)" "$API/imposters" >/dev/null ;;
    6) api GET "/imposters/$(pick 49097 49010 49011)" ;;
    7) api DELETE "/imposters/49096" ;;
    8) curl -s -m 5 --interface 127.0.0.2 -H "x-api-key: $KEY" "$API/imposters" >/dev/null 2>&1 ;;
    9) api POST /imposters '{"protocol":"http","port":49095,"stubs":[{"responses":[{"is":{"body":"x"}}],"predicates":[{"matches":{"path":"(a+)+$"}}]}]}'
       curl -s -m 5 "http://127.0.0.1:49095/aaaa" >/dev/null; api DELETE /imposters/49095 ;;
  esac
}

for ((it=0; it<N; it++)); do
  case $(r 20) in
    0|1|2|3|4|5|6) http_imposter ;;
    7|8) https_imposter ;;
    9|10|11) tcp_imposter ;;
    12) smtp_imposter ;;
    13|14) http_proxy ;;
    15|16|17) api_errors; api_errors ;;
    18) curl -s -m 5 http://127.0.0.1:49010/ping >/dev/null; tcpsend 49011 "hi" ;;
    19) api GET /config; api GET /imposters; api GET "/logs?startIndex=0&endIndex=2" ;;
  esac
done
api DELETE /imposters
kill -INT "$(cat "$W/mb.pid")"; sleep 2
