#!/bin/bash
# Randomised workload for an obfs4proxy server/client pair (debug log level).
# Ports 35200-35219; state and log under /tmp/round32-r32d/obfs4/state.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32d/obfs4
STATE=$RUN/state
mkdir -p "$STATE"
ORPORT=35202; CLOSED=35209
BIND="obfs4-127.0.0.1:35201,obfs3-127.0.0.1:35203,obfs2-127.0.0.1:35204"
ROUNDS=${ROUNDS:-14}

python3 "$HERE/echo_orport.py" $ORPORT & ECHO=$!
echo $ECHO > $RUN/echo.pid


rounds=0
while [ $rounds -lt $ROUNDS ]; do
  rounds=$((rounds+1))
  STDINCLOSE=$((RANDOM % 2))
  # occasionally a bad configuration first
  case $((RANDOM % 6)) in
    0) env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE TOR_PT_SERVER_TRANSPORTS=obfs4 \
         TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1" TOR_PT_ORPORT=127.0.0.1:$ORPORT /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG </dev/null >/dev/null 2>&1 ;;
    1) env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE TOR_PT_CLIENT_TRANSPORTS=obfs4 \
         TOR_PT_PROXY="ftp://127.0.0.1:$CLOSED" /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG </dev/null >/dev/null 2>&1 ;;
    2) env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE TOR_PT_SERVER_TRANSPORTS=obfs4,foo \
         TOR_PT_SERVER_BINDADDR="foo-127.0.0.1:35206" TOR_PT_ORPORT=127.0.0.1:$ORPORT /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG </dev/null >/dev/null 2>&1 ;;
    3) env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE TOR_PT_SERVER_TRANSPORTS=obfs4 \
         TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1:35201" TOR_PT_ORPORT=127.0.0.1:$ORPORT \
         TOR_PT_SERVER_TRANSPORT_OPTIONS="obfs4:iat-mode" /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG </dev/null >/dev/null 2>&1 ;;
  esac
  # server
  rm -f $RUN/server.out $RUN/client.out
  mkfifo $RUN/s.in 2>/dev/null; mkfifo $RUN/c.in 2>/dev/null
  sleep 100000 > $RUN/s.in & SHOLD=$!
  sleep 100000 > $RUN/c.in & CHOLD=$!
  env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE \
      TOR_PT_SERVER_TRANSPORTS=obfs4,obfs3,obfs2 TOR_PT_SERVER_BINDADDR="$BIND" TOR_PT_ORPORT=127.0.0.1:$ORPORT \
      TOR_PT_EXIT_ON_STDIN_CLOSE=$STDINCLOSE \
      /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG < $RUN/s.in > $RUN/server.out 2>>$RUN/stderr.txt & SPID=$!
  PROXYENV=""
  if [ $((RANDOM % 5)) -eq 0 ]; then PROXYENV="TOR_PT_PROXY=socks5://127.0.0.1:$CLOSED"; fi
  env -i TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_STATE_LOCATION=$STATE \
      TOR_PT_CLIENT_TRANSPORTS=obfs4,obfs3,obfs2,scramblesuit TOR_PT_EXIT_ON_STDIN_CLOSE=$STDINCLOSE $PROXYENV \
      /usr/bin/obfs4proxy -enableLogging -logLevel DEBUG < $RUN/c.in > $RUN/client.out 2>>$RUN/stderr.txt & CPID=$!
  echo "$SPID $CPID $SHOLD $CHOLD" > $RUN/pids
  for i in $(seq 50); do grep -q SMETHODS $RUN/server.out 2>/dev/null && grep -q CMETHODS $RUN/client.out 2>/dev/null && break; sleep 0.2; done
  SOCKS=$(awk '$1=="CMETHOD" && NF==4 {split($4,a,":"); printf "%s%s=%s", sep, $2, a[2]; sep=","}' $RUN/client.out)
  SRV=$(python3 - "$RUN/server.out" <<'PY'
import sys
out = []
for line in open(sys.argv[1]):
    f = line.split()
    if f and f[0] == "SMETHOD" and len(f) >= 3:
        args = ""
        for x in f[3:]:
            if x.startswith("ARGS:"):
                args = x[5:].replace("\\,", "\0").replace(",", ";").replace("\0", ",")
        out.append("%s#%s#%s" % (f[1], f[2].rsplit(":", 1)[1], args))
print("|".join(out))
PY
)
  # sometimes the ORPort is down for this round
  if [ $((RANDOM % 4)) -eq 0 ] && kill -0 $ECHO 2>/dev/null; then kill $ECHO; wait $ECHO 2>/dev/null; fi
  if [ -n "$SOCKS" ] && [ -n "$SRV" ]; then
    python3 "$HERE/driver.py" "$SOCKS" "$SRV" $((40 + RANDOM % 120)) $CLOSED
  fi
  if ! kill -0 $ECHO 2>/dev/null; then python3 "$HERE/echo_orport.py" $ORPORT & ECHO=$!; echo $ECHO > $RUN/echo.pid; fi
  # shut down: SIGTERM, SIGINT (graceful) or closing stdin
  case $((RANDOM % 3)) in
    0) kill -TERM $SPID $CPID ;;
    1) kill -INT $SPID $CPID; sleep 2; kill -TERM $SPID $CPID 2>/dev/null ;;
    2) if [ $STDINCLOSE = 1 ]; then kill $SHOLD $CHOLD; else kill -TERM $SPID $CPID; fi ;;
  esac
  sleep 1
  kill $SHOLD $CHOLD 2>/dev/null; kill -KILL $SPID $CPID 2>/dev/null
  wait $SPID $CPID $SHOLD $CHOLD 2>/dev/null
done
kill $ECHO; wait $ECHO 2>/dev/null
rm -f $RUN/s.in $RUN/c.in
