#!/bin/bash
# Randomised INN workload. Private instance in ./run, logs through a private rsyslogd whose socket is
# /dev/log only inside a private mount namespace. Ports: 22119 (innd/nnrpd), 22130/22131 (fake peers).
D=/work/round21/inn
R=$D/run
if [ "$1" != inner ]; then
  bash $D/setup_inn.sh
  rsyslogd -f $R/rsyslog.conf -i $R/rs/rsyslogd.pid
  sleep 1
  unshare -m --propagation private $D/nsenv.sh bash $D/workload.sh inner
  sleep 2
  kill $(cat $R/rs/rsyslogd.pid); sleep 1
  head -n 2500 $R/news.debug > $D/inn.log
  wc -l $R/news.debug $D/inn.log
  exit 0
fi
export INNCONF=$R/etc/inn.conf
asnews() { su news -s /bin/bash -c "INNCONF=$INNCONF $*"; }
ctl() { asnews /usr/lib/news/bin/ctlinnd -t 20 $(printf '%q ' "$@") >/dev/null 2>&1; }
cli() { python3 $D/nntp_client.py "$@"; }
rsleep() { sleep $(python3 -c "import random;print(round(random.uniform($1,$2),2))"); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

stopinnd() { local p=$(cat $R/run/innd.pid); kill -TERM $p; for i in $(seq 60); do kill -0 $p 2>/dev/null || break; sleep 0.5; done; }
startinnd() { asnews /usr/lib/news/bin/innd $1; sleep 2; }

python3 $D/peer_server.py 127.0.0.3 22130 $((20 + RANDOM % 10)) & PA=$!
startinnd
ctl mode
# phase 1: concurrent traffic
cli feeder $((6 + RANDOM % 5)) & cli reader $((8 + RANDOM % 6)) & cli ihave $((2 + RANDOM % 3)) &
cli garbage $((2 + RANDOM % 3)) & cli idle 3 &
rsleep 2 4
IFS=$'\n'
for c in $(shuf -e "newgroup local.g$RANDOM y admin" "changegroup local.misc m" "changegroup local.misc y" \
             "flush peerA" "flushlogs" "name ''" "logmode" "timer 5" "trace innd n" \
             "trace nnrpd y" "feedinfo peerA" "checkfile" "renumber local.test" "perl n" "perl y" \
             "reload filter.perl 'filter test'" "reload incoming.conf 'incoming test'" "renumber ''" \
             "reload active 'active test'" "flush ''" "newgroup bad..name y" "rmgroup local.nosuch" | head -n 14); do
  unset IFS; eval ctl $c; IFS=$'\n'; rsleep 0.1 0.6
done
unset IFS
wait $(jobs -p | grep -v "^$PA$") 2>/dev/null
# phase 2: throttle / pause / reject while clients arrive
ctl throttle 'maintenance test'
cli feeder 2 & cli reader 2 &
rsleep 1 2; ctl go 'maintenance test'
ctl pause 'short pause'
cli feeder 1 & rsleep 0.5 1.5; ctl go 'short pause'
ctl reject 'no new connections'
cli reader 2; cli feeder 1
ctl allow 'no new connections'
ctl readers n 'readers off'; cli reader 2; ctl readers y 'readers off'
ctl newgroup local.tmp$RANDOM y news
ctl rmgroup local.private
# peer B appears, peer A dies (time-limited); innfeed killed
python3 $D/peer_server.py 127.0.0.5 22131 $((15 + RANDOM % 10)) & PB=$!
cli feeder $((5 + RANDOM % 4)) & cli reader $((5 + RANDOM % 5)) & cli ihave 2 &
rsleep 3 6
kill -9 $(cat $R/run/innfeed.pid 2>/dev/null) 2>/dev/null
rsleep 1 3
ctl flush peerB
# rnews batch through the local socket
python3 - <<'PY' > $R/batch.txt
import random,time
for i in range(random.randint(3,6)):
    m='<rnews.%d.%d@batch.example.test>'%(i,random.randint(1,10**9))
    a='Path: batch.example.test!not-for-mail\nFrom: b@example.test\nNewsgroups: %s\nSubject: batch %d\nMessage-ID: %s\nDate: %s\n\nbody %d\n'%(random.choice(['local.test','alt.test','no.such.group']),i,m,time.strftime('%a, %d %b %Y %H:%M:%S +0000',time.gmtime()),i)
    if random.random()<0.2: a=a.replace('Subject','X-Subject')
    print('#! rnews %d'%len(a.encode())); print(a,end='')
PY
chown news $R/batch.txt
asnews "/usr/lib/news/bin/rnews -N < $R/batch.txt" >/dev/null 2>&1
asnews "echo garbage not a batch | /usr/lib/news/bin/rnews -N" >/dev/null 2>&1
wait $(jobs -p | grep -v -e "^$PA$" -e "^$PB$") 2>/dev/null
rsleep 4 8
ctl reload newsfeeds 'feeds changed'
ctl reload all 'full reload'
cli feeder 3 & cli reader 3
wait $(jobs -p | grep -v -e "^$PA$" -e "^$PB$") 2>/dev/null
# restart innd
stopinnd
sleep 2
startinnd
python3 $D/peer_server.py 127.0.0.3 22130 12 & PA=$!
cli feeder $((3 + RANDOM % 4)) & cli reader $((4 + RANDOM % 4)) & cli garbage 2 &
wait $(jobs -p | grep -v -e "^$PA$" -e "^$PB$") 2>/dev/null
ctl cancel "$(grep -o '<[^>]*>' $R/log/news 2>/dev/null | shuf -n1)" 2>/dev/null
ctl hangup 99
ctl mode
rsleep 5 8
stopinnd
sleep 3
kill $PA $PB 2>/dev/null
for p in $(pgrep -f "innfeed -c $R/etc/innfeed.conf"); do kill $p; done
wait
