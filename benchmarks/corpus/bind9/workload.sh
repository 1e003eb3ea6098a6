#!/bin/bash
# Round-4 corpus workload: BIND 9.18 `named` (Debian 12 package) writing its own log file
# (print-time, print-category, print-severity, severity info, querylog yes) for DURATION seconds
# of randomised DNS traffic on 127.0.0.1 only. A second named (port 15355) is the primary of one
# secondary zone; a small python "upstream" on 15397 drops, refuses or garbles forwarded queries;
# the root hints point at loopback addresses where nothing listens, so recursion fails locally.
# Writes $OUT/bind9.log unchanged. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-210}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
W=$OUT/named; W2=$OUT/named2
rm -rf "$W" "$W2"; rm -f "$OUT/bind9.log"
mkdir -p "$W" "$W2"
PY=/usr/bin/python3
P=15353; CTL=15354; P2=15355; CTL2=15356; UP=15397
r() { echo $((RANDOM % $1)); }

# ---- keys (throwaway) ----
rndc-confgen -a -k rndc-key -c "$W/rndc.key" -A hmac-sha256 >/dev/null 2>&1
tsig-keygen -a hmac-sha256 upd-key > "$W/upd.key"
tsig-keygen -a hmac-sha256 bad-key > "$W/bad.key"   # not known to the server
tsig-keygen -a hmac-sha256 rndc-key > "$W/wrong-rndc.key"   # same name, wrong secret
cat > "$W/rndc.conf" <<EOF
include "$W/rndc.key";
options { default-key "rndc-key"; default-server 127.0.0.1; default-port $CTL; };
EOF
cat > "$W/rndc-wrong.conf" <<EOF
include "$W/wrong-rndc.key";
options { default-key "rndc-key"; default-server 127.0.0.1; default-port $CTL; };
EOF
RNDC="rndc -c $W/rndc.conf"

# ---- zones ----
serial=2025010101
mkzone_example() {
cat > "$W/example.test.db" <<EOF
\$TTL 300
@   IN SOA ns1.example.test. hostmaster.example.test. ( $serial 3600 600 86400 300 )
    IN NS  ns1.example.test.
    IN MX  10 mail.example.test.
    IN MX  20 mx2.example.test.
    IN TXT "v=spf1 mx -all"
ns1 IN A   127.0.0.1
www IN A   192.0.2.10
www IN AAAA 2001:db8::10
mail IN A  192.0.2.25
mx2 IN A   192.0.2.26
ftp IN CNAME www
ext IN CNAME www.elsewhere.invalid.
_sip._udp IN SRV 10 60 5060 sip.example.test.
sip IN A   192.0.2.50
info IN TXT "owner=ops" "building=7"
sub IN NS  ns.sub.example.test.
ns.sub IN A 127.0.0.4
*.wild IN A 192.0.2.99
EOF
}
mkzone_example
mkzone_corp() {   # $1 = serial, $2 = broken?
cat > "$W/corp.test.db" <<EOF
\$TTL 600
@    IN SOA ns.corp.test. admin.corp.test. ( $1 7200 900 604800 600 )
     IN NS ns.corp.test.
ns   IN A 127.0.0.1
intranet IN A 198.51.100.7
wiki IN CNAME intranet
db1  IN A 198.51.100.21
db2  IN A 198.51.100.22
printer IN A 198.51.100.40
EOF
  case ${2:-} in
    syntax) echo 'badline IN A 300.1.1.1' >> "$W/corp.test.db" ;;
    cname)  echo 'wiki IN A 198.51.100.8' >> "$W/corp.test.db" ;;
    type)   echo 'weird IN FOOBAR data' >> "$W/corp.test.db" ;;
    origin) echo 'stray.example.org. IN A 198.51.100.9' >> "$W/corp.test.db" ;;
    nons)   sed -i '/IN NS/d' "$W/corp.test.db" ;;
  esac
}
cserial=100; mkzone_corp $cserial
cat > "$W/dyn.test.db" <<EOF
\$TTL 120
@ IN SOA ns.dyn.test. admin.dyn.test. ( 1 3600 600 86400 120 )
  IN NS ns.dyn.test.
ns IN A 127.0.0.1
EOF
cat > "$W/root.hint" <<EOF
.                 3600000 IN NS a.root.test.
.                 3600000 IN NS b.root.test.
a.root.test.      3600000 IN A  127.0.0.2
b.root.test.      3600000 IN A  127.0.0.3
EOF
sserial=1
mkzone_sec() {
cat > "$W2/sec.test.db" <<EOF
\$TTL 300
@ IN SOA ns.sec.test. admin.sec.test. ( $sserial 60 30 86400 300 )
  IN NS ns.sec.test.
ns IN A 127.0.0.1
EOF
  for i in $(seq 1 $((2 + sserial % 5))); do echo "h$i IN A 203.0.113.$i" >> "$W2/sec.test.db"; done
}
mkzone_sec

# ---- main server ----
touch "$OUT/bind9.log"
cat > "$W/named.conf" <<EOF
include "$W/rndc.key";
include "$W/upd.key";
controls { inet 127.0.0.1 port $CTL allow { 127.0.0.1; } keys { "rndc-key"; }; };
acl trusted { 127.0.0.1; };
logging {
  channel main {
    file "$OUT/bind9.log" versions unlimited size 50m;
    print-time yes; print-category yes; print-severity yes;
    severity ${SEVERITY:-info};
  };
  category default { main; };
  category queries { main; };
  category query-errors { main; };
  category lame-servers { main; };
  category unmatched { main; };
};
options {
  directory "$W";
  pid-file "$W/named.pid";
  session-keyfile "$W/session.key";
  managed-keys-directory "$W";
  port $P;
  listen-on port $P { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion yes;
  allow-recursion { trusted; };
  allow-query-cache { trusted; };
  allow-transfer { none; };
  querylog yes;
  notify explicit;
  dnssec-validation auto;
  allow-new-zones yes;
  minimal-responses no;
  empty-zones-enable no;
  validate-except { "test"; };
  resolver-query-timeout 3000;
  max-cache-size 32m;
  rate-limit { responses-per-second 5; window 2; log-only no; slip 2; };
};
zone "." { type hint; file "root.hint"; };
zone "example.test" {
  type primary; file "example.test.db";
  allow-update { key "upd-key"; };
  allow-transfer { 127.0.0.1; };
  also-notify { 127.0.0.1 port 15399; };
};
zone "corp.test" { type primary; file "corp.test.db"; allow-query { trusted; }; };
zone "dyn.test" { type primary; file "dyn.test.db"; allow-update { 127.0.0.1; }; allow-transfer { any; }; };
zone "sec.test" { type secondary; file "sec.test.bak"; primaries { 127.0.0.1 port $P2; }; allow-notify { 127.0.0.1; }; };
zone "dead.test" { type secondary; file "dead.test.bak"; primaries { 127.0.0.1 port 15398; }; };
zone "fwd.test" { type forward; forward only; forwarders { 127.0.0.1 port $UP; }; };
zone "gone.test" { type forward; forward only; forwarders { 127.0.0.1 port 15399; }; };
EOF
cat > "$W2/named.conf" <<EOF
controls { };
logging { channel c { file "$W2/named2.log"; severity info; }; category default { c; }; };
options {
  directory "$W2"; pid-file "$W2/named.pid"; session-keyfile none; managed-keys-directory "$W2";
  port $P2; listen-on port $P2 { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; dnssec-validation no; notify explicit; also-notify { 127.0.0.1 port $P; }; allow-transfer { 127.0.0.1; };
};
zone "." { type hint; file "$W/root.hint"; };
zone "sec.test" { type primary; file "sec.test.db"; };
EOF
chown -R bind:bind "$W" "$W2" "$OUT/bind9.log"

# ---- fake upstream for fwd.test: drops, REFUSED, SERVFAIL, FORMERR, garbage, truncated, ok ----
$PY - "$UP" <<'PYEOF' &
import socket, random, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", int(sys.argv[1])))
s.settimeout(1.0)
import time
end = time.time() + 3600
while time.time() < end:
    try:
        data, addr = s.recvfrom(4096)
    except socket.timeout:
        continue
    if len(data) < 12: continue
    qid = data[:2]; flags = struct.unpack(">H", data[2:4])[0]
    q = data[12:]
    mode = random.choice(["drop", "drop", "refused", "servfail", "formerr", "garbage", "ok", "ok", "mismatch"])
    def hdr(rcode, an=0, aa=1):
        return qid + struct.pack(">HHHHH", 0x8000 | (flags & 0x0100) | (aa << 10) | 0x0080 | rcode, 1, an, 0, 0)
    if mode == "drop": continue
    if mode == "refused": s.sendto(hdr(5) + q, addr)
    elif mode == "servfail": s.sendto(hdr(2) + q, addr)
    elif mode == "formerr": s.sendto(hdr(1) + q, addr)
    elif mode == "garbage": s.sendto(qid + bytes(random.getrandbits(8) for _ in range(random.randint(3, 40))), addr)
    elif mode == "mismatch": s.sendto(struct.pack(">H", random.getrandbits(16)) + data[2:], addr)
    else:
        qtype = struct.unpack(">H", q[-4:-2])[0]
        if qtype == 1:
            s.sendto(hdr(0, an=1) + q + b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04" + bytes([203, 0, 113, random.randint(1, 254)]), addr)
        else:
            s.sendto(hdr(3) + q, addr)
PYEOF
UPPID=$!

named -4 -u bind -f -c "$W2/named.conf" & N2=$!
sleep 1
named -4 -u bind -f -c "$W/named.conf" & N1=$!
sleep 3

DIG="dig -p $P @127.0.0.1 +time=2 +tries=1"
names=(www mail ftp ext info _sip._udp mx2 ns1 nosuch missing$RANDOM a.wild b.c.wild x.sub host1 host2 @)
types=(A AAAA MX TXT NS SOA CNAME SRV ANY PTR CAA)
other=(www.debian.org. example.com. foo.bar.invalid. a.b.fwd.test. x$RANDOM.fwd.test. api.fwd.test. cdn$((RANDOM%9)).fwd.test. host.gone.test. h1.sec.test. h3.sec.test. x.dead.test. intranet.corp.test. wiki.corp.test. db$((RANDOM%3)).corp.test. .)

garbage() {  # random bytes, or a truncated / corrupted query, over UDP or TCP
  $PY - "$P" "$1" <<'PYEOF'
import socket, random, sys, struct
port, mode = int(sys.argv[1]), sys.argv[2]
qname = b"".join(bytes([len(l)]) + l for l in [b"www", b"example", b"test"]) + b"\x00"
good = struct.pack(">HHHHHH", random.getrandbits(16), 0x0100, 1, 0, 0, 0) + qname + b"\x00\x01\x00\x01"
kind = random.choice(["random", "short", "truncated", "badcount", "badlabel", "response", "opcode", "notify"])
if kind == "random": pkt = bytes(random.getrandbits(8) for _ in range(random.randint(13, 120)))
elif kind == "short": pkt = bytes(random.getrandbits(8) for _ in range(random.randint(1, 11)))
elif kind == "truncated": pkt = good[:random.randint(13, len(good) - 1)]
elif kind == "badcount": pkt = good[:4] + struct.pack(">HHHH", random.randint(2, 9), 3, 0, 1) + good[12:]
elif kind == "badlabel": pkt = good[:12] + b"\xc0\xff" + good[-4:]
elif kind == "response": pkt = good[:2] + b"\x81\x80" + good[4:]
elif kind == "opcode": pkt = good[:2] + bytes([random.choice([0x10, 0x18, 0x30, 0x38]), 0]) + good[4:]
else: pkt = good[:2] + b"\x24\x00" + good[4:-4] + b"\x00\x06\x00\x01"
try:
    if mode == "tcp":
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.sendall(struct.pack(">H", len(pkt)) + pkt if random.random() < 0.7 else pkt)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
        s.sendto(pkt, ("127.0.0.1", port))
    s.recv(512)
except Exception:
    pass
PYEOF
}

nsup() {  # $1 = extra nsupdate args, stdin = commands
  nsupdate -t 3 $1 2>/dev/null >/dev/null
}

rndc_cmd() {
  case $(r 16) in
    0) $RNDC reload ;;
    1) $RNDC reconfig ;;
    2) $RNDC flush ;;
    3) $RNDC stats ;;
    4) $RNDC freeze example.test; sleep 1
       sed -i "s/^info IN TXT.*/info IN TXT \"owner=ops\" \"rev=$RANDOM\"/" "$W/example.test.db" 2>/dev/null
       $RNDC thaw example.test ;;
    5) $RNDC flushname www.debian.org ;;
    6) $RNDC notify example.test ;;
    7) $RNDC refresh sec.test ;;
    8) $RNDC retransfer sec.test ;;
    9) $RNDC status ;;
    10) $RNDC dumpdb -cache ;;
    11) $RNDC querylog off; sleep 1; $RNDC querylog on ;;
    12) $RNDC reload example.test ;;
    13) $RNDC sync -clean example.test ;;
    14) $RNDC refresh dead.test ;;
    15) $RNDC freeze; $RNDC thaw ;;
  esac >/dev/null 2>&1
}

END=$((SECONDS + DURATION))
broken=""
while [ $SECONDS -lt $END ]; do
  case $(r 24) in
    0|1|2|3|4)  # authoritative queries, existing and missing names, various types
      n=${names[$(r ${#names[@]})]}; [ "$n" = @ ] && q=example.test. || q=$n.example.test.
      $DIG $([ $(r 4) = 0 ] && echo +tcp) $([ $(r 3) = 0 ] && echo +norec) $q ${types[$(r ${#types[@]})]} >/dev/null ;;
    5|6)  # recursive and other-zone queries (failures welcome)
      $DIG ${other[$(r ${#other[@]})]} ${types[$(r 6)]} >/dev/null ;;
    7)  # from a source outside the ACLs: recursion refused, corp.test refused, auth data answered
      $DIG -b 127.0.0.2 $(echo www.debian.org. intranet.corp.test. www.example.test. mail.example.test. example.com. | tr ' ' '\n' | shuf -n1) >/dev/null ;;
    8)  # zone transfers, allowed and refused
      case $(r 6) in
        0) $DIG example.test AXFR >/dev/null ;;
        1) $DIG -b 127.0.0.2 example.test AXFR >/dev/null ;;
        2) $DIG corp.test AXFR >/dev/null ;;
        3) $DIG dyn.test AXFR >/dev/null ;;
        4) $DIG example.test IXFR=2025010101 >/dev/null ;;
        5) $DIG nosuch.test AXFR >/dev/null ;;
      esac ;;
    9|10)  # malformed packets
      garbage $([ $(r 3) = 0 ] && echo tcp || echo udp) ;;
    11|12)  # dynamic updates: TSIG allowed, unsigned refused, wrong key, prereq failures, dyn.test by address
      h=host$(r 4); ip=192.0.2.$((100 + $(r 50)))
      case $(r 8) in
        0|1) printf 'server 127.0.0.1 %s\nzone example.test\nupdate delete %s.example.test A\nupdate add %s.example.test 300 A %s\nsend\n' $P $h $h $ip | nsup "-k $W/upd.key" ;;
        2) printf 'server 127.0.0.1 %s\nzone example.test\nupdate add %s.example.test 300 TXT "t%s"\nsend\n' $P $h $RANDOM | nsup "" ;;
        3) printf 'server 127.0.0.1 %s\nzone example.test\nupdate add %s.example.test 300 A %s\nsend\n' $P $h $ip | nsup "-k $W/bad.key" ;;
        4) printf 'server 127.0.0.1 %s\nzone example.test\nprereq nxdomain www.example.test\nupdate add www.example.test 300 A %s\nsend\n' $P $ip | nsup "-k $W/upd.key" ;;
        5) printf 'server 127.0.0.1 %s\nzone dyn.test\nupdate add n%s.dyn.test 120 A %s\nsend\n' $P $(r 20) $ip | nsup "" ;;
        6) printf 'server 127.0.0.1 %s\nlocal 127.0.0.2\nzone dyn.test\nupdate add n%s.dyn.test 120 A %s\nsend\n' $P $(r 20) $ip | nsup "" ;;
        7) printf 'server 127.0.0.1 %s\nzone corp.test\nupdate add x.corp.test 300 A %s\nsend\n' $P $ip | nsup "-k $W/upd.key" ;;
      esac ;;
    13|14)  # rndc
      rndc_cmd ;;
    15)  # rndc with the wrong secret, or an unknown command
      if [ $(r 2) = 0 ]; then rndc -c "$W/rndc-wrong.conf" status >/dev/null 2>&1; else $RNDC frobnicate >/dev/null 2>&1; fi ;;
    16)  # corp.test: break the zone file and reload, or repair it (sometimes forgetting the serial)
      if [ -z "$broken" ]; then broken=$(echo syntax cname type origin nons | tr ' ' '\n' | shuf -n1)
        mkzone_corp $cserial $broken
      else broken=""; [ $(r 2) = 0 ] && cserial=$((cserial + 1)); mkzone_corp $cserial; fi
      $RNDC reload $([ $(r 2) = 0 ] && echo corp.test) >/dev/null 2>&1 ;;
    17)  # primary of sec.test changes: notify, transfer
      sserial=$((sserial + 1)); mkzone_sec; kill -HUP $N2 ;;
    18)  # bursts that trip response rate limiting
      pids=(); for i in $(seq 1 $((8 + $(r 10)))); do $DIG +time=1 +retry=0 nosuch$((RANDOM % 3)).example.test A >/dev/null & pids+=($!); done; wait "${pids[@]}" ;;
    19)  # rndc addzone / delzone / modzone
      z=new$(r 3).test
      [ -f "$W/$z.db" ] || { sed "s/dyn\.test/$z/g" "$W/dyn.test.db" > "$W/$z.db"; chown bind "$W/$z.db"; }
      case $(r 5) in
        0|1) $RNDC addzone $z "{ type primary; file \"$z.db\"; };" ;;
        2) $RNDC delzone $z ;;
        3) $RNDC modzone $z "{ type primary; file \"$z.db\"; allow-query { any; }; };" ;;
        4) $RNDC addzone $z "{ type primary; file \"dyn.test.db\"; };" ;;
      esac >/dev/null 2>&1 ;;
    20)  # EDNS and odd queries: bad EDNS version, NSID, cookies, CHAOS, NOTIMP opcodes
      case $(r 5) in
        0) $DIG +edns=1 www.example.test ;;
        1) $DIG +nsid +cookie www.example.test ;;
        2) $DIG version.bind CH TXT ;;
        3) $DIG +opcode=2 www.example.test ;;
        4) $DIG +noedns +bufsize=512 example.test ANY ;;
      esac >/dev/null 2>&1 ;;
    21)  # a TCP client that connects and goes away, or sends half a query
      $PY -c "
import socket,sys; s=socket.create_connection(('127.0.0.1',$P)); s.sendall(b'\x00\x40\x12'); s.close()" 2>/dev/null ;;
    22)  # reverse lookups (no reverse zone: recursion fails)
      $DIG -x 192.0.2.$(r 255) >/dev/null ;;
    23)  # more authoritative queries over TCP, some of them for names in other served zones
      $DIG +tcp $(echo www.example.test. h2.sec.test. n$(r 20).dyn.test. dyn.test. wiki.corp.test. new0.test. | tr ' ' '\n' | shuf -n1) ${types[$(r ${#types[@]})]} >/dev/null ;;
  esac
  sleep 0.$((2 + $(r 6)))
done
$RNDC stats >/dev/null 2>&1
sleep 2
$RNDC stop >/dev/null 2>&1
wait $N1 2>/dev/null
kill $N2 $UPPID 2>/dev/null; wait 2>/dev/null
