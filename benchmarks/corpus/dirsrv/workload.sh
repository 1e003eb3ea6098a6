#!/bin/bash
# Randomised workload for a 389 Directory Server instance "r25" (ports 46389 ldap, 46636 ldaps).
# The errors log is written by ns-slapd at nsslapd-errorlog-level 327680 (plugin debugging 65536 +
# access control summary 262144); it is copied to dirsrv.log at the end.
D=/work/round25/dirsrv
cd $D
INST=r25
LOGF=/var/log/dirsrv/slapd-$INST/errors
# lib389 without systemd: a private copy of defaults.inf with with_systemd = 0, used through PREFIX
mkdir -p $D/prefix/share/dirsrv/inf $D/prefix/etc
sed 's/^with_systemd = 1/with_systemd = 0/' /usr/share/dirsrv/inf/defaults.inf > $D/prefix/share/dirsrv/inf/defaults.inf
ln -sfn /etc/dirsrv $D/prefix/etc/dirsrv
export PREFIX=$D/prefix
DSC="dsconf $INST"
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
q() { "$@" >> $D/admin.out 2>&1; }
: > $D/admin.out

if [ ! -d /etc/dirsrv/slapd-$INST ]; then
  dscreate from-file $D/r25.inf >> $D/admin.out 2>&1 || exit 1
  q $DSC plugin memberof enable
  q $DSC plugin memberof set --scope dc=example,dc=com
  q $DSC plugin referential-integrity enable
  q $DSC plugin automember enable
  q $DSC plugin usn enable
  q $DSC plugin retro-changelog enable
  q $DSC plugin dna enable
  q $DSC plugin attr-uniq add mail-uniq --attr-name mail --subtree dc=example,dc=com --enabled on
  q $DSC plugin dna config uids add --type uidNumber --filter "(objectclass=posixAccount)" --scope ou=people,dc=example,dc=com --next-value 30000 --magic-regen -1
  q $DSC plugin automember definition devs add --default-group cn=demo_group,ou=groups,dc=example,dc=com --scope ou=people,dc=example,dc=com --filter "objectclass=posixAccount" --grouping-attr member:dn
  q $DSC pwpolicy set --pwdlockout on --pwdmaxfailures 4 --pwdminlen 8 --pwdchecksyntax on --pwdhistory on --pwdhistorycount 2
fi
q dsctl $INST start
q $DSC config replace nsslapd-errorlog-level=327680
q dsctl $INST stop
# fresh errors log for this run
rm -f /var/log/dirsrv/slapd-$INST/errors*
q dsctl $INST start

clients() { # $1 clients, $2 operations each
  local pids=() i
  for ((i = 0; i < $1; i++)); do /usr/bin/python3 $D/client.py $2 & pids+=($!); done
  wait "${pids[@]}"
}
slapd_pid() { cat /run/dirsrv/slapd-$INST.pid 2>/dev/null; }

LEVEL=327680
quiet() { q $DSC config replace nsslapd-errorlog-level=0; }  # restarts below log at the default level
loud() { q $DSC config replace nsslapd-errorlog-level=$LEVEL; }
LDIFDIR=/var/lib/dirsrv/slapd-$INST/ldif

clients 2 $(( 4 + $(R 4) ))
# plugin change needing a restart
q $DSC plugin $(pick usn retro-changelog linked-attr) $(pick disable enable)
quiet; q dsctl $INST restart; loud
clients 2 $(( 3 + $(R 3) ))
# crash: ns-slapd is killed while clients are busy, then started again (database recovery)
quiet
clients 2 12 &
C=$!
sleep 1
P=$(slapd_pid)
if [ -n "$P" ]; then
  kill -9 $P
  for ((i = 0; i < 120; i++)); do [ -e /proc/$P ] || break; sleep 0.5; done  # gone, also as a zombie
fi
wait $C
for ((i = 0; i < 5; i++)); do
  q dsctl $INST start
  ldapsearch -x -H ldap://127.0.0.1:46389 -b "" -s base >/dev/null 2>&1 && break
  sleep 2
done
loud
clients 1 $(( 3 + $(R 3) ))
# online administration while a client runs
clients 1 $(( 3 + $(R 4) )) &
C=$!
for task in $(printf '%s\n' index export export_bad fixup schema config | shuf -n $(( 3 + $(R 3) ))); do
  case $task in
    index) q $DSC backend index add --attr $(pick description telephoneNumber departmentNumber) --index-type eq --reindex userroot ;;
    export) q $DSC backend export userroot -l $LDIFDIR/r25-online.ldif ;;
    export_bad) q $DSC backend export userroot -l /nonexistent/dir/r25.ldif ;;
    fixup) q $DSC plugin memberof fixup dc=example,dc=com ;;
    schema) q $DSC schema reload ;;
    config) q $DSC config replace nsslapd-sizelimit=$(pick 50 500 2000) nsslapd-idletimeout=$(pick 0 30 120) ;;
  esac
  sleep 1
done
wait $C
# offline tasks
quiet
q dsctl $INST stop
q dsctl $INST db2ldif userroot $LDIFDIR/r25-offline.ldif
[ $(R 2) = 0 ] && q dsctl $INST dbverify userroot
q dsctl $INST start
loud
clients $(( 1 + $(R 2) )) $(( 4 + $(R 5) ))
q $DSC backup create
clients 1 $(( 3 + $(R 4) ))
q dsctl $INST stop
cp $LOGF $D/dirsrv.full.log
rm -f $LDIFDIR/r25-*.ldif; rm -rf /var/lib/dirsrv/slapd-$INST/bak/*
head -n 2500 $D/dirsrv.full.log > $D/dirsrv.log
wc -l $D/dirsrv.full.log
