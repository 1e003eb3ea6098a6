#!/bin/bash
# Round-4 corpus workload: Unbound 1.17 resolver (Debian 12 package) with its own log file
# (use-syslog: no, log-time-ascii: no = epoch seconds, verbosity 2, log-queries, log-replies,
# log-servfail, log-local-actions, val-log-level 2, statistics every 45 s), 2 threads on
# 127.0.0.1:15553, local zones of several types, an access-control list that refuses or drops other
# loopback source addresses, a forward of "." to a black hole, a stub zone to a dead port, stub
# zones to a small python server that answers oddly (NXDOMAIN, SERVFAIL, REFUSED, garbage, wrong
# ids, CNAME loops, silence), a trust anchor that makes one zone bogus, ratelimits, and
# unbound-control on a unix socket (reload, flush, dump_cache, stats, local_data, short
# verbosity-3 windows...). DURATION seconds of randomised dig / python clients (also malformed
# packets); writes $OUT/unbound.log unchanged. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-150}
PORT=15553; FAKE=15555; HOLE=15554; DEAD=15556
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
RUN="$OUT/run"; rm -rf "$RUN" "$OUT/unbound.log"; mkdir -p "$RUN"
PY=/usr/bin/python3

cat > "$RUN/unbound.conf" <<CONF
server:
  interface: 127.0.0.1@$PORT
  do-ip6: no
  do-daemonize: no
  use-syslog: no
  logfile: "$OUT/unbound.log"
  log-time-ascii: no
  verbosity: 2
  log-queries: yes
  log-replies: yes
  log-servfail: yes
  log-local-actions: yes
  val-log-level: 2
  statistics-interval: 45
  username: ""
  chroot: ""
  directory: "$RUN"
  pidfile: "$RUN/unbound.pid"
  num-threads: 2
  do-not-query-localhost: no
  module-config: "validator iterator"
  trust-anchor: "sec.internal. DS 12345 8 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE5E2A0F0A1E0E6F2B3C4D5E6F"
  domain-insecure: "corp.internal."
  ratelimit: 15
  ip-ratelimit: 40
  cache-max-ttl: 120
  outgoing-range: 64
  access-control: 127.0.0.0/8 refuse
  access-control: 127.0.0.1/32 allow
  access-control: 127.0.0.2/32 allow_snoop
  access-control: 127.0.0.3/32 deny
  access-control: 127.0.0.5/32 refuse_non_local
  local-zone: "home.test." static
  local-data: "nas.home.test. 300 IN A 10.0.0.5"
  local-data: "printer.home.test. 300 IN A 10.0.0.6"
  local-data: "home.test. 300 IN MX 10 mail.home.test."
  local-data: "mail.home.test. 300 IN A 10.0.0.7"
  local-data: "home.test. 300 IN TXT \"v=spf1 -all\""
  local-data-ptr: "10.0.0.5 nas.home.test."
  local-zone: "ads.test." always_nxdomain
  local-zone: "tracker.test." always_refuse
  local-zone: "sink.test." always_null
  local-zone: "watch.test." inform
  local-data: "cam.watch.test. 300 IN A 10.0.0.9"
  local-zone: "blocked.test." inform_deny
  local-zone: "quiet.test." deny
  local-zone: "nope.test." refuse
  local-zone: "portal.test." redirect
  local-data: "portal.test. 60 IN A 10.0.0.80"
  local-zone: "lab.test." transparent
  local-data: "gw.lab.test. 60 IN A 10.1.0.1"
  local-zone: "typed.test." typetransparent
  local-data: "typed.test. 60 IN TXT \"typed\""
forward-zone:
  name: "."
  forward-addr: 127.0.0.1@$HOLE
stub-zone:
  name: "dead.internal."
  stub-addr: 127.0.0.1@$DEAD
stub-zone:
  name: "corp.internal."
  stub-addr: 127.0.0.1@$FAKE
stub-zone:
  name: "sec.internal."
  stub-addr: 127.0.0.1@$FAKE
remote-control:
  control-enable: yes
  control-interface: "$RUN/control.sock"
  control-use-cert: no
CONF
unbound-checkconf "$RUN/unbound.conf" >/dev/null || exit 1

cat > "$RUN/fake.py" <<'PY'
"""Odd upstream for corp.internal. and sec.internal. (UDP and TCP), and a UDP black hole."""
import random, socket, sys, threading, time
import dns.message, dns.rcode, dns.rrset, dns.flags, dns.rdatatype

FAKE, HOLE = int(sys.argv[1]), int(sys.argv[2])

def answer(wire):
    q = dns.message.from_wire(wire)
    name = q.question[0].name
    label = name.labels[0].decode(errors="replace") if len(name.labels) > 1 else ""
    r = dns.message.make_response(q)
    r.flags |= dns.flags.AA
    qt = q.question[0].rdtype
    if label.startswith("drop") or label.startswith("slow"):
        if label.startswith("drop"):
            return None
        time.sleep(random.uniform(0.3, 1.5))
    if label.startswith("nx"):
        r.set_rcode(dns.rcode.NXDOMAIN)
    elif label.startswith("fail"):
        r.set_rcode(dns.rcode.SERVFAIL)
    elif label.startswith("ref"):
        r.set_rcode(dns.rcode.REFUSED)
    elif label.startswith("junk"):
        return bytes([wire[0], wire[1]]) + bytes(random.randrange(256) for _ in range(random.randint(3, 30)))
    elif label.startswith("wrongid"):
        w = bytearray(r.to_wire()); w[0] ^= 0x55; return bytes(w)
    elif label.startswith("lame"):
        r.flags &= ~dns.flags.AA
        r.authority.append(dns.rrset.from_text("corp.internal.", 300, "IN", "NS", "ns.elsewhere.invalid."))
    elif label.startswith("alias"):
        r.answer.append(dns.rrset.from_text(name, 60, "IN", "CNAME", f"host{random.randint(1, 9)}.dead.internal."))
    elif label.startswith("loop"):
        r.answer.append(dns.rrset.from_text(name, 60, "IN", "CNAME", name.to_text()))
    elif label.startswith("big"):
        r.answer.append(dns.rrset.from_text(name, 60, "IN", "A", *[f"10.9.{i}.{j}" for i in range(6) for j in range(10)]))
    elif qt == dns.rdatatype.A:
        r.answer.append(dns.rrset.from_text(name, random.choice([5, 30, 300]), "IN", "A", f"10.2.{random.randint(0, 9)}.{random.randint(1, 254)}"))
    elif qt == dns.rdatatype.MX:
        r.answer.append(dns.rrset.from_text(name, 300, "IN", "MX", "10 mail.corp.internal."))
    elif qt == dns.rdatatype.TXT:
        r.answer.append(dns.rrset.from_text(name, 300, "IN", "TXT", '"hello"'))
    return r.to_wire()

def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", FAKE))
    while True:
        wire, addr = s.recvfrom(4096)
        def reply(wire=wire, addr=addr):
            try:
                out = answer(wire)
            except Exception:
                out = None
            if out is not None:
                s.sendto(out, addr)
        threading.Thread(target=reply, daemon=True).start()

def tcp():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", FAKE)); s.listen(16)
    while True:
        c, _ = s.accept(); time.sleep(0.05); c.close()

def hole():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", HOLE))
    while True:
        s.recvfrom(4096)

for f in (udp, tcp, hole):
    threading.Thread(target=f, daemon=True).start()
while True:
    time.sleep(3600)
PY

cat > "$RUN/client.py" <<'PY'
"""Malformed and odd DNS packets for the resolver."""
import random, socket, struct, sys
import dns.message, dns.flags, dns.opcode, dns.rdatatype, dns.edns

port, kind = int(sys.argv[1]), sys.argv[2]
src = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((src, 0)); s.settimeout(1.5)
q = dns.message.make_query(random.choice(["nas.home.test.", "www.corp.internal.", "example.org."]), "A")
if kind == "random":
    data = bytes(random.randrange(256) for _ in range(random.randint(1, 40)))
elif kind == "short":
    data = q.to_wire()[:random.randint(2, 11)]
elif kind == "qdcount":
    w = bytearray(q.to_wire()); w[4:6] = struct.pack(">H", random.choice([0, 2, 9])); data = bytes(w)
elif kind == "response":
    w = bytearray(q.to_wire()); w[2] |= 0x80; data = bytes(w)
elif kind == "opcode":
    q.set_opcode(random.choice([dns.opcode.NOTIFY, dns.opcode.UPDATE, dns.opcode.STATUS, dns.opcode.IQUERY])); data = q.to_wire()
elif kind == "edns":
    q.use_edns(edns=random.choice([1, 2]), payload=512); data = q.to_wire()
elif kind == "trunc":
    data = q.to_wire() + b"\x00\x01garbage"
else:
    data = b"\x00"
s.sendto(data, ("127.0.0.1", port))
try:
    s.recv(4096)
except OSError:
    pass
if kind == "random" and random.random() < 0.5:
    t = socket.create_connection(("127.0.0.1", port), timeout=1.5)
    t.sendall(struct.pack(">H", 40) + bytes(random.randrange(256) for _ in range(12)))
    try:
        t.recv(100)
    except OSError:
        pass
    t.close()
PY

$PY "$RUN/fake.py" $FAKE $HOLE & FAKEPID=$!
sleep 0.5
unbound -c "$RUN/unbound.conf" & UNBOUND=$!
sleep 1.5

r() { echo $((RANDOM % $1)); }
UC() { unbound-control -c "$RUN/unbound.conf" "$@" >/dev/null 2>&1; }
D() { dig -p $PORT @127.0.0.1 +tries=1 +time=1 "$@" >/dev/null 2>&1; }
bgp=()
BG() { D "$@" & bgp+=($!); }
types=(A A A AAAA MX TXT ANY SRV NS SOA PTR CNAME)
loc=(nas.home.test printer.home.test home.test mail.home.test missing.home.test x$RANDOM.ads.test ads.test t.tracker.test s.sink.test cam.watch.test other.watch.test a.blocked.test q.quiet.test n.nope.test www.portal.test portal.test gw.lab.test x.lab.test typed.test a.typed.test localhost 1.0.0.127.in-addr.arpa 5.0.0.10.in-addr.arpa)
corp=(www mail db1 db2 nx1 nx$RANDOM fail1 ref1 drop1 slow1 junk1 wrongid1 lame1 alias1 loop1 big1)
verb3=0
n=0
# control commands the run must contain, one every 10 iterations, in turn
must() {
  case $1 in
    0) UC local_data "dyn$(r 10).home.test. 60 IN A 10.0.3.$(r 250)"; D "dyn$(r 10).home.test" A ;;
    1) UC flush "$(shuf -n1 -e www.corp.internal db1.corp.internal nas.home.test)" ;;
    2) UC dump_cache > "$RUN/cache.dump" ;;
    3) UC verbosity 3; D "${corp[$(r 4)]}.corp.internal" A; D "${loc[$(r 5)]}" A; D -b 127.0.0.2 nas.home.test A; UC verbosity 2 ;;
    4) UC stats ;;
    5) UC local_data_remove "dyn$(r 10).home.test." ;;
    6) UC reload ;;
    7) UC flush_zone corp.internal ;;
  esac
}

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  n=$((n + 1)); (( n % 10 == 0 )) && must $(( (n / 10 - 1) % 8 ))
  case $(r 22) in
    0|1|2|3) D "${loc[$(r ${#loc[@]})]}" "${types[$(r ${#types[@]})]}" ;;
    4|5|6) BG "${corp[$(r ${#corp[@]})]}$( [ $(r 3) = 0 ] && echo $(r 99) ).corp.internal" "${types[$(r 6)]}" ;;
    7) BG "$(shuf -n1 -e www.example.org mail.example.com a$RANDOM.example.net debian.org 8.8.8.8.in-addr.arpa)" "${types[$(r 6)]}" ;;
    8) BG "host$(r 9).dead.internal" A ;;
    9) BG "$(shuf -n1 -e www sec host$(r 5)).sec.internal" "$(shuf -n1 -e A DNSKEY TXT)" ;;
    10) D -b 127.0.0.$(shuf -n1 -e 2 3 4 5 6) "${loc[$(r 6)]}" A $( [ $(r 2) = 0 ] && echo +norecurse ) ;;
    11) $PY "$RUN/client.py" $PORT "$(shuf -n1 -e random short qdcount response opcode edns trunc)" "$(shuf -n1 -e 127.0.0.1 127.0.0.1 127.0.0.4)" 2>/dev/null ;;
    12) D "$(shuf -n1 -e version.bind id.server hostname.bind version.server)" TXT CH ;;
    13) D +tcp "${loc[$(r ${#loc[@]})]}" A ;;
    14) D +norecurse "$(shuf -n1 -e www.corp.internal nas.home.test www.example.org)" A ;;
    15) case $(r 6) in
          0) UC local_data "dyn$(r 10).home.test. 60 IN A 10.0.3.$(r 250)" ;;
          1) UC local_data_remove "dyn$(r 10).home.test." ;;
          2) UC local_zone "zone$(r 4).test." "$(shuf -n1 -e static always_nxdomain redirect inform)" ;;
          3) UC local_zone_remove "zone$(r 4).test." ;;
          4) UC flush "$(shuf -n1 -e www.corp.internal db1.corp.internal nas.home.test example.org)" ;;
          5) UC flush_zone corp.internal ;;
        esac ;;
    16) case $(r 10) in
          0) UC stats ;;
          1) UC stats_noreset ;;
          2) UC dump_cache > "$RUN/cache.dump" ;;
          3) UC flush_infra all ;;
          4) UC flush_bogus ;;
          5) UC lookup "$(shuf -n1 -e www.corp.internal example.org host1.dead.internal)" ;;
          6) UC list_local_zones ;;
          7) UC status ;;
          8) UC flush_requestlist ;;
          9) UC dump_infra ;;
        esac ;;
    17) [ $(r 4) = 0 ] && UC reload ;;
    18) if [ $verb3 = 0 ] && [ $(r 6) = 0 ]; then UC verbosity 3; verb3=1; sleep 0.$((3 + $(r 5))); D "${corp[$(r 4)]}.corp.internal" A; D "${loc[$(r 5)]}" A; UC verbosity 2; verb3=0
n=0
# control commands the run must contain, one every 10 iterations, in turn
must() {
  case $1 in
    0) UC local_data "dyn$(r 10).home.test. 60 IN A 10.0.3.$(r 250)"; D "dyn$(r 10).home.test" A ;;
    1) UC flush "$(shuf -n1 -e www.corp.internal db1.corp.internal nas.home.test)" ;;
    2) UC dump_cache > "$RUN/cache.dump" ;;
    3) UC verbosity 3; D "${corp[$(r 4)]}.corp.internal" A; D "${loc[$(r 5)]}" A; D -b 127.0.0.2 nas.home.test A; UC verbosity 2 ;;
    4) UC stats ;;
    5) UC local_data_remove "dyn$(r 10).home.test." ;;
    6) UC reload ;;
    7) UC flush_zone corp.internal ;;
  esac
}
        else UC verbosity $(shuf -n1 -e 1 2); UC verbosity 2; fi ;;
    19) case $(r 5) in
          0) UC forward_add "fwd$(r 3).internal." 127.0.0.1@$HOLE ;;
          1) UC forward_remove "fwd$(r 3).internal." ;;
          2) BG "x.fwd$(r 3).internal" A ;;
          3) UC insecure_add "sec.internal." ;;
          4) UC insecure_remove "sec.internal." ;;
        esac ;;
    20) pids=(); for i in $(seq $((4 + $(r 9)))); do dig -p $PORT @127.0.0.1 +tries=1 +time=1 "n$i-$RANDOM.corp.internal" A >/dev/null 2>&1 & pids+=($!); done; wait "${pids[@]}" ;;
    21) UC "$(shuf -n1 -e bogus_command get_option set_option)" $(shuf -n1 -e "" "verbosity" "nosuchoption:" ) ;;
  esac
  sleep $(shuf -n1 -e 0.3 0.5 0.7 0.9 1.1 1.3)
done
wait "${bgp[@]}" 2>/dev/null
sleep 2
UC stats_noreset
kill $UNBOUND; wait $UNBOUND 2>/dev/null
kill $FAKEPID; wait $FAKEPID 2>/dev/null
