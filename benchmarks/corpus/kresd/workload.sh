#!/bin/bash
# Round-12 corpus workload: Knot Resolver 5.6 (Debian 12 package knot-resolver), `kresd -n`
# logging to stderr (log_target stderr, log_level info, debug for the log_groups below), on
# 127.0.0.1:20500 (DNS) and 20501 (DNS-over-TLS). No internet: upstreams are a local knotd
# (Debian package knot) on 127.0.0.1:20453 with an unsigned, a signed (trust anchor configured)
# and a signed-but-untrusted zone (wrong trust anchor: bogus), a misbehaving python server
# (flaky.py, python3-dnslib) on 20454, and two dead ports 20455/20456. kresdrive.py does the
# randomised part: queries of many types over UDP/TCP/TLS, policy/RPZ/view/hints names,
# garbage, control-socket commands (cache clears, hints, runtime policies, NTAs), RPZ file
# rewrites, upstream outages, restarts with good and broken configurations.
# Run as root on Debian 12:
#   apt-get install -y knot-resolver knot knot-dnsutils python3-dnspython python3-dnslib
#   bash workload.sh [DURATION_SECONDS] [SEED]        (writes ./kresd.log next to this script)
# kresd.log here was written by: bash workload.sh 235 99
set -u
HERE=$(dirname "$(readlink -f "$0")")
DURATION=${1:-240}
SEED=${2:-$RANDOM}
W=/tmp/r12k-run
LOG=$HERE/kresd.log

cleanup() {
  # stop only processes that are really ours (their command line names our work dir)
  for p in "$W/kresd.pid" "$W/flaky.pid" "$W/knot/knot.pid"; do
    if [ -s "$p" ] && grep -qs -e "$W" -e flaky.py /proc/"$(cat "$p")"/cmdline; then
      kill "$(cat "$p")" 2>/dev/null
    fi
  done
  sleep 1
}
cleanup
rm -rf "$W"; mkdir -p "$W"/{knot,zones,kasp,run}; rm -f "$LOG"

# ---------------------------------------------------------------- upstream: knotd
cat > "$W/knot/knot.conf" <<EOF
server:
    listen: 127.0.0.1@20453
    rundir: $W/knot
    pidfile: $W/knot/knot.pid
log:
  - target: $W/knot/knotd.log
    any: info
database:
    storage: $W/knot/db
    kasp-db: $W/kasp
policy:
  - id: fast
    algorithm: ecdsap256sha256
    nsec3: off
template:
  - id: default
    storage: $W/zones
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: r12.test
  - domain: sec.r12.test
    dnssec-signing: on
    dnssec-policy: fast
  - domain: bad.r12.test
    dnssec-signing: on
    dnssec-policy: fast
  - domain: 0.212.10.in-addr.arpa
EOF
cat > "$W/zones/r12.test.zone" <<'EOF'
$ORIGIN r12.test.
$TTL 300
@       SOA ns1 hostmaster 1 3600 600 86400 60
@       NS  ns1
ns1     A   127.0.0.1
@       A   198.51.100.10
@       MX  10 mail
@       MX  20 mail2
@       TXT "v=spf1 mx -all"
www     A   198.51.100.11
www     AAAA 2001:db8::11
mail    A   198.51.100.25
mail2   A   198.51.100.26
ftp     CNAME www
alias   CNAME ftp
loop1   CNAME loop2
loop2   CNAME loop1
ext     CNAME www.flaky.test.
_sip._udp SRV 10 60 5060 sip
sip     A   198.51.100.50
*.wild  A   198.51.100.99
short   30 A 198.51.100.30
txt     TXT "hello world" "second string"
caa     CAA 0 issue "letsencrypt.org"
sec     NS  ns1
bad     NS  ns1
EOF
for h in $(seq 1 40); do echo "host$h A 198.51.100.$((100 + h))" >> "$W/zones/r12.test.zone"; done
for z in sec bad; do
  o=$([ $z = sec ] && echo 1 || echo 11)
  cat > "$W/zones/$z.r12.test.zone" <<EOF
\$ORIGIN $z.r12.test.
\$TTL 300
@       SOA ns1.r12.test. hostmaster.r12.test. 1 3600 600 86400 60
@       NS  ns1.r12.test.
@       A   203.0.113.$o
www     A   203.0.113.$((o + 1))
www     AAAA 2001:db8:5ec::$((o + 1))
mx      A   203.0.113.$((o + 2))
@       MX  10 mx
txt     TXT "signed zone $z"
EOF
done
cat > "$W/zones/0.212.10.in-addr.arpa.zone" <<'EOF'
$ORIGIN 0.212.10.in-addr.arpa.
$TTL 300
@   SOA ns1.r12.test. hostmaster.r12.test. 1 3600 600 86400 60
@   NS  ns1.r12.test.
77  PTR intra.r12.test.
1   PTR gw.r12.test.
EOF
knotd -c "$W/knot/knot.conf" -d
sleep 3
DS=$(keymgr -c "$W/knot/knot.conf" sec.r12.test ds 2>/dev/null | awk '$4 == 13 && $5 == 2 {print $1" DS "$3" "$4" "$5" "$6}')
echo "trust anchor: $DS"

# ---------------------------------------------------------------- kresd configuration
cat > "$W/hosts" <<'EOF'
192.0.2.10 gw.lan router.lan
192.0.2.11 nas.lan
2001:db8::20 nas.lan
EOF
cat > "$W/block.rpz" <<'EOF'
$TTL 60
@ SOA localhost. root.localhost. 1 3600 600 86400 60
@ NS localhost.
malware.test CNAME .
*.malware.test CNAME .
phish.test CNAME *.
walled.test A 192.0.2.99
EOF
cat > "$W/kresd.conf" <<EOF
-- r12 kresd configuration
log_target('stderr')
-- trust anchors are added at level notice: at info kresd prints the TA set over several lines
log_level('notice')
net.listen('127.0.0.1', 20500, { kind = 'dns' })
net.listen('127.0.0.1', 20501, { kind = 'tls' })
trust_anchors.remove('.')
trust_anchors.add('$DS')
trust_anchors.add('bad.r12.test. DS 4711 13 2 0a5f3e4d8c2b1a09f8e7d6c5b4a3928170e6d5c4b3a29180f7e6d5c4b3a29180')
log_level('info')
log_groups({'resolv', 'select', 'cache', 'valdtr', 'iterat', 'plan', 'policy', 'worker', 'io', 'net', 'tls', 'hint', 'srvstl', 'dnssec', 'exterr', 'zoncut', 'ta', 'tasign', 'system', 'nsid'})
-- no internet: no root priming or time-skew checks
modules.unload('priming')
modules.unload('detect_time_skew')
modules = { 'hints > iterate', 'stats', 'predict', 'bogus_log', 'serve_stale < cache', 'view', 'extended_error', 'nsid' }
nsid.name('r12-kresd')
cache.open(20 * MB, 'lmdb://$W/cache')
hints.add_hosts('$W/hosts')
hints['printer.lan'] = '192.0.2.31'
view:addr('127.0.0.2/32', policy.all(policy.REFUSE))
view:addr('127.0.0.3/32', policy.suffix(policy.DENY_MSG('blocked for this client'), policy.todnames({'r12.test.'})))
policy.add(policy.suffix(policy.DENY_MSG('domain blocked by policy'), policy.todnames({'ads.test.', 'tracker.test.'})))
policy.add(policy.suffix(policy.DROP, policy.todnames({'drop.test.'})))
policy.add(policy.suffix(policy.REFUSE, policy.todnames({'refuse.test.'})))
policy.add(policy.pattern(policy.ANSWER({ [kres.type.A] = { rdata = kres.str2ip('192.0.2.80'), ttl = 60 } }), 'my%-local%-answer'))
policy.add(policy.rpz(policy.DENY, '$W/block.rpz', true))
policy.add(policy.suffix(policy.FORWARD('127.0.0.1@20453'), policy.todnames({'r12.test.', '0.212.10.in-addr.arpa.'})))
policy.add(policy.suffix(policy.STUB('127.0.0.1@20454'), policy.todnames({'flaky.test.'})))
policy.add(policy.suffix(policy.FORWARD({'127.0.0.1@20455', '127.0.0.1@20456'}), policy.todnames({'dead.test.'})))
-- everything else goes to knotd too (which refuses it): never to the root servers
policy.add(policy.all(policy.FORWARD('127.0.0.1@20453')))
EOF
C=$W/kresd.conf
# broken variants tried on some restarts (each fails with a one-line error)
sed 's/^cache.open(20 \* MB/cache.open(20 * MB,/' "$C" > "$W/bad-syntax.conf"
sed "s/^net.listen('127.0.0.1', 20500/net.lsiten('127.0.0.1', 20500/" "$C" > "$W/bad-call.conf"
sed "s/policy.todnames({'drop.test.'})/policy.todnames('drop.test.')/" "$C" > "$W/bad-todnames.conf"
sed "s#^view:addr('127.0.0.2/32'#view:addr('127.0.0.2/33'#" "$C" > "$W/bad-view.conf"
# not fatal: the hosts file is missing
sed "s#hints.add_hosts('$W/hosts')#hints.add_hosts('$W/hosts.old')#" "$C" > "$W/bad-hosts.conf"

# ---------------------------------------------------------------- run
/usr/bin/python3 "$HERE/kresdrive.py" "$W" "$LOG" "$DURATION" "$SEED" > "$W/driver.out" 2>&1
knotc -c "$W/knot/knot.conf" stop >/dev/null 2>&1
cleanup
echo "seed $SEED: $(wc -l < "$LOG") lines in $LOG"
