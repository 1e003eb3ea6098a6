#!/bin/bash
# Fresh database for the workload (everything stays in /work/round23/heimdal/run)
H=/work/round23/heimdal
export KRB5_CONFIG=$H/krb5.conf
K="kadmin -c $KRB5_CONFIG -l"
rm -rf $H/run; mkdir -p $H/run
kstash -k $H/run/m-key --random-key >/dev/null
$K init --realm-max-ticket-life=1d --realm-max-renewable-life=1w R23.HEIM
$K -r OTHER.HEIM init --realm-max-ticket-life=1d --realm-max-renewable-life=1w OTHER.HEIM
for u in alice bob carol dave erin frank; do
  $K add --use-defaults --password=pw-$u $u
  $K modify --attributes=requires-pre-auth $u
done
$K add --use-defaults --password=pw-nopre nopre
$K add --use-defaults --password=pw-disabled disabled
$K modify --attributes=disallow-all-tix disabled
$K add --use-defaults --password=pw-expired --expiration-time=2001-01-01 expired
$K add --use-defaults --password=pw-pwexp --pw-expiration-time=2001-01-01 pwexp
$K add --use-defaults --password=pw-admin alice/admin
$K modify --attributes=requires-pre-auth,disallow-forwardable alice/admin
$K add --use-defaults --password=pw-nosvr nosvr
$K modify --attributes=disallow-svr nosvr
$K add --use-defaults --password=pw-notgt notgt
$K modify --attributes=disallow-tgt-based notgt
$K add --use-defaults --password=pw-norenew norenew
$K modify --attributes=disallow-renewable,disallow-postdated,disallow-proxiable norenew
$K add --use-defaults --password=pw-newpw mustchange
$K modify --attributes=requires-pw-change mustchange
for s in host/web.r23.heim HTTP/web.r23.heim imap/mail.r23.heim ldap/dir.r23.heim; do
  $K add --use-defaults --random-key $s
done
$K modify --attributes=disallow-svr imap/mail.r23.heim
$K modify --attributes=trusted-for-delegation,ok-as-delegate HTTP/web.r23.heim
$K add --use-defaults --random-key --max-ticket-life=1min nfs/short.r23.heim
$K add --use-defaults --random-key --expiration-time=2001-01-01 host/old.r23.heim
$K add --use-defaults --random-key -e des3-cbc-sha1 host/des3.r23.heim 2>/dev/null
$K add --use-defaults --password=xrealm-1 krbtgt/OTHER.HEIM@R23.HEIM
$K add --use-defaults --password=xrealm-2 krbtgt/R23.HEIM@OTHER.HEIM
$K -r OTHER.HEIM add --use-defaults --password=pw-ozzy ozzy@OTHER.HEIM
$K -r OTHER.HEIM add --use-defaults --random-key host/srv.other.heim@OTHER.HEIM
$K ext_keytab -k $H/run/services.keytab HTTP/web.r23.heim host/web.r23.heim
$K ext_keytab -k $H/run/alice.keytab alice
echo "alice/admin@R23.HEIM all" > $H/run/kadmind.acl
