#!/bin/bash
# Randomised workload for the Heimdal KDC (private realm R23.HEIM, port 25400 on 127.0.0.1).
H=/work/round23/heimdal
cd $H
export KRB5_CONFIG=$H/krb5.conf
export KRB5CCNAME=FILE:$H/run/cc.default
KDC=/usr/lib/heimdal-servers/kdc
./setup_db.sh >/dev/null 2>&1
: > $H/run/kdc.log
ACTIONS=${ACTIONS:-115}

start_kdc() {
  $KDC -c $KRB5_CONFIG --ports=25400 --addresses=127.0.0.1 >>$H/run/kdc.stdout 2>&1 &
  echo $! > $H/run/kdc.pid
  sleep 0.5
}
stop_kdc() {
  local p; p=$(cat $H/run/kdc.pid 2>/dev/null) || return
  kill -TERM "$p" 2>/dev/null
  for i in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
}
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
USERS=(alice bob carol dave erin frank)
SERVICES=(host/web.r23.heim HTTP/web.r23.heim ldap/dir.r23.heim imap/mail.r23.heim nfs/short.r23.heim
          host/old.r23.heim host/des3.r23.heim nope/gone.r23.heim nosvr bob host/srv.other.heim@OTHER.HEIM
          krbtgt/OTHER.HEIM@R23.HEIM kadmin/changepw)
OPTS=("" "-f" "-F" "-p" "--renewable -r 2d" "-l 2h" "-A" "-e aes128-cts-hmac-sha1-96" "-e arcfour-hmac-md5"
      "--canonicalize" "--request-pac" "-a 127.0.0.2" "-l 10s" "-f -p --renewable" "-e des-cbc-crc")
kin() { # user password [options...]
  local u=$1 pw=$2; shift 2
  echo "$pw" | timeout 20 kinit --password-file=STDIN -c FILE:$H/run/cc.${u//\//_} "$@" "$u" >/dev/null 2>&1
}
kget() { # user service [options...]
  local u=$1 s=$2; shift 2
  timeout 20 kgetcred -c FILE:$H/run/cc.${u//\//_} "$@" "$s" >/dev/null 2>&1
}

act_login() {
  local u; u=$(pick "${USERS[@]}")
  kin $u pw-$u $(pick "${OPTS[@]}")
  for i in $(seq 0 $((RANDOM % 4))); do kget $u $(pick "${SERVICES[@]}") $(pick "" "" "--forwardable" "--canonicalize" "-e aes128-cts-hmac-sha1-96"); done
}
act_badpw()    { local u; u=$(pick "${USERS[@]}"); kin $u "wrong-$RANDOM"; }
act_unknown()  { kin "$(pick ghost mallory nobody root admin test$RANDOM)" "x$RANDOM"; }
act_disabled() { kin disabled pw-disabled; }
act_expired()  { kin expired pw-expired; }
act_pwexp()    { echo pw-pwexp > $H/run/pw.tmp; timeout 3 kinit --password-file=$H/run/pw.tmp -c FILE:$H/run/cc.pwexp pwexp </dev/null >/dev/null 2>&1; kin pwexp pw-pwexp -S kadmin/changepw; }
act_mustchg()  { echo pw-newpw > $H/run/pw.tmp; timeout 3 kinit --password-file=$H/run/pw.tmp -c FILE:$H/run/cc.mustchange mustchange </dev/null >/dev/null 2>&1; kin mustchange pw-newpw -S kadmin/changepw; }
act_notgt()    { kin notgt pw-notgt; kget notgt host/web.r23.heim; }
act_nopre()    { kin nopre pw-nopre $(pick "" "-f" "--renewable"); kget nopre $(pick "${SERVICES[@]}"); }
act_norenew()  { kin norenew pw-norenew --renewable -r 3d -p; kin norenew pw-norenew -s 1h; }
act_admin()    { kin alice/admin pw-admin -f; kget alice/admin kadmin/admin; kget alice/admin host/web.r23.heim --forwardable; }
act_renew()    { local u; u=$(pick "${USERS[@]}"); kin $u pw-$u --renewable -r 1d; timeout 20 kinit -c FILE:$H/run/cc.$u -R >/dev/null 2>&1;
                 kin nopre pw-nopre; timeout 20 kinit -c FILE:$H/run/cc.nopre -R >/dev/null 2>&1; }
act_postdate() { local u; u=$(pick "${USERS[@]}"); kin $u pw-$u -s $(pick 5s 10m 2h); timeout 20 kinit -c FILE:$H/run/cc.$u -v >/dev/null 2>&1; }
act_server()   { local u; u=$(pick "${USERS[@]}"); kin $u pw-$u -S $(pick host/web.r23.heim imap/mail.r23.heim nope/x kadmin/changepw host/old.r23.heim); }
act_keytab()   {
  timeout 20 kinit -k -t $H/run/services.keytab -c FILE:$H/run/cc.http HTTP/web.r23.heim >/dev/null 2>&1
  timeout 20 kgetcred -c FILE:$H/run/cc.http --impersonate=$(pick bob carol nobody disabled) HTTP/web.r23.heim >/dev/null 2>&1
  timeout 20 kgetcred -c FILE:$H/run/cc.http $(pick ldap/dir.r23.heim host/web.r23.heim) >/dev/null 2>&1
  timeout 20 kinit -k -t $H/run/services.keytab -c FILE:$H/run/cc.hostkt $(pick host/web.r23.heim ldap/dir.r23.heim) >/dev/null 2>&1
}
act_anon()     { timeout 20 kinit -n -c FILE:$H/run/cc.anon >/dev/null 2>&1; timeout 20 kinit -n -c FILE:$H/run/cc.anon @R23.HEIM >/dev/null 2>&1; }
act_skew()     { local u; u=$(pick "${USERS[@]}"); echo pw-$u | timeout 20 faketime -f "$(pick +2h -3h +40m)" kinit --password-file=STDIN -c FILE:$H/run/cc.skew $u >/dev/null 2>&1; }
act_xrealm()   {
  kin ozzy@OTHER.HEIM pw-ozzy
  kget ozzy@OTHER.HEIM $(pick host/web.r23.heim@R23.HEIM krbtgt/R23.HEIM@OTHER.HEIM host/srv.other.heim@OTHER.HEIM)
  local u; u=$(pick "${USERS[@]}"); kin $u pw-$u; kget $u host/srv.other.heim@OTHER.HEIM
}
act_fast()     { kin alice pw-alice; local u; u=$(pick bob carol nobody disabled); kin $u pw-$u --fast-armor-cache=FILE:$H/run/cc.alice; }
act_enterprise() { kin "$(pick alice bob carol)@R23.HEIM" "pw-$RANDOM" --enterprise; kin alice@R23.HEIM pw-alice --enterprise; }
act_garbage()  { for i in $(seq 1 $((1 + RANDOM % 3))); do timeout 10 python3 $H/garbage.py; done; }
act_dbchange() {
  local u; u=$(pick "${USERS[@]}")
  case $((RANDOM % 3)) in
    0) kadmin -c $KRB5_CONFIG -l modify --attributes=disallow-all-tix $u; kin $u pw-$u; kadmin -c $KRB5_CONFIG -l modify --attributes=requires-pre-auth $u; kin $u pw-$u ;;
    1) kadmin -c $KRB5_CONFIG -l cpw --password=tmp-$u $u; kin $u pw-$u; kin $u tmp-$u; kadmin -c $KRB5_CONFIG -l cpw --password=pw-$u $u ;;
    2) kadmin -c $KRB5_CONFIG -l modify --expiration-time=2001-01-01 $u; kin $u pw-$u; kadmin -c $KRB5_CONFIG -l modify --expiration-time=never $u; kin $u pw-$u ;;
  esac >/dev/null 2>&1
}
act_killworker() {
  local m w; m=$(cat $H/run/kdc.pid)
  w=$(grep -o 'KDC worker process started: [0-9]*' $H/run/kdc.log | tail -1 | awk '{print $NF}')
  if [ -n "$w" ] && [ "$(ps -o ppid= -p $w 2>/dev/null | tr -d ' ')" = "$m" ]; then
    kill -$(pick KILL TERM SEGV) $w; sleep 0.5
  fi
}
act_restart()  { stop_kdc; start_kdc; }

WEIGHTED=(login login login login login login badpw badpw badpw unknown unknown disabled expired pwexp mustchg
          notgt nopre norenew admin renew postdate server keytab keytab anon skew xrealm xrealm fast enterprise
          garbage garbage garbage dbchange killworker killworker)
start_kdc
for n in $(seq 1 $ACTIONS); do
  a=$(pick "${WEIGHTED[@]}")
  if [ $((RANDOM % 25)) -eq 0 ]; then a=restart; fi
  act_$a
done
act_killworker
act_restart
for a in login badpw xrealm keytab garbage; do act_$a; done
stop_kdc
rm -f $H/run/cc.*
n=$(wc -l < $H/run/kdc.log)
if [ "$n" -gt 2500 ]; then head -n 2500 $H/run/kdc.log > $H/heimdal.log; else cp $H/run/kdc.log $H/heimdal.log; fi
wc -l $H/heimdal.log
