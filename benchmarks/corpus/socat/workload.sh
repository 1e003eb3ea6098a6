#!/bin/bash
# Randomised workload for socat: servers/relays + clients over TCP, UDP, UNIX, pipes, TLS, with failures.
D=$(cd "$(dirname "$0")" && pwd)
W=$D/work
LOG=${LOG:-$D/socat.log}
rm -rf "$W"; mkdir -p "$W"
: > "$LOG"
V="-d -d -d -lf $LOG"
PIDS=()
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
bg() { local var=$1; shift; socat $V "$@" </dev/null >/dev/null 2>&1 & eval "$var=$!"; }
stopsig() { kill -"$1" "$2" 2>/dev/null; wait "$2" 2>/dev/null; }

# TLS material
openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/key.pem -out $W/cert.pem -days 2 -subj /CN=localhost >/dev/null 2>&1
cat $W/key.pem $W/cert.pem > $W/server.pem

start_servers() {
  bg P_ECHO TCP4-LISTEN:42101,reuseaddr,fork EXEC:cat
  bg P_RELAY TCP4-LISTEN:42102,reuseaddr,fork,range=127.0.0.1/32 TCP4:127.0.0.1:42101
  bg P_UDP UDP4-RECVFROM:42103,fork SYSTEM:"tr a-z A-Z"
  bg P_UNIX UNIX-LISTEN:$W/s4.sock,fork,unlink-early EXEC:rev
  bg P_TLS OPENSSL-LISTEN:42105,reuseaddr,fork,cert=$W/server.pem,verify=0 EXEC:cat
  bg P_DEAD TCP4-LISTEN:42106,reuseaddr,fork TCP4:127.0.0.1:42199
  bg P_PROXY TCP4-LISTEN:42107,reuseaddr,fork EXEC:$D/fake_proxy.sh
  bg P_SOCKS TCP4-LISTEN:42108,reuseaddr,fork EXEC:$D/fake_socks.sh
  bg P_DGRAM UNIX-RECV:$W/dgram.sock,unlink-early CREATE:$W/dgram.out
  bg P_GARB TCP4-LISTEN:42109,reuseaddr,fork SYSTEM:"echo garbage-not-tls; sleep 0.2"
  sleep 0.5
}

c_tcp_echo() { head -c $(( 1 + $(r 3000) )) /dev/urandom | base64 | socat $V -t 0.5 - TCP4:127.0.0.1:42101 >/dev/null; }
c_relay() { echo "relay $(r 1000)" | socat $V - TCP4:127.0.0.1:42102 >/dev/null; }
c_relay_refused() { echo "denied" | socat $V -T 1 - TCP4:127.0.0.1:42102,bind=127.0.0.2 >/dev/null; }
c_udp() { echo "udp datagram $(r 100)" | socat $V -T 0.5 - UDP4:127.0.0.1:42103 >/dev/null; }
c_unix() { echo "unix stream $(r 100)" | socat $V - UNIX-CONNECT:$W/s4.sock >/dev/null; }
c_unix_missing() { echo x | socat $V - UNIX-CONNECT:$W/nosuch.sock >/dev/null; }
c_tls() { echo "tls $(r 100)" | socat $V -t 0.5 - OPENSSL:127.0.0.1:42105,verify=0 >/dev/null; }
c_tls_verify_fail() { echo x | socat $V - OPENSSL:127.0.0.1:42105,verify=1,cafile=/etc/ssl/certs/ca-certificates.crt >/dev/null; }
c_tls_plain() { printf 'GET / HTTP/1.0\r\n\r\n' | socat $V -T 1 - TCP4:127.0.0.1:42105 >/dev/null; }
c_tls_garbage() { echo x | socat $V -T 1 - OPENSSL:127.0.0.1:42109,verify=0 >/dev/null; }
c_dead_backend() { echo x | socat $V -T 1 - TCP4:127.0.0.1:42106 >/dev/null; }
c_refused() { echo x | socat $V - TCP4:127.0.0.1:$(pick 42190 42191 42192) >/dev/null; }
c_retry() { echo x | socat $V - TCP4:127.0.0.1:42193,retry=$(( 1 + $(r 3) )),interval=0.1 >/dev/null; }
c_proxy() { echo x | socat $V -T 1 - PROXY:127.0.0.1:example.org:80,proxyport=42107 >/dev/null; }
c_socks() { echo x | socat $V -T 1 - SOCKS4:127.0.0.1:127.0.0.9:80,socksport=42108 >/dev/null; }
c_badaddr() { socat $V - $(pick FOO:bar "TCP4:1.2.3:x" "TCP4:999.1.1.1:42100" "UDP4:127.0.0.1" "TCP4-LISTEN:notaport" "OPENSSL-LISTEN:42110,cert=$W/missing.pem") </dev/null >/dev/null; }
c_badopt() { socat $V - TCP4:127.0.0.1:42101,$(pick nosuchopt=1 "fork=2x" "bind=not.an.ip" "connect-timeout") </dev/null >/dev/null; }
c_files() {
  echo "file data $(r 100)" | socat $V -u - CREATE:$W/out$(r 3).txt
  socat $V -u GOPEN:$W/out$(r 3).txt - >/dev/null
  socat $V -u OPEN:$W/nonexistent$(r 9) - >/dev/null
  echo x | socat $V -u - CREATE:$W >/dev/null
}
c_exec_missing() { echo x | socat $V - EXEC:/nonexistent/prog$(r 9) >/dev/null; }
c_pipe() {
  rm -f $W/fifo; socat $V -u PIPE:$W/fifo CREATE:$W/fifo.out & local p=$!
  sleep 0.2; echo "through fifo $(r 100)" | socat $V -u - PIPE:$W/fifo; wait $p
}
c_unnamed_pipe() { echo "pipe $(r 99)" | socat $V - PIPE >/dev/null & local p=$!; sleep 0.3; kill $p 2>/dev/null; wait $p 2>/dev/null; }
c_timeout() { (sleep 3) | socat $V -T 0.$(( 3 + $(r 5) )) - TCP4:127.0.0.1:42101 >/dev/null; }
c_maxchildren() {
  local ps=(); for i in 1 2 3 4 5; do (sleep 1; echo hold$i) | socat $V -T 2 - TCP4:127.0.0.1:42101 >/dev/null & ps+=($!); done
  wait "${ps[@]}"
}
c_udp_listen_once() {
  socat $V -T 1 UDP4-LISTEN:42111,reuseaddr - >/dev/null & local p=$!
  sleep 0.2; echo "once" | socat $V -T 0.3 - UDP4-SENDTO:127.0.0.1:42111; wait $p
}
c_udp_refused() { echo x | socat $V -T 0.5 - UDP4-CONNECT:127.0.0.1:42194 >/dev/null; }
c_kill_midstream() { (sleep 2) | socat $V - TCP4:127.0.0.1:42101 >/dev/null & local p=$!; sleep 0.3; kill -$(pick INT TERM HUP) $p; wait $p 2>/dev/null; }
c_listen_busy() { timeout 1 socat $V TCP4-LISTEN:42101 - </dev/null >/dev/null; }
c_stdio_to_file_ignoreeof() { echo data | timeout 0.5 socat $V -u - OPEN:$W/ign.txt,creat,append,ignoreeof >/dev/null; }
c_unix_dgram() { echo "dgram $(r 100)" | socat $V -u - UNIX-SENDTO:$W/dgram.sock; }
c_backend_dies() {
  socat $V TCP4-LISTEN:42112,reuseaddr EXEC:"sleep 0.3" </dev/null >/dev/null 2>&1 & local b=$!
  socat $V TCP4-LISTEN:42113,reuseaddr TCP4:127.0.0.1:42112 </dev/null >/dev/null 2>&1 & local f=$!
  sleep 0.2; (echo start; sleep 1) | socat $V -T 2 - TCP4:127.0.0.1:42113 >/dev/null
  kill $b $f 2>/dev/null; wait $b $f 2>/dev/null
}
c_interface() { socat $V - TCP4:127.0.0.1:42101,so-bindtodevice=nosuch0 </dev/null >/dev/null; }

CLIENTS=(c_tcp_echo c_tcp_echo c_relay c_relay c_relay_refused c_udp c_udp c_unix c_unix_missing c_tls c_tls
  c_tls_verify_fail c_tls_plain c_tls_garbage c_dead_backend c_refused c_retry c_proxy c_socks c_badaddr c_badopt
  c_files c_exec_missing c_pipe c_unnamed_pipe c_timeout c_maxchildren c_udp_listen_once c_udp_refused
  c_kill_midstream c_listen_busy c_stdio_to_file_ignoreeof c_interface c_unix_dgram c_backend_dies c_badaddr c_badopt)

start_servers
for round in 1 2; do
  # every client once per round, in a random order
  for f in $(printf '%s\n' "${CLIENTS[@]}" | shuf); do
    $f 2>/dev/null
  done
  # restart a random server with a random signal
  sig=$(pick TERM INT HUP USR1)
  victim=$(pick P_ECHO P_UDP P_UNIX P_TLS)
  stopsig $sig ${!victim}
  case $victim in
    P_ECHO) bg P_ECHO TCP4-LISTEN:42101,reuseaddr,fork EXEC:cat;;
    P_UDP) bg P_UDP UDP4-RECVFROM:42103,fork SYSTEM:"tr a-z A-Z";;
    P_UNIX) bg P_UNIX UNIX-LISTEN:$W/s4.sock,fork,unlink-early EXEC:rev;;
    P_TLS) bg P_TLS OPENSSL-LISTEN:42105,reuseaddr,fork,cert=$W/server.pem,verify=0 EXEC:cat;;
  esac
  sleep 0.3
done
# shutdown
for v in P_ECHO P_RELAY P_UDP P_UNIX P_TLS P_DEAD P_PROXY P_SOCKS P_GARB P_DGRAM; do stopsig $(pick TERM INT) ${!v}; done
sleep 0.3
rm -rf "$W"
