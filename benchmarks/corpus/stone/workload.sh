#!/bin/bash
# Randomised workload for stone 2.4 (Debian). Run as: unshare -n -m bash /work/round43/stone/workload.sh
# (private network + mount namespace). Writes stone's debug log (-d x5, -L) and cuts stone.log from it.
set -m
D=/work/round43/stone
W=/tmp/round43-r43a/stone
cd "$D" || exit 1
mkdir -p $W/home $W/tmp $W/run $W/keys $W/www/sub
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/home/.config XDG_CACHE_HOME=$W/home/.cache XDG_DATA_HOME=$W/home/.local/share XDG_RUNTIME_DIR=$W/run
ip link set lo up
RAW=$W/raw.log
rm -f $RAW
PY=/usr/bin/python3
r() { echo $(( RANDOM % $1 )); }

# throwaway key + certificate (deleted at the end)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -keyout $W/keys/key.pem -out $W/keys/cert.pem 2>/dev/null
for i in 1 2 3; do head -c $((RANDOM % 4000 + 10)) /dev/urandom | base64 > $W/www/f$i.txt; done
echo '<html>hi</html>' > $W/www/index.html

PIDS=()
start_backends() {
  socat TCP-LISTEN:46001,fork,reuseaddr EXEC:cat >/dev/null 2>&1 & ECHO=$!
  socat TCP-LISTEN:46002,fork,reuseaddr EXEC:true >/dev/null 2>&1 & DROP=$!
  socat -T2 UDP-LISTEN:46011,fork,reuseaddr EXEC:cat >/dev/null 2>&1 & UECHO=$!
  socat OPENSSL-LISTEN:46030,fork,reuseaddr,cert=$W/keys/cert.pem,key=$W/keys/key.pem,verify=0 EXEC:cat >/dev/null 2>&1 & SECHO=$!
  (cd $W/www && exec $PY -m http.server 46020 --bind 127.0.0.1 >/dev/null 2>&1) & HTTPD=$!
}
stop_backends() { kill $ECHO $DROP $UECHO $SECHO $HTTPD 2>/dev/null; wait $ECHO $DROP $UECHO $SECHO $HTTPD 2>/dev/null; }

start_stone() {
  stone -d -d -d -d -d -r -T $1 -L $RAW \
    localhost:46001 46000 -- \
    localhost:46002 46012 -- \
    localhost:46011/udp 46010/udp -- \
    proxy 46003 -- \
    localhost:46099 46006 -- \
    localhost:46001 46005 10.9.9.0/24 -- \
    health 46008 -- \
    -z cert=$W/keys/cert.pem -z key=$W/keys/key.pem localhost:46001 46007/ssl -- \
    -q verify,none localhost:46030/ssl 46009 \
    2>>$W/stone.stderr &
  STONE=$!
  sleep 0.5
}

tcp_client() { head -c $((RANDOM % 3000 + 1)) /dev/urandom | base64 | socat -t1 - TCP:127.0.0.1:$1 >/dev/null 2>&1; }
one_action() {
  case $(r 20) in
    0|1|2|3) tcp_client 46000 ;;
    4) printf 'line %s\n' $RANDOM | socat -t1 - TCP:127.0.0.1:46012 >/dev/null 2>&1 ;;
    5|6) printf 'udp %s\n' $RANDOM | socat -t1 - UDP:127.0.0.1:46010 >/dev/null 2>&1 ;;
    7|8) curl -s -m 3 -x http://127.0.0.1:46003 http://127.0.0.1:46020/f$(( RANDOM % 4 )).txt -o /dev/null ;;
    9) curl -s -m 3 -p -x http://127.0.0.1:46003 http://127.0.0.1:46020/index.html -o /dev/null ;;
    10) printf 'BOGUS REQUEST\r\n\r\n' | socat -t1 - TCP:127.0.0.1:46003 >/dev/null 2>&1 ;;
    11) curl -s -m 3 -x http://127.0.0.1:46003 http://127.0.0.1:46098/ -o /dev/null ;;
    12) tcp_client 46006 ;;
    13) tcp_client 46005 ;;
    14) printf 'HELO x\r\n' | socat -t1 - TCP:127.0.0.1:46008 2>/dev/null; printf 'QUIT\r\n' | socat -t1 - TCP:127.0.0.1:46008 >/dev/null 2>&1 ;;
    15) echo "ssl $RANDOM" | timeout 3 openssl s_client -quiet -connect 127.0.0.1:46007 >/dev/null 2>&1 ;;
    16) echo "plain to ssl" | socat -t1 - TCP:127.0.0.1:46007 >/dev/null 2>&1 ;;
    17) tcp_client 46009 ;;
    18) (echo idle; sleep $(( $(r 3) + 3 ))) | socat -t1 - TCP:127.0.0.1:46000 >/dev/null 2>&1 & sleep 0.2 ;;
    19) socat -T1 - TCP:127.0.0.1:46000,linger=0 </dev/null >/dev/null 2>&1 ;;
  esac
}

start_backends
sleep 0.5
for round in 1 2 3; do
  start_stone $(( $(r 3) + 2 ))
  n=$(( $(r 15) + 18 ))
  for i in $(seq $n); do
    one_action
    case $(r 30) in
      0) kill -HUP $STONE ;;
      1) kill -USR1 $STONE; sleep 0.2; kill -USR2 $STONE ;;
      2) stop_backends; sleep 0.3; tcp_client 46000; tcp_client 46009; start_backends; sleep 0.5 ;;
    esac
  done
  sleep 1
  kill -INT $STONE; wait $STONE
  # a run with a bad argument (unresolvable host) and a bad port: stone reports and exits
  case $(r 2) in
    0) stone -d -d -d -d -d -L $RAW nohost.invalid:46001 46040 2>>$W/stone.stderr & B=$!; sleep 1; kill $B 2>/dev/null; wait $B ;;
    1) stone -d -d -d -d -d -L $RAW localhost:46001 46000 -- localhost:46001 46000 2>>$W/stone.stderr & B=$!; sleep 1; kill $B 2>/dev/null; wait $B ;;
  esac
done
stop_backends
wait
rm -rf $W/keys
# keep the whole log if short, otherwise its first 2500 lines
sed -n '1,2500p' $RAW > $D/stone.log
wc -l $RAW $D/stone.log
