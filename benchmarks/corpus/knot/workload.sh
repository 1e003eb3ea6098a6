#!/bin/bash
# Round-5 corpus workload: Knot DNS 3.2 knotd (Debian 12 package) on 127.0.0.1:15741 with a
# private configuration (imported into a configuration database so conf-* transactions work), logging `any: debug` to $OUT/knot.log, for DURATION seconds of randomised
# clients: kdig queries (UDP/TCP, existing and missing names, other zones), AXFR with and without
# the TSIG key, knsupdate dynamic updates (allowed key, no key, wrong key, bad prerequisites),
# knotc reload/zone-reload/zone-refresh/zone-flush/zone-sign/zone-freeze/zone-thaw and conf-*
# transactions, a zone file broken and repaired, a secondary zone whose primary is down, and
# malformed packets (python). Throwaway TSIG keys and DNSSEC keys live in $OUT/knot-work (deleted).
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-150}
PORT=15741; DEAD=15749
W="$OUT/knot-work"; rm -rf "$W"; mkdir -p "$W/zones" "$W/db" "$W/run"
rm -f "$OUT/knot.log"
UPD=$(head -c 32 /dev/urandom | base64); XFR=$(head -c 32 /dev/urandom | base64); BAD=$(head -c 32 /dev/urandom | base64)
cat > "$W/knot.conf" <<CONF
server:
    rundir: "$W/run"
    listen: 127.0.0.1@$PORT
    tcp-idle-timeout: 3
log:
  - target: "$OUT/knot.log"
    any: debug
database:
    storage: "$W/db"
key:
  - id: upd_key
    algorithm: hmac-sha256
    secret: $UPD
  - id: xfr_key
    algorithm: hmac-sha256
    secret: $XFR
remote:
  - id: dead_primary
    address: 127.0.0.1@$DEAD
acl:
  - id: allow_update
    address: 127.0.0.1
    key: upd_key
    action: update
  - id: allow_xfr
    address: 127.0.0.1
    key: xfr_key
    action: transfer
policy:
  - id: fast
    algorithm: ecdsap256sha256
template:
  - id: default
    storage: "$W/zones"
    file: "%s.zone"
    zonefile-sync: 5
zone:
  - domain: plain.test
    acl: [allow_update, allow_xfr]
  - domain: signed.test
    acl: [allow_update, allow_xfr]
    dnssec-signing: on
    dnssec-policy: fast
  - domain: lab.test
    acl: [allow_xfr]
  - domain: mirror.test
    master: dead_primary
CONF
mkzone() {  # name serial
cat > "$W/zones/$1.zone" <<Z
\$ORIGIN $1.
\$TTL 300
@   SOA ns1 hostmaster $2 3600 600 86400 300
    NS  ns1
ns1 A   127.0.0.1
www A   192.0.2.10
mail A  192.0.2.25
@   MX  10 mail
db  AAAA 2001:db8::5
txt TXT "hello world"
Z
}
mkzone plain.test 2026120501; mkzone signed.test 2026120501; mkzone lab.test 2026120501
knotc -C "$W/confdb" conf-import "$W/knot.conf" >/dev/null 2>&1
knotd -C "$W/confdb" >/dev/null 2>&1 &
KNOT=$!
sleep 2
r() { echo $((RANDOM % $1)); }
K() { knotc -C "$W/confdb" -t 5 "$@" >/dev/null 2>&1; }
zones=(plain.test signed.test lab.test)
names=(www mail db txt ns1 nope$RANDOM "" gone)
types=(A AAAA MX TXT NS SOA DNSKEY ANY)
upd() { # key zone commands...
  local key=$1 zone=$2; shift 2
  { echo "server 127.0.0.1 $PORT"; echo "zone $zone"; [ -n "$key" ] && echo "key $key"
    for c in "$@"; do echo "$c"; done; echo send; } | timeout 5 knsupdate >/dev/null 2>&1
}
garbage() {
  python3 - "$PORT" "$1" <<'PY' 2>/dev/null
import os, random, socket, struct, sys
port, kind = int(sys.argv[1]), sys.argv[2]
if kind == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
    s.sendto(os.urandom(random.randint(3, 60)), ("127.0.0.1", port))
    hdr = struct.pack("!HHHHHH", random.randint(0, 65535), 0x0100, 5, 0, 0, 0)
    s.sendto(hdr + b"\x03www\x05plain", ("127.0.0.1", port))
elif kind == "notify":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
    q = b"\x06mirror\x04test\x00\x00\x06\x00\x01"
    s.sendto(struct.pack("!HHHHHH", random.randint(0, 65535), 0x2400, 1, 0, 0, 0) + q, ("127.0.0.1", port))
else:
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    body = os.urandom(random.randint(5, 40))
    s.sendall(struct.pack("!H", len(body) + random.randint(0, 30)) + body)
try: s.recv(4096)
except Exception: pass
PY
}
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  z=${zones[$(r 3)]}; n=${names[$(r ${#names[@]})]}; t=${types[$(r ${#types[@]})]}
  q=${n:+$n.}$z
  case $(r 20) in
    0|1|2) kdig @127.0.0.1 -p $PORT $([ $(r 2) = 0 ] && echo +tcp) +dnssec "$q" "$t" >/dev/null 2>&1 ;;
    3) kdig @127.0.0.1 -p $PORT "x$RANDOM.example.org" A >/dev/null 2>&1 ;;
    4) kdig @127.0.0.1 -p $PORT -y "hmac-sha256:xfr_key:$XFR" "$z" AXFR >/dev/null 2>&1 ;;
    5) kdig @127.0.0.1 -p $PORT "$z" AXFR >/dev/null 2>&1 ;;
    6) kdig @127.0.0.1 -p $PORT -y "hmac-sha256:xfr_key:$BAD" "$z" AXFR >/dev/null 2>&1 ;;
    7|8) uz=${zones[$(r 2)]}; h="h$(r 30)"
       upd "hmac-sha256:upd_key:$UPD" "$uz" "update add $h.$uz. 300 A 192.0.2.$(r 250)" "update add $h.$uz. 300 TXT \"w$RANDOM\"" ;;
    9) uz=${zones[$(r 2)]}; upd "hmac-sha256:upd_key:$UPD" "$uz" "update delete h$(r 30).$uz. A" ;;
    10) upd "" "$z" "update add evil$RANDOM.$z. 300 A 198.51.100.$(r 250)" ;;
    11) upd "hmac-sha256:upd_key:$BAD" "$z" "update add bad$RANDOM.$z. 300 A 198.51.100.1" ;;
    12) uz=${zones[$(r 2)]}; upd "hmac-sha256:upd_key:$UPD" "$uz" "prereq nxdomain www.$uz." "update add www.$uz. 300 A 192.0.2.99" ;;
    13) garbage udp; garbage tcp ;;
    14) case $(r 6) in
          0) K reload ;;
          1) K zone-reload "$z" ;;
          2) K zone-flush "$z" ;;
          3) K zone-sign signed.test ;;
          4) K zone-refresh mirror.test; garbage notify ;;
          5) K zone-freeze "$z"; sleep 1; upd "hmac-sha256:upd_key:$UPD" plain.test "update add fz$RANDOM.plain.test. 300 A 192.0.2.7"; K zone-thaw "$z" ;;
        esac ;;
    15) K conf-begin; K conf-set "zone[plain.test].zonefile-sync" "$(r 10)"
        if [ $(r 2) = 0 ]; then K conf-commit; else K conf-abort; fi ;;
    16) if [ $(r 3) = 0 ]; then
          K conf-begin; t="tmp$(r 9).test"; K conf-set "zone[$t]"; K conf-commit; sleep 1
          K conf-begin; K conf-unset "zone[$t]"; K conf-commit
        else K zone-retransfer mirror.test; fi ;;
    17) # break a zone file and reload it, then repair it
        bz=${zones[$(r 3)]}
        cp "$W/zones/$bz.zone" "$W/$bz.bak"
        case $(r 3) in
          0) echo "broken IN A 300.1.2.3" >> "$W/zones/$bz.zone" ;;
          1) echo "cname CNAME www" >> "$W/zones/$bz.zone"; echo "cname A 192.0.2.1" >> "$W/zones/$bz.zone" ;;
          2) sed -i 's/ SOA .*/ SOA ns1 hostmaster/' "$W/zones/$bz.zone" ;;
        esac
        K zone-reload "$bz"; sleep 1; cp "$W/$bz.bak" "$W/zones/$bz.zone"; K zone-reload "$bz" ;;
    18) kdig @127.0.0.1 -p $PORT -y "hmac-sha256:xfr_key:$XFR" "$z" IXFR=2026120501 >/dev/null 2>&1 ;;
    19) kdig @127.0.0.1 -p $PORT +notcp "$z" CH TXT >/dev/null 2>&1; kdig @127.0.0.1 -p $PORT version.server CH TXT >/dev/null 2>&1 ;;
  esac
  sleep 0.$((3 + $(r 6)))
done
sleep 2
K stop; sleep 2
kill "$KNOT" 2>/dev/null; wait "$KNOT" 2>/dev/null
rm -rf "$W"
