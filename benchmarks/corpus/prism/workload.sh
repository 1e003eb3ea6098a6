#!/bin/bash
# Randomised curl workload for `prism mock` (-v trace), output captured to prism.log.
# Usage: workload.sh [requests]   (port 49250, state under /tmp/round36-r36g/prism/run)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
PRISM=/tmp/round36-r36g/prism/node_modules/.bin/prism
W=/tmp/round36-r36g/prism/run
B=http://127.0.0.1:49250
N=${1:-200}
rm -rf "$W"; mkdir -p "$W"
cp "$HERE/api.yaml" "$W/api.yaml"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
c() { curl -s -m 10 "$@" >/dev/null 2>&1; }
PID=
start() { "$PRISM" mock "$W/api.yaml" -p 49250 -v trace "$@" >> "$W/prism.log" 2>&1 & PID=$!; sleep 7; }
stop() { kill -INT "$PID"; wait "$PID" 2>/dev/null; sleep 1; }

request() {
  case $(r 32) in
    0|1|2) c "$B/pets" ;;
    3) c "$B/pets?limit=$(pick 5 0 500 abc)&status=$(pick available sold lost)" ;;
    4) c -H "Prefer: example=$(pick few none missing)" "$B/pets" ;;
    5) c -H "Prefer: code=$(pick 400 404 500)" "$B/pets" ;;
    6) c -H 'Prefer: dynamic=true' "$B/pets/$(r 999)" ;;
    7|8) c "$B/pets/$(pick 1 42 $(r 9999) abc -5)" ;;
    9) c -H "Accept: $(pick application/xml text/html 'application/json, text/plain' image/png)" "$B/pets/$(r 99)" ;;
    10|11) c -X POST -H 'Content-Type: application/json' -H "X-API-Key: k$(r 99)" -d "{\"name\":\"$(pick Rex Tom Bella '')\",\"status\":\"$(pick available sold gone)\"}" "$B/pets" ;;
    12) c -X POST -H 'Content-Type: application/json' -d '{"tag":"x"}' "$B/pets" ;;
    13) c -X POST -H 'Content-Type: application/json' -H 'X-API-Key: k1' -d '{"name": broken' "$B/pets" ;;
    14) c -X POST -H 'Content-Type: text/plain' -H 'X-API-Key: k1' -d 'name=Rex' "$B/pets" ;;
    15) c -X PUT -u "$(pick admin:pw bob:x)" -H 'Content-Type: application/json' -d '{"name":"Max"}' "$B/pets/$(r 50)" ;;
    16) c -X PUT -H 'Content-Type: application/json' -d '{"name":"Max"}' "$B/pets/$(r 50)" ;;
    17) c -X DELETE -H "X-Request-Id: $(pick 3f2504e0-4f89-11d3-9a0c-0305e82c3301 not-a-uuid)" "$B/pets/$(r 50)" ;;
    18) c -X DELETE "$B/pets/$(r 50)" ;;
    19) c -X POST -d "petId=$(pick 1 x)&quantity=$(pick 2 0 1)" "$B/orders" ;;
    20) c -H "Authorization: Bearer tok$(r 9)" "$B/store/inventory" ;;
    21) c "$B/store/inventory" ;;
    22) c -I "$B/$(pick pets health pets/3)" ;;
    23) c "$B/health"; c -X OPTIONS -H 'Origin: http://ui.test' -H 'Access-Control-Request-Method: POST' "$B/pets" ;;
    24) c "$B/$(pick nope pets/1/toys admin)" ;;
    25) c -X PATCH -H 'Content-Type: application/json' -d '{}' "$B/pets/$(r 9)" ;;
    26) c -X POST -H 'Content-Type: application/json' -d "{\"callbackUrl\":\"$(pick $B/health $B/pets http://127.0.0.1:49259/hook not-a-url)\"}" "$B/subscriptions" ;;
    27) c "$B/legacy/pets" ;;
    28) c "$B/echo?msg=$(pick hi hello-world-too-long)" ;;
    29) c "$B/echo" ;;
    30) c -H 'Accept:' "$B/$(pick pets pets/7 legacy/pets store/inventory)" ;;
    31) c -H 'Accept:' -X POST -d "petId=$(r 9)&quantity=$(( 1 + $(r 3) ))" "$B/orders" ;;
  esac
}

start
for ((i=0; i<N; i++)); do
  request
  if [ $(r 45) = 0 ]; then # edit the spec: the server reloads it
    cp "$HERE/$(pick api-v2.yaml api.yaml api-empty.yaml api-v2.yaml)" "$W/api.yaml"; sleep 3
    [ $(r 2) = 0 ] && c "$B/version"
  fi
  if [ $(r 90) = 0 ]; then # restart with other mock settings
    stop; cp "$HERE/api.yaml" "$W/api.yaml"
    start $(pick "-d" "--errors" "--ignoreExamples" "-d --seed 42" "--errors -d")
  fi
done
stop
