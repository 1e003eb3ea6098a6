#!/bin/bash
# randomised workload for monopd; syslog goes to a private rsyslogd (rsyslog.conf)
D=$(cd "$(dirname "$0")" && pwd); B=/tmp/round34-r34g/monopd; P=45001
mkdir -p $B/rs $B/olddev $B/games
rm -f $B/monopd.syslog
rsyslogd -n -f $D/rsyslog.conf -i $B/rs/pid & RS=$!
sleep 1
cp /usr/share/games/monopd/games/*.conf $B/games/
printf 'name=Broken\ndescription=caf\xe9 \xff\xfe\n' > $B/games/broken.conf
ln -sf $B/games/does-not-exist.conf $B/games/dangling.conf
for c in refused badhost fake; do
  case $c in
    refused) printf 'port=1234\nmetaserverhost=127.0.0.1\nmetaserverport=45002\nmetaserveridentity=r34g.test\n' ;;
    badhost) printf 'port=1234\nmetaserverhost=meta.invalid\nmetaserverport=45002\nmetaserveridentity=r34g.test\n' ;;
    fake) printf 'port=1234\nmetaserverhost=localhost\nmetaserverport=45003\nmetaserveridentity=r34g.test\n' ;;
  esac > $B/conf-$c
done
# fake metaserver: accepts and drains
python3 -c '
import socket,threading
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1); s.bind(("127.0.0.1",45003)); s.listen(50)
def h(c):
    try:
        while c.recv(4096): pass
    except Exception: pass
while True:
    c,_=s.accept(); threading.Thread(target=h,args=(c,),daemon=True).start()
' & META=$!
start() { unshare -m env "$@" $D/nsrun.sh /usr/sbin/monopd $P >/dev/null 2>&1 & MP=$!; for k in 1 2 3 4 5 6 7 8 9 10; do ss -ltn | grep -q ":$P " && break; sleep 0.3; done; }
stop() { kill $MP 2>/dev/null; wait $MP 2>/dev/null; }
runs=$((RANDOM % 5 + 10))
order=$(shuf -e 0 1 2 4 5 6)   # every configuration variant once, then random ones
for i in $(seq $runs); do
  v=$(echo $order | cut -d' ' -f$i); [ -z "$v" ] && v=$(( RANDOM % 10 ))
  case $v in
    0) start CONF=$B/conf-refused ;;
    1) start CONF=$B/conf-badhost ;;
    2|3) start CONF=$B/conf-fake ;;
    4) start GAMEDIR=$B/games ;;
    5) start NOGAMEDIR=1 ;;
    *) start ;;
  esac
  if [ $((RANDOM % 4)) = 0 ] && kill -0 $MP 2>/dev/null && ss -ltn | grep -q ":$P "; then start2pid=$MP; start; wait $MP 2>/dev/null; MP=$start2pid; fi  # second instance on same port
  n=$((RANDOM % 2 + 1))
  cl=""
  for j in $(seq $n); do python3 $D/client.py $P $RANDOM $((RANDOM % 10 + 2)) & cl="$cl $!"; done
  wait $cl
  stop
done
kill $META; kill $RS; wait
cp $B/monopd.syslog $D/monopd.log
