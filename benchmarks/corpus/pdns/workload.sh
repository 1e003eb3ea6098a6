#!/bin/bash
# Round-10 corpus workload: PowerDNS Authoritative Server 4.7 (Debian 12 `pdns-server`) with the
# gsqlite3 and bind backends, run in the foreground (--daemon=no --guardian=no) with
# loglevel=7, log-dns-queries, log-dns-details, log-timestamp, webserver-loglevel=normal; its
# stderr is $OUT/pdns.log. A BIND named on 127.0.0.1:18054 is the primary of two secondary zones,
# a tiny Python responder on 18055 answers (or ignores) NOTIFYs. Everything binds 127.0.0.1,
# ports 18053-18059 and 18081 only.
# Run as root on Debian 12:   bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round10/pdns}; DURATION=${2:-420}
W=/tmp/r10pdns/work
PY="timeout 10 /usr/bin/python3"
export DEBIAN_FRONTEND=noninteractive
dpkg -s pdns-server pdns-backend-sqlite3 pdns-backend-bind bind9 bind9-dnsutils python3-dnspython sqlite3 curl >/dev/null 2>&1 ||
  apt-get install -y -q pdns-server pdns-backend-sqlite3 pdns-backend-bind bind9 bind9-dnsutils python3-dnspython sqlite3 curl >/dev/null

PORT=18053; NPORT=18054; RPORT=18055; DEADPORT=18056; DEADPRIM=18059; WPORT=18081
APIKEY=r10-$RANDOM$RANDOM
[ -f $W/pdns.pid ] && kill "$(cat $W/pdns.pid)" 2>/dev/null
[ -f $W/named/named.pid ] && kill "$(cat $W/named/named.pid)" 2>/dev/null
[ -f $W/resp.pid ] && kill "$(cat $W/resp.pid)" 2>/dev/null
sleep 1
rm -rf $W; mkdir -p $W/etc $W/run $W/zones $W/named "$OUT"
rm -f "$OUT/pdns.log"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---------------------------------------------------------------- helper (raw packets, NOTIFY)
cat > $W/tool.py <<'PYEOF'
import random, socket, struct, sys, time
import dns.message, dns.opcode, dns.rcode, dns.flags, dns.query, dns.tsigkeyring, dns.rdatatype

def send_udp(data, port, src="127.0.0.1", wait=0.5):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0)); s.settimeout(wait)
    s.sendto(data, ("127.0.0.1", port))
    try: s.recv(4096)
    except Exception: pass
    s.close()

def garbage(port):
    kind = random.choice(["short", "qr", "tc", "opcode", "noq", "random", "badname", "tcpbig", "tcpjunk", "status"])
    qid = random.randrange(65536)
    name = random.choice(["www.example.test", "shop.test", "x%d.corp.test" % random.randrange(99)])
    q = dns.message.make_query(name, random.choice(["A", "MX", "TXT"])).to_wire()
    q = struct.pack("!H", qid) + q[2:]
    src = "127.0.0.%d" % random.randrange(1, 40)
    if kind == "short":
        send_udp(bytes(random.randrange(256) for _ in range(random.randrange(1, 12))), port, src)
    elif kind == "qr":
        send_udp(q[:2] + bytes([q[2] | 0x80]) + q[3:], port, src)
    elif kind == "tc":
        send_udp(q[:2] + bytes([q[2] | 0x02]) + q[3:], port, src)
    elif kind == "opcode":
        op = random.choice([1, 3, 6, 7, 9, 15])
        send_udp(q[:2] + bytes([(q[2] & 0x87) | (op << 3)]) + q[3:], port, src)
    elif kind == "status":
        send_udp(q[:2] + bytes([(q[2] & 0x87) | (2 << 3)]) + q[3:], port, src)
    elif kind == "noq":
        send_udp(struct.pack("!HHHHHH", qid, 0x0100, 0, 0, 0, 0), port, src)
    elif kind == "badname":
        label = bytes(random.choice(b" \t/\\@$%()\x01\x7f") for _ in range(3)) + b"bad"
        body = bytes([len(label)]) + label + b"\x07example\x04test\x00" + struct.pack("!HH", 1, 1)
        send_udp(struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + body, port, src)
    elif kind == "tcpbig":
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
            s.sendall(struct.pack("!H", 65000) + bytes(200)); time.sleep(0.3); s.close()
        except Exception: pass
    elif kind == "tcpjunk":
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
            junk = bytes(random.randrange(256) for _ in range(random.randrange(14, 60)))
            s.sendall(struct.pack("!H", len(junk)) + junk); s.settimeout(1)
            try: s.recv(100)
            except Exception: pass
            s.close()
        except Exception: pass
    else:
        send_udp(bytes(random.randrange(256) for _ in range(random.randrange(12, 90))), port, src)
    print(kind)

def notify(zone, port, src, keyname=None, secret=None):
    m = dns.message.make_query(zone, "SOA")
    m.set_opcode(dns.opcode.NOTIFY); m.flags |= dns.flags.AA
    if keyname:
        m.use_tsig(dns.tsigkeyring.from_text({keyname: secret}), keyname=keyname, algorithm="hmac-sha256")
    try: dns.query.udp(m, "127.0.0.1", port=port, source=src, timeout=1)
    except Exception as e: print("notify:", type(e).__name__)

def responder(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        data, peer = s.recvfrom(4096)
        try: m = dns.message.from_wire(data)
        except Exception: continue
        roll = random.random()
        if roll < 0.15: continue                      # ignore: pdns retries, then gives up
        r = dns.message.make_response(m)
        if roll < 0.3: r.set_rcode(random.choice([dns.rcode.REFUSED, dns.rcode.NOTAUTH, dns.rcode.SERVFAIL]))
        wire = r.to_wire()
        if roll > 0.95: wire = wire[:7]              # unparseable answer
        s.sendto(wire, peer)

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "garbage": garbage(int(sys.argv[2]))
    elif cmd == "notify": notify(sys.argv[2], int(sys.argv[3]), sys.argv[4], *(sys.argv[5:7] if len(sys.argv) > 6 else []))
    elif cmd == "responder": responder(int(sys.argv[2]))
PYEOF

# ---------------------------------------------------------------- BIND primary for two secondaries
TSIGSECRET=$(head -c 32 /dev/urandom | base64)
cat > $W/named/named.conf <<EOF
options { directory "$W/named"; listen-on port $NPORT { 127.0.0.1; }; listen-on-v6 { none; };
  pid-file "$W/named/named.pid"; session-keyfile "$W/named/session.key"; recursion no;
  notify explicit; also-notify { 127.0.0.1 port $PORT; }; allow-transfer { 127.0.0.0/8; }; };
controls { };
key "partner-key" { algorithm hmac-sha256; secret "$TSIGSECRET"; };
zone "mirror.test" { type primary; file "mirror.test.db"; };
zone "partner.test" { type primary; file "partner.test.db"; allow-transfer { key partner-key; }; };
EOF
mkzone() { # zone serial nhosts
  { echo "\$TTL 600"; echo "@ SOA ns1.$1. hostmaster.$1. $2 3600 600 604800 300"; echo "@ NS ns1.$1."
    echo "ns1 A 192.0.2.53"; for i in $(seq 1 $3); do echo "h$i A 198.51.100.$((RANDOM % 250 + 1))"; done
    echo "mail MX 10 h1.$1."; echo "@ TXT \"rev $2\""; } > $W/named/$1.db
}
MSERIAL=$((2024010100 + $(r 50))); PSERIAL=$((MSERIAL + 7))
mkzone mirror.test $MSERIAL $((3 + $(r 6))); mkzone partner.test $PSERIAL $((2 + $(r 5)))
chown -R bind $W/named
named -c $W/named/named.conf -u bind -g > $W/named/named.out 2>&1 &
/usr/bin/python3 $W/tool.py responder $RPORT & echo $! > $W/resp.pid

# ---------------------------------------------------------------- pdns configuration
cat > $W/etc/pdns.conf <<EOF
launch=gsqlite3,bind
gsqlite3-database=$W/pdns.sqlite3
gsqlite3-dnssec=yes
bind-config=$W/etc/named.conf
bind-check-interval=20
local-address=127.0.0.1:$PORT
socket-dir=$W/run
loglevel=7
log-dns-queries=yes
log-dns-details=yes
log-timestamp=yes
disable-syslog=yes
security-poll-suffix=
primary=yes
secondary=yes
xfr-cycle-interval=20
only-notify=127.0.0.0/8
allow-axfr-ips=127.0.0.2/32,127.0.0.3/32
dnsupdate=yes
allow-dnsupdate-from=127.0.0.1/32,127.0.0.4/32
allow-notify-from=127.0.0.0/8
cache-ttl=15
query-cache-ttl=10
negquery-cache-ttl=10
webserver=yes
webserver-address=127.0.0.1
webserver-port=$WPORT
webserver-allow-from=127.0.0.0/8
webserver-loglevel=normal
api=yes
api-key=$APIKEY
default-soa-edit=INCEPTION-INCREMENT
max-tcp-connections-per-client=3
EOF
cat > $W/etc/named.conf <<EOF
options { directory "$W/zones"; };
zone "legacy.test" { type master; file "legacy.test.zone"; };
zone "old.test" { type master; file "old.test.zone"; };
zone "flaky.test" { type master; file "flaky.test.zone"; };
EOF
bindzone() { # zone serial broken?
  { echo "\$TTL 300"; echo "@ IN SOA ns1.$1. hostmaster.$1. $2 3600 600 86400 300"; echo "@ IN NS ns1.$1."
    echo "ns1 IN A 192.0.2.54"; echo "www IN A 192.0.2.$((RANDOM % 200 + 1))"; echo "ftp IN CNAME www"
    echo "@ IN MX 5 mx.$1."; echo "mx IN A 192.0.2.$((RANDOM % 200 + 1))"
    [ "$3" = 1 ] && echo "oops IN A 300.1.2.$RANDOM"
    [ "$3" = 2 ] && echo "bad IN BOGUSTYPE whatever"; } > $W/zones/$1.zone
}
bindzone legacy.test 1 0; bindzone old.test 7 0; bindzone flaky.test 3 1
sqlite3 $W/pdns.sqlite3 < /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql
# keep the sqlite zone ids apart from the bind backend's ids
sqlite3 $W/pdns.sqlite3 "insert into domains (id,name,type) values (99,'placeholder.invalid','NATIVE');"
U="timeout 20 pdnsutil --config-dir=$W/etc"
for z in example.test shop.test corp.test; do $U create-zone $z ns1.$z >/dev/null 2>&1; done
$U add-record example.test ns1 A 192.0.2.1 >/dev/null 2>&1
$U add-record example.test @ NS ns2.example.test >/dev/null 2>&1
$U add-record example.test ns2 A 192.0.2.2 >/dev/null 2>&1
for h in www api mail vpn db; do $U add-record example.test $h A 192.0.2.$((RANDOM % 250 + 1)) >/dev/null 2>&1; done
$U add-record example.test www AAAA 2001:db8::$(r 999) >/dev/null 2>&1
$U add-record example.test @ MX "10 mail.example.test" >/dev/null 2>&1
$U add-record example.test @ TXT "\"v=spf1 mx -all\"" >/dev/null 2>&1
$U add-record example.test blog CNAME www.example.test >/dev/null 2>&1
$U add-record example.test loop1 CNAME loop2.example.test >/dev/null 2>&1
$U add-record example.test loop2 CNAME loop1.example.test >/dev/null 2>&1
$U add-record example.test '*.dyn' A 192.0.2.99 >/dev/null 2>&1
$U add-record example.test sub NS ns.sub.example.test >/dev/null 2>&1
$U add-record example.test ns.sub A 192.0.2.77 >/dev/null 2>&1
$U add-record example.test _sip._tcp SRV "10 5 5060 vpn.example.test" >/dev/null 2>&1
$U add-record shop.test ns1 A 192.0.2.11 >/dev/null 2>&1
for h in www cart pay img; do $U add-record shop.test $h A 203.0.113.$((RANDOM % 250 + 1)) >/dev/null 2>&1; done
$U add-record corp.test @ NS ns9.nowhere.invalid >/dev/null 2>&1
for h in intranet wiki git; do $U add-record corp.test $h A 10.1.0.$((RANDOM % 250 + 1)) >/dev/null 2>&1; done
$U secure-zone corp.test >/dev/null 2>&1
$U set-meta example.test ALSO-NOTIFY 127.0.0.1:$RPORT >/dev/null 2>&1
$U set-meta shop.test ALSO-NOTIFY 127.0.0.1:$DEADPORT >/dev/null 2>&1
$U set-meta shop.test ALLOW-AXFR-FROM 127.0.0.5/32 >/dev/null 2>&1
$U set-meta example.test SOA-EDIT-DNSUPDATE INCREASE >/dev/null 2>&1
$U generate-tsig-key xfr-key hmac-sha256 >/dev/null 2>&1
$U activate-tsig-key shop.test xfr-key primary >/dev/null 2>&1
$U set-meta shop.test TSIG-ALLOW-DNSUPDATE xfr-key >/dev/null 2>&1
$U import-tsig-key partner-key hmac-sha256 "$TSIGSECRET" >/dev/null 2>&1
$U create-secondary-zone mirror.test 127.0.0.1:$NPORT >/dev/null 2>&1
$U create-secondary-zone partner.test 127.0.0.1:$NPORT >/dev/null 2>&1
$U activate-tsig-key partner.test partner-key secondary >/dev/null 2>&1
$U create-secondary-zone ghost.test 127.0.0.1:$DEADPRIM >/dev/null 2>&1
XFRSECRET=$($U list-tsig-keys 2>/dev/null | awk '$1=="xfr-key." {print $3}')

PDNS=""
start_pdns() {
  pdns_server --config-dir=$W/etc --daemon=no --guardian=no >> "$OUT/pdns.log" 2>&1 &
  PDNS=$!; echo $PDNS > $W/pdns.pid; sleep 1.5
}
C="timeout 10 pdns_control --config-dir=$W/etc"
api() { curl -s -o /dev/null -m 5 -H "X-API-Key: $APIKEY" "$@"; }
start_pdns

names_ex=(www api mail vpn db blog ns1 ns2 foo$(r 99) nothere$(r 999) x.dyn host$(r 50).dyn loop1 a.b.sub _sip._tcp deep.www)
types=(A AAAA MX TXT NS SOA CNAME SRV ANY CAA PTR DS DNSKEY)
srcs() { echo 127.0.0.$((1 + $(r 30))); }
END=$((SECONDS + DURATION)); RESTART1=$((SECONDS + DURATION / 3)); RESTART2=$((SECONDS + 2 * DURATION / 3))
stop_pdns() { # $1: quit (control socket) or term (SIGTERM)
  if [ "$1" = quit ]; then $C quit >/dev/null 2>&1; else kill $PDNS 2>/dev/null; fi
  for i in $(seq 1 50); do kill -0 $PDNS 2>/dev/null || break; sleep 0.2; done
  kill -9 $PDNS 2>/dev/null; wait $PDNS 2>/dev/null
}
while [ $SECONDS -lt $END ]; do
  # two restarts: once through "pdns_control quit", once with SIGTERM
  if [ $RESTART1 -gt 0 ] && [ $SECONDS -ge $RESTART1 ]; then RESTART1=0; stop_pdns quit; sleep 1; start_pdns; fi
  if [ $RESTART2 -gt 0 ] && [ $SECONDS -ge $RESTART2 ]; then RESTART2=0; stop_pdns term; sleep 1; start_pdns; fi
  case $(r 30) in
    0|1|2|3|4) # ordinary queries, UDP, some with EDNS/DNSSEC, some TCP
      z=$(pick example.test example.test shop.test corp.test legacy.test old.test mirror.test partner.test)
      n=$(pick "${names_ex[@]}"); [ $(r 4) = 0 ] && n=@
      q=$n.$z; [ "$n" = @ ] && q=$z
      opts=$(pick "" "" +dnssec +tcp +noedns "+bufsize=$((512 + $(r 3500)))" +norec)
      dig -b $(srcs) -p $PORT @127.0.0.1 $q $(pick "${types[@]}") $opts +time=2 +tries=1 >/dev/null ;;
    5) # names we are not authoritative for, CHAOS queries
      case $(r 3) in
        0) dig -p $PORT @127.0.0.1 $(pick www.google.com example.org host$(r 99).nowhere.invalid) A +time=2 +tries=1 >/dev/null ;;
        1) dig -p $PORT @127.0.0.1 $(pick version.bind id.server hostname.bind version.pdns) TXT CH +time=2 +tries=1 >/dev/null ;;
        2) dig -p $PORT @127.0.0.1 corp.test DNSKEY +dnssec +time=2 +tries=1 >/dev/null
           dig -p $PORT @127.0.0.1 $(pick wiki git nope$(r 9)).corp.test RRSIG +dnssec +time=2 +tries=1 >/dev/null ;;
      esac ;;
    6|7) # AXFR/IXFR allowed and denied, with and without TSIG
      z=$(pick example.test shop.test corp.test legacy.test mirror.test nosuch.test)
      case $(r 7) in
        0) dig -b 127.0.0.2 -p $PORT @127.0.0.1 $z AXFR +time=3 +tries=1 >/dev/null ;;
        1) dig -b 127.0.0.$((6 + $(r 40))) -p $PORT @127.0.0.1 $z AXFR +time=3 +tries=1 >/dev/null ;;
        2) dig -b 127.0.0.5 -p $PORT @127.0.0.1 shop.test AXFR +time=3 +tries=1 >/dev/null ;;
        3) dig -p $PORT @127.0.0.1 -y hmac-sha256:xfr-key:$XFRSECRET shop.test AXFR +time=3 +tries=1 >/dev/null ;;
        4) dig -p $PORT @127.0.0.1 -y hmac-sha256:$(pick xfr-key wrong-key)$( [ $(r 2) = 0 ] && echo "" ):$(head -c 32 /dev/urandom | base64) $(pick shop.test example.test) AXFR +time=3 +tries=1 >/dev/null ;;
        5) dig -b 127.0.0.3 -p $PORT @127.0.0.1 $z IXFR=$(( $(r 5) + 1 )) +time=3 +tries=1 >/dev/null ;;
        6) dig -b 127.0.0.$((6 + $(r 40))) -p $PORT @127.0.0.1 $z IXFR=$(r 9) +time=3 +tries=1 >/dev/null ;;
      esac ;;
    8|9|10) # pdnsutil zone edits (no log lines of their own; visible through queries, notifies, AXFR)
      case $(r 7) in
        0) h=n$RANDOM; $U add-record example.test $h A 192.0.2.$((1 + $(r 250))) >/dev/null 2>&1
           dig -p $PORT @127.0.0.1 $h.example.test A +time=2 +tries=1 >/dev/null ;;
        1) $U replace-rrset shop.test $(pick www cart pay img) A $(r 600) 203.0.113.$((1 + $(r 250))) >/dev/null 2>&1 ;;
        2) $U delete-rrset example.test $(pick n1 n2 vpn db txt$(r 9)) A >/dev/null 2>&1 ;;
        3) $U increase-serial $(pick example.test shop.test corp.test) >/dev/null 2>&1 ;;
        4) $U rectify-zone $(pick example.test corp.test shop.test) >/dev/null 2>&1 ;;
        5) z=tmp$(r 9).test; $U create-zone $z ns1.$z >/dev/null 2>&1; $U add-record $z www A 192.0.2.$(r 250) >/dev/null 2>&1
           $C rediscover >/dev/null; dig -p $PORT @127.0.0.1 www.$z A +time=2 +tries=1 >/dev/null
           [ $(r 2) = 0 ] && { $U delete-zone $z >/dev/null 2>&1; } ;;
        6) $U add-record corp.test host$(r 90) A 10.1.0.$(r 250) >/dev/null 2>&1; $U rectify-zone corp.test >/dev/null 2>&1
           dig -p $PORT @127.0.0.1 host$(r 90).corp.test A +dnssec +time=2 +tries=1 >/dev/null ;;
      esac ;;
    11|12) # pdns_control
      case $(r 12) in
        0) $C purge >/dev/null ;;
        1) $C purge "$(pick example.test shop.test corp.test).\$" >/dev/null ;;
        2) $C notify $(pick example.test shop.test corp.test legacy.test mirror.test nosuch.test) >/dev/null ;;
        3) $C notify-host $(pick example.test shop.test) 127.0.0.1:$(pick $RPORT $DEADPORT) >/dev/null ;;
        4) $C retrieve $(pick mirror.test partner.test ghost.test example.test) >/dev/null ;;
        5) $C reload >/dev/null ;;
        6) $C rediscover >/dev/null ;;
        7) $C bind-reload-now $(pick legacy.test old.test flaky.test nosuch.test) >/dev/null ;;
        8) $C list-zones >/dev/null; $C bind-domain-status >/dev/null ;;
        9) $C set query-logging no >/dev/null ;;
        10) $C ccounts >/dev/null; $C uptime >/dev/null; $C qtypes >/dev/null ;;
        11) $C show '*' >/dev/null ;;
      esac ;;
    13|14) # webserver / API
      case $(r 9) in
        0) api http://127.0.0.1:$WPORT/api/v1/servers/localhost/zones ;;
        1) api http://127.0.0.1:$WPORT/api/v1/servers/localhost/zones/$(pick example.test shop.test nosuch.test). ;;
        2) api -X PUT http://127.0.0.1:$WPORT/api/v1/servers/localhost/zones/$(pick example.test corp.test legacy.test mirror.test).'/rectify' ;;
        3) api -X PUT http://127.0.0.1:$WPORT/api/v1/servers/localhost/zones/$(pick example.test shop.test).'/notify' ;;
        4) api -X PATCH -d "{\"rrsets\":[{\"name\":\"api$(r 20).example.test.\",\"type\":\"A\",\"ttl\":$((60 + $(r 600))),\"changetype\":\"REPLACE\",\"records\":[{\"content\":\"192.0.2.$(r 250)\",\"disabled\":false}]}]}" \
             http://127.0.0.1:$WPORT/api/v1/servers/localhost/zones/example.test. ;;
        5) curl -s -o /dev/null -m 5 -H "X-API-Key: wrong$RANDOM" http://127.0.0.1:$WPORT/api/v1/servers/localhost/statistics ;;
        6) api "http://127.0.0.1:$WPORT/api/v1/servers/localhost/search-data?q=$(pick www mail '*' api)" ;;
        7) api http://127.0.0.1:$WPORT/api/v1/$(pick nothing servers/localhost/bogus metrics) ;;
        8) api -X PUT "http://127.0.0.1:$WPORT/api/v1/servers/localhost/cache/flush?domain=$(pick example.test. shop.test.)" ;;
      esac ;;
    15|16) # dynamic updates
      src=$(pick 127.0.0.1 127.0.0.1 127.0.0.4 127.0.0.9)
      h=dyn$(r 30)
      case $(r 6) in
        0) printf 'server 127.0.0.1 %s\nlocal %s\nzone example.test\nupdate add %s.example.test 300 A 192.0.2.%s\nsend\n' $PORT $src $h $(r 250) ;;
        1) printf 'server 127.0.0.1 %s\nlocal %s\nzone example.test\nupdate delete %s.example.test A\nsend\n' $PORT $src $h ;;
        2) printf 'server 127.0.0.1 %s\nlocal %s\nzone example.test\nprereq nxdomain www.example.test\nupdate add www.example.test 300 A 192.0.2.%s\nsend\n' $PORT $src $(r 250) ;;
        3) printf 'server 127.0.0.1 %s\nlocal %s\nzone example.test\nupdate add blog.example.test 300 A 192.0.2.%s\nsend\n' $PORT $src $(r 250) ;;
        4) printf 'server 127.0.0.1 %s\nkey hmac-sha256:xfr-key %s\nzone shop.test\nupdate add %s.shop.test 120 TXT "t%s"\nsend\n' $PORT "$(pick "$XFRSECRET" "$XFRSECRET" "$(head -c 32 /dev/urandom | base64)")" $h $RANDOM ;;
        5) printf 'server 127.0.0.1 %s\nzone %s\nupdate add x%s.%s 300 A 192.0.2.1\nsend\n' $PORT "$(pick legacy.test mirror.test shop.test nosuch.test)" $(r 9) "$(pick legacy.test mirror.test shop.test nosuch.test)" ;;
      esac | timeout 6 nsupdate -t 3 >/dev/null 2>&1 ;;
    17|18) # bad packets
      $PY $W/tool.py garbage $PORT >/dev/null ;;
    19|20) # NOTIFY from the real primary after a change, and crafted NOTIFYs
      case $(r 4) in
        0|1) z=$(pick mirror.test partner.test); s=$(awk '/SOA/ {print $5}' $W/named/$z.db)
           mkzone $z $((s + 1 + $(r 3))) $((2 + $(r 8))); kill -HUP "$(cat $W/named/named.pid)" ;;
        2) $PY $W/tool.py notify $(pick mirror.test example.test unknown$(r 9).test ghost.test) $PORT 127.0.0.$(pick 1 1 7 8) >/dev/null ;;
        3) $PY $W/tool.py notify mirror.test $PORT 127.0.0.1 partner-key "$(head -c 32 /dev/urandom | base64)" >/dev/null ;;
      esac ;;
    21) # bind backend zone files: change, break, repair
      z=$(pick legacy.test old.test flaky.test); s=$(awk '/SOA/ {print $7}' $W/zones/$z.zone)
      bindzone $z $((s + 1)) $(pick 0 0 1 2); touch $W/zones/$z.zone
      [ $(r 2) = 0 ] && $C bind-reload-now $z >/dev/null ;;
    22) # TCP queries, several in a row on one connection / many connections
      pids=""
      for i in $(seq 1 $((2 + $(r 4)))); do
        dig -p $PORT @127.0.0.1 +tcp +time=2 +tries=1 $(pick www api mail nope$(r 9)).$(pick example.test shop.test) A >/dev/null & pids="$pids $!"
      done; wait $pids ;;
    23) # secondary zone content
      dig -p $PORT @127.0.0.1 h$((1 + $(r 6))).$(pick mirror.test partner.test ghost.test) A +time=2 +tries=1 >/dev/null ;;
    *) dig -b $(srcs) -p $PORT @127.0.0.1 $(pick www mail api vpn nope$(r 9)).example.test $(pick A AAAA MX) +time=2 +tries=1 >/dev/null ;;
  esac
  sleep 0.$((2 + $(r 6)))
done
sleep 2
stop_pdns quit
kill "$(cat $W/named/named.pid)" "$(cat $W/resp.pid)" 2>/dev/null
sleep 1
echo "pdns.log: $(wc -l < "$OUT/pdns.log") lines"
