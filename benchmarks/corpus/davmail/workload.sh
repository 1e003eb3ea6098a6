#!/bin/bash
# randomised workload for DavMail (headless server, log4j DEBUG to file) against a fake, broken Exchange peer
D=$(cd "$(dirname "$0")" && pwd); B=/tmp/round34-r34g/davmail
mkdir -p $B; rm -f $B/davmail.log*
python3 $D/fakeews.py 45020 $RANDOM & FAKE=$!
sleep 1
variant() {  # write a config variant to $B/run.properties
  sed -e "$1" $D/davmail.properties > $B/run.properties
}
runs=$((RANDOM % 3 + 4))
for i in $(seq $runs); do
  case $((RANDOM % 8)) in
    0) variant 's#^davmail.url=.*#davmail.url=http://127.0.0.1:45021/EWS/Exchange.asmx#' ;;   # nothing listens: refused
    1) variant 's#^davmail.mode=.*#davmail.mode=WebDav#; s#^davmail.url=.*#davmail.url=http://127.0.0.1:45020/owa/#' ;;
    2) variant 's#^davmail.mode=.*#davmail.mode=Auto#' ;;
    3) variant 's#^davmail.imapPort=.*#davmail.imapPort=45020#' ;;                              # port in use
    *) variant 's#^x##' ;;
  esac
  java -jar /usr/share/davmail/davmail.jar -server $B/run.properties >/dev/null 2>&1 & DM=$!
  sleep 4
  n=$((RANDOM % 3 + 1)); pids=""
  for j in $(seq $n); do python3 $D/clients.py $RANDOM $((RANDOM % 20 + 5)) & pids="$pids $!"; done
  wait $pids
  kill $DM; wait $DM 2>/dev/null
done
kill $FAKE; wait
cp $B/davmail.log $D/davmail.log
