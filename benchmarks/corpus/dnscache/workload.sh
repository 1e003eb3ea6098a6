#!/bin/bash
# dnscache workload: private netns r42a-dns, fake authoritative servers (fakeauth.py),
# randomised dig/dnsip/dnsq queries, bad configurations and restarts.
cd /work/round42/dnscache || exit 1
set -m
NS=r42a-dns
W=/tmp/round42-r42a/dnscache
DIR=/work/round42/dnscache
RAW=$W/raw.log
rm -rf $W; mkdir -p $W/root/ip $W/root/servers $W/home $W/tmp
touch $W/root/ip/127.0.0.1
echo 127.0.0.2 > $W/root/servers/@
: > $RAW
ip netns add $NS 2>/dev/null
ip netns exec $NS ip link set lo up
N() { ip netns exec $NS "$@"; }

ip netns exec $NS unshare -m env -i HOME=$W/home TMPDIR=$W/tmp python3 $DIR/fakeauth.py >/dev/null 2>&1 &
FAKE=$!
sleep 1

DC=
start() { # extra env assignments as arguments
  ip netns exec $NS unshare -m env -i HOME=$W/home TMPDIR=$W/tmp XDG_RUNTIME_DIR=$W/tmp XDG_CONFIG_HOME=$W/home \
    IP=127.0.0.1 IPSEND=0.0.0.0 CACHESIZE=${CS:-1000000} ROOT=$W/root UID=999 GID=994 "$@" \
    /usr/sbin/dnscache < /dev/urandom >> $RAW 2>&1 &
  DC=$!
  sleep 0.5
}
stop() { [ -n "$DC" ] && kill -TERM $DC 2>/dev/null; wait $DC 2>/dev/null; DC=; }
badstart() { # a start that must fail: its fatal message goes to the log
  N timeout 5 unshare -m env -i HOME=$W/home TMPDIR=$W/tmp "$@" /usr/sbin/dnscache < /dev/urandom >> $RAW 2>&1
}

r() { echo $((RANDOM % $1)); }
D() { N dig @127.0.0.1 +tries=1 +time=$((1 + $(r 3))) "$@" >/dev/null 2>&1; }

query() {
  local n=$(( $(r 40) + 1 )) k=$(r 100)
  if   [ $k -lt 22 ]; then D host$n.test A
  elif [ $k -lt 30 ]; then D cname$n.test A
  elif [ $k -lt 35 ]; then D mx$((n % 6)).test MX
  elif [ $k -lt 39 ]; then D txt$((n % 8)).test TXT
  elif [ $k -lt 41 ]; then D test SOA
  elif [ $k -lt 43 ]; then D test NS
  elif [ $k -lt 48 ]; then D host$n.test AAAA
  elif [ $k -lt 54 ]; then D nx$n.test A
  elif [ $k -lt 57 ]; then D www.nosuch$((n % 5)) A
  elif [ $k -lt 59 ]; then D refused$n.test A
  elif [ $k -lt 61 ]; then D servfail$n.test A
  elif [ $k -lt 62 ]; then D bad$n.test A
  elif [ $k -lt 64 ]; then D www$((n % 3)).lame A
  elif [ $k -lt 65 ]; then ip netns exec $NS dig @127.0.0.1 +tries=1 +time=1 www$n.slow A >/dev/null 2>&1 &
  elif [ $k -lt 67 ]; then D www$((n % 4)).dead A
  elif [ $k -lt 72 ]; then D host$n.glue A
  elif [ $k -lt 76 ]; then D -x 10.9.$((n % 10)).$n
  elif [ $k -lt 78 ]; then D -x 127.0.0.1
  elif [ $k -lt 82 ]; then D +tcp host$n.test A
  elif [ $k -lt 85 ]; then N env DNSCACHEIP=127.0.0.1 dnsip host$n.test cname$n.test >/dev/null 2>&1
  elif [ $k -lt 87 ]; then N env DNSCACHEIP=127.0.0.1 dnsmx mx$((n % 6)).test >/dev/null 2>&1
  elif [ $k -lt 89 ]; then N timeout 3 dnsq a host$n.test 127.0.0.1 >/dev/null 2>&1
  elif [ $k -lt 91 ]; then D 10.1.$n.7 A
  elif [ $k -lt 93 ]; then D host$n.test ANY
  elif [ $k -lt 95 ]; then D +tcp nx$n.test A
  elif [ $k -lt 96 ]; then N python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.sendto(bytes(range(20)),("127.0.0.1",53))' 2>/dev/null
  elif [ $k -lt 97 ]; then N timeout 2 python3 -c 'import socket;s=socket.create_connection(("127.0.0.1",53));s.send(b"\x00\x40abc");s.close()' 2>/dev/null
  elif [ $k -lt 98 ]; then ip netns exec $NS timeout 13 python3 -c 'import socket,time;s=socket.create_connection(("127.0.0.1",53));time.sleep(12)' 2>/dev/null &
  else for i in $(seq $((2 + $(r 5)))); do ip netns exec $NS dig @127.0.0.1 +tries=1 +time=2 host$n.test A >/dev/null 2>&1 & done; sleep 1
  fi
}

phase() { for i in $(seq $1); do query; [ $(r 10) -eq 0 ] && sleep 0.$(r 9); done; }

start
phase $((120 + $(r 60)))
stop
badstart IPSEND=0.0.0.0 CACHESIZE=1000 ROOT=$W/root UID=999 GID=994
badstart IP=127.0.0.x IPSEND=0.0.0.0 CACHESIZE=1000 ROOT=$W/root UID=999 GID=994
CS=50000 start MERGEQUERIES=1
phase $((100 + $(r 60)))
stop
badstart IP=127.0.0.1 CACHESIZE=1000 ROOT=$W/root UID=999 GID=994
badstart IP=127.0.0.1 IPSEND=0.0.0.0 CACHESIZE=1000 ROOT=$W/nonexistent UID=999 GID=994
badstart IP=127.0.0.1 IPSEND=0.0.0.0 ROOT=$W/root UID=999 GID=994
badstart IP=127.0.0.1 IPSEND=0.0.0.0 CACHESIZE=1000 ROOT=$W/root GID=994
mv $W/root/servers/@ $W/root/servers/at
badstart IP=127.0.0.1 IPSEND=0.0.0.0 CACHESIZE=1000 ROOT=$W/root UID=999 GID=994
mv $W/root/servers/at $W/root/servers/@
start HIDETTL=1
phase $((80 + $(r 60)))
sleep 14
stop
kill -TERM $FAKE 2>/dev/null; wait $FAKE 2>/dev/null
# Keep one contiguous stretch of at most 2500 whole lines.
sed -n '1,2500p' $RAW > $DIR/dnscache.log
ip netns del $NS
