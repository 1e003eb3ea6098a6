#!/bin/bash
# Round-12 corpus workload: PowerDNS Recursor 4.8 (Debian 12 package pdns-recursor), foreground,
# loglevel=9, quiet=no, log-common-errors=yes, structured-logging=yes (the 4.8 default), stderr only
# (disable-syslog), trace-regex switched on for a few queries. Upstreams are python dnslib servers
# on 127.0.0.1 (an authoritative one for corp.test/lab.test and a recursive-style one for the rest).
# Everything runs inside a private network namespace (unshare -n, loopback only), so no query can
# leave the machine; ports 20600 (recursor), 20653/20654 (upstreams), 20655 (dead), 20680 (API).
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   apt-get install -y pdns-recursor python3-dnslib dnsutils curl
# Writes OUT_DIR/recursor.log (the recursor's stderr, unchanged) over two recursor runs.
set -u
OUT=$(readlink -f "${1:-$(dirname "$0")}"); DURATION=${2:-420}
if [ -z "${R12_IN_NETNS:-}" ]; then
  exec env R12_IN_NETNS=1 unshare -n bash "$0" "$OUT" "$DURATION"
fi
ip link set lo up
W=/tmp/r12rec; rm -rf "$W"; mkdir -p "$W"; chmod 755 "$W"; cd "$W"
LOG="$OUT/recursor.log"; rm -f "$LOG"
PY=/usr/bin/python3
cat > upstream.py <<'PYEOF'
#!/usr/bin/python3
"""Tiny authoritative/forwarding upstream for the recursor workload (dnslib), 127.0.0.1 only.
usage: upstream.py PORT ROLE STATEFILE   ROLE = auth (corp.test, lab.test) | resolver (anything)
STATEFILE holds a mode word: ok | mute (read but never answer) | servfail"""
import random, socket, socketserver, sys, threading, time
from dnslib import DNSRecord, RR, QTYPE, RCODE, A, AAAA, MX, TXT, CNAME, SOA, NS, SRV

PORT, ROLE, STATE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
HOSTS = {f"db{i}": f"10.20.0.{i}" for i in range(1, 25)}
HOSTS.update({"www": "10.20.1.1", "mail": "10.20.1.2", "ns1": "127.0.0.1", "vpn": "10.20.1.9",
              "files": "10.20.1.7", "git": "10.20.1.8", "wiki": "10.20.1.10"})
ALIASES = {"api": "www", "intranet": "wiki", "smtp": "mail", "code": "git"}


def mode():
    try:
        return open(STATE).read().strip() or "ok"
    except OSError:
        return "ok"


def soa(zone):
    base = zone if zone != "." else "root-servers.test"
    return RR(zone, QTYPE.SOA, ttl=60, rdata=SOA(f"ns1.{base}", f"hostmaster.{base}",
                                                  (2024010101, 3600, 600, 86400, 30)))


def answer(data, tcp):
    try:
        q = DNSRecord.parse(data)
    except Exception:
        return None
    name = str(q.q.qname).rstrip(".").lower()
    qt = QTYPE[q.q.qtype]
    r = q.reply()
    m = mode()
    if m == "mute":
        return None
    if m == "servfail":
        r.header.rcode = RCODE.SERVFAIL
        return r.pack()
    label = name.split(".")[0]
    if ROLE == "resolver":
        # acts like a recursive upstream for everything else
        if name.endswith("fail.test") or label.startswith("sf"):
            r.header.rcode = RCODE.SERVFAIL
        elif name.endswith("refused.test"):
            r.header.rcode = RCODE.REFUSED
        elif name.endswith("slow.test"):
            time.sleep(random.choice([2.5, 3, 4]))
            r.add_answer(RR(q.q.qname, QTYPE.A, ttl=30, rdata=A("192.0.2.%d" % random.randint(1, 250))))
        elif name.endswith("junk.test"):
            return bytes(random.getrandbits(8) for _ in range(random.randint(3, 40)))
        elif name.endswith("wrongid.test"):
            raw = bytearray(r.pack())
            raw[0] ^= 0x55
            return bytes(raw)
        elif name.endswith("big.test") and not tcp:
            r.header.tc = 1
        elif name.endswith("big.test"):
            for i in range(60):
                r.add_answer(RR(q.q.qname, QTYPE.TXT, ttl=60, rdata=TXT("chunk-%03d-%s" % (i, "x" * 40))))
        elif name == "" and qt == "NS":
            r.add_answer(RR(".", QTYPE.NS, ttl=3600, rdata=NS("a.root-servers.test.")))
        elif label.startswith("nx") or name == "" or name.endswith(".invalid"):
            r.header.rcode = RCODE.NXDOMAIN
            r.add_auth(soa("."))
        elif qt in ("A", "ANY"):
            r.add_answer(RR(q.q.qname, QTYPE.A, ttl=random.choice([5, 30, 300]),
                            rdata=A("198.51.100.%d" % (sum(map(ord, name)) % 250 + 1))))
        elif qt == "AAAA":
            r.add_answer(RR(q.q.qname, QTYPE.AAAA, ttl=60, rdata=AAAA("2001:db8::%x" % (sum(map(ord, name)) % 4000))))
        elif qt == "MX":
            r.add_answer(RR(q.q.qname, QTYPE.MX, ttl=60, rdata=MX("mx." + name)))
        else:
            r.add_auth(soa("."))
        return r.pack()
    # authoritative role: corp.test and lab.test
    zone = "corp.test" if name.endswith("corp.test") else "lab.test" if name.endswith("lab.test") else None
    r.header.aa = 1
    if zone is None:
        r.header.rcode = RCODE.REFUSED
        r.header.aa = 0
        return r.pack()
    host = name[: -len(zone)].rstrip(".")
    if host.startswith("slow"):
        time.sleep(random.choice([2, 3, 5]))
    if host == "":
        if qt == "SOA":
            r.add_answer(soa(zone))
        elif qt == "NS":
            r.add_answer(RR(zone, QTYPE.NS, ttl=300, rdata=NS("ns1." + zone)))
        elif qt == "MX":
            r.add_answer(RR(zone, QTYPE.MX, ttl=300, rdata=MX("mail." + zone, 10)))
        elif qt == "TXT":
            r.add_answer(RR(zone, QTYPE.TXT, ttl=300, rdata=TXT("v=spf1 mx -all")))
        else:
            r.add_auth(soa(zone))
    elif host in ALIASES:
        target = f"{ALIASES[host]}.{zone}"
        r.add_answer(RR(q.q.qname, QTYPE.CNAME, ttl=120, rdata=CNAME(target)))
        if qt in ("A", "ANY"):
            r.add_answer(RR(target, QTYPE.A, ttl=120, rdata=A(HOSTS[ALIASES[host]])))
    elif host == "_sip._tcp" and qt == "SRV":
        r.add_answer(RR(q.q.qname, QTYPE.SRV, ttl=120, rdata=SRV(10, 5, 5060, "vpn." + zone)))
    elif host in HOSTS or host.startswith("slow") or host.startswith("traced"):
        if qt in ("A", "ANY"):
            r.add_answer(RR(q.q.qname, QTYPE.A, ttl=random.choice([10, 60, 120]), rdata=A(HOSTS.get(host, "10.20.9.9"))))
        elif qt == "TXT":
            r.add_answer(RR(q.q.qname, QTYPE.TXT, ttl=60, rdata=TXT(f"host={host} rack={random.randint(1, 9)}")))
        else:
            r.add_auth(soa(zone))  # NODATA
    else:
        r.header.rcode = RCODE.NXDOMAIN
        r.add_auth(soa(zone))
    return r.pack()


class UDP(socketserver.ThreadingMixIn, socketserver.UDPServer):
    daemon_threads = True


class TCP(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


class UDPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        out = answer(data, False)
        if out:
            sock.sendto(out, self.client_address)


class TCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            ln = self.request.recv(2)
            if len(ln) < 2:
                return
            n = int.from_bytes(ln, "big")
            data = b""
            while len(data) < n:
                chunk = self.request.recv(n - len(data))
                if not chunk:
                    return
                data += chunk
            out = answer(data, True)
            if out:
                self.request.sendall(len(out).to_bytes(2, "big") + out)
        except OSError:
            pass


udp = UDP(("127.0.0.1", PORT), UDPHandler)
tcp = TCP(("127.0.0.1", PORT), TCPHandler)
threading.Thread(target=tcp.serve_forever, daemon=True).start()
udp.serve_forever()
PYEOF
cat > probe.py <<'PYEOF'
import socket, sys, random, time
from dnslib import DNSRecord, OPCODE
kind = sys.argv[1]
P = 20600
def udp(data, src="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((src, 0)); s.settimeout(1.5)
    s.sendto(data, ("127.0.0.1", P))
    try: s.recv(4096)
    except OSError: pass
if kind == "garbage": udp(bytes(random.getrandbits(8) for _ in range(random.randint(1, 11))))
elif kind == "short": udp(b"\x12\x34\x01\x00\x00\x01")
elif kind == "answer":
    q = DNSRecord.question("www.corp.test"); r = q.reply(); udp(r.pack())
elif kind == "noq":
    q = DNSRecord.question("www.corp.test"); q.questions = []; q.header.q = 0; udp(q.pack())
elif kind == "opcode":
    q = DNSRecord.question("www.corp.test"); q.header.opcode = 2; udp(q.pack())
elif kind == "notify":
    q = DNSRecord.question(sys.argv[2], "SOA"); q.header.opcode = OPCODE.NOTIFY; q.header.aa = 1; q.header.rd = 0; udp(q.pack())
elif kind == "badname":
    raw = bytearray(DNSRecord.question("www.corp.test").pack()); raw[12] = 63; udp(bytes(raw))
elif kind == "tcphalf":
    s = socket.create_connection(("127.0.0.1", P)); s.send(b"\x00"); time.sleep(0.2); s.close()
elif kind == "tcpbody":
    s = socket.create_connection(("127.0.0.1", P)); s.send(b"\x00\x40abc"); time.sleep(0.2); s.close()
elif kind == "tcpgarbage":
    s = socket.create_connection(("127.0.0.1", P)); d = bytes(random.getrandbits(8) for _ in range(9)); s.send(len(d).to_bytes(2, "big") + d); time.sleep(0.3); s.close()
elif kind == "tcpsmall":
    s = socket.create_connection(("127.0.0.1", P)); s.send(b"\x00\x05"); time.sleep(0.2); s.close()
elif kind == "denied": udp(DNSRecord.question("www.corp.test").pack(), src=sys.argv[2])
elif kind == "tcpdenied":
    s = socket.socket(); s.bind((sys.argv[2], 0)); s.connect(("127.0.0.1", P)); time.sleep(0.2); s.close()
PYEOF

# ---------- configuration ----------
write_conf() {  # $1 = dnssec mode
cat > recursor.conf <<CONF
daemon=no
config-dir=$W
socket-dir=$W
local-address=127.0.0.1
local-port=20600
threads=2
loglevel=9
quiet=no
log-common-errors=yes
disable-syslog=yes
log-timestamp=yes
structured-logging=yes
statistics-interval=20
dont-query=0.0.0.0/0, ::/0
allow-from=127.0.0.1/32, 127.0.0.2/32
forward-zones=corp.test=127.0.0.1:20653
forward-zones-file=$W/forwards.conf
forward-zones-recurse=.=127.0.0.1:20654
auth-zones=home.test=$W/home.zone
etc-hosts-file=$W/hosts
export-etc-hosts=yes
lua-config-file=$W/conf.lua
lua-dns-script=$W/script.lua
security-poll-suffix=
dnssec=$1
network-timeout=1500
packetcache-ttl=20
webserver=yes
webserver-address=127.0.0.1
webserver-port=20680
webserver-allow-from=127.0.0.1
webserver-loglevel=normal
api-key=s3cret
allow-notify-from=127.0.0.1
allow-notify-for=corp.test
CONF
}
good_zone() { cat > home.zone <<Z
\$ORIGIN home.test.
\$TTL 300
@ IN SOA ns.home.test. admin.home.test. $((RANDOM)) 3600 600 86400 60
@ IN NS ns
ns IN A 127.0.0.1
nas IN A 192.168.7.$((10 + RANDOM % 100))
printer IN A 192.168.7.11
tv IN CNAME nas
cam$((RANDOM % 9)) IN A 192.168.7.$((120 + RANDOM % 100))
Z
}
bad_zone() { good_zone; echo "broken IN A 300.1.2.$((RANDOM % 9))" >> home.zone; }
good_fwd() {
  { echo "lab.test=127.0.0.1:20653"; echo "dead.test=127.0.0.1:20655"; echo "+rec.test=127.0.0.1:20654"
    [ $((RANDOM % 2)) = 0 ] && echo "+extra$((RANDOM % 5)).test=127.0.0.1:20654"; } > forwards.conf
}
bad_fwd() { good_fwd; echo "oops.test" >> forwards.conf; }
write_hosts() { { echo "127.0.0.1 localhost"; echo "192.168.7.20 router.lan router"; echo "192.168.7.$((21 + RANDOM % 9)) switch.lan"
    [ $((RANDOM % 2)) = 0 ] && echo "this is not valid $RANDOM"; } > hosts; }
good_lua_conf() { echo "rpzFile(\"$W/rpz.zone\", {policyName=\"blocklist\"})" > conf.lua; }
bad_lua_conf() { case $((RANDOM % 2)) in
    0) echo "rpzFile(\"$W/missing-$RANDOM.zone\", {policyName=\"blocklist\"})" > conf.lua ;;
    1) echo "rpzFile(\"$W/rpz.zone\", {policyName=" > conf.lua ;; esac; }
good_script() { printf 'function preresolve(dq)\n  return false\nend\n' > script.lua; }
bad_script() { printf 'function preresolve(dq\n  retur false\n' > script.lua; }
cat > rpz.zone <<'Z'
$ORIGIN rpz.local.
$TTL 60
@ SOA ns.rpz.local. admin.rpz.local. 1 3600 600 86400 60
@ NS ns.rpz.local.
ads.rec.test CNAME .
*.tracker.rec.test CNAME *.
malware.rec.test CNAME rpz-drop.
walled.rec.test A 10.99.99.99
Z
good_zone; good_fwd; write_hosts; good_lua_conf; good_script
echo ok > state_auth; echo ok > state_res

# ---------- processes ----------
AUTH=; RES=; REC=
start_auth() { $PY upstream.py 20653 auth state_auth 2>>upstream.err & AUTH=$!; }
start_res() { $PY upstream.py 20654 resolver state_res 2>>upstream.err & RES=$!; }
start_rec() { pdns_recursor --config-dir="$W" 2>>"$LOG" >>"$LOG" & REC=$!; sleep 1.5; }
RC() { rec_control --socket-dir="$W" --timeout=5 "$@" >/dev/null 2>&1; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

Q() { dig +tries=1 +time=4 -p 20600 @127.0.0.1 "$@" >/dev/null 2>&1; }
corp_hosts=(www mail db1 db2 db3 db7 db12 db19 db23 vpn files git wiki api intranet smtp code _sip._tcp)
name_any() {
  case $(r 14) in
    0|1|2) echo "$(pick "${corp_hosts[@]}").corp.test" ;;
    3) echo "$(pick "${corp_hosts[@]}").lab.test" ;;
    4) echo "$(pick nohost$RANDOM gone$(r 50) tmp-$RANDOM old-db$(r 9)).$(pick corp.test lab.test)" ;;
    5) echo "$(pick nas printer tv ns cam$(r 9) missing$(r 30)).home.test" ;;
    6) echo "$(pick router.lan switch.lan router localhost)" ;;
    7) echo "$(pick app$RANDOM cdn$(r 40) nx$RANDOM shop$(r 20) nxdom$(r 99)).$(pick rec.test example.org example.net test.invalid)" ;;
    8) echo "$(pick ads.rec.test malware.rec.test walled.rec.test x$(r 99).tracker.rec.test)" ;;
    9) echo "$(pick h$(r 50) srv$(r 9)).dead.test" ;;
    10) echo "$(pick sf$(r 30).rec.test api$(r 9).fail.test q$(r 9).refused.test)" ;;
    11) echo "$(pick m$(r 99).junk.test id$(r 99).wrongid.test)" ;;
    12) echo "$(pick t$(r 99).big.test d$(r 99).slow.test slow$(r 9).corp.test)" ;;
    13) echo "$(pick www mail corp lab ntp time$(r 9)).extra$(r 5).test" ;;
  esac
}
qtype_any() { pick A A A A AAAA MX TXT SRV NS SOA ANY CAA; }

TRACED=0
traced_query() {
  [ $TRACED -ge 7 ] && return
  TRACED=$((TRACED + 1))
  RC trace-regex '^traced'
  Q "traced$RANDOM.$(pick corp.test rec.test lab.test example.org)" "$(pick A AAAA MX)"
  [ $(r 2) = 0 ] && Q "traced-nx$(r 99).$(pick corp.test example.net)"
  RC trace-regex
}

rec_cmd() {
  case $(r 24) in
    0) RC wipe-cache "$(pick corp.test lab.test rec.test home.test example.org www.corp.test)" ;;
    1) RC wipe-cache "$(pick corp.test rec.test).\$" ;;
    2) RC wipe-cache-typed "$(pick A AAAA MX TXT)" "$(pick corp.test lab.test rec.test)" ;;
    3|4) case $(r 3) in 0) bad_zone ;; 1) bad_fwd ;; 2) good_zone; good_fwd ;; esac; write_hosts
       RC reload-zones; good_zone; good_fwd ;;
    5) RC reload-acls ;;
    6) [ $(r 3) = 0 ] && bad_lua_conf; RC reload-lua-config; good_lua_conf ;;
    7) [ $(r 3) = 0 ] && bad_script; RC reload-lua-script; good_script ;;
    8) RC add-nta "$(pick corp.test lab.test rec.test example.org)" "$(pick testing maintenance broken-dnssec)" ;;
    9) RC clear-nta "$(pick corp.test lab.test '*' nonexistent.test)" ;;
    10) RC add-dont-throttle-names "$(pick ns1.corp.test a.root-servers.test ns$(r 9).example.org)" ;;
    11) RC clear-dont-throttle-names "$(pick '*' ns1.corp.test)" ;;
    12) RC add-dont-throttle-netmasks "$(pick 127.0.0.1/32 127.0.0.0/8 10.$(r 255).0.0/16)" ;;
    13) RC clear-dont-throttle-netmasks "$(pick '*' 127.0.0.1/32)" ;;
    14) RC set-dnssec-log-bogus "$(pick yes no)" ;;
    15) RC "$(pick get-all 'get cache-entries' 'get questions' version top-remotes top-queries current-queries get-ntas get-tas ping get-parameter\ threads)" ;;
    16) RC "$(pick dump-cache dump-nsspeeds dump-throttlemap dump-edns dump-failedservers)" "$W/dump-$(r 9).txt" ;;
    17) RC "$(pick frobnicate wipe_cache reload-everything 'set-loglevel 9' 'get no-such-stat' restart)" ;;
    18) RC "$(pick set-minimum-ttl set-max-cache-entries set-max-packetcache-entries)" "$(pick 0 5 30 100000 200000)" ;;
    19) RC add-ta "$(pick example.org corp.test)" "$(r 65535) 8 2 $(printf '%064x' $RANDOM)" ;;
    20) RC clear-ta "$(pick example.org corp.test .)" ;;
    21) RC get-dont-throttle-names ;;
    22) RC top-servfail-queries ;;
    23) RC dump-rpz blocklist "$W/rpz-dump.txt" ;;
  esac
}

api_call() {
  local k; k=$(pick s3cret s3cret s3cret wrong$RANDOM "")
  local h=(-H "X-API-Key: $k"); [ -z "$k" ] && h=()
  case $(r 8) in
    0) curl -s -o /dev/null "${h[@]}" http://127.0.0.1:20680/api/v1/servers/localhost/statistics ;;
    1) curl -s -o /dev/null "${h[@]}" -X PUT "http://127.0.0.1:20680/api/v1/servers/localhost/cache/flush?domain=$(pick corp.test. rec.test. www.corp.test.)" ;;
    2) curl -s -o /dev/null "${h[@]}" http://127.0.0.1:20680/api/v1/servers/localhost/zones ;;
    3) curl -s -o /dev/null "${h[@]}" http://127.0.0.1:20680/api/v1/servers/localhost/config/allow-from ;;
    4) curl -s -o /dev/null "${h[@]}" "http://127.0.0.1:20680/$(pick nothing admin/$RANDOM api/v2/x index.php)" ;;
    5) curl -s -o /dev/null "${h[@]}" -X POST -d '{"bad json' http://127.0.0.1:20680/api/v1/servers/localhost/zones ;;
    6) curl -s -o /dev/null "${h[@]}" http://127.0.0.1:20680/metrics ;;
    7) curl -s -o /dev/null "${h[@]}" "http://127.0.0.1:20680/api/v1/servers/localhost/search-data?q=$(pick www db corp)" ;;
  esac
}

probe() {
  case $(r 13) in
    0) $PY probe.py garbage ;; 1) $PY probe.py short ;; 2) $PY probe.py answer ;; 3) $PY probe.py noq ;;
    4) $PY probe.py opcode ;; 5) $PY probe.py badname ;; 6) $PY probe.py tcphalf ;; 7) $PY probe.py tcpbody ;;
    8) $PY probe.py tcpgarbage ;; 9) $PY probe.py tcpsmall ;;
    10) $PY probe.py notify "$(pick corp.test corp.test lab.test example.org)" ;;
    11) $PY probe.py denied "127.0.$(r 9).$((3 + $(r 200)))" ;;
    12) $PY probe.py tcpdenied "127.0.0.$((3 + $(r 200)))" ;;
  esac
}

AUTH_DOWN_UNTIL=0; RES_MODE_UNTIL=0
upstream_event() {
  case $(r 4) in
    0) if [ -n "$AUTH" ]; then kill "$AUTH"; wait "$AUTH" 2>/dev/null; AUTH=; AUTH_DOWN_UNTIL=$((SECONDS + 6 + $(r 10))); fi ;;
    1) echo mute > state_auth; AUTH_DOWN_UNTIL=$((SECONDS + 5 + $(r 8))) ;;
    2) echo "$(pick mute servfail)" > state_res; RES_MODE_UNTIL=$((SECONDS + 4 + $(r 8))) ;;
    3) echo servfail > state_auth; AUTH_DOWN_UNTIL=$((SECONDS + 3 + $(r 5))) ;;
  esac
}
upstream_restore() {
  if [ $AUTH_DOWN_UNTIL -gt 0 ] && [ $SECONDS -ge $AUTH_DOWN_UNTIL ]; then
    echo ok > state_auth; [ -z "$AUTH" ] && start_auth; AUTH_DOWN_UNTIL=0
  fi
  if [ $RES_MODE_UNTIL -gt 0 ] && [ $SECONDS -ge $RES_MODE_UNTIL ]; then echo ok > state_res; RES_MODE_UNTIL=0; fi
}

run_phase() {  # $1 = seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    upstream_restore
    case $(r 40) in
      [0-9]|1[0-3]) Q "$(name_any)" "$(qtype_any)" ;;
      14|15) n=$(name_any); Q "$n"; Q "$n" ;;   # second one is often a packet-cache hit
      16|17) Q +tcp "$(name_any)" "$(qtype_any)" ;;
      18) Q +dnssec "$(name_any)" ;;
      19) Q +norec "$(name_any)" ;;
      20) Q +cd +dnssec "$(name_any)" ;;
      21|22|23|24) probe ;;
      25|26|27|28|29) rec_cmd ;;
      30|31) api_call ;;
      32) upstream_event ;;
      33) traced_query ;;
      34) bp=(); for i in $(seq $((3 + $(r 6)))); do Q "burst$RANDOM.$(pick corp.test rec.test example.net)" & bp+=($!); done
          wait "${bp[@]}" 2>/dev/null ;;
      35) Q -b 127.0.0.2 "$(name_any)" ;;
      36) Q "$(pick www db1 mail).corp.test" +subnet=10.$(r 255).$(r 255).0/24 ;;
      *) Q "$(pick "${corp_hosts[@]}").$(pick corp.test lab.test)" ;;
    esac
    sleep 0.$((2 + $(r 7)))
  done
}

# ---------- run ----------
start_auth; start_res; sleep 1
write_conf process-no-validate
start_rec
run_phase $((DURATION * 45 / 100))
# a restart through rec_control quit-nicely, then with DNSSEC log-fail and some NTAs
RC quit-nicely; wait "$REC" 2>/dev/null
write_conf log-fail
start_rec
RC add-nta corp.test lab-zones; RC add-nta lab.test lab-zones
run_phase $((DURATION * 35 / 100))
# a hard stop (SIGTERM), then a restart with the default validation mode, and a final quit
kill "$REC"; wait "$REC" 2>/dev/null
write_conf process
start_rec
run_phase $((DURATION * 20 / 100))
RC quit; wait "$REC" 2>/dev/null
kill "$AUTH" "$RES" 2>/dev/null; wait 2>/dev/null
echo "done: $(wc -l < "$LOG") lines in $LOG"
