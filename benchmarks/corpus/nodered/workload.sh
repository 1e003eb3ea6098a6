#!/bin/bash
# Round-19 workload: Node-RED 4.1 (npm) with its console log at level trace (+audit) redirected to a file.
# Flows are deployed through the admin HTTP API, http-in endpoints are hit by curl clients.
# Run as root on Debian 12: bash workload.sh [DURATION_SECONDS]   (writes ./nodered.log next to this script)
# nodered.log kept here = lines 8-2507 of the raw output (the multi-line start-up banner at the head and the tail cut off).
# Needs node/npm; installs node-red into /opt/r19nr. Ports 25100 (Node-RED), 25150 (upstream), 25199 (dead).
set -u
HERE=$(cd "$(dirname "$0")" && pwd); DURATION=${1:-240}
W=/tmp/r19nr; rm -rf $W/data; mkdir -p $W/data $W/files
[ -x /opt/r19nr/node_modules/.bin/node-red ] || (mkdir -p /opt/r19nr && cd /opt/r19nr && npm init -y >/dev/null && npm install node-red@4)
cp "$HERE/settings.js" $W/data/settings.js
for i in $(seq 1 6); do head -c $((RANDOM * 3)) /dev/urandom | base64 > $W/files/doc$i.txt; done
LOG="$HERE/nodered.log"; : > "$LOG"
python3 "$HERE/upstream.py" 25150 & UP=$!
start_nr() { setsid /opt/r19nr/node_modules/.bin/node-red -u $W/data -s $W/data/settings.js >> "$LOG" 2>&1 & NR=$!; for i in $(seq 40); do curl -s -o /dev/null 127.0.0.1:25100/ && break; sleep 0.5; done; }
start_nr
B=http://127.0.0.1:25100
r() { echo $((RANDOM % $1)); }
token() { curl -s -X POST $B/auth/token -d "client_id=node-red-admin&grant_type=password&scope=*&username=$1&password=$2" | python3 -c "import json,sys; print(json.load(sys.stdin).get('access_token',''))" 2>/dev/null; }
TOK=$(token admin adminpw)
deploy() { # $1 variant, $2 deployment type
  python3 "$HERE/flows.py" "$1" > $W/flows.json
  curl -s -o /dev/null -X POST $B/flows -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' -H "Node-RED-Deployment-Type: $2" --data @$W/flows.json; }
deploy good full; sleep 2
names=(alice bob xena carol xavier dmitri eve xiu frank gina)
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 40) in
    0|1|2) curl -s -o /dev/null "$B/hello/${names[$(r ${#names[@]})]}$(r 100)" ;;
    3|4) curl -s -o /dev/null -XPOST $B/echo -H 'Content-Type: application/json' -d "{\"id\":$(r 10000),\"size\":$(r 1000),\"tag\":\"t$(r 50)\"}" ;;
    5) curl -s -o /dev/null -XPOST $B/echo -H 'Content-Type: text/plain' -d "$(echo '{bad' '{"id":' 'not json' '[1,2' '{"x":1,}' | tr ' ' '\n' | shuf -n1)$RANDOM" ;;
    6) curl -s -o /dev/null -XPOST $B/echo -H 'Content-Type: application/json' -d "{\"name\":\"n$(r 99)\"}" ;;
    7|8) curl -s -o /dev/null "$B/compute?n=$(( $(r 4) == 0 ? -$(r 50) : $(r 3000) ))" ;;
    9) curl -s -o /dev/null "$B/compute?n=$(shuf -n1 -e abc x12 '' NaN foo)$(r 9)" ;;
    10|11) curl -s -o /dev/null -m 8 "$B/fetch?path=/$(shuf -n1 -e ok json 500 missing big ok)/$(r 100)" ;;
    12) curl -s -o /dev/null -m 8 "$B/fetch?port=25199&path=/x$(r 100)" ;;
    13) curl -s -o /dev/null -m 8 "$B/fetch?path=/$(shuf -n1 -e slow garbage close)/$(r 100)" ;;
    14) curl -s -o /dev/null -m 8 "$B/fetch?host=$(shuf -n1 -e nosuch ghost missing)$(r 99).invalid&path=/h$(r 100)" ;;
    15) curl -s -o /dev/null -m $((1 + $(r 3))) "$B/slow?ms=$((200 + $(r 3000)))" & ;;
    16|17) curl -s -o /dev/null "$B/file?name=$(shuf -n1 -e doc1.txt doc2.txt doc3.txt doc5.txt nope.txt secret.cfg doc9.txt)" ;;
    18) curl -s -o /dev/null -XPOST $B/csv -H 'Content-Type: text/plain' --data-binary "$(echo a,b,c; for i in $(seq $((1 + $(r 8)))); do echo $RANDOM,$RANDOM,x$i; done)" ;;
    19) t=$(shuf -n1 -e order item user); curl -s -o /dev/null -XPOST $B/xml -H 'Content-Type: text/plain' -d "<$t><id>$(r 999)</id></$t>" ;;
    20) curl -s -o /dev/null "$B/run?cmd=$(shuf -n1 -e 'ls%20/tmp/r19nr/files' 'true' 'false' 'nosuchcmd' 'sleep%203' "ls%20/nope$(r 9)")" ;;
    21) curl -s -o /dev/null "$B/nowhere/$(r 1000)" ;;
    22) curl -s -o /dev/null -X POST $B/auth/token -d "client_id=node-red-admin&grant_type=password&scope=*&username=$(shuf -n1 -e admin viewer root bob)&password=wrong$(r 100)" ;;
    23) VT=$(token viewer adminpw); curl -s -o /dev/null -H "Authorization: Bearer $VT" $B/flows; python3 "$HERE/flows.py" good | curl -s -o /dev/null -X POST $B/flows -H "Authorization: Bearer $VT" -H 'Content-Type: application/json' --data @-
        curl -s -o /dev/null -X POST $B/auth/revoke -H "Authorization: Bearer $VT" -d "token=$VT" ;;
    24) curl -s -o /dev/null -H "Authorization: Bearer $TOK" $B/$(shuf -n1 -e flows settings nodes diagnostics flows/state) ;;
    25) curl -s -o /dev/null -H "Authorization: Bearer bogus$RANDOM" $B/flows ;;
    26) [ $(r 3) = 0 ] || continue; v=$(shuf -n1 -e good good extra extra small broken); deploy $v $(shuf -n1 -e full nodes flows); sleep 1 ;;
    27) [ $(r 3) = 0 ] || continue; curl -s -o /dev/null -X POST $B/flows -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' -H 'Node-RED-Deployment-Type: reload' ;;
    28) [ $(r 2) = 0 ] || continue; curl -s -o /dev/null -X POST $B/flows/state -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' -d '{"state":"stop"}'; sleep $((1 + $(r 3)))
        curl -s -o /dev/null -X POST $B/flows/state -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' -d '{"state":"start"}' ;;
    29) curl -s -o /dev/null -m 6 "$B/compute?n=$((3000000000 + $(r 100000)))" ;;
    30|31|32) curl -s -o /dev/null "$B/hello/${names[$(r ${#names[@]})]}" ;;
    33|34) curl -s -o /dev/null "$B/compute?n=$(r 2000)" ;;
    35|36) curl -s -o /dev/null "$B/file?name=doc$(r 8).txt" ;;
    *) curl -s -o /dev/null -m 8 "$B/fetch?path=/ok/$(r 100)" ;;
  esac
  sleep 0.$((2 + $(r 5)))
done
deploy good full; sleep 2
kill -INT $NR; wait $NR 2>/dev/null
kill $UP
