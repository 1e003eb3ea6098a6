#!/bin/bash
# Round-6 corpus workload: MIT Kerberos 5 KDC 1.20 (Debian 12 packages krb5-kdc, krb5-admin-server,
# krb5-user, krb5-otp, krb5-pkinit), two realms R6.TEST and SUB.R6.TEST served by one krb5kdc on
# 127.0.0.1:18888 (kadmind on 127.0.0.1:18749/18464), `[logging] kdc = FILE:...` with `debug = true`.
# Randomised clients for DURATION seconds: kinit with good/wrong passwords, unknown, expired,
# disabled and locked-out principals, service tickets (kvno), keytab logins, renewals, postdated and
# validated tickets, user-to-user, S4U2self, cross-realm and alternate-TGT requests, unsupported
# enctypes, TCP and UDP, retransmitted and garbage packets, kadmin.local changes, kpasswd, SIGHUP,
# restarts (one with worker processes), stop. Writes $OUT/krb5kdc.log (the KDC's own file).
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION]
set -u
OUT=${1:-/work/round6/krb5kdc}; DURATION=${2:-180}
W=/tmp/r6krb
PORT=18888
pkill_own() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; sleep 1; rm -f "$1"; }
pkill_own $W/kdc.pid; pkill_own $W/kadmind.pid
rm -rf $W; mkdir -p $W $OUT; rm -f $OUT/krb5kdc.log
LOG=$OUT/krb5kdc.log
export KRB5_CONFIG=$W/krb5.conf KRB5_KDC_PROFILE=$W/kdc.conf KRB5CCNAME=FILE:$W/cc.default
ENCS="aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192 aes128-cts-hmac-sha256-128 camellia256-cts-cmac camellia128-cts-cmac"
client_conf() { # name extra-libdefaults
  cat > $W/$1 <<EOF
[libdefaults]
    default_realm = R6.TEST
    dns_lookup_kdc = false
    dns_lookup_realm = false
    rdns = false
    permitted_enctypes = $ENCS
$2
[realms]
    R6.TEST = {
        kdc = 127.0.0.1:$PORT
        admin_server = 127.0.0.1:18749
        kpasswd_server = 127.0.0.1:18464
    }
    SUB.R6.TEST = {
        kdc = 127.0.0.1:$PORT
    }
[domain_realm]
    .sub.r6.test = SUB.R6.TEST
    .r6.test = R6.TEST
[capaths]
    R6.TEST = {
        SUB.R6.TEST = .
    }
    SUB.R6.TEST = {
        R6.TEST = .
    }
EOF
}
client_conf krb5.conf ""
client_conf krb5-tcp.conf "    udp_preference_limit = 1"
client_conf krb5-aes128.conf "    default_tkt_enctypes = aes128-cts-hmac-sha1-96
    default_tgs_enctypes = aes128-cts-hmac-sha1-96"
client_conf krb5-cam.conf "    default_tkt_enctypes = camellia128-cts-cmac
    default_tgs_enctypes = camellia128-cts-cmac"
client_conf krb5-sha2.conf "    default_tkt_enctypes = aes256-cts-hmac-sha384-192 aes128-cts-hmac-sha256-128
    default_tgs_enctypes = aes256-cts-hmac-sha384-192"
client_conf krb5-relay.conf "    udp_preference_limit = 4096"
sed -i "s/kdc = 127.0.0.1:$PORT/kdc = 127.0.0.1:18890/" $W/krb5-relay.conf
cat > $W/kdc.conf <<EOF
[kdcdefaults]
    kdc_listen = 127.0.0.1:$PORT
    kdc_tcp_listen = 127.0.0.1:$PORT
    kdc_max_dgram_reply_size = 1400
[realms]
    R6.TEST = {
        database_name = $W/principal
        acl_file = $W/kadm5.acl
        key_stash_file = $W/stash
        kadmind_listen = 127.0.0.1:18749
        kpasswd_listen = 127.0.0.1:18464
        max_life = 10h 0m 0s
        max_renewable_life = 7d 0h 0m 0s
        supported_enctypes = aes256-cts:normal aes128-cts:normal camellia256-cts:normal aes256-sha2:normal
        default_principal_flags = +preauth
        pkinit_identity = FILE:$W/missing-kdc.pem,$W/missing-kdc.key
    }
    SUB.R6.TEST = {
        database_name = $W/sub-principal
        key_stash_file = $W/sub-stash
        acl_file = $W/kadm5.acl
        max_life = 4h 0m 0s
        max_renewable_life = 1d 0h 0m 0s
        supported_enctypes = aes256-cts:normal aes128-cts:normal
    }
[logging]
    kdc = FILE:$LOG
    admin_server = FILE:$W/kadmind.log
    debug = true
EOF
echo '*/admin@R6.TEST *' > $W/kadm5.acl
kdb5_util create -s -r R6.TEST -P "master-$RANDOM" >/dev/null
kdb5_util create -s -r SUB.R6.TEST -P "submaster-$RANDOM" >/dev/null
ka() { kadmin.local -r R6.TEST -q "$1" >/dev/null 2>&1; }
kasub() { kadmin.local -r SUB.R6.TEST -q "$1" >/dev/null 2>&1; }
ka "addpol -maxfailure 3 -failurecountinterval 60s -lockoutduration 20s lockout"
ka "addpol -minlength 6 -history 2 strict"
USERS=(alice bob carol dave erin frank grace heidi ivan judy)
for u in "${USERS[@]}"; do ka "addprinc -pw ${u}-pw1 -maxrenewlife 3d $u"; done
for u in mallory trudy oscar; do ka "addprinc -policy lockout -pw ${u}-pw1 $u"; done
ka "addprinc -pw legacy-pw1 -requires_preauth legacy"
ka "addprinc -pw olduser-pw1 -expire 2021-03-01 olduser"
ka "addprinc -pw stale-pw1 -pwexpire 2022-06-01 stale"
ka "addprinc -pw banned-pw1 -allow_tix banned"
ka "addprinc -pw aes128only-pw1 -e aes128-cts:normal aes128only"
ka "addprinc -pw nopost-pw1 -allow_postdated nopost"
ka "addprinc -pw nofwd-pw1 -allow_forwardable -allow_renewable nofwd"
ka "addprinc -pw admin-pw1 admin/admin"
ka "addprinc -pw future-pw1 future"
ka "modprinc -maxrenewlife 7d krbtgt/R6.TEST"
SERVICES=(host/web1.r6.test HTTP/web1.r6.test nfs/files.r6.test imap/mail.r6.test ldap/dir.r6.test postgres/db.r6.test)
for s in "${SERVICES[@]}"; do ka "addprinc -randkey $s"; done
ka "addprinc -randkey -allow_svr HTTP/old.r6.test"
ka "addprinc -randkey -e aes128-cts:normal smtp/mx.r6.test"
ka "addprinc -randkey +ok_to_auth_as_delegate host/gw.r6.test"
ka "modprinc +ok_as_delegate HTTP/web1.r6.test"
ka "ktadd -k $W/services.keytab ${SERVICES[*]} host/gw.r6.test"
ka "ktadd -k $W/users.keytab -norandkey alice bob"
# cross-realm R6.TEST <-> SUB.R6.TEST (same keys on both sides)
XPW="cross-$RANDOM-$RANDOM"
ka "addprinc -pw $XPW krbtgt/SUB.R6.TEST@R6.TEST"; kasub "addprinc -pw $XPW krbtgt/SUB.R6.TEST@R6.TEST"
ka "addprinc -pw $XPW-b krbtgt/R6.TEST@SUB.R6.TEST"; kasub "addprinc -pw $XPW-b krbtgt/R6.TEST@SUB.R6.TEST"
for s in host/app1.sub.r6.test HTTP/app2.sub.r6.test; do kasub "addprinc -randkey $s"; done
kasub "addprinc -pw zoe-pw1 zoe"

start_kdc() { krb5kdc -r R6.TEST -r SUB.R6.TEST -P $W/kdc.pid "$@"; sleep 1; }
stop_kdc() { kill -TERM "$(cat $W/kdc.pid)"; sleep 1.5; }
start_kdc
kadmind -P $W/kadmind.pid; sleep 1

# UDP relay on 18890 that sends each request to the KDC twice (a retransmission)
cat > $W/relay.py <<'EOF'
import socket, sys, time
up = ("127.0.0.1", int(sys.argv[1]))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 18890)); s.settimeout(1)
end = time.time() + float(sys.argv[2])
while time.time() < end:
    try:
        data, cli = s.recvfrom(65535)
    except socket.timeout:
        continue
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(2)
    u.sendto(data, up)
    try:
        rep = u.recv(65535)
        u.sendto(data, up)            # retransmit the same request
        try: u.recv(65535)
        except socket.timeout: pass
        s.sendto(rep, cli)
    except socket.timeout:
        pass
    u.close()
EOF
python3 $W/relay.py $PORT $((DURATION + 60)) & RELAY=$!
cat > $W/garbage.py <<'EOF'
import os, random, socket, struct, sys
port = int(sys.argv[1]); kind = random.randrange(4)
data = os.urandom(random.randrange(3, 300))
if kind == 1: data = b"\x6a\x81" + data            # looks like an AS-REQ tag
if kind == 2: data = b"\x6c\x82\x01\x00" + data    # looks like a TGS-REQ tag
try:
    if random.random() < 0.5:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
        s.sendto(data, ("127.0.0.1", port)); s.recv(4096)
    else:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        if kind == 3: s.sendall(struct.pack(">I", 0x7fffffff) + data)
        else: s.sendall(struct.pack(">I", len(data)) + data)
        s.recv(4096)
except Exception:
    pass
EOF

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
cc() { echo "FILE:$W/cc.$1"; }
good_kinit() { # user [kinit options...]
  local u=$1; shift
  echo "${u}-pw$(cat $W/gen.$u 2>/dev/null || echo 1)" | KRB5CCNAME=$(cc $u) kinit "$@" $u >/dev/null 2>&1
}
NEW=()
END=$((SECONDS + DURATION)); RESTARTS=0
while [ $SECONDS -lt $END ]; do
  u=$(pick "${USERS[@]}"); s=$(pick "${SERVICES[@]}")
  case $(r 30) in
    0|1|2) good_kinit $u $(pick "" -f -p -F -P "-l $((1 + $(r 9)))h") ;;
    3|4) echo "wrong-$RANDOM" | kinit $u >/dev/null 2>&1 ;;
    5) kinit $(pick nobody ghost svc-$(r 99) "user$(r 500)" root guest) </dev/null >/dev/null 2>&1 ;;
    6) m=$(pick mallory trudy oscar); for i in $(seq $((1 + $(r 4)))); do echo "bad$RANDOM" | kinit $m >/dev/null 2>&1; done
       [ $(r 3) = 0 ] && good_kinit $m ;;
    7) good_kinit $u; for i in $(seq $((1 + $(r 3)))); do KRB5CCNAME=$(cc $u) kvno $(pick "${SERVICES[@]}") >/dev/null 2>&1; done ;;
    8) good_kinit $u; KRB5CCNAME=$(cc $u) kvno $(pick host/nowhere.r6.test HTTP/www$(r 50).r6.test cifs/fs.r6.test HTTP/old.r6.test) >/dev/null 2>&1 ;;
    9) k=$(pick "${SERVICES[@]}" alice bob); kf=$W/services.keytab; [[ $k = alice || $k = bob ]] && kf=$W/users.keytab
       KRB5CCNAME=$(cc kt) kinit -k -t $kf $k >/dev/null 2>&1
       [ $(r 2) = 0 ] && KRB5CCNAME=$(cc kt) kvno $(pick "${SERVICES[@]}") >/dev/null 2>&1 ;;
    10) good_kinit $u -r $((1 + $(r 3)))d; sleep 0.$(r 9); KRB5CCNAME=$(cc $u) kinit -R >/dev/null 2>&1 ;;
    11) KRB5CCNAME=$(cc $u) kinit -R >/dev/null 2>&1 ;;       # may have no renewable ticket
    12) c=$(pick olduser stale banned banned future); echo "$c-pw1" | kinit $c >/dev/null 2>&1 ;;
    13) KRB5_CONFIG=$W/$(pick krb5-aes128.conf krb5-cam.conf krb5-sha2.conf) good_kinit $(pick $u aes128only admin/admin)
        KRB5_CONFIG=$W/krb5-aes128.conf KRB5CCNAME=$(cc $u) kvno $s >/dev/null 2>&1 ;;
    14) good_kinit aes128only; KRB5CCNAME=$(cc aes128only) kvno $(pick smtp/mx.r6.test host/web1.r6.test) >/dev/null 2>&1 ;;
    15) KRB5_CONFIG=$W/krb5-tcp.conf good_kinit $u; KRB5_CONFIG=$W/krb5-tcp.conf KRB5CCNAME=$(cc $u) kvno $s >/dev/null 2>&1 ;;
    16) echo legacy-pw1 | kinit legacy >/dev/null 2>&1; echo "x$RANDOM" | kinit legacy >/dev/null 2>&1 ;;
    17) good_kinit $u -s +$((1 + $(r 3)))s; sleep $((1 + $(r 3))); KRB5CCNAME=$(cc $u) kinit -v >/dev/null 2>&1 ;;
    18) echo nopost-pw1 | kinit -s +1h nopost >/dev/null 2>&1; echo nofwd-pw1 | kinit -f -r 1d nofwd >/dev/null 2>&1 ;;
    19) v=$(pick "${USERS[@]}"); good_kinit $u; good_kinit $v
        KRB5CCNAME=$(cc $u) kvno --u2u $(cc $v) $(pick $v $v $v HTTP/old.r6.test $(pick "${SERVICES[@]}")) >/dev/null 2>&1 ;;
    20) KRB5CCNAME=$(cc gw) kinit -k -t $W/services.keytab $(pick host/gw.r6.test HTTP/web1.r6.test) >/dev/null 2>&1
        KRB5CCNAME=$(cc gw) kvno -U $(pick "${USERS[@]}" nobody$(r 9)) $(pick host/gw.r6.test HTTP/web1.r6.test) >/dev/null 2>&1 ;;
    21) good_kinit $u; KRB5CCNAME=$(cc $u) kvno -S $(pick host host HTTP) $(pick app1.sub.r6.test app2.sub.r6.test missing.sub.r6.test) >/dev/null 2>&1
        [ $(r 2) = 0 ] && KRB5CCNAME=$(cc $u) kvno krbtgt/X$(r 9).SUB.R6.TEST@R6.TEST >/dev/null 2>&1 ;;
    22) echo zoe-pw1 | KRB5CCNAME=$(cc zoe) kinit zoe@SUB.R6.TEST >/dev/null 2>&1
        KRB5CCNAME=$(cc zoe) kvno $(pick host/web1.r6.test HTTP/app2.sub.r6.test nfs/files.r6.test) >/dev/null 2>&1 ;;
    23) KRB5_CONFIG=$W/krb5-relay.conf good_kinit $u ;;
    24) python3 $W/garbage.py $PORT ;;
    25) n=$(pick svc$(r 99) temp$RANDOM intern$(r 30)); ka "addprinc -pw $n-pw1 $n"; NEW+=("$n")
        echo "$n-pw1" | kinit $n >/dev/null 2>&1 ;;
    26) if [ ${#NEW[@]} -gt 0 ]; then n=${NEW[$(r ${#NEW[@]})]}; ka "delprinc -force $n"
          echo "$n-pw1" | kinit $n >/dev/null 2>&1; fi
        ka "modprinc -unlock $(pick mallory trudy oscar)" ;;
    27) g=$(( $(cat $W/gen.$u 2>/dev/null || echo 1) + 1 ))
        if [ $(r 2) = 0 ]; then ka "cpw -pw ${u}-pw$g $u"
        else printf '%s\n%s\n%s\n' "${u}-pw$((g - 1))" "${u}-pw$g" "${u}-pw$g" | kpasswd $u >/dev/null 2>&1; fi
        echo $g > $W/gen.$u ;;
    28) echo "$(pick admin-pw1 wrongadmin)" | kadmin -p admin/admin -q "getprinc $u" >/dev/null 2>&1
        KRB5CCNAME=$(cc anon) kinit -n >/dev/null 2>&1 ;;
    29) case $(r 4) in
          0) kill -HUP "$(cat $W/kdc.pid)" ;;
          1|2) if [ $RESTARTS -lt 3 ]; then stop_kdc; RESTARTS=$((RESTARTS + 1))
               [ $RESTARTS = 1 ] && krb5kdc -r R6.TSET -P $W/kdc-typo.pid 2>/dev/null   # operator typo: no such realm
               if [ $RESTARTS = 2 ]; then start_kdc -w 2; else start_kdc; fi; fi ;;
          3) KRB5CCNAME=$(cc $u) kvno -S host web1.r6.test >/dev/null 2>&1 ;;
        esac ;;
  esac
  sleep 0.$(r 4)
done
stop_kdc
kill -TERM "$(cat $W/kadmind.pid)" 2>/dev/null; kill $RELAY 2>/dev/null; wait 2>/dev/null
wc -l $LOG
