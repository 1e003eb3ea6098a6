#!/bin/bash
# Randomised workload for the Mojolicious app (myapp.pl) under hypnotoad on 127.0.0.1:26100.
# Log: $S/mojo.log (copied to mojo.log by the caller). Usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
S=/tmp/round31-r31g/mojo
mkdir -p "$S"; rm -f "$S/mojo.log" "$S/broken" "$S/jar"
export R31G_STATE=$S
B=http://127.0.0.1:26100
ROUNDS=${1:-8}
rnd() { echo $((RANDOM % $1)); }
req() { curl -s -o /dev/null -m 12 "$@"; }
mpid() { cat "$S/hypnotoad.pid" 2>/dev/null; }
start() { hypnotoad "$D/myapp.pl" >/dev/null 2>&1; sleep 2; }
stop() {
  local p; p=$(mpid); hypnotoad -s "$D/myapp.pl" >/dev/null 2>&1
  for i in $(seq 40); do [ -n "$p" ] && kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
}
workers() { local p; p=$(mpid); [ -n "$p" ] && pgrep -P "$p" 2>/dev/null; }
names=(alice bob carol dave eve mallory trent peggy victor walter)
one() {
  local r; r=$(rnd 100)
  if   [ $r -lt 16 ]; then req $B/
  elif [ $r -lt 27 ]; then req "$B/hello/${names[$(rnd 10)]}"
  elif [ $r -lt 33 ]; then req $B/items
  elif [ $r -lt 44 ]; then req $B/items/$((1 + $(rnd 8)))
  elif [ $r -lt 50 ]; then
    case $(rnd 4) in
      0) req -X POST -d "name=${names[$(rnd 10)]}" -d "qty=$(rnd 2000)" $B/items ;;
      1) req -X POST -d "name=x" $B/items ;;
      *) req -X POST -d "name=part$(rnd 99)" -d "qty=$(rnd 900)" $B/items ;;
    esac
  elif [ $r -lt 53 ]; then req -X DELETE $B/items/$((1 + $(rnd 9)))
  elif [ $r -lt 59 ]; then
    local u=${names[$(rnd 10)]}
    if [ $(rnd 3) -eq 0 ]; then req -c "$S/jar" -d "user=$u" -d "pass=wrong" $B/login
    else req -c "$S/jar" -d "user=$u" -d "pass=secret-$u" $B/login; fi
    req -b "$S/jar" $B/me
  elif [ $r -lt 61 ]; then req -b "$S/jar" $B/logout
  elif [ $r -lt 63 ]; then req -H "Cookie: mojolicious=eyJ1c2VyIjoiZXZlIn0---$(rnd 9999)deadbeef" $B/me
  elif [ $r -lt 66 ]; then req $B/report
  elif [ $r -lt 68 ]; then req $B/nosuch
  elif [ $r -lt 70 ]; then req $B/inline
  elif [ $r -lt 72 ]; then req $B/die
  elif [ $r -lt 73 ]; then req $B/crash
  elif [ $r -lt 77 ]; then req $B/slow
  elif [ $r -lt 78 ]; then req $B/bigcookie
  elif [ $r -lt 81 ]; then
    case $(rnd 3) in
      0) req $B/signed ;;
      1) req -H "Cookie: token=v$(rnd 99)--0123456789abcdef0123456789abcdef01234567" $B/signed ;;
      2) req -H "Cookie: token=plain$(rnd 9)" $B/signed ;;
    esac
  elif [ $r -lt 82 ]; then req $B/handler
  elif [ $r -lt 84 ]; then if [ $(rnd 2) -eq 0 ]; then req "$B/proxy?ok=1"; else req $B/proxy; fi
  elif [ $r -lt 86 ]; then req $B/readme.txt
  elif [ $r -lt 88 ]; then req "$B/missing/$(rnd 500).html"
  elif [ $r -lt 90 ]; then perl "$D/client.pl" ws
  elif [ $r -lt 91 ]; then perl "$D/client.pl" bigheader
  elif [ $r -lt 92 ]; then perl "$D/client.pl" bigline
  elif [ $r -lt 93 ]; then perl "$D/client.pl" bigbody
  elif [ $r -lt 94 ]; then perl "$D/client.pl" idle
  elif [ $r -lt 95 ]; then perl "$D/client.pl" garbage
  elif [ $r -lt 96 ]; then perl "$D/client.pl" reset
  elif [ $r -lt 98 ]; then req -X PUT -d 'x=1' $B/items/1
  else req -I $B/
  fi
}
burst() { local n=$((${1:-20} + $(rnd ${2:-30}))); for i in $(seq $n); do one; done; }

start
EVENTS=($(shuf -e 0 1 2 3 4 5 $(for i in $(seq $((ROUNDS - 6))); do rnd 6; done)))
for round in $(seq "$ROUNDS"); do
  burst 20 35
  case ${EVENTS[$((round - 1))]:-$(rnd 6)} in
    0|1) hypnotoad "$D/myapp.pl" >/dev/null 2>&1; sleep 5 ;;           # zero downtime upgrade
    2) w=$(workers | head -1); [ -n "$w" ] && kill -KILL "$w"; sleep 2 ;; # worker crash
    3) req -m 15 "$B/block?s=$((7 + $(rnd 4)))" & bp=$!; burst 3 5; wait $bp; sleep 4 ;; # heartbeat timeout
    4) touch "$S/broken"; kill -USR2 "$(mpid)"; sleep 4; rm -f "$S/broken" ;; # upgrade to an app that fails to load
    5) w=$(workers | tail -1); [ -n "$w" ] && kill -QUIT "$w"; sleep 2 ;;
  esac
  burst 10 20
  if [ $(rnd 3) -eq 0 ]; then
    stop
    case $(rnd 3) in
      0) R31G_PIDFILE=/tmp/round31-r31g/mojo/nodir/hypnotoad.pid hypnotoad "$D/myapp.pl" >/dev/null 2>&1; sleep 2 ;;
      1) R31G_NOSECRET=1 hypnotoad "$D/myapp.pl" >/dev/null 2>&1; sleep 2; burst 5 10; stop ;;
      *) ;;
    esac
    start
  fi
done
stop
rm -f "$S/jar" "$S/broken"
