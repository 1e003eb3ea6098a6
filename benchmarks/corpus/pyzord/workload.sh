#!/bin/bash
# Randomised workload for pyzord (-d, --log-file); writes pyzord.raw.log, of which lines 1-2500 were kept as pyzord.log
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round36-r36f/pyzor
LOG=$D/pyzord.raw.log
P=48700
rm -rf $T; mkdir -p $T/srv $T/msgs; : > $LOG
R() { echo $(( RANDOM % $1 )); }
KA=$(openssl rand -hex 20); KB=$(openssl rand -hex 20)
printf 'alice : %s\nbob : %s\n' $KA $KB > $T/srv/passwd
cat > $T/srv/access <<EOA
check report ping pong info : anonymous : allow
all : alice : allow
check info ping : bob : allow
whitelist : bob : deny
EOA
for c in anon alice bob mallory; do mkdir -p $T/c-$c; echo "127.0.0.1:$P" > $T/c-$c/servers; done
echo "127.0.0.1 : $P : alice : ,$KA" > $T/c-alice/accounts
echo "127.0.0.1 : $P : bob : ,$KB" > $T/c-bob/accounts
echo "127.0.0.1 : $P : mallory : ,$(openssl rand -hex 20)" > $T/c-mallory/accounts
# a pool of messages, some shared so their digests repeat
for i in $(seq 1 30); do
  { echo "From: sender$i@example.org"; echo "To: user@example.net"; echo "Subject: offer number $i";
    echo "Message-ID: <$i.$RANDOM@example.org>"; echo;
    for j in $(seq 1 $((3 + i % 7))); do echo "This is line $j of message $i with some body text to make the digest long enough $((i * j))."; done; } > $T/msgs/m$i.eml
done
DB=$T/srv/digests.db
run() {
  /usr/bin/pyzord --homedir=$T/srv -d -a 127.0.0.1 -p $P --dsn=$DB \
     --log-file=$LOG --usage-log-file=$LOG --password-file=$T/srv/passwd --access-file=$T/srv/access "$@" \
     > /dev/null 2>&1 &
  SPID=$!; sleep 1.5
}
# a database that pyzord cannot reorganize at startup is replaced by a fresh one
start() { run "$@"; if ! kill -0 $SPID 2>/dev/null; then DB=$T/srv/digests.$RANDOM.db; run "$@"; fi; }
stop() { kill -TERM $SPID 2>/dev/null; sleep 1; kill -0 $SPID 2>/dev/null && kill -INT $SPID; wait $SPID 2>/dev/null; }
cl() { timeout 10 /usr/bin/pyzor --homedir=$T/c-$1 -t 2 "${@:2}" < $T/msgs/m$(( 1 + RANDOM % 30 )).eml > /dev/null 2>&1; }
one() {
  case $(R 20) in
    0|1|2|3|4) cl anon check ;;
    5|6) cl anon report ;;
    7) cl anon info ;;
    8) cl anon ping ;;
    9|10) cl alice report ;;
    11) cl alice whitelist ;;
    12) cl alice check ;;
    13) cl alice pong ;;
    14) cl bob check ;;
    15) cl bob whitelist ;;
    16) cl bob report ;;
    17) cl mallory check ;;
    18) cl alice info ;;
    19) cl anon whitelist ;;
  esac
}
bad() {
  k=$(echo garbage nopv badpv oldpv unknownop noop unknownuser badsig oldtime badtime anonwl empty | tr ' ' '\n' | shuf -n 1)
  python3 $D/rawudp.py 127.0.0.1 $P $k $KA
}
burst() { for i in $(seq 1 $1); do if [ $(R 7) = 0 ]; then bad; else one; fi; done; }

start
burst $((120 + $(R 60)))
# reload with a broken access file and an extra account line
echo "check report : carol" >> $T/srv/access
echo "this line has no colon" >> $T/srv/passwd
echo "carol : $(openssl rand -hex 20)" >> $T/srv/passwd
kill -USR1 $SPID; sleep 1
burst $((80 + $(R 50)))
stop
# restart threaded, small cleanup age so old digests expire
start --threads=True --cleanup-age=3
burst $((80 + $(R 50)))
stop
# configuration errors
start --pre-fork=1; wait $SPID 2>/dev/null
start --gevent=True; wait $SPID 2>/dev/null
# restart with no access / password files: defaults
mv $T/srv/access $T/srv/access.off; mv $T/srv/passwd $T/srv/passwd.off
start --processes=True --max-processes=5
burst $((60 + $(R 40)))
kill -USR1 $SPID; sleep 1
stop
mv $T/srv/access.off $T/srv/access; mv $T/srv/passwd.off $T/srv/passwd
# forwarding to a peer that does not answer
mkdir -p $T/fwd; echo "127.0.0.1:48701" > $T/fwd/servers
start --threads=True --max-threads=4 --forward-client-homedir=$T/fwd
burst $((80 + $(R 50)))
stop
