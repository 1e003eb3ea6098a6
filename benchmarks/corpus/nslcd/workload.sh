#!/bin/bash
# Randomised workload for nslcd (nss-pam-ldapd) backed by a private slapd on 127.0.0.1:46390.
# Runs inside a private mount namespace so /etc/nslcd.conf, /etc/nsswitch.conf, /etc/pam.d
# and /run/nslcd are private to this workload; the machine's own files are not touched.
D=/work/round25/nslcd
if [ "$1" != inner ]; then
  exec unshare -m --propagation private "$0" inner
fi
cd $D
# NSS and PAM modules from Debian's libnss-ldapd/libpam-ldapd, unpacked here (not installed, so the
# machine's PAM and NSS set-up stays as it is); a private /etc/pam.d copy with an nslcdtest service
if [ ! -f $D/root/lib/x86_64-linux-gnu/security/pam_ldap.so ]; then
  mkdir -p $D/debs && (cd $D/debs && apt-get download libpam-ldapd libnss-ldapd >/dev/null 2>&1)
  for f in $D/debs/*.deb; do dpkg-deb -x "$f" $D/root; done
fi
if [ ! -f $D/conf/pam.d/nslcdtest ]; then
  mkdir -p $D/conf/pam.d && cp -a /etc/pam.d/. $D/conf/pam.d/
  P=$D/root/lib/x86_64-linux-gnu/security/pam_ldap.so
  printf 'auth     sufficient %s\nauth     required   pam_deny.so\naccount  required   %s\nsession  required   %s\npassword required   %s\n' $P $P $P $P > $D/conf/pam.d/nslcdtest
fi
LOG=$D/nslcd.log
: > $LOG
SLAPD_PORT=46390
DEAD_PORT=46391
export LD_LIBRARY_PATH=$D/root/lib/x86_64-linux-gnu
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# private view of the files nslcd and the NSS/PAM clients read
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/nslcd && chown nslcd:nslcd /run/nslcd
mount --bind $D/conf/nsswitch.conf /etc/nsswitch.conf
touch $D/conf/nslcd.conf
mount --bind $D/conf/nslcd.conf /etc/nslcd.conf
mount --bind $D/conf/pam.d /etc/pam.d

# --- LDAP backend ---
start_slapd() { slapd -f $D/slapd/slapd.conf -h "ldap://127.0.0.1:$SLAPD_PORT/"; sleep 0.5; }
stop_slapd() { [ -f $D/slapd/slapd.pid ] && kill $(cat $D/slapd/slapd.pid) 2>/dev/null; sleep 1; }
rm -rf $D/slapd/db && mkdir -p $D/slapd/db
python3 $D/gen_data.py $D/run.json > $D/slapd/data.ldif
slapadd -s -f $D/slapd/slapd.conf -l $D/slapd/data.ldif 2>/dev/null
start_slapd
USERS=($(python3 -c "import json;print(' '.join(json.load(open('$D/run.json'))['users']))"))
HOSTS=($(python3 -c "import json;print(' '.join(json.load(open('$D/run.json'))['hosts']))"))
GROUPS_=(staff devs ops audit big badgid "bad group" nosuchgroup)

# --- nslcd config ---
write_conf() { # $1 = extra lines
  local extra="${1//&/\\&}"
  sed -e "s/@DEADPORT@/$DEAD_PORT/; s/@IDLE@/$(pick 0 5 30)/; s/@THREADS@/$(pick 3 5 8)/; s/@PAGESIZE@/$(pick 0 0 4 7)/" \
      conf/nslcd.conf.in | sed "s|^@EXTRA@\$|$extra|" > conf/nslcd.conf
  chmod 600 conf/nslcd.conf
}
NSLCD=
start_nslcd() { /usr/sbin/nslcd -d 2>> $LOG & NSLCD=$!; sleep 1; }
stop_nslcd() { [ -n "$NSLCD" ] && kill $NSLCD 2>/dev/null; wait $NSLCD 2>/dev/null; NSLCD=; }

bad_config() { # a config nslcd refuses: it stops at start-up
  local extra
  extra=$(pick "frobnicate yes" "uid nosuchuser_r25" "validnames /[a-z" "scope bogus" "map passwd nosuchattr uid" \
               "threads" "ssl maybe" "cache dn2uid 1q" "tls_reqcert sometimes" "log /nonexistent/dir/x.log debug" \
               "filter passwd" "deref sometimes" "gid nosuchgroup_r25")
  write_conf "$extra"
  timeout 10 /usr/sbin/nslcd -d 2>> $LOG
}

# --- clients ---
u() { pick "${USERS[@]}" "${USERS[@]}" nonum nogid lowuid "bad user" badshadow ghost nosuchuser root; }
nss_op() {
  case $(R 24) in
    0|1) getent passwd "$(u)" ;;
    2) getent passwd $(( 20000 + $(R 60) )) ;;
    3) getent group "$(pick "${GROUPS_[@]}")" ;;
    4) getent group $(( 20000 + $(R 6) )) ;;
    5|6) id "$(u)" ;;
    7) getent shadow "$(u)" ;;
    8) getent hosts "$(pick "${HOSTS[@]}" v6host noaddr nohost.example.net)" ;;
    9) getent hosts 127.0.$(( 1 + $(R 9) )).$(( 1 + $(R 9) )) ;;
    10) getent networks "$(pick net0 net1 net2 badnet nonet 127.10.0.0 127.11.0.0)" ;;
    11) getent services "$(pick svc-a svc-b svc-c svc-bad nosvc 46700 46701/udp 46702/tcp 46799)" ;;
    12) getent protocols "$(pick proto-x proto-y proto-bad noproto 200 201 250)" ;;
    13) getent rpc "$(pick rpc-x rpc-y rpc-bad norpc 400100 400101 499999)" ;;
    14) getent ethers "$(pick host00 host01 host02 host03 ether-bad 02:00:00:00:01:00)" ;;
    15) getent netgroup "$(pick ng-admins ng-ops ng-bad nong)" ;;
    16) getent aliases "$(pick postmaster team noalias)" ;;
    17) getent "$(pick passwd group shadow hosts networks services protocols rpc ethers aliases)" ;;
    18) getent.ldap "$(pick passwd group group.bymember shadow hosts netgroup netgroup.norec networks services protocols rpc ethers aliases)" $( [ $(R 2) = 0 ] && u ) ;;
    19) getent initgroups "$(u)" ;;
    20) python3 $D/sockclient.py ;;
    21) getent passwd "$(u)" "$(u)" "$(u)" ;;
    22) getent.ldap group.bymember "$(u)" ;;
    23) getent.ldap passwd $(( 20000 + $(R 60) )) ;;
  esac
}
pam_op() {
  local user pw
  user=$(u); pw="pw-$user"; [ $(R 4) = 0 ] && pw="wrong-$(R 100)"
  case $(R 7) in
    0|1) echo "$pw" | pamtester nslcdtest "$user" authenticate ;;
    2|3) echo "$pw" | pamtester nslcdtest "$user" authenticate acct_mgmt open_session close_session ;;
    4) pamtester nslcdtest "$user" acct_mgmt ;;
    5) printf '%s\n' "newpw-$(R 9)" "newpw-$(R 9)" | pamtester nslcdtest "$user" chauthtok ;;
    6) printf '%s\n%s\n%s\n' "$pw" "pw-$user" "pw-$user" | setpriv --reuid=65534 --regid=65534 --clear-groups pamtester nslcdtest "$user" chauthtok ;;
  esac
}
usermod_op() {
  local user=$(u)
  case $(R 3) in
    0) printf '%s\n' "$(pick pw-$user rootpw)" | chsh.ldap -s "$(pick /bin/sh /bin/bash /bin/false /no/shell)" "$user" ;;
    1) printf '%s\n' "wrong" | chsh.ldap -s /bin/sh "$user" ;;
    2) printf '%s\n' "pw-$user" | setpriv --reuid=65534 --regid=65534 --clear-groups chsh.ldap -s /bin/sh "$user" ;;
  esac
}
client() { # $1 = number of operations
  local i
  for ((i = 0; i < $1; i++)); do
    case $(R 10) in
      0|1|2) pam_op ;;
      3) usermod_op ;;
      *) nss_op ;;
    esac
    sleep 0.0$(R 5)
  done >/dev/null 2>&1
}
clients() { # $1 = clients, $2 = operations each
  local pids=() c
  for ((c = 0; c < $1; c++)); do client $2 & pids+=($!); done
  wait "${pids[@]}"
}

# ---------------- scenario ----------------
for ((k = 0; k < 1 + $(R 3); k++)); do bad_config; done
write_conf ""
start_nslcd
clients 2 $(( 3 + $(R 3) ))
python3 $D/sockclient.py garbage badversion badaction short empty huge config userbyname_long
clients 2 3
# backend dies while clients are running
stop_slapd
clients 1 2
kill -USR1 $NSLCD; sleep 0.5
clients 1 1
start_slapd
clients 2 $(( 2 + $(R 3) ))
kill -USR1 $NSLCD
sleep $(( 1 + $(R 3) ))
clients 2 $(( 2 + $(R 3) ))
stop_nslcd
# restart with other settings
for variant in binddn $(pick starttls ldaps) $(printf '%s\n' pagesize idle disable_enum prohibit authc_search nested_off | shuf -n $(( 2 + $(R 2) ))); do
  case $variant in
    binddn) write_conf "binddn cn=admin,dc=example,dc=net\nbindpw $(pick rootpw wrongpw)" ;;
    pagesize) write_conf "pagesize 3" ;;
    idle) write_conf "idle_timelimit 1" ;;
    disable_enum) write_conf "nss_disable_enumeration yes\nnss_getgrent_skipmembers yes" ;;
    starttls) write_conf "ssl start_tls\ntls_reqcert allow" ;;
    ldaps) write_conf "tls_reqcert never"; sed "s|^uri .*|uri ldaps://127.0.0.1:$SLAPD_PORT/|" conf/nslcd.conf > conf/tmp; cat conf/tmp > conf/nslcd.conf; rm -f conf/tmp ;;
    prohibit) write_conf "pam_password_prohibit_message Please use the web portal to change your password" ;;
    authc_search) write_conf "pam_authc_search (&(objectClass=posixAccount)(uid=\$username))\nignorecase yes" ;;
    nested_off) write_conf "nss_nested_groups no\nvalidnames /^[a-z]+\$/" ;;
  esac
  start_nslcd
  clients $(( 1 + $(R 2) )) $(( 3 + $(R 3) ))
  [ $variant = idle ] && { sleep 3; clients 1 3; }
  [ $(R 3) = 0 ] && { stop_slapd; clients 1 1; start_slapd; clients 1 2; }
  stop_nslcd
done
# final run, then the backend goes away for good before shutdown
write_conf ""
start_nslcd
clients 2 $(( 3 + $(R 3) ))
stop_slapd
clients 1 2
stop_nslcd
# keep the first 2500 lines of the log; drop the generated database and data
head -n 2500 $LOG > $LOG.tmp && mv $LOG.tmp $LOG
rm -rf $D/slapd/db $D/slapd/data.ldif $D/slapd/slapd.args $D/run.json $D/conf/nslcd.conf $D/conf/tmp
