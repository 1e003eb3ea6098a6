#!/bin/bash
# Round-13 corpus workload: syslog-ng 3.38 (Debian 12 syslog-ng-core, unpacked privately with
# dpkg -x because the package conflicts with the system rsyslog) run as a private instance
# (own config, persist file, control socket, pid file) with -F -d -v; its internal() messages go
# to $LOGDIR/syslogng.log through a file destination (nothing else is written there).
# Sources and destinations on 127.0.0.1:23000-23099 connect, fail, reconnect, get garbage, hit
# connection limits, bad TLS, flow control, reloads (good and broken configs), restarts, stop.
# Run as root on Debian 12:  bash workload.sh [LOGDIR] [DURATION_SECONDS]
set -u
LOGDIR=${1:-/work/round13/syslogng}; DURATION=${2:-240}
W=/tmp/r13sng; R=/opt/r13sng/root
export DEBIAN_FRONTEND=noninteractive
apt-get install -y libivykis0 libnet1 libjson-c5 libpcre3 libwrap0 libcap2 openssl python3 util-linux >/dev/null 2>&1
if [ ! -x $R/usr/sbin/syslog-ng ]; then
  mkdir -p /opt/r13sng/debs && (cd /opt/r13sng/debs && apt-get download syslog-ng-core)
  dpkg -x /opt/r13sng/debs/syslog-ng-core_*.deb $R
fi
export SYSLOGNG_PREFIX=$R/usr LD_LIBRARY_PATH=$R/usr/lib/syslog-ng
SNG="$R/usr/sbin/syslog-ng"; CTL="$R/usr/sbin/syslog-ng-ctl -c $W/ctl"; LOGGEN="$R/usr/bin/loggen"
rm -rf $W; mkdir -p $W/out $W/in $W/tls $W/bad; mkdir -p "$LOGDIR"; rm -f "$LOGDIR/syslogng.log"
chmod 555 $W/bad
RND() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# --- TLS material -----------------------------------------------------------------------------
cd $W/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=r13 test CA" -keyout ca.key -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout srv.key -out srv.csr 2>/dev/null
openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out srv.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=client1" -keyout cli.key -out cli.csr 2>/dev/null
openssl x509 -req -in cli.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out cli.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=rogue" -keyout rogue.key -out rogue.pem 2>/dev/null
mkdir -p cadir; cp ca.pem cadir/; openssl rehash cadir 2>/dev/null || c_rehash cadir >/dev/null
cd /

# --- helper: a TCP receiver that comes and goes, reads fast/slow, or closes at once --------------
cat > $W/recv.py <<'PY'
import socket, sys, time, random
port, mode, life = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(8); s.settimeout(0.5)
end = time.time() + life; conns = []
while time.time() < end:
    try:
        c, _ = s.accept(); c.setblocking(False)
        if mode == "close": c.close(); continue
        if mode == "rst":
            import struct; c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close(); continue
        conns.append(c)
    except socket.timeout: pass
    for c in conns:
        try:
            if mode == "fast": c.recv(65536)
            elif mode == "slow" and random.random() < 0.05: c.recv(64)
        except BlockingIOError: pass
        except OSError: pass
    time.sleep(0.02)
for c in conns: c.close()
PY
# raw client: sends given bytes, optionally waits, closes
cat > $W/raw.py <<'PY'
import socket, sys, time
port, data, wait = int(sys.argv[1]), sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), float(sys.argv[3])
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=3); s.sendall(data); time.sleep(wait); s.close()
except OSError as e: pass
PY
cat > $W/udp.py <<'PY'
import socket, sys
port, data, n = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(n): s.sendto(data + b" #%d" % i, ("127.0.0.1", port))
PY

# --- configuration -----------------------------------------------------------------------------
write_conf() {  # $1 = variant: good | alt | broken | badsem
cat > $W/syslog-ng.conf <<CONF
@version: 3.38
options {
  ts-format(iso); frac-digits(3); stats-freq($(pick 60 90)); stats-level(1); mark-freq(0);
  time-reopen($(pick 2 3 5)); log-fifo-size($(pick 200 500)); keep-hostname(yes); use-dns(no);
  chain-hostnames(no); flush-lines(1); create-dirs(no); threaded(yes); log-msg-size(2048);
};
source s_int { internal(); };
destination d_self { file("$LOGDIR/syslogng.log"); };
log { source(s_int); destination(d_self); flags(final); };

source s_tcp  { network(ip(127.0.0.1) port(23001) transport(tcp) max-connections($(pick 3 4 5)) log-iw-size(400) keep-alive(yes)); };
source s_udp  { network(ip(127.0.0.1) port(23002) transport(udp) so-rcvbuf(65536)); };
source s_5424 { syslog(ip(127.0.0.1) port(23003) transport(tcp) max-connections(4)); };
source s_tls  { network(ip(127.0.0.1) port(23004) transport(tls)
                tls(key-file("$W/tls/srv.key") cert-file("$W/tls/srv.pem") ca-dir("$W/tls/cadir") peer-verify(required-trusted))); };
source s_unix { unix-stream("$W/sock" max-connections(3)); };
source s_file { file("$W/in/app.log" follow-freq(1) flags(no-parse)); };
source s_wild { wildcard-file(base-dir("$W/in") filename-pattern("*.txt") recursive(no) follow-freq(1)); };
$( [ "$1" = alt ] && echo 'source s_extra { network(ip(127.0.0.1) port(23005) transport(tcp)); };' )
$( [ "$1" = broken ] && echo 'source s_broken { network(ip(127.0.0.1) port(23006) transport(tcp) frobnicate(yes); };' )
$( [ "$1" = badsem ] && echo 'source s_dup { network(ip(127.0.0.1) port(23001) transport(tcp)); }; log { source(s_dup); destination(d_nowhere_defined); };' )

parser p_kv { kv-parser(prefix("kv.")); };
parser p_json { json-parser(prefix("j.")); };
rewrite r_tag { set("r13" value("kv.site")); };
filter f_err { level(err..emerg) or message("ERROR"); };

destination d_all   { file("$W/out/all-\${PROGRAM}.log" template("\${ISODATE} \${HOST} \${MSGHDR}\${MSG}\n")); };
destination d_fwd   { network("127.0.0.1" port(23010) transport(tcp) time-reopen($(pick 2 3))); };
destination d_dead  { syslog("127.0.0.1" port(23011) transport(tcp)); };
destination d_slow  { network("127.0.0.1" port(23012) transport(tcp) log-fifo-size(100)); };
destination d_udp   { network("127.0.0.1" port(23013) transport(udp)); };
destination d_tls   { network("$( [ "$1" = alt ] && echo 127.0.0.1 || echo localhost)" port(23004) transport(tls)
                      tls(key-file("$W/tls/cli.key") cert-file("$W/tls/cli.pem") ca-dir("$W/tls/cadir") peer-verify(required-trusted))); };
destination d_bad   { file("$W/bad/sub/\${HOST}.log"); };
destination d_prog  { program("$W/prog.sh" template("\${MSG}\n")); };
destination d_json  { file("$W/out/json.log" template("\$(format-json --scope rfc5424 --key kv.* --key j.*)\n")); };

log { source(s_tcp); source(s_udp); source(s_5424); source(s_unix); parser(p_kv); rewrite(r_tag); destination(d_all); destination(d_fwd); };
log { source(s_tcp); filter(f_err); destination(d_dead); };
log { source(s_5424); destination(d_slow); flags(flow-control); };
log { source(s_udp); destination(d_slow); };
log { source(s_file); source(s_wild); parser(p_json); destination(d_json); destination(d_udp); };
log { source(s_unix); destination(d_tls); destination(d_bad); };
log { source(s_tls); destination(d_all); destination(d_prog); };
CONF
}
cat > $W/prog.sh <<'SH'
#!/bin/sh
# reads some lines, then exits with a random status (syslog-ng restarts it)
n=$(( $(od -An -N1 -tu1 /dev/urandom) % 6 + 1 )); i=0
while read -r l; do i=$((i+1)); [ $i -ge $n ] && exit $(( $(od -An -N1 -tu1 /dev/urandom) % 3 )); done
SH
chmod +x $W/prog.sh

start_sng() {
  $SNG -F -d -v -f $W/syslog-ng.conf -R $W/persist -c $W/ctl -p $W/pid >>$W/stderr 2>&1 &
  sleep 2
}
stop_sng() { [ -f $W/pid ] && kill "$(cat $W/pid)" 2>/dev/null; sleep 2; }

HOSTS=(web01 db02 cache3 edge-7 mail1 api-gw backup9 ns1)
APPS=(nginx postgres cron sshd kernel app worker billing)
msg() { echo "<$(RND 0 191)>$(date '+%b %e %H:%M:%S') $(pick "${HOSTS[@]}") $(pick "${APPS[@]}")[$(RND 100 9999)]: $(pick user=alice user=bob ERROR warn info) req=$(RND 1 99999) site=$(pick eu us ap)"; }

# --- one randomised action -----------------------------------------------------------------------
action() {
  case ${1:-$(pick $(seq 0 14) 18 19 21)} in
    0|1) for i in $(seq $(RND 1 3)); do msg; done | timeout 5 logger --tcp --octet-count -n 127.0.0.1 -P 23003 -t "$(pick "${APPS[@]}")" 2>/dev/null
         for i in $(seq $(RND 1 3)); do timeout 3 logger -n 127.0.0.1 -P 23001 --tcp -t "$(pick "${APPS[@]}")" "$(pick hello ERROR disk full) n=$RANDOM" 2>/dev/null; done ;;
    2) timeout 8 $LOGGEN -i -S -r $(RND 1 4) -I 1 -s $(RND 80 400) --active-connections=$(RND 1 3) -Q 127.0.0.1 23001 >/dev/null 2>&1 ;;
    3) timeout 8 $LOGGEN -i -S -P -r $(RND 1 4) -I 1 --active-connections=$(RND 1 2) -Q 127.0.0.1 23003 >/dev/null 2>&1 ;;
    4) python3 $W/udp.py 23002 "<$(RND 0 191)>udp test from $(pick "${HOSTS[@]}")" $(RND 1 4) ;;
    5) # flood connections over max-connections
       pids=""; for i in $(seq $(RND 5 9)); do python3 $W/raw.py $(pick 23001 23003) "" $(RND 2 4) & pids="$pids $!"; done; wait $pids ;;
    6) # garbage / bad framing on the RFC5424 port
       python3 $W/raw.py 23003 "$(pick 'GARBAGE\n' '99999999999 x\n' 'abc def\n' '12 short\n' '\x00\x01\x02\xff\n' '0 \n')" 1 ;;
    7) # TLS client with a good certificate, and via openssl with rogue / no certificate / plain text
       case $(RND 0 3) in
         0) echo "<13>$(date '+%b %e %H:%M:%S') tlsclient app: hello over tls $RANDOM" | timeout 4 openssl s_client -quiet -connect 127.0.0.1:23004 -cert $W/tls/cli.pem -key $W/tls/cli.key -CAfile $W/tls/ca.pem >/dev/null 2>&1 ;;
         1) echo "rogue $RANDOM" | timeout 4 openssl s_client -quiet -connect 127.0.0.1:23004 -cert $W/tls/rogue.pem -key $W/tls/rogue.key >/dev/null 2>&1 ;;
         2) echo "nocert $RANDOM" | timeout 4 openssl s_client -quiet -connect 127.0.0.1:23004 >/dev/null 2>&1 ;;
         3) python3 $W/raw.py 23004 "<13>plain text on a tls port $RANDOM\n" 1 ;;
       esac ;;
    8) for i in $(seq $(RND 1 4)); do timeout 3 logger -u $W/sock --socket-errors=off -t "$(pick "${APPS[@]}")" "unix message $RANDOM" 2>/dev/null; done ;;
    9) # append / rotate / delete followed files
       case $(RND 0 4) in
         0|1) for i in $(seq $(RND 1 8)); do echo "{\"app\":\"$(pick "${APPS[@]}")\",\"n\":$RANDOM}" >> $W/in/app.log; done ;;
         2) mv $W/in/app.log $W/in/app.log.$(RND 1 9) 2>/dev/null; echo "rotated $RANDOM" > $W/in/app.log ;;
         3) rm -f $W/in/app.log ;;
         4) f=$W/in/$(pick a b c d).txt; if [ -f $f ] && [ $((RANDOM%2)) = 0 ]; then rm -f $f; else echo "bad json {$RANDOM" >> $f; fi ;;
       esac ;;
    10) # forward receiver comes up for a while in a random mode
       [ -f $W/recv10.pid ] && kill -0 "$(cat $W/recv10.pid)" 2>/dev/null || { python3 $W/recv.py 23010 "$(pick fast fast close rst slow)" $(RND 3 20) & echo $! > $W/recv10.pid; } ;;
    11) [ -f $W/recv12.pid ] && kill -0 "$(cat $W/recv12.pid)" 2>/dev/null || { python3 $W/recv.py 23012 "$(pick slow slow fast close)" $(RND 5 25) & echo $! > $W/recv12.pid; } ;;
    12) $CTL stats >/dev/null 2>&1; $CTL query get "$(pick 'src.*' 'dst.*' 'global.*')" >/dev/null 2>&1 ;;
    13) $CTL $(pick verbose debug) --set=$(pick on off on) >/dev/null 2>&1; sleep 1; $CTL debug --set=on >/dev/null 2>&1; $CTL verbose --set=on >/dev/null 2>&1 ;;
    14) $CTL reopen >/dev/null 2>&1 ;;
    15) write_conf ${2:-$(pick good alt)}; $CTL reload >/dev/null 2>&1 ;;
    16) write_conf ${2:-$(pick broken badsem)}; $CTL reload >/dev/null 2>&1; sleep 1; write_conf good ;;
    17) kill -HUP "$(cat $W/pid)" 2>/dev/null ;;
    18) python3 $W/raw.py 23001 "$(pick '<13>no newline at all' '<999>bad pri\n' '<13>ok line\n<14>second\n' "$(head -c 3000 /dev/zero | tr '\0' A)\n")" $(RND 0 2) ;;
    19) timeout 6 $LOGGEN -x -S -r $(RND 2 6) -I 1 -Q $W/sock >/dev/null 2>&1 ;;
    20) stop_sng; write_conf good; start_sng ;;
    21) python3 $W/raw.py 23005 "<13>extra port $RANDOM\n" 0 ;;
  esac
}

write_conf good
$SNG -s -f $W/syslog-ng.conf || exit 1
start_sng
END=$(( $(date +%s) + DURATION ))
N=0
while [ "$(date +%s)" -lt $END ]; do
  N=$((N + 1))
  case $N in   # reloads (good and broken), SIGHUP and a restart at fixed points, random actions otherwise
    8) action 15 alt ;; 16) action 16 broken ;; 24) action 17 ;; 32) action 16 badsem ;; 40) action 20 ;;
    48) action 15 good ;; 56) action 16 broken ;; 64) action 15 alt ;; *) action ;;
  esac
  sleep $(RND 0 1).$(RND 0 9)
  [ -f $W/pid ] && kill -0 "$(cat $W/pid)" 2>/dev/null || start_sng
done
$CTL stop >/dev/null 2>&1; sleep 3
[ -f $W/pid ] && kill "$(cat $W/pid)" 2>/dev/null
for p in $W/recv10.pid $W/recv12.pid; do [ -f $p ] && kill "$(cat $p)" 2>/dev/null; done
wc -l "$LOGDIR/syslogng.log"
