#!/bin/bash
# Randomised spampd workload: our own rsyslogd (rsyslog.conf) receives spampd's syslog through a
# private /dev/log (privdev-run.sh, in a private mount namespace); fakesmtp.py is the relay peer,
# smtpclient.py the sending side. SpamAssassin's own debug output (stderr) is not kept.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
S=/tmp/round33-r33f/spampd
mkdir -p $S/home $S/rs; chown spampd:spampd $S/home
RUNS=${RUNS:-8}
PORT=40600; RELAY=40601
r() { echo $(( RANDOM % $1 )); }
: > "$DIR/spampd.log"
rsyslogd -n -f "$DIR/rsyslog.conf" -i $S/rsyslogd.pid > $S/rsyslogd.out 2>&1 &
RS=$!
sleep 1
start_spampd() {  # args: extra options
  unshare -m --propagation private "$DIR/privdev-run.sh" /usr/sbin/spampd --host 127.0.0.1:$PORT \
    --relayhost 127.0.0.1:$RELAY --nodetach --debug --pid $S/spampd.pid --user spampd --group spampd \
    --local-only "$@" >> $S/spampd.stderr 2>&1 &
  SP=$!
}
for run in $(seq 1 "$RUNS"); do
  OPTS=(--children $(( 1 + $(r 4) )) --maxrequests $(( 2 + $(r 10) )) --maxsize $(( 20 + $(r 100) )))
  [ $(r 2) = 0 ] && OPTS+=(--rh)
  [ $(r 3) = 0 ] && OPTS+=(--tagall)
  [ $(r 4) = 0 ] && OPTS+=(--dose)
  case $(r 3) in 0) OPTS+=(--seh) ;; 1) OPTS+=(--sef) ;; esac
  IDLE=0; [ $(r 3) = 0 ] && { OPTS+=(--childtimeout $(( 2 + $(r 3) ))); IDLE=1; }
  [ $(r 3) = 0 ] && OPTS+=(--satimeout 1 --maxsize $(( 150 + $(r 200) )))
  RELAYUP=1; [ $(r 6) = 0 ] && RELAYUP=0
  if [ $RELAYUP = 1 ]; then python3 "$DIR/fakesmtp.py" $RELAY $RANDOM & FK=$!; fi
  start_spampd "${OPTS[@]}"
  for i in $(seq 1 60); do grep -q "Parent ready for children" "$DIR/spampd.log" 2>/dev/null && [ "$(grep -c 'Parent ready' "$DIR/spampd.log")" -ge "$run" ] && break; sleep 1; done
  if [ $(r 4) = 0 ]; then   # a second instance on the same port
    P1=$SP
    if [ $(r 2) = 0 ]; then start_spampd --children 1; else start_spampd --children 1 --pid $S/spampd2.pid; fi
    P2=$SP; SP=$P1
    sleep 25; kill -TERM $P2 2>/dev/null; wait $P2 2>/dev/null
  fi
  python3 "$DIR/smtpclient.py" $PORT $(( 5 + $(r 30) )) $RANDOM &
  C1=$!
  [ $(r 2) = 0 ] && python3 "$DIR/smtpclient.py" $PORT $(( 3 + $(r 15) )) $RANDOM
  if [ $IDLE = 1 ]; then  # a client that says nothing until the child times out
    python3 -c 'import socket,time; s=socket.create_connection(("127.0.0.1",'$PORT')); time.sleep(7); s.close()'
  fi
  [ $(r 3) = 0 ] && { kill -HUP $SP; sleep 3; }
  wait $C1
  [ $(r 3) = 0 ] && python3 "$DIR/smtpclient.py" $PORT $(( 2 + $(r 8) )) $RANDOM
  case $(r 8) in 0) kill -INT $SP ;; 1) kill -QUIT $SP ;; *) kill -TERM $SP ;; esac
  for i in $(seq 1 20); do kill -0 $SP 2>/dev/null || break; sleep 0.5; done
  kill -KILL $SP 2>/dev/null; wait $SP 2>/dev/null
  [ $RELAYUP = 1 ] && { kill $FK; wait $FK 2>/dev/null; }
  rm -f $S/spampd.pid $S/spampd2.pid
done
kill -TERM $RS; wait $RS
