#!/bin/bash
# Deadwood (MaraDNS 2.0.13 recursive cache) workload, verbose_level 100, stdout+stderr to maradns.log.
# Run as root on Debian 12:  bash workload.sh   (takes ~4 minutes; uses 127.0.0.1:45052-45054 only)
# MaraDNS is not in bookworm: the bullseye .debs are fetched with apt-get download and unpacked
# into /tmp/r17apt/root (no system install, no service started).
# Topology: dig -> Deadwood 127.0.0.1:45054 -> upstream port 45053 which is, in turn, MaraDNS
# (authoritative, answers), a python fake (SERVFAIL/NXDOMAIN/garbage/truncated/silent), or nothing.
set -u
OUT=$(cd "$(dirname "$0")" && pwd)
LOG=$OUT/maradns.log
A=/tmp/r17apt; B=$A/root/usr/sbin; W=/tmp/r17m
if [ ! -x $B/deadwood ]; then
  mkdir -p $A/lists/partial $A/cache/archives/partial $A/root
  echo "deb http://deb.debian.org/debian bullseye main" > $A/bullseye.list
  O="-o Dir::Etc::SourceList=$A/bullseye.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$A/lists -o Dir::Cache=$A/cache"
  apt-get $O update && (cd $A && apt-get $O download maradns maradns-deadwood)
  for f in $A/*.deb; do dpkg-deb -x $f $A/root; done
fi
command -v dig >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y dnsutils
rm -rf $W; mkdir -p $W/m; : > $LOG
cat > $W/m/db.example.test <<'Z'
example.test. SOA ns1.example.test. hostmaster@example.test. 1 7200 3600 604800 300
example.test. NS ns1.example.test.
ns1.example.test. A 127.0.0.1
www.example.test. A 10.1.2.3
mail.example.test. A 10.1.2.4
example.test. MX 10 mail.example.test.
ftp.example.test. CNAME www.example.test.
alias.example.test. CNAME ghost.elsewhere.test.
txt.example.test. TXT 'hello world'
v6.example.test. AAAA 2001:db8::1
Z
for i in $(seq 1 40); do echo "h$i.example.test. A 10.9.$((RANDOM%250)).$((RANDOM%250))" >> $W/m/db.example.test; done
cat > $W/m/db.corp.test <<'Z'
corp.test. SOA ns.corp.test. admin@corp.test. 7 7200 3600 604800 60
corp.test. NS ns.corp.test.
ns.corp.test. A 127.0.0.1
sub.corp.test. NS ns.other.test.
db.corp.test. A 192.168.7.7
Z
cat > $W/mararc <<'Z'
ipv4_bind_addresses = "127.0.0.1"
dns_port = 45053
chroot_dir = "/tmp/r17m/m"
maradns_uid = 65534
maradns_gid = 65534
verbose_level = 4
csv2 = {}
csv2["example.test."] = "db.example.test"
csv2["corp.test."] = "db.corp.test"
Z
cat > $W/fake.py <<'Z'
import socket, random, sys, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 45053))
mode = sys.argv[1]
while True:
    d, a = s.recvfrom(4096)
    m = mode if mode != "mix" else random.choice(["servfail", "nx", "garbage", "silent", "trunc", "refused", "answer", "short"])
    if m == "silent": continue
    if m == "garbage": s.sendto(bytes(random.randrange(256) for _ in range(random.randint(1, 60))), a); continue
    if m == "short": s.sendto(d[:random.randint(2, 11)], a); continue
    rc = {"servfail": 2, "nx": 3, "refused": 5, "trunc": 0, "answer": 0}[m]
    flags = 0x8180 | rc | (0x0200 if m == "trunc" else 0)
    an = 1 if m == "answer" else 0
    body = d[12:]
    if an: body += b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04" + bytes([10, random.randrange(256), random.randrange(256), 9])
    s.sendto(d[:2] + struct.pack(">HHHHH", flags, 1, an, 0, 0) + body, a)
Z
dwconf() { # $1 = extra text
cat > $W/dwood3rc <<Z
bind_address = "127.0.0.1"
dns_port = 45054
upstream_port = 45053
chroot_dir = "$W"
recursive_acl = "127.0.0.1/32"
upstream_servers = {}
upstream_servers["."] = "127.0.0.1"
maradns_uid = 65534
maradns_gid = 65534
verbose_level = 100
timeout_seconds = 1
num_retries = $((RANDOM%3))
filter_rfc1918 = $((RANDOM%2))
tcp_listen = 1
cache_file = "dw_cache"
$1
Z
}
UP=none; UPPID=
up() { # maradns | fake MODE | none
  [ -n "$UPPID" ] && kill $UPPID 2>/dev/null; wait $UPPID 2>/dev/null; UPPID=
  case $1 in
    maradns) $B/maradns -f $W/mararc > $W/maradns.out 2>&1 & UPPID=$! ;;
    fake) python3 $W/fake.py $2 & UPPID=$! ;;
  esac
  sleep 0.5
}
DWPID=
dwstart() { $B/deadwood -f $W/dwood3rc >> $LOG 2>&1 & DWPID=$!; sleep 0.7; }
nudge() { timeout 2 dig +time=1 +tries=1 -p 45054 @127.0.0.1 wake$RANDOM.example.test >/dev/null 2>&1; }
# Deadwood acts on a signal only when its select loop wakes: nudge it with a query
dwstop() { [ -n "$DWPID" ] && { kill ${1:-} $DWPID 2>/dev/null; nudge; sleep 0.5; kill $DWPID 2>/dev/null; kill -0 $DWPID 2>/dev/null && nudge; }; wait $DWPID 2>/dev/null; DWPID=; }
NAMES=(www mail ftp alias txt v6 ns1 nope missing h$((RANDOM%40)) h$((RANDOM%40)) h7 db sub)
TYPES=(A A A MX AAAA TXT ANY NS SOA CNAME PTR SRV)
q() {
  local n=${NAMES[RANDOM%${#NAMES[@]}]} t=${TYPES[RANDOM%${#TYPES[@]}]} z=example.test tcp=""
  (( RANDOM%4 == 0 )) && z=corp.test
  (( RANDOM%7 == 0 )) && z=nowhere$((RANDOM%9)).invalid
  (( RANDOM%8 == 0 )) && tcp=+tcp
  timeout 6 dig $tcp +time=3 +tries=1 -p 45054 @127.0.0.1 $n.$z $t >/dev/null 2>&1
}
bad() { python3 - <<'P'
import socket, random, os
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
k = random.randrange(6)
qid = os.urandom(2)
name = b"".join(bytes([len(l)]) + l for l in [os.urandom(random.randint(1,5)).hex().encode(), b"example", b"test"]) + b"\0"
pk = [os.urandom(random.randint(1, 40)),
      qid + b"\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + name[:-3],
      qid + b"\x01\x00\x00\x02\x00\x00\x00\x00\x00\x00" + name + b"\0\x01\0\x01" + name + b"\0\x01\0\x01",
      qid + b"\x81\x80\x00\x01\x00\x00\x00\x00\x00\x00" + name + b"\0\x01\0\x01",
      qid + b"\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + b"\xc0\x0c" + b"\0\x01\0\x01",
      qid + b"\x28\x00\x00\x01\x00\x00\x00\x00\x00\x00" + name + b"\0\x06\0\x01"][k]
s.sendto(pk, ("127.0.0.1", 45054))
try: s.recv(4096)
except Exception: pass
P
}
tcpjunk() { python3 - <<'P'
import socket, os, random, time
c = socket.create_connection(("127.0.0.1", 45054), timeout=6)
k = random.randrange(3)
if k == 0: c.sendall(os.urandom(random.randint(3, 30)))
elif k == 1: c.sendall(b"\x00\x30" + os.urandom(5))
else: time.sleep(5)
try: c.recv(100)
except Exception: pass
c.close()
P
}
round() { # $1 = number of queries
  local pids=()
  for i in $(seq 1 $1); do
    r=$((RANDOM%20))
    if (( r == 0 )); then bad; elif (( r == 1 )); then tcpjunk & pids+=($!); else q & pids+=($!); fi
    (( RANDOM%3 == 0 )) && { wait "${pids[@]}"; pids=(); }
  done; [ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
}
up maradns; dwconf ""; dwstart
round 60
up fake mix; round 40
up none; round 15
up maradns; round 40
dwstop; dwconf ""; dwstart; round 30           # restart: cache file read back
dwstop -HUP; dwconf 'bogus_param = 3'; dwstart # bad config
dwstop; dwconf 'upstream_servers["."] += "x"'; dwstart
dwstop; dwconf 'verbose_level = "5"'; dwstart
dwstop; dwconf 'recursive_acl = "10.0.0.0/8"'; dwstart
dwstop; dwconf ' num_ports = 3'; dwstart
dwstop; dwconf 'num_ports = 3'; dwstart
dwstop; dwconf 'root_servers["."] = "127.0.0.1"'; dwstart
dwstop; dwconf 'ip_blacklist = "10.1.2.3"'; dwstart; round 30
for m in servfail nx garbage silent trunc refused answer short; do up fake $m; round $((10 + RANDOM%10)); done
dwstop -INT; dwconf ""; dwstart
up maradns; round 50
up fake mix; round 40
touch $W/dwood3rc; dwstop; dwstart; round 20
dwstop
[ -n "$UPPID" ] && kill $UPPID; wait $UPPID 2>/dev/null
echo "lines: $(wc -l < $LOG)"
