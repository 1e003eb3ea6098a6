#!/bin/bash
# Randomised workload for jabberd2; the kept log is the c2s component's own log file.
# Configs: setup_configs.py; clients: client.py.
# Ports: router 50347, c2s 50222 (plain/STARTTLS) and 50223 (SSL).  Everything lives in ./run.
set -u
cd "$(dirname "$0")"
HERE=$PWD
RUN=$HERE/run
ROUNDS=${ROUNDS:-170}
PIDS=$RUN/pids.txt

start_router() { /usr/sbin/jabberd2-router -c $RUN/router.xml >>$RUN/stdout.txt 2>&1 & ROUTER=$!; echo "router $ROUTER" >>$PIDS; }
start_sm()     { /usr/sbin/jabberd2-sm -c $RUN/sm.xml >>$RUN/stdout.txt 2>&1 & SM=$!; echo "sm $SM" >>$PIDS; }
start_c2s()    { /usr/sbin/jabberd2-c2s -c $RUN/c2s.xml >>$RUN/stdout.txt 2>&1 & C2S=$!; echo "c2s $C2S" >>$PIDS; }
alive()        { kill -0 "$1" 2>/dev/null; }

python3 $HERE/setup_configs.py || exit 1          # private configs in ./run from /etc/jabberd2
rm -f $RUN/*.log $RUN/sqlite.db* $RUN/stdout.txt $RUN/clients.err $PIDS
sqlite3 $RUN/sqlite.db < $RUN/db-setup.sqlite >/dev/null
cp $RUN/c2s.xml $RUN/c2s.xml.orig

start_router; sleep 1
start_sm; sleep 0.5
start_c2s; sleep 2

# register the regular users (random order); some twice to get conflicts
for u in $(printf '%s\n' alice bob carol dave erin frank grace heidi | shuf); do
  python3 - "$u" <<'EOF'
import sys, client
c = client.Conn(); c.open(); c.register(sys.argv[1], client.PASSWORD % sys.argv[1]); c.close()
EOF
done

SCEN=(session session session session register register badauth badauth legacy legacy legacy tls tls
      secure unbind unbind garbage garbage unknown_host preauth flood bigstanza idle denied connflood abort abort)

CL=()
for round in $(seq 1 $ROUNDS); do
  n=$((RANDOM % 4 + 1))
  for i in $(seq 1 $n); do
    s=${SCEN[$((RANDOM % ${#SCEN[@]}))]}
    timeout 30 python3 $HERE/client.py "$s" "$RANDOM$round$i" 2>>$RUN/clients.err & CL+=($!)
  done
  r=$((RANDOM % 100))
  if [ $round -gt 5 ] && [ $r -lt 4 ]; then
    kill -HUP $C2S                                   # log reopen + config reload
  elif [ $round -gt 5 ] && [ $r -lt 6 ]; then
    echo "<c2s><broken" > $RUN/c2s.xml              # reload with an unreadable config
    kill -HUP $C2S; sleep 1; cp $RUN/c2s.xml.orig $RUN/c2s.xml
  elif [ $round -gt 10 ] && [ $r -lt 10 ]; then
    kill $ROUTER; wait $ROUTER 2>/dev/null           # router goes away and comes back
    sleep $((RANDOM % 5 + 2)); start_router; sleep 3
  elif [ $round -gt 10 ] && [ $r -lt 12 ]; then
    kill -9 $SM; wait $SM 2>/dev/null                # session manager dies
    sleep $((RANDOM % 3 + 1)); start_sm; sleep 2
  elif [ $round -gt 10 ] && [ $r -lt 13 ]; then
    # a second c2s with the same id and ports
    sed -e "s#<pidfile>[^<]*</pidfile>#<pidfile>$RUN/c2s-dup.pid</pidfile>#" $RUN/c2s.xml.orig > $RUN/c2s-dup.xml
    /usr/sbin/jabberd2-c2s -c $RUN/c2s-dup.xml >>$RUN/stdout.txt 2>&1 & DUP=$!; echo "c2s-dup $DUP" >>$PIDS
    sleep 3; alive $DUP && kill $DUP; wait $DUP 2>/dev/null
  elif [ $round -gt 10 ] && [ $r -lt 15 ]; then
    kill $C2S; wait $C2S 2>/dev/null                 # c2s restart
    sleep 1; start_c2s; sleep 2
  fi
  alive $C2S || { start_c2s; sleep 2; }
  alive $ROUTER || { start_router; sleep 2; }
  alive $SM || { start_sm; sleep 2; }
  sleep 0.$((RANDOM % 9 + 1))
  if [ $((round % 6)) -eq 0 ] && [ ${#CL[@]} -gt 0 ]; then wait "${CL[@]}" 2>/dev/null; CL=(); fi
done
[ ${#CL[@]} -gt 0 ] && wait "${CL[@]}" 2>/dev/null

# final: a few clients, then the router dies for good: c2s retries and gives up
for i in 1 2 3; do timeout 30 python3 $HERE/client.py session "end$i$RANDOM" 2>>$RUN/clients.err & CL+=($!); done
sleep 1
kill $ROUTER; wait $ROUTER 2>/dev/null
[ ${#CL[@]} -gt 0 ] && wait "${CL[@]}" 2>/dev/null
for i in $(seq 1 40); do alive $C2S || break; sleep 1; done
alive $C2S && kill $C2S; wait $C2S 2>/dev/null
kill $SM; wait $SM 2>/dev/null
cp $RUN/c2s.xml.orig $RUN/c2s.xml
head -n 2500 $RUN/c2s.log > $HERE/jabberd2.log
wc -l $HERE/jabberd2.log
