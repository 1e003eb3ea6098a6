#!/bin/bash
# Drives nullmailer-send (queue under a private prefix) against fakepeer.py; its stdout+stderr -> OUT.
OUT=${1:-/tmp/round32-r32a/nm/full.log}
HERE=$(cd $(dirname $0); pwd)
P=/tmp/round32-r32a/nm; export NULLMAILER_TEST_PREFIX=$P
SMTP=34101; QMQP=34102; SILENT=34103; REFUSED=34104
r() { echo $(( RANDOM % $1 )); }
setup() {
  rm -rf $P; mkdir -p $P/conf $P/queue/queue $P/queue/tmp $P/queue/failed $P/protocols $P/sbin $P/bin
  mkfifo $P/queue/trigger
  ln -s /usr/lib/nullmailer/smtp $P/protocols/smtp; ln -s /usr/lib/nullmailer/qmqp $P/protocols/qmqp
  cp /usr/sbin/nullmailer-queue $P/sbin/nullmailer-queue      # plain copy: not setuid, so the prefix applies
  ln -s /usr/bin/nullmailer-dsn $P/bin/nullmailer-dsn
  echo relay.test > $P/mailname; echo 1 > $P/conf/pausetime; echo 4 > $P/conf/maxpause
  echo 3 > $P/conf/sendtimeout; echo 40 > $P/conf/queuelifetime; echo adminaddr@relay.test > $P/conf/adminaddr
}
POOL=(
 "127.0.0.1 smtp --port=$SMTP" "127.0.0.1 smtp --port=$SMTP" "127.0.0.1 smtp --port=$SMTP"
 "127.0.0.1 smtp --port=$SMTP --user=u1 --pass=secret"
 "127.0.0.1 smtp --port=$SMTP --user=u2 --pass=secret --auth-login"
 "127.0.0.1 smtp --port=$SMTP --starttls --insecure"
 "127.0.0.1 smtp --port=$SMTP --starttls"
 "localhost smtp --port=$SMTP --ssl --insecure"
 "127.0.0.1 qmqp --port=$QMQP" "127.0.0.1 qmqp --port=$QMQP"
 "127.0.0.1 qmqp --port=$QMQP --starttls --insecure"
 "127.0.0.1 smtp --port=$REFUSED" "127.0.0.1 qmqp --port=$REFUSED"
 "127.0.0.1 smtp --port=$SILENT"
 "127.0.0.1 smtp --port=abc" "127.0.0.1 smtp --port=$SMTP --bogus-option"
 "127.0.0.1 lmtp --port=$SMTP"
 "127.0.0.1 smtp --port=$SMTP --source=192.0.2.77"
 "127.0.0.1 smtp --port=$SMTP --ssl --x509certfile=/nonexistent.pem"
 "127.0.0.1 smtp --port=$SMTP --user=u3"
)
remotes() {
  if [ $(r 25) = 0 ]; then echo "# no remotes" > $P/conf/remotes; return; fi
  : > $P/conf/remotes
  for ((i=0;i<1+$(r 2);i++)); do echo "${POOL[$(r ${#POOL[@]})]}" >> $P/conf/remotes; done
}
USERS=(alice bob carol dave "eve.smith" root postmaster)
inject() {
  f=${USERS[$(r 7)]}; t=${USERS[$(r 7)]}
  case $(r 10) in
    0) extra="-- $t@example.org ${USERS[$(r 7)]}@example.net" ;;
    *) extra="-- $t@example.org" ;;
  esac
  { echo "Subject: test $RANDOM"; [ $(r 4) = 0 ] && echo "message-id: <$RANDOM.$RANDOM@client.test>"
    echo; for ((l=0;l<1+$(r 6);l++)); do echo "line $l $RANDOM"; done; [ $(r 8) = 0 ] && echo ".dot line"; } |
    nullmailer-inject -f "$f@relay.test" $extra >/dev/null 2>&1
}
bounce_src() { # a message with an empty sender: a bounce itself
  printf '\nwho@example.org\n\nSubject: bounce\n\nbody\n' > $P/queue/tmp/b$RANDOM; mv $P/queue/tmp/b* $P/queue/queue/ 2>/dev/null
}
start_send() { nullmailer-send >>"$OUT" 2>&1 & SPID=$!; }
stop_send() { kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; }

python3 $HERE/fakepeer.py $SMTP $QMQP $SILENT & PEER=$!
: > "$OUT"; setup; remotes; sleep 0.5
# start-up problems first
rm $P/queue/trigger; nullmailer-send >>"$OUT" 2>&1; mkfifo $P/queue/trigger
mv $P/queue/queue $P/queue/q.x; nullmailer-send >>"$OUT" 2>&1; mv $P/queue/q.x $P/queue/queue
start_send
ROUNDS=${ROUNDS:-140}
for ((k=0;k<ROUNDS;k++)); do
  case $(r 14) in
    0|1|2|3|10|11) remotes ;;
    4) bounce_src ;;
    5) [ $(r 4) = 0 ] && : > $P/queue/queue/empty$RANDOM ;;
    6) for f in $P/queue/queue/*; do [ -f "$f" ] && [ $(r 3) = 0 ] && touch -d '-1 hour' "$f"; done ;;
    7) if [ $(r 4) = 0 ]; then stop_send; [ $(r 3) = 0 ] && echo me.relay.test > $P/conf/me || rm -f $P/conf/me; start_send; fi ;;
    8) kill -ALRM $SPID 2>/dev/null ;;
    9) [ $(r 3) = 0 ] && ln -sf /nonexistent/target $P/queue/queue/dangling$RANDOM ;;
    12) rm -f $P/queue/queue/empty* $P/queue/queue/dangling* ;;
  esac
  for ((m=0;m<$(r 3);m++)); do inject; done
  sleep 0.$((2 + $(r 8)))
  # keep the queue from growing without bound
  n=$(ls $P/queue/queue | wc -l); if [ $n -gt 8 ]; then ls $P/queue/queue | head -$((n-6)) | sed "s|^|$P/queue/queue/|" | xargs rm -f; fi
done
sleep 3; stop_send
kill $PEER; wait $PEER 2>/dev/null
