#!/bin/bash
# Round-10 corpus workload: dnsdist 1.7 (Debian 12 package) started in the foreground with
# `dnsdist --supervised --disable-syslog -v -C conf`; its stdout/stderr (dnsdist prints one line
# per message, no header) is $OUT/dnsdist.log. Backends: two BIND named instances
# (127.0.0.1:18154, :18155) and a Python "flaky" DNS server (:18156) whose behaviour the
# workload switches (servfail, timeouts, garbage, bad health-check answers). Everything binds
# 127.0.0.1, ports 18153-18157, 18183 (web), 18199 (console).
# Run as root on Debian 12:   bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round10/dnsdist}; DURATION=${2:-220}
W=/tmp/r10dnsdist
PY=/usr/bin/python3
export DEBIAN_FRONTEND=noninteractive
dpkg -s dnsdist bind9 bind9-dnsutils python3-dnspython curl >/dev/null 2>&1 ||
  apt-get install -y -q dnsdist bind9 bind9-dnsutils python3-dnspython curl >/dev/null

PORT=18153; NA=18154; NB=18155; FLAKY=18156; EXTRA=18157; WEB=18183; CONS=18199
for f in $W/dnsdist.pid $W/a/named.pid $W/b/named.pid $W/flaky.pid; do [ -f $f ] && kill "$(cat $f)" 2>/dev/null; done
sleep 1
rm -rf $W; mkdir -p $W/a $W/b "$OUT"; rm -f "$OUT/dnsdist.log"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---------------------------------------------------------------- backends
zonefile() { # zone
  { echo "\$TTL $((30 + $(r 300)))"; echo "@ SOA ns1.$1. hostmaster.$1. $RANDOM 3600 600 604800 60"; echo "@ NS ns1.$1."
    echo "ns1 A 192.0.2.53"; for h in www api mail vpn db cdn; do echo "$h A 198.51.100.$((1 + $(r 250)))"; done
    echo "www AAAA 2001:db8::$(r 999)"; echo "@ MX 10 mail.$1."; echo "@ TXT \"v=spf1 -all\""
    echo "blog CNAME www.$1."; echo "big TXT \"$(head -c 180 /dev/urandom | base64 -w0)\""
    for i in $(seq 1 12); do echo "big TXT \"$(head -c 150 /dev/urandom | base64 -w0)\""; done; } > $2/$1.db
}
for d in a b; do
  port=$NA; [ $d = b ] && port=$NB
  for z in example.test shop.test audit.test; do zonefile $z $W/$d; done
  cat > $W/$d/named.conf <<EOF
options { directory "$W/$d"; listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; };
  pid-file "$W/$d/named.pid"; session-keyfile "$W/$d/session.key"; recursion no; notify no; };
controls { };
zone "example.test" { type primary; file "example.test.db"; };
zone "shop.test" { type primary; file "shop.test.db"; };
zone "audit.test" { type primary; file "audit.test.db"; };
EOF
done
chown -R bind $W/a $W/b
start_named() { named -c $W/$1/named.conf -u bind -g > $W/$1/named.out 2>&1 & sleep 0.5; }
stop_named() { kill "$(cat $W/$1/named.pid 2>/dev/null)" 2>/dev/null; sleep 0.5; }

cat > $W/flaky.py <<'PYEOF'
# A misbehaving DNS server: its mode file says how to answer (health checks included).
import random, socket, sys, threading, time
import dns.message, dns.rcode, dns.rrset, dns.flags
port, modefile = int(sys.argv[1]), sys.argv[2]
def mode():
    try: return open(modefile).read().strip()
    except Exception: return "ok"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", port))
def answer(data, peer):
    try: q = dns.message.from_wire(data)
    except Exception: return
    m = mode(); name = q.question[0].name.to_text() if q.question else "."
    check = name.startswith("health.")
    r = dns.message.make_response(q)
    if m == "slow" or (not check and random.random() < 0.15): time.sleep(random.choice([0.3, 1.0, 2.5, 3.5]))
    if m == "drop" or (not check and random.random() < 0.1): return
    if m == "servfail" or (not check and random.random() < 0.1): r.set_rcode(dns.rcode.SERVFAIL)
    elif m == "nxdomain" and check: r.set_rcode(dns.rcode.NXDOMAIN)
    elif q.question and q.question[0].rdtype == 1:
        r.answer.append(dns.rrset.from_text(q.question[0].name, 30, "IN", "A", "203.0.113.%d" % random.randrange(1, 250)))
    wire = bytearray(r.to_wire())
    if m == "badid" and check: wire[0] ^= 0x5a
    if m == "noqr" and check: wire[2] &= 0x7f
    if m == "short" and check: wire = wire[:random.randrange(2, 11)]
    if m == "wrongname" and check:
        r2 = dns.message.make_response(dns.message.make_query("other%d.flaky.test" % random.randrange(99), "A"))
        r2.id = r.id; wire = r2.to_wire()
    if not check and random.random() < 0.05: wire = bytes(random.randrange(256) for _ in range(random.randrange(12, 40)))
    s.sendto(bytes(wire), peer)
while True:
    data, peer = s.recvfrom(4096)
    threading.Thread(target=answer, args=(data, peer), daemon=True).start()
PYEOF
echo ok > $W/flaky.mode
start_named a; start_named b
$PY $W/flaky.py $FLAKY $W/flaky.mode & echo $! > $W/flaky.pid

# ---------------------------------------------------------------- tools: raw packets, console, web
cat > $W/raw.py <<'PYEOF'
import random, socket, struct, sys, time
port = int(sys.argv[1]); kind = sys.argv[2]
src = "127.0.0.%d" % random.randrange(1, 60)
if kind == "garbage":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((src, 0)); s.settimeout(0.5)
    data = bytes(random.randrange(256) for _ in range(random.randrange(1, 40)))
    if random.random() < 0.4: data = struct.pack("!HHHHHH", random.randrange(65536), 0x0100, 1, 0, 0, 0) + b"\x05trunc"
    s.sendto(data, ("127.0.0.1", port))
    try: s.recv(512)
    except Exception: pass
elif kind == "tcpidle":
    c = socket.create_connection(("127.0.0.1", port), timeout=5); time.sleep(random.choice([0.5, 3.5]))
    c.close()
elif kind == "tcpjunk":
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    junk = bytes(random.randrange(256) for _ in range(random.randrange(14, 50)))
    c.sendall(struct.pack("!H", len(junk)) + junk); c.settimeout(2)
    try: c.recv(100)
    except Exception: pass
    c.close()
elif kind == "tcphalf":
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    c.sendall(struct.pack("!H", 60) + b"\x12\x34\x01\x00"); time.sleep(3.5); c.close()
PYEOF

KEY=$(head -c 32 /dev/urandom | base64)
APIKEY=api$RANDOM$RANDOM; WEBPW=pw$RANDOM
mkconf() { # $1: variant (1 or 2) -- the second config changes rules, policy and limits
cat > $W/dnsdist.conf <<EOF
-- dnsdist configuration written by workload.sh (variant $1)
setLocal("127.0.0.1:$PORT")
setACL({"127.0.0.0/26"})
addACL("127.0.0.64/28")
controlSocket("127.0.0.1:$CONS")
setKey("$KEY")
setConsoleACL({"127.0.0.1/32"})
webserver("127.0.0.1:$WEB")
setWebserverConfig({password="$WEBPW", apiKey="$APIKEY", acl="127.0.0.0/26"})
setSecurityPollSuffix("")
setVerboseHealthChecks(true)
setTCPRecvTimeout(2)
setMaxTCPQueriesPerConnection($((3 + $1 * 2)))
setMaxTCPConnectionsPerClient(4)
newServer({address="127.0.0.1:$NA", name="ns-a", checkName="example.test.", checkInterval=2, maxCheckFailures=2, rise=2, checkTimeout=800})
newServer({address="127.0.0.1:$NB", name="ns-b", checkName="example.test.", checkInterval=2, maxCheckFailures=2, rise=2, checkTimeout=800})
newServer({address="127.0.0.1:$FLAKY", name="flaky", pool="flaky", checkName="health.flaky.test.", mustResolve=true, checkInterval=2, maxCheckFailures=$1, checkTimeout=700, tcpRecvTimeout=2, udpTimeout=2})
setServerPolicy($( [ $1 = 1 ] && echo leastOutstanding || echo roundrobin ))
pc = newPacketCache(5000, {maxTTL=300, minTTL=0, temporaryFailureTTL=10, staleTTL=30})
getPool(""):setCache(pc)
addAction(makeRule("flaky.test"), PoolAction("flaky"))
addAction(makeRule("audit.test"), LogAction("", false, false, true, false, true))
addResponseAction(makeRule("audit.test"), LogResponseAction("", false, true, false))
addAction(makeRule("blocked.test"), LogAction("", false, false, true, false, false))
addAction(makeRule("blocked.test"), DropAction())
addAction(makeRule("refused.test"), RCodeAction(DNSRCode.REFUSED))
addAction(makeRule("spoof.test"), SpoofAction({"192.0.2.250", "2001:db8::250"}))
addAction(RegexRule("^evil"), RCodeAction(DNSRCode.NXDOMAIN))
addAction(QTypeRule(DNSQType.ANY), TCAction())
addAction(AndRule({MaxQPSIPRule($((3 * $1)), 32), makeRule("pay.shop.test")}), RCodeAction(DNSRCode.REFUSED))
dbr = dynBlockRulesGroup()
dbr:setQueryRate($((15 * $1)), 2, "Exceeded query rate", $((8 + $1 * 2)), DNSAction.Refused)
dbr:setRCodeRate(DNSRCode.NXDOMAIN, $((4 * $1)), 2, "Exceeded NXD rate", 10, DNSAction.Refused)
dbr:setQTypeRate(DNSQType.TXT, $((4 * $1)), 2, "Exceeded TXT rate", 6, DNSAction.Truncate)
dbr:setSuffixMatchRule(2, "Exceeded suffix query rate", 8, DNSAction.Nxdomain, function(node, self, children) if node.fullname == "shop.test." and self.queries + children.queries > 12 then return true, "shop.test flood" end return false, nil end)
function maintenance() dbr:apply() end
EOF
}

DDPID=""
start_dnsdist() {
  mkconf $1
  dnsdist --supervised --disable-syslog -v -C $W/dnsdist.conf >> "$OUT/dnsdist.log" 2>&1 &
  DDPID=$!; echo $DDPID > $W/dnsdist.pid; sleep 2
}
stop_dnsdist() { # $1: console (shutdown()) or term
  if [ "$1" = console ]; then cons 'shutdown()'; else kill $DDPID 2>/dev/null; fi
  for i in $(seq 1 40); do kill -0 $DDPID 2>/dev/null || break; sleep 0.2; done
  kill -9 $DDPID 2>/dev/null; wait $DDPID 2>/dev/null
}
cons() { timeout 5 dnsdist -c 127.0.0.1:$CONS -k "$KEY" -e "$1" >/dev/null 2>&1; }
web() { curl -s -o /dev/null -m 5 "$@"; }
start_dnsdist 1

q() { # qname qtype [dig options...]
  local n=$1 t=$2; shift 2
  dig -p $PORT @127.0.0.1 "$n" "$t" +time=3 +tries=1 "$@" >/dev/null 2>&1
}
src() { echo 127.0.0.$((1 + $(r 50))); }
zones=(example.test example.test shop.test audit.test flaky.test)
hosts=(www api mail vpn db cdn blog nope$(r 99) @ missing$(r 999))
END=$((SECONDS + DURATION)); RESTART1=$((SECONDS + DURATION / 3)); RESTART2=$((SECONDS + 2 * DURATION / 3))
BDOWN=0; BFOR=0
while [ $SECONDS -lt $END ]; do
  if [ $BDOWN -gt 0 ] && [ $((SECONDS - BDOWN)) -ge $BFOR ]; then start_named b; BDOWN=0; fi
  # a restart with the other configuration variant (rules/limits changed), then back
  if [ $RESTART1 -gt 0 ] && [ $SECONDS -ge $RESTART1 ]; then RESTART1=0; stop_dnsdist console; sleep 0.5; start_dnsdist 2; fi
  if [ $RESTART2 -gt 0 ] && [ $SECONDS -ge $RESTART2 ]; then RESTART2=0; stop_dnsdist term; sleep 0.5; start_dnsdist 1; fi
  case $(r 32) in
    0|1|2|3|4|5|6) # ordinary queries through the default pool
      z=$(pick "${zones[@]}"); h=$(pick "${hosts[@]}"); n=$h.$z; [ "$h" = @ ] && n=$z
      q $n $(pick A A AAAA MX TXT NS SOA CNAME) -b $(src) $(pick "" "" +dnssec +noedns "+bufsize=$((512 + $(r 3000)))") ;;
    7|8) # TCP queries, sometimes several on one connection
      if [ $(r 2) = 0 ]; then q $(pick www api big mail).$(pick example.test shop.test) $(pick A TXT MX) +tcp -b $(src)
      else dig -p $PORT @127.0.0.1 +tcp +keepopen +time=3 +tries=1 -b $(src) $(for i in $(seq 1 $((2 + $(r 8)))); do echo "$(pick www api mail nope$i).$(pick example.test shop.test) A"; done) >/dev/null 2>&1; fi ;;
    9|10) # the flaky pool
      q $(pick www api x$(r 99) health).flaky.test $(pick A A AAAA) $(pick "" "" +tcp) -b $(src) ;;
    11) # rules: drop, refuse, spoof, regex, ANY -> TC
      case $(r 5) in
        0) q $(pick www x$(r 99)).blocked.test A -b $(src) +time=1 ;;
        1) q $(pick www mail).refused.test $(pick A MX) -b $(src) ;;
        2) q $(pick www api).spoof.test $(pick A AAAA TXT) -b $(src) ;;
        3) q evil$(r 99).$(pick example.test shop.test) A -b $(src) ;;
        4) q $(pick example.test shop.test) ANY -b $(src) ;;
      esac ;;
    12) # clients outside the ACL (UDP and TCP)
      q www.example.test A -b 127.0.0.$((100 + $(r 100))) $(pick "" +tcp) +time=1 ;;
    13|14) # bursts that trip the rate limits / dynamic blocks
      s=$(src); n=$((18 + $(r 15)))
      case $(r 4) in
        0) for i in $(seq 1 $((n + 15))); do echo "$(pick www api mail).example.test A"; done ;;
        1) for i in $(seq 1 $n); do echo "nx$i-$RANDOM.example.test A"; done ;;
        2) for i in $(seq 1 $n); do echo "big.$(pick example.test shop.test) TXT +ignore"; done ;;
        3) for i in $(seq 1 $n); do echo "$(pick www cart img s$i-$RANDOM s$i-$RANDOM).shop.test A"; done ;;
      esac > $W/burst.txt
      timeout 20 dig -p $PORT @127.0.0.1 -b $s +time=1 +tries=1 -f $W/burst.txt >/dev/null 2>&1
      q www.example.test A -b $s +time=1 ;;
    15) # audit zone (LogAction / LogResponseAction)
      q $(pick www api mail nope$(r 9)).audit.test $(pick A MX TXT) -b $(src) ;;
    16|17) # console commands
      case $(r 14) in
        0) cons 'showServers()' ;;
        1) cons "getServer($(r 2)):setDown()" ;;
        2) cons "getServer($(r 2)):setAuto()" ;;
        3) cons "getServer($(r 2)):setUp()" ;;
        4) cons 'topQueries(10)'; cons 'topClients(5)' ;;
        5) cons "addDynBlocks(exceedQRate($((3 + $(r 10))), 5), \"Console rate block\", $((5 + $(r 10))))" ;;
        6) if [ ! -f $W/extra.name ]; then echo extra$(r 9) > $W/extra.name
             cons "newServer({address=\"127.0.0.1:$EXTRA\", name=\"$(cat $W/extra.name)\", pool=\"spare\", checkInterval=3, maxCheckFailures=1})"; fi ;;
        7) if [ -f $W/extra.name ]; then cons "rmServer(\"$(cat $W/extra.name)\")"; rm -f $W/extra.name; fi; cons 'showPools()' ;;
        8) cons "setServerPolicy($(pick roundrobin leastOutstanding wrandom firstAvailable))" ;;
        9) cons 'getPool(""):getCache():expunge(0)'; cons 'dumpStats()' ;;
        10) cons 'clearDynBlocks()'; cons 'showDynBlocks()' ;;
        11) timeout 5 dnsdist -c 127.0.0.1:$CONS -k "$(head -c 32 /dev/urandom | base64)" -e 'showServers()' >/dev/null 2>&1 ;;
        12) cons "this is not lua $(r 99)" ; cons 'getServer(9):setDown()' ;;
        13) cons "addAction(makeRule(\"tmp$(r 5).test\"), RCodeAction(DNSRCode.REFUSED))"; cons 'showRules()' ;;
      esac ;;
    18) # console from a disallowed address
      $PY - <<EOF >/dev/null 2>&1
import socket; s = socket.socket(); s.bind(("127.0.0.$((2 + $(r 9)))", 0)); s.settimeout(2)
s.connect(("127.0.0.1", $CONS)); s.send(b"x" * 40)
try: s.recv(10)
except Exception: pass
EOF
      ;;
    19|20) # webserver / API
      case $(r 7) in
        0) web -H "X-API-Key: $APIKEY" http://127.0.0.1:$WEB/api/v1/servers/localhost ;;
        1) web -H "X-API-Key: wrong$RANDOM" http://127.0.0.1:$WEB/api/v1/servers/localhost/statistics ;;
        2) web -u admin:$WEBPW http://127.0.0.1:$WEB/jsonstat?command=$(pick stats dynblocklist) ;;
        3) web -u admin:bad$RANDOM http://127.0.0.1:$WEB/ ;;
        4) web http://127.0.0.1:$WEB/metrics ;;
        5) web --interface 127.0.0.$((100 + $(r 100))) http://127.0.0.1:$WEB/metrics ;;
        6) web -H "X-API-Key: $APIKEY" http://127.0.0.1:$WEB/api/v1/servers/localhost/$(pick config zones nothing) ;;
      esac ;;
    21) # backend ns-b down for a few seconds (brought back at the top of the loop)
      if [ $BDOWN = 0 ]; then stop_named b; BDOWN=$SECONDS; BFOR=$((4 + $(r 8))); fi ;;
    22|23) # change the flaky backend's behaviour
      pick ok ok slow drop servfail nxdomain badid noqr short wrongname > $W/flaky.mode ;;
    24) # malformed packets and odd TCP clients
      timeout 8 $PY $W/raw.py $PORT $(pick garbage garbage tcpidle tcpjunk tcphalf) ;;
    25) # ns-a restarted quickly (short outage)
      stop_named a; sleep $(pick 1 2 3); start_named a ;;
    *) q $(pick www api mail).$(pick example.test shop.test) A -b $(src) ;;
  esac
  sleep 0.$((1 + $(r 5)))
done
[ $BDOWN -gt 0 ] && start_named b
sleep 2
stop_dnsdist console
stop_named a; stop_named b; kill "$(cat $W/flaky.pid)" 2>/dev/null
echo "dnsdist.log: $(wc -l < "$OUT/dnsdist.log") lines"
