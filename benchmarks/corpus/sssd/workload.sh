#!/bin/bash
# Round-12 corpus workload: SSSD 2.8 (Debian 12 packages sssd, sssd-ldap, sssd-tools, pamtester,
# slapd, ldap-utils) with an LDAP domain served by a private slapd on 127.0.0.1:21400 (a black-hole
# "backup" LDAP server on 127.0.0.1:21401). debug_level = 6 everywhere, backtraces off; the backend
# log /var/log/sssd/sssd_r12.test.log is copied unchanged to $OUT/sssd.log.
# Run as root on Debian 12: apt-get install -y sssd sssd-ldap sssd-tools pamtester slapd ldap-utils
#   then: bash workload.sh OUT_DIR [SEED]   (this file was made with: bash workload.sh /work/round12/sssd 2025)
# The host's /etc/nsswitch.conf and PAM stack are never touched: lookups use `getent -s sss` or run
# `id` in a private mount namespace with a bind-mounted nsswitch.conf; PAM goes through a dedicated
# service file /etc/pam.d/r12-sssd-test that is removed at the end, like /etc/sssd/sssd.conf.
set -u
OUT=${1:?out dir}; SEED=${2:-$RANDOM}
RANDOM=$SEED
W=/tmp/r12-sssd
PORT=21400; DEAD=21401
mkdir -p "$OUT" "$W"; rm -f "$W"/*.pid
cd "$W" || exit 1

cleanup() {
  [ -f $W/sssd.pid ] && kill "$(cat $W/sssd.pid)" 2>/dev/null
  [ -f $W/slapd.pid ] && kill "$(cat $W/slapd.pid)" 2>/dev/null
  [ -f $W/blackhole.pid ] && kill "$(cat $W/blackhole.pid)" 2>/dev/null
  sleep 2
  rm -f /etc/pam.d/r12-sssd-test /etc/sssd/sssd.conf
}
trap cleanup EXIT

# ---------------------------------------------------------------- LDAP server
cat > slapd.conf <<EOF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $W/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
suffix "dc=r12,dc=test"
rootdn "cn=admin,dc=r12,dc=test"
rootpw adminpw
directory $W/ldapdb
access to attrs=userPassword by self write by anonymous auth by * none
access to attrs=shadowLastChange by self write by * read
access to * by * read
EOF
cat > gen.py <<'EOF'
import random, sys, time
random.seed(int(sys.argv[1]))
first = ["alice","bob","carol","dave","erin","frank","grace","heidi","ivan","judy","mallory","niaj",
         "olivia","peggy","rupert","sybil","trent","victor","walter","yvonne","zoe","quinn","lars",
         "mona","otto","paula","rick","sven","tara","uma"]
random.shuffle(first)
base = "dc=r12,dc=test"
today = int(time.time() // 86400)
out = [f"dn: {base}\nobjectClass: dcObject\nobjectClass: organization\no: r12\ndc: r12\n",
       f"dn: ou=people,{base}\nobjectClass: organizationalUnit\nou: people\n",
       f"dn: ou=groups,{base}\nobjectClass: organizationalUnit\nou: groups\n",
       f"dn: cn=sssd-bind,{base}\nobjectClass: simpleSecurityObject\nobjectClass: organizationalRole\n"
       f"cn: sssd-bind\nuserPassword: bindpw\n"]
kinds = {}
uid = 20000 + random.randint(0, 500)
for i, n in enumerate(first[:20]):
    uid += random.randint(1, 40)
    kind = "ok"
    shell = random.choice(["/bin/bash", "/bin/sh", "/usr/bin/zsh"])
    extra = f"shadowLastChange: {today - random.randint(1, 40)}\nshadowMax: 99999\n"
    uidn = uid
    if i % 7 == 3:
        kind, shell = "denied", "/bin/false"
    elif i % 9 == 4:
        kind = "expired"; extra += "shadowExpire: 100\n"
    elif i % 8 == 5:
        kind = "pwexpired"; extra = "shadowLastChange: 1000\nshadowMax: 90\nshadowWarning: 7\n"
    elif i % 8 == 6:
        kind = "pwwarn"; extra = f"shadowLastChange: {today - random.randint(84, 89)}\nshadowMax: 90\nshadowWarning: 7\n"
    elif i % 11 == 10:
        kind = "noshadow"; extra = ""
    elif i == 20:
        kind = "lowid"; uidn = 500 + random.randint(0, 300)
    kinds[n] = kind
    out.append(f"dn: uid={n},ou=people,{base}\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\n"
               f"objectClass: shadowAccount\nuid: {n}\ncn: {n.title()} Test\nsn: Test\nuidNumber: {uidn}\n"
               f"gidNumber: {30000 + random.randint(0, 4)}\nhomeDirectory: /home/{n}\nloginShell: {shell}\n"
               f"userPassword: pw-{n}\ngecos: {n.title()} R12\n{extra}")
gnames = ["staff","devs","ops","admins","qa","sales","backup","audit","web","dbas","interns","empty"]
for j, g in enumerate(gnames):
    members = [] if g == "empty" else random.sample(list(kinds), random.randint(1, 5))
    if j == 5:
        members.append("ghostuser")   # member that does not exist
    out.append(f"dn: cn={g},ou=groups,{base}\nobjectClass: posixGroup\ncn: {g}\ngidNumber: {30000 + j}\n"
               + "".join(f"memberUid: {m}\n" for m in members))
print("\n".join(out))
with open("users.txt", "w") as f:
    f.write("".join(f"{n} {k}\n" for n, k in kinds.items()))
with open("groups.txt", "w") as f:
    f.write("".join(f"{g} {30000 + j}\n" for j, g in enumerate(gnames)))
EOF
cat > blackhole.py <<'EOF'
import socket, sys, threading, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(50)
held = []
while True:
    c, _ = s.accept(); held.append((time.time(), c))     # accept, never answer
    held = [(t, x) for t, x in held if time.time() - t < 60 or x.close()]
EOF

start_slapd() { slapd -f $W/slapd.conf -h "ldap://127.0.0.1:$PORT/"; sleep 1; }
stop_slapd() { kill "$(cat $W/slapd.pid)" 2>/dev/null; sleep 1; }
LDAPADM=(-x -H "ldap://127.0.0.1:$PORT" -D cn=admin,dc=r12,dc=test -w adminpw)

rm -rf ldapdb; mkdir ldapdb
start_slapd
python3 gen.py "$SEED" > data.ldif
ldapadd "${LDAPADM[@]}" -f data.ldif >/dev/null
python3 blackhole.py $DEAD & echo $! > blackhole.pid

# ---------------------------------------------------------------- SSSD
cat > /etc/sssd/sssd.conf <<EOF
[sssd]
services = nss, pam
domains = r12.test
debug_level = 6
debug_backtrace_enabled = false

[nss]
debug_level = 6
debug_backtrace_enabled = false
entry_negative_timeout = 8
filter_users = root
filter_groups = root

[pam]
debug_level = 6
debug_backtrace_enabled = false
offline_credentials_expiration = 1
offline_failed_login_attempts = 3
offline_failed_login_delay = 1
pam_verbosity = 2

[domain/r12.test]
debug_level = 6
debug_backtrace_enabled = false
id_provider = ldap
auth_provider = ldap
chpass_provider = ldap
access_provider = ldap
ldap_access_order = filter, expire
ldap_access_filter = (!(loginShell=/bin/false))
ldap_account_expire_policy = shadow
ldap_pwd_policy = shadow
ldap_chpass_update_last_change = true
ldap_uri = ldap://127.0.0.1:$PORT
ldap_backup_uri = ldap://127.0.0.1:$DEAD
ldap_search_base = dc=r12,dc=test
ldap_default_bind_dn = cn=sssd-bind,dc=r12,dc=test
ldap_default_authtok = bindpw
ldap_schema = rfc2307
ldap_auth_disable_tls_never_use_in_production = true
ldap_id_use_start_tls = false
cache_credentials = true
entry_cache_timeout = 30
refresh_expired_interval = 50
offline_timeout = 5
offline_timeout_max = 15
ldap_network_timeout = 2
ldap_opt_timeout = 3
ldap_search_timeout = 3
min_id = 10000
max_id = 60000
EOF
chmod 600 /etc/sssd/sssd.conf
cat > /etc/pam.d/r12-sssd-test <<'EOF'
auth     required pam_sss.so
account  required pam_sss.so
password required pam_sss.so
session  optional pam_sss.so
EOF
sed 's/^\(passwd\|group\|initgroups\):\(.*\)$/\1:\2 sss/' /etc/nsswitch.conf > $W/nsswitch.conf

start_sssd() { sssd -i --logger=files > $W/sssd.out 2>&1 & echo $! > $W/sssd.pid; sleep 4; }
stop_sssd() { kill "$(cat $W/sssd.pid)" 2>/dev/null; sleep 3; }

stop_sssd 2>/dev/null
rm -f /var/log/sssd/*.log /var/lib/sss/db/*.ldb /var/lib/sss/mc/*
start_sssd

# ---------------------------------------------------------------- workload helpers
r() { echo $((RANDOM % $1)); }
mapfile -t USERS < <(awk '{print $1}' users.txt)
kind() { awk -v u="$1" '$1==u {print $2}' users.txt; }
mapfile -t GROUPS_ < <(awk '{print $1}' groups.txt)
pick_user() { echo "${USERS[$(r ${#USERS[@]})]}"; }
pick_group() { echo "${GROUPS_[$(r ${#GROUPS_[@]})]}"; }
missing() { echo "$(shuf -n1 -e ghost nobody temp svc test x)$(r 900)"; }
pw() { if [ -f "pw.$1" ]; then cat "pw.$1"; else echo "pw-$1"; fi; }
with_nss() { unshare -m sh -c "mount --bind $W/nsswitch.conf /etc/nsswitch.conf && $*"; }
pamt() { pamtester r12-sssd-test "$@" >/dev/null 2>&1; }

op() {
  local u g
  case $(r 18) in
    0) getent -s sss passwd "$(pick_user)" ;;
    1) getent -s sss passwd "$(missing)" ;;
    2) getent -s sss group "$(pick_group)" ;;
    3) getent -s sss group "grp$(r 500)" ;;
    4) getent -s sss passwd $((20000 + $(r 1200))) ;;
    5) getent -s sss group $((30000 + $(r 15))) ;;
    6) with_nss id "$(pick_user)" ;;
    7) with_nss id "$(missing)" ;;
    8|9) u=$(pick_user); pw "$u" | pamt "$u" authenticate acct_mgmt open_session close_session ;;
    10) u=$(pick_user); echo "wrong$RANDOM" | pamt "$u" authenticate ;;
    11) echo "x$RANDOM" | pamt "$(missing)" authenticate ;;
    12) u=$(pick_user); pw "$u" | pamt "$u" acct_mgmt ;;
    13) u=$(pick_user); old=$(pw "$u"); new="N3w-$RANDOM!x"
        if [ $(r 3) = 0 ]; then old="bad$RANDOM"; fi
        if printf '%s\n%s\n%s\n' "$old" "$new" "$new" | setpriv --reuid=65534 --regid=65534 --clear-groups \
             pamtester r12-sssd-test "$u" chauthtok >/dev/null 2>&1; then echo "$new" > "pw.$u"; fi ;;
    14) case $(r 4) in
          0) sss_cache -E ;;
          1) sss_cache -u "$(pick_user)" ;;
          2) sss_cache -g "$(pick_group)" ;;
          3) sssctl cache-expire -u "$(pick_user)" ;;
        esac ;;
    15) u=$(pick_user); pw "$u" | sssctl user-checks -a acct -s r12-sssd-test "$u" ;;
    16) sssctl user-show "$(pick_user)"; sssctl group-show "$(pick_group)" ;;
    17) getent -s sss initgroups "$(pick_user)" ;;
  esac >/dev/null 2>&1
}
burst() { local n=$1 i; for ((i = 0; i < n; i++)); do op; sleep $((1 + $(r 3))).$(r 10); done; }

ldap_change() {
  local u g n
  case $(r 5) in
    0) n="new$(r 1000)"
       printf 'dn: uid=%s,ou=people,dc=r12,dc=test\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\nobjectClass: shadowAccount\nuid: %s\ncn: %s\nsn: New\nuidNumber: %d\ngidNumber: 30001\nhomeDirectory: /home/%s\nloginShell: /bin/bash\nuserPassword: pw-%s\nshadowLastChange: 20000\nshadowMax: 99999\n' \
         "$n" "$n" "$n" $((40000 + $(r 9999))) "$n" "$n" | ldapadd "${LDAPADM[@]}"
       echo "$n ok" >> users.txt; USERS+=("$n"); getent -s sss passwd "$n" ;;
    1) u=$(pick_user); ldapdelete "${LDAPADM[@]}" "uid=$u,ou=people,dc=r12,dc=test"; sss_cache -u "$u"
       getent -s sss passwd "$u"; with_nss id "$u" ;;
    2) u=$(pick_user); g=$(pick_group)
       printf 'dn: cn=%s,ou=groups,dc=r12,dc=test\nchangetype: modify\nadd: memberUid\nmemberUid: %s\n' "$g" "$u" | ldapmodify "${LDAPADM[@]}"
       sss_cache -g "$g"; getent -s sss group "$g" ;;
    3) g=$(pick_group); ldapdelete "${LDAPADM[@]}" "cn=$g,ou=groups,dc=r12,dc=test"; sss_cache -g "$g"
       getent -s sss group "$g" ;;
    4) u=$(pick_user); n="Adm-$RANDOM"
       ldappasswd "${LDAPADM[@]}" -s "$n" "uid=$u,ou=people,dc=r12,dc=test" && echo "$n" > "pw.$u"
       pw "$u" | pamt "$u" authenticate ;;
  esac >/dev/null 2>&1
}

# ---------------------------------------------------------------- phases
burst $((3 + $(r 2)))                        # online: lookups, logins, password changes
ldap_change; burst 1
kill -USR1 "$(cat sssd.pid)"; sleep 1        # forced offline
burst 2
kill -USR2 "$(cat sssd.pid)"; sleep 2        # forced online
burst 2
# the bind DN's password changed on the server, then restored
ldappasswd "${LDAPADM[@]}" -s "other$RANDOM" cn=sssd-bind,dc=r12,dc=test >/dev/null
kill -USR1 "$(cat sssd.pid)"; sleep 1; kill -USR2 "$(cat sssd.pid)"; sleep 1
sss_cache -u "$(pick_user)"; burst 2
ldappasswd "${LDAPADM[@]}" -s bindpw cn=sssd-bind,dc=r12,dc=test >/dev/null
kill -USR2 "$(cat sssd.pid)"; sleep 2; burst 2
# LDAP server stopped: failover to the black hole, offline mode, cached logins, lockout
stop_slapd
sss_cache -E
burst $((2 + $(r 2)))
u=$(awk '$2=="ok"{print $1}' users.txt | shuf -n1)
for i in 1 2 3 4; do echo "bad$RANDOM" | pamt "$u" authenticate; done
pw "$u" | pamt "$u" authenticate
sleep $((6 + $(r 5)))
burst 2
start_slapd
sleep $((8 + $(r 6)))
burst $((2 + $(r 2)))
ldap_change; burst 2
# restart of the whole service
stop_sssd; start_sssd
burst 2
ldap_change; burst 1
sleep 3
stop_sssd
cp /var/log/sssd/sssd_r12.test.log "$OUT/sssd.log"
wc -l "$OUT/sssd.log"
