#!/bin/bash
# Randomised workload for nghttpd (nghttp2-server 1.52.0): runs the server with -v in network
# namespace r39a_ng (private mount namespace), first plain (--no-tls), then with a throwaway
# TLS certificate, and drives it with nghttp, h2load and rawh2.py. Writes nghttpd.log here.
set -u
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round39-r39a/ng
NS=r39a_ng
PORT=50010
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
mkdir -p $R/home $R/tmp $R/htdocs/dir $R/tls $R/xdg_rt $R/xdg_cfg $R/xdg_data $R/xdg_cache; chmod 700 $R/xdg_rt
ip netns list | grep -qw $NS || { ip netns add $NS; ip netns exec $NS ip link set lo up; }
# document root
cd $R/htdocs
echo '<html><link rel="stylesheet" href="/style.css"><script src="/app.js"></script><img src="/logo.png"></html>' > index.html
echo 'body{}' > style.css; echo 'var a=1;' > app.js; head -c 3000 /dev/urandom > logo.png
head -c $((200000 + RANDOM * 10)) /dev/urandom > big.bin
echo 'inner' > dir/index.html; echo 'notes' > notes.txt; echo secret > noperm.txt; chmod 000 noperm.txt
cd $R
RAW=$R/raw.log; : > $RAW
NX="ip netns exec $NS"
ENV="env -i PATH=/usr/bin:/bin:/usr/sbin HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/xdg_rt XDG_CONFIG_HOME=$R/xdg_cfg XDG_DATA_HOME=$R/xdg_data XDG_CACHE_HOME=$R/xdg_cache"

start() { # args: extra server options...
  $NX unshare -m $ENV nghttpd -v -d $R/htdocs "$@" >> $RAW 2>&1 &
  SPID=$!; sleep 0.5
}
stop() { kill -INT $SPID 2>/dev/null; sleep 0.3; kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

client_round() { # $1 = scheme
  local sch=$1 n i
  n=$((RANDOM % 4 + 4))
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 19)) in
      0|1|2) $NX $ENV nghttp -n $( [ $((RANDOM%3)) = 0 ] && echo -a ) "$sch://127.0.0.1:$PORT/$(pick index.html '' style.css notes.txt dir/ dir)" ;;
      3|4) $NX $ENV nghttp -n "$sch://127.0.0.1:$PORT/$(pick missing.html nope/x.png noperm.txt '../etc/passwd' 'a%zz' 'notes.txt?x=1')" ;;
      5) $NX $ENV nghttp -n -w $((RANDOM % 4 + 14)) -W $((RANDOM % 4 + 16)) "$sch://127.0.0.1:$PORT/big.bin" ;;
      6) head -c $((RANDOM % 3000 + 10)) /dev/urandom > $R/tmp/up.bin; $NX $ENV nghttp -n -d $R/tmp/up.bin "$sch://127.0.0.1:$PORT/$(pick upload index.html)" ;;
      7) $NX $ENV nghttp -n -H "$(pick 'x-trace: 1' 'if-modified-since: Sun, 06 Nov 2034 08:49:37 GMT' 'cookie: a=b' 'range: bytes=0-10')" "$sch://127.0.0.1:$PORT/index.html" ;;
      8) $NX $ENV h2load -n $((RANDOM % 4 + 2)) -c $((RANDOM % 2 + 1)) -m 2 "$sch://127.0.0.1:$PORT/$(pick index.html missing notes.txt)" ;;
      9) $NX $ENV nghttp -n $( [ $sch = http ] && echo -u ) --no-dep -m $((RANDOM % 3 + 1)) "$sch://127.0.0.1:$PORT/notes.txt" ;;
      *) $NX /usr/bin/python3 $D/rawh2.py $PORT $(pick http1 nosettings upperhdr ignhdr badpath wu0 ping dataidle badhpack rst goaway priority badsetting badwindow selfdep post cl_mismatch trunc contonly) $RANDOM ;;
    esac > /dev/null 2>&1
  done
}

# run 1: plain, with push config
start --no-tls -p/index.html=/style.css,/app.js $PORT
$NX /usr/bin/python3 $D/rawh2.py $PORT hang $RANDOM > /dev/null 2>&1 & HANG=$!
client_round http
client_round http
$NX /usr/bin/python3 $D/rawh2.py $PORT noack $RANDOM > /dev/null 2>&1
client_round http
wait $HANG
stop
# bad command lines
for i in 1 2 3 4 5 6; do
  $NX unshare -m $ENV nghttpd -v --no-tls $(pick '-w 99' '-m x' '-c abc' '-b -1' '-p bad' '--mime-types-file=/nonexistent/mime.types' '--trailer=nocolon' '--bogus-option' '-n 0') $(pick $PORT $PORT http) >> $RAW 2>&1 & BP=$!
  sleep 0.4; kill $BP 2>/dev/null; wait $BP 2>/dev/null
done
# run 2: bad option (missing key/cert), then TLS with throwaway cert
$NX unshare -m $ENV nghttpd -v $PORT >> $RAW 2>&1
$NX unshare -m $ENV nghttpd -v $PORT $R/tls/none.key $R/tls/none.crt >> $RAW 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout $R/tls/key.pem -out $R/tls/cert.pem -days 2 -subj /CN=127.0.0.1 > /dev/null 2>&1
start -e $PORT $R/tls/key.pem $R/tls/cert.pem
for r in 1 2; do client_round https; done
for i in 1 2; do $NX timeout 3 openssl s_client -connect 127.0.0.1:$PORT -alpn $(pick http/1.1 h2,http/1.1 spdy/3) < /dev/null > /dev/null 2>&1; done
$NX timeout 3 openssl s_client -connect 127.0.0.1:$PORT < /dev/null > /dev/null 2>&1
stop
# run 3: port already taken
start --no-tls $PORT
$NX unshare -m $ENV nghttpd -v --no-tls $PORT >> $RAW 2>&1
client_round http
stop
rm -rf $R/tls
sed -n '1,2500p' $RAW > $D/nghttpd.log
echo "seed=$SEED lines=$(wc -l < $RAW)" >&2
