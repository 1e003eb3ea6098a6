#!/bin/bash
# Workload for the gRPC C core (grpcio) through a minimal Python Echo server, run in private
# network + mount namespaces. Output: /work/round43/grpc/grpc.log (the server's stderr)
if [ -z "$R43F_INNS" ]; then
  export R43F_INNS=1
  exec unshare -n -m --propagation private /bin/bash "$0" "$@"
fi
set -m
cd /work/round43/grpc || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
B=/tmp/round43-r43f/gr
rm -rf $B; mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/data $B/xdg/cache $B/pki
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data \
       XDG_CACHE_HOME=$B/xdg/cache XDG_RUNTIME_DIR=$B/tmp TZ=UTC
# throw-away TLS material, outside the labelling folder
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout $B/pki/key.pem -out $B/pki/cert.pem > /dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other -keyout $B/pki/okey.pem -out $B/pki/other.pem > /dev/null 2>&1
P=/tmp/round43-r43f/venv-grpc/bin/python
PORT=48600
RAW=$B/raw.log
: > $RAW
export GRPC_TRACE=connectivity_state,server_channel,handshaker,call_error,op_failure,subchannel,api,call
SP=; TLS=0
start_server() {
  if (( RANDOM % 3 == 0 )); then TLS=1; else TLS=0; fi
  if (( TLS )); then
    GRPC_VERBOSITY=DEBUG $P server.py $PORT $B/pki/key.pem $B/pki/cert.pem 2>> $RAW > /dev/null &
  else
    GRPC_VERBOSITY=DEBUG $P server.py $PORT 2>> $RAW > /dev/null &
  fi
  SP=$!
  sleep 1.5
}
stop_server() {
  if (( RANDOM % 2 )); then kill -INT $SP; else kill -TERM $SP; fi
  wait $SP 2>/dev/null
}
C() {  # client; its own output is not part of the log
  if (( TLS )); then
    case $1 in
      plain) GRPC_VERBOSITY=NONE timeout 15 $P client.py $PORT say 1 > /dev/null 2>&1 ;;
      badca) GRPC_VERBOSITY=NONE timeout 15 $P client.py $PORT tls 1 $B/pki/other.pem > /dev/null 2>&1 ;;
      badname) GRPC_VERBOSITY=NONE timeout 15 $P client.py $PORT tlsbadname 1 $B/pki/cert.pem > /dev/null 2>&1 ;;
      *) GRPC_VERBOSITY=NONE timeout 15 $P client.py $PORT tls $(( RANDOM % 3 + 1 )) $B/pki/cert.pem > /dev/null 2>&1 ;;
    esac
  else
    GRPC_VERBOSITY=NONE timeout 15 $P client.py $PORT "$@" > /dev/null 2>&1
  fi
}
junk() {  # not HTTP/2 at all
  ( trap '' PIPE
  case $(( RANDOM % 3 )) in
    0) printf 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n' ;;
    1) head -c $(( RANDOM % 200 + 10 )) /dev/urandom ;;
    2) printf 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x04\x08\x00\x00\x00\x00\x00' ;;
  esac > /dev/tcp/127.0.0.1/$PORT 2>/dev/null )
}
start_server
ROUNDS=${ROUNDS:-70}
for ((i = 0; i < ROUNDS; i++)); do
  r=$(( RANDOM % 100 ))
  if   (( r < 25 )); then C say $(( RANDOM % 4 + 1 ))
  elif (( r < 33 )); then C sayfail
  elif (( r < 41 )); then C deadline
  elif (( r < 50 )); then C many
  elif (( r < 56 )); then C manycancel
  elif (( r < 63 )); then C collect
  elif (( r < 70 )); then C chat
  elif (( r < 73 )); then C big
  elif (( r < 77 )); then C flood
  elif (( r < 81 )); then C plain
  elif (( r < 85 )); then C badca
  elif (( r < 87 )); then C badname
  elif (( r < 90 )); then junk
  elif (( r < 94 )); then  # clients in flight while the server goes away
    C many & c=$!; sleep 0.3; stop_server; wait $c; start_server
  else stop_server; start_server
  fi
  (( RANDOM % 4 == 0 )) && sleep 0.$(( RANDOM % 9 + 1 ))
done
stop_server
sed -n '1,2500p' $RAW > /work/round43/grpc/grpc.log
rm -rf $B
