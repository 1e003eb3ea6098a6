#!/bin/bash
# Round-4 corpus workload: OpenLDAP slapd 2.5 (Debian 12 package), private slapd.conf with an mdb
# database (dc=example,dc=test), ACLs, size limits and the unique, ppolicy, memberof and refint
# overlays, run in the foreground with `-d stats -d stats2`; its stderr is $OUT/slapd.log,
# unchanged. DURATION seconds of randomised clients (ldap-utils, python-ldap and raw BER over a
# socket) on 127.0.0.1:15510 and an ldapi socket, then SIGINT. All passwords are throwaway values.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
PORT=15510
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
RUN="$OUT/run"; rm -rf "$RUN" "$OUT/slapd.log"; mkdir -p "$RUN/db"
SUFFIX="dc=example,dc=test"; ADMIN="cn=admin,$SUFFIX"; ADMINPW="throwaway-admin"
URI="ldap://127.0.0.1:$PORT"
LDAPI="ldapi://$(/usr/bin/python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$RUN/ldapi")"
export LDAPTLS_REQCERT=never LDAPNOINIT=1

cat > "$RUN/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile $RUN/slapd.pid
argsfile $RUN/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload unique
moduleload ppolicy
moduleload memberof
moduleload refint
sizelimit 50
idletimeout 6
database mdb
suffix "$SUFFIX"
rootdn "$ADMIN"
rootpw $ADMINPW
directory $RUN/db
maxsize 10485760
index objectClass eq
index uid,cn,mail eq
limits anonymous size.soft=5 size.hard=5
limits users size.soft=12 size.hard=20
access to attrs=userPassword by self write by anonymous auth by * none
access to dn.subtree="ou=secret,$SUFFIX" by dn.exact="uid=user1,ou=people,$SUFFIX" read by * none
access to * by self write by users read by anonymous read
overlay unique
unique_uri ldap:///ou=people,$SUFFIX?mail?sub
overlay ppolicy
ppolicy_default "cn=default,ou=policies,$SUFFIX"
ppolicy_use_lockout
overlay memberof
overlay refint
refint_attributes member
CONF

{
cat <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
o: Example Test
dc: example

dn: ou=people,$SUFFIX
objectClass: organizationalUnit
ou: people

dn: ou=groups,$SUFFIX
objectClass: organizationalUnit
ou: groups

dn: ou=secret,$SUFFIX
objectClass: organizationalUnit
ou: secret

dn: ou=policies,$SUFFIX
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,$SUFFIX
objectClass: pwdPolicy
objectClass: device
cn: default
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 3
pwdLockoutDuration: 15
pwdMinLength: 6
pwdCheckQuality: 1
pwdInHistory: 2

dn: cn=vault,ou=secret,$SUFFIX
objectClass: device
cn: vault
description: throwaway secret entry

LDIF
for i in $(seq 1 16); do cat <<LDIF
dn: uid=user$i,ou=people,$SUFFIX
objectClass: inetOrgPerson
uid: user$i
cn: User Number$i
sn: Number$i
mail: user$i@example.test
userPassword: pw-user$i
$( [ $i -ge 15 ] && echo "pwdPolicySubentry: cn=legacy,ou=policies,$SUFFIX" )

LDIF
done
for g in staff admins ops; do cat <<LDIF
dn: cn=$g,ou=groups,$SUFFIX
objectClass: groupOfNames
cn: $g
member: uid=user$((RANDOM % 16 + 1)),ou=people,$SUFFIX
member: uid=tmp$((RANDOM % 25)),ou=people,$SUFFIX

LDIF
done
} > "$RUN/base.ldif"
slapadd -q -f "$RUN/slapd.conf" -l "$RUN/base.ldif"

cat > "$RUN/client.py" <<'PY'
"""Raw-socket and python-ldap clients for the slapd workload."""
import random, socket, sys, time

HOST, PORT, MODE = "127.0.0.1", int(sys.argv[1]), sys.argv[2]
SUFFIX = "dc=example,dc=test"

def length(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b

def tlv(tag, body):
    return bytes([tag]) + length(len(body)) + body

def integer(n, tag=0x02):
    return tlv(tag, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big", signed=True))

def octets(s, tag=0x04):
    return tlv(tag, s.encode() if isinstance(s, str) else s)

def msg(mid, op):
    return tlv(0x30, integer(mid) + op)

def bind(mid, dn, pw):
    return msg(mid, tlv(0x60, integer(3) + octets(dn) + octets(pw, 0x80)))

def search(mid, base, scope=2, flt=None, size=0):
    flt = flt or octets("objectClass", 0x87)
    return msg(mid, tlv(0x63, octets(base) + integer(scope, 0x0a) + integer(0, 0x0a) + integer(size)
                        + integer(0) + tlv(0x01, b"\x00") + flt + tlv(0x30, b"")))

def eq(attr, val):
    return tlv(0xa3, octets(attr) + octets(val))

def unbind(mid):
    return msg(mid, b"\x42\x00")

def conn():
    s = socket.create_connection((HOST, PORT), timeout=3)
    return s

def drain(s, t=0.3):
    s.settimeout(t)
    try:
        while s.recv(65536):
            pass
    except OSError:
        pass

def user():
    return f"uid=user{random.randint(1, 16)},ou=people,{SUFFIX}"

if MODE == "garbage":
    s = conn()
    kind = sys.argv[3] if len(sys.argv) > 3 else random.choice(["http", "random", "badtag", "hugelen", "truncated", "badint", "notseq"])
    if kind == "http":
        s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    elif kind == "random":
        s.sendall(bytes(random.randrange(256) for _ in range(random.randint(5, 60))))
    elif kind == "badtag":
        s.sendall(msg(random.randint(1, 99), tlv(0x7f, b"\x04\x00")))
    elif kind == "hugelen":
        s.sendall(b"\x30\x84\x7f\xff\xff\xff\x02\x01\x01")
    elif kind == "truncated":
        s.sendall(bind(1, user(), "x")[:-3]); time.sleep(0.2); s.shutdown(socket.SHUT_WR)
    elif kind == "badint":
        s.sendall(tlv(0x30, b"\x04\x03abc" + tlv(0x60, integer(3))))
    else:
        s.sendall(b"\x02\x01\x05")
    drain(s, 0.5); s.close()
elif MODE == "drop":
    s = conn()
    s.sendall(bind(1, user() if random.random() < 0.7 else "", "pw-user1"))
    drain(s, 0.2)
    if random.random() < 0.5:
        s.sendall(search(2, f"ou=people,{SUFFIX}", 2, eq("uid", f"user{random.randint(1, 30)}")))
        time.sleep(0.05)
    s.close()
elif MODE == "abandon":
    s = conn()
    s.sendall(bind(1, "", ""))
    drain(s, 0.2)
    n = random.randint(2, 6)
    s.sendall(search(n, SUFFIX, 2) + msg(n + 1, integer(n, 0x50)) + msg(n + 2, integer(77, 0x50)))
    drain(s, 0.3)
    s.sendall(unbind(n + 3)); s.close()
elif MODE == "idle":
    s = conn()
    if random.random() < 0.5:
        s.sendall(bind(1, "", "")); drain(s, 0.2)
    time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 8)
    s.close()
elif MODE == "pipeline":
    s = conn()
    data = bind(1, user(), f"pw-user{random.randint(1, 16)}")
    for i in range(2, random.randint(4, 9)):
        data += search(i, random.choice([SUFFIX, f"ou=people,{SUFFIX}", f"ou=missing,{SUFFIX}"]),
                       random.choice([0, 1, 2]), eq("uid", f"user{random.randint(1, 20)}"))
    s.sendall(data + unbind(99)); drain(s, 0.5); s.close()
elif MODE == "badop":
    s = conn()
    kind = sys.argv[3] if len(sys.argv) > 3 else random.choice(["baddn", "badbase", "version", "emptypw"])
    if kind == "baddn":
        s.sendall(bind(1, "not a dn,,==", "x"))
    elif kind == "badbase":
        s.sendall(search(1, "uid=,,bad", 2))
    elif kind == "version":
        s.sendall(msg(1, tlv(0x60, integer(7) + octets(user()) + octets("x", 0x80))))
    else:
        s.sendall(bind(1, user(), ""))
    drain(s, 0.3); s.sendall(unbind(2)); s.close()
elif MODE == "pyldap":
    import ldap, ldap.controls
    l = ldap.initialize(f"ldap://{HOST}:{PORT}")
    l.protocol_version = 3
    kind = random.choice(["async_abandon", "paged", "timeout", "cancel_compare"])
    try:
        if kind == "async_abandon":
            l.simple_bind_s(f"uid=user{random.randint(1, 16)},ou=people,{SUFFIX}", "pw-user1")
            mid = l.search(SUFFIX, ldap.SCOPE_SUBTREE, "(objectClass=*)")
            l.abandon(mid)
        elif kind == "paged":
            l.simple_bind_s(f"cn=admin,{SUFFIX}", "throwaway-admin")
            pc = ldap.controls.SimplePagedResultsControl(True, size=4, cookie="")
            while True:
                m = l.search_ext(f"ou=people,{SUFFIX}", ldap.SCOPE_ONELEVEL, "(uid=*)", ["cn"], serverctrls=[pc])
                _, _, _, ctrls = l.result3(m)
                c = [x for x in ctrls if x.controlType == pc.controlType]
                if not c or not c[0].cookie:
                    break
                pc.cookie = c[0].cookie
        elif kind == "timeout":
            l.simple_bind_s("", "")
            mid = l.search_ext(SUFFIX, ldap.SCOPE_SUBTREE, "(|(cn=*a*)(sn=*e*))", timeout=1, sizelimit=3)
            try:
                l.result(mid, timeout=0.0001)
            except ldap.TIMEOUT:
                l.abandon(mid)
        else:
            l.simple_bind_s(f"cn=admin,{SUFFIX}", "throwaway-admin")
            l.compare_s(f"uid=user{random.randint(1, 20)},ou=people,{SUFFIX}", "mail", f"user{random.randint(1, 16)}@example.test")
    except ldap.LDAPError:
        pass
    if random.random() < 0.8:
        l.unbind_s()
PY

slapd -f "$RUN/slapd.conf" -h "$URI/ $LDAPI" -d stats -d stats2 2> "$OUT/slapd.log" & SLAPD=$!
sleep 1.5

r() { echo $((RANDOM % $1)); }
PY=/usr/bin/python3
A=(-x -H "$URI" -D "$ADMIN" -w "$ADMINPW")
q() { "$@" >/dev/null 2>&1; }
P="ou=people,$SUFFIX"
bases=("$SUFFIX" "$P" "ou=groups,$SUFFIX" "ou=secret,$SUFFIX" "ou=nowhere,$SUFFIX" "dc=other,dc=test" "uid=user$((RANDOM%16+1)),$P" "cn=subschema" "")
filters=("(objectClass=*)" "(uid=user1*)" "(&(objectClass=inetOrgPerson)(mail=*))" "(|(uid=user2)(cn=staff))" "(!(uid=user3))" "(cn=*Number1*)" "(member=uid=user4,$P)" "(fooAttr=1)" "(uid>=user5)" "(sn~=Numbr2)" "(objectClass=device)")
scopes=(base one sub children)

add_user() {  # $1 = uid, $2 = variant
  local dn="uid=$1,$P"
  case $2 in
    ok) printf 'dn: %s\nobjectClass: inetOrgPerson\nuid: %s\ncn: Temp %s\nsn: Temp\nmail: %s@example.test\nuserPassword: tmp-%s\n' "$dn" "$1" "$1" "$1" "$1" ;;
    nosn) printf 'dn: %s\nobjectClass: inetOrgPerson\nuid: %s\ncn: Temp %s\n' "$dn" "$1" "$1" ;;
    badattr) printf 'dn: %s\nobjectClass: inetOrgPerson\nuid: %s\ncn: T\nsn: T\nfavouriteColour: blue\n' "$dn" "$1" ;;
    badoc) printf 'dn: %s\nobjectClass: spaceship\nuid: %s\ncn: T\n' "$dn" "$1" ;;
    badsyntax) printf 'dn: %s\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\nuid: %s\ncn: T\nsn: T\nuidNumber: abc\ngidNumber: 10\nhomeDirectory: /home/%s\n' "$dn" "$1" "$1" ;;
    dupmail) printf 'dn: %s\nobjectClass: inetOrgPerson\nuid: %s\ncn: T\nsn: T\nmail: user%s@example.test\n' "$dn" "$1" "$((RANDOM % 16 + 1))" ;;
    noparent) printf 'dn: uid=%s,ou=ghosts,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: T\nsn: T\n' "$1" "$SUFFIX" "$1" ;;
  esac
}

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  u=$((RANDOM % 16 + 1)); t="tmp$(r 25)"
  case $(r 26) in
    0|1) q ldapsearch -x -H "$URI" -s "${scopes[$(r 4)]}" -b "${bases[$(r ${#bases[@]})]}" "${filters[$(r ${#filters[@]})]}" $( [ $(r 2) = 0 ] && echo cn mail ) ;;
    2) q ldapsearch -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" -b "${bases[$(r 5)]}" "${filters[$(r ${#filters[@]})]}" ;;
    3) q ldapwhoami -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" ;;
    4) q ldapwhoami -x -H "$URI" -D "uid=user$u,$P" -w "wrong$RANDOM" ;;
    5) q ldapwhoami -x -H "$URI" -D "uid=nobody$(r 50),$P" -w "x$RANDOM" ;;
    6) q ldapadd "${A[@]}" < <(add_user "$t" "$(shuf -n1 -e ok ok ok nosn badattr badoc badsyntax dupmail noparent)") ;;
    7) q ldapmodify "${A[@]}" <<MOD
dn: uid=user$u,$P
changetype: modify
replace: description
description: changed $RANDOM
-
add: telephoneNumber
telephoneNumber: +1 555 $RANDOM
MOD
       ;;
    8) case $(r 5) in
         0) q ldapmodify "${A[@]}" <<< $'dn: uid='"$t,$P"$'\nchangetype: modify\nreplace: mail\nmail: user'"$u"'@example.test' ;;
         1) q ldapmodify "${A[@]}" <<< $'dn: uid=user'"$u,$P"$'\nchangetype: modify\ndelete: telephoneNumber\ntelephoneNumber: +0 000' ;;
         2) q ldapmodify -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" <<< $'dn: uid=user'"$((u % 16 + 1)),$P"$'\nchangetype: modify\nreplace: sn\nsn: Hacked' ;;
         3) q ldapmodify "${A[@]}" <<< $'dn: uid=user'"$u,$P"$'\nchangetype: modify\nadd: shoeSize\nshoeSize: 44' ;;
         4) q ldapmodify -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" <<< $'dn: uid=user'"$u,$P"$'\nchangetype: modify\nreplace: description\ndescription: self '"$RANDOM" ;;
       esac ;;
    9) case $(r 4) in
         0|1) q ldapdelete "${A[@]}" "uid=$t,$P" ;;
         2) q ldapdelete "${A[@]}" "$(shuf -n1 -e "ou=groups,$SUFFIX" "$P" "ou=secret,$SUFFIX")" ;;
         3) q ldapdelete -x -H "$URI" "uid=user$u,$P" ;;
       esac ;;
    10) case $(r 3) in
         0) q ldapmodrdn "${A[@]}" -r "uid=$t,$P" "uid=tmp$(r 25)" ;;
         1) q ldapmodrdn "${A[@]}" "cn=$(shuf -n1 -e staff admins ops team),ou=groups,$SUFFIX" "cn=$(shuf -n1 -e staff admins ops team)" ;;
         2) q ldapmodrdn "${A[@]}" -r -s "ou=groups,$SUFFIX" "uid=$t,$P" "uid=$t" ;;
       esac ;;
    11) q ldapcompare -x -H "$URI" "uid=user$u,$P" "$(shuf -n1 -e "sn:Number$u" "sn:Number$((u+1))" "shoeSize:4" "uid:user$u" "userPassword:pw-user$u")" ;;
    12) case $(r 4) in
         0) q ldappasswd "${A[@]}" -s "pw-user$u" "uid=user$u,$P" ;;
         1) q ldappasswd -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" -a "pw-user$u" -s "pw-user$u" ;;
         2) q ldappasswd -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" -a "bad$RANDOM" -s "new$RANDOM" ;;
         3) q ldappasswd "${A[@]}" "uid=$t,$P" ;;
       esac ;;
    13) q ldapsearch -x -H "$URI" $(shuf -n1 -e -- -Z -ZZ) -b "$SUFFIX" "(uid=user$u)" ;;
    14) $PY "$RUN/client.py" $PORT garbage 2>/dev/null ;;
    15) $PY "$RUN/client.py" $PORT $(shuf -n1 -e drop abandon pipeline badop) 2>/dev/null ;;
    16) $PY "$RUN/client.py" $PORT pyldap 2>/dev/null ;;
    17) [ $(r 3) = 0 ] && { $PY "$RUN/client.py" $PORT idle $((3 + $(r 8))) 2>/dev/null & } ;;
    18) q ldapsearch -x -H "$URI" $(shuf -n1 -e -- "-z 3" "-z 30" "-l 1" "-E pr=4/noprompt" "-E !sss=cn" "-E sss=sn") -b "$P" "(objectClass=inetOrgPerson)" uid ;;
    19) q ldapsearch -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" -b "$P" -s one "(uid=*)" uid ;;
    20) case $(r 4) in
         0) q ldapwhoami -Y EXTERNAL -H "$LDAPI" ;;
         1) q ldapsearch -Y EXTERNAL -H "$LDAPI" -b "ou=secret,$SUFFIX" ;;
         2) q ldapwhoami -Y DIGEST-MD5 -U user$u -w x -H "$URI" ;;
         3) q ldapwhoami -x -H "$LDAPI" ;;
       esac ;;
    21) q ldapexop "${A[@]}" $(shuf -n1 -e 1.2.3.4.5 whoami refresh:"uid=user$u,$P":60 cancel:1) ;;
    22) q ldapsearch -x -H "$URI" -s base -b "" "+" ;;
    23) q ldapdelete "${A[@]}" -r "ou=tree$(r 3),$SUFFIX"
        [ $(r 2) = 0 ] && q ldapadd "${A[@]}" <<< $'dn: ou=tree'"$(r 3),$SUFFIX"$'\nobjectClass: organizationalUnit\nou: tree' ;;
    24|25) g="cn=$(shuf -n1 -e staff admins ops),ou=groups,$SUFFIX"
        case $(r 4) in
          0) q ldapmodify "${A[@]}" <<< $'dn: '"$g"$'\nchangetype: modify\nadd: member\nmember: uid=user'"$u,$P" ;;
          1) q ldapmodify "${A[@]}" <<< $'dn: '"$g"$'\nchangetype: modify\nadd: member\nmember: uid='"$t,$P" ;;
          2) q ldapmodify "${A[@]}" <<< $'dn: '"$g"$'\nchangetype: modify\ndelete: member\nmember: uid=user'"$u,$P" ;;
          3) q ldapsearch -x -H "$URI" -D "uid=user$u,$P" -w "pw-user$u" -b "$P" "(memberOf=$g)" memberOf ;;
        esac ;;
  esac
  sleep $((RANDOM % 2)).$((RANDOM % 10))
done
sleep 2
kill -INT $SLAPD; wait $SLAPD 2>/dev/null
