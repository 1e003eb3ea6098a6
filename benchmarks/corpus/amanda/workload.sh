#!/bin/bash
# Amanda 3.5.1: backups of local directories (auth "local") to chg-disk virtual tapes; several amdump runs with
# random data changes; the log kept is the amdump log of the last run (logdir/amdump.1)
D=$(cd "$(dirname "$0")" && pwd)
A=/tmp/round32-r32i/amanda
rm -rf $A; mkdir -p $A/vtapes $A/holding $A/state/curinfo $A/state/index $A/logs $A/dbg $A/varlib/gnutar-lists $A/data
for s in 1 2 3 4 5 6 7 8; do mkdir -p $A/vtapes/slot$s; done
touch $A/varlib/amandates $A/state/tapelist
NDIRS=$((13 + RANDOM % 5))
: > $D/etc/r32i/disklist
for i in $(seq 1 $NDIRS); do
  mkdir -p $A/data/d$i
  for f in $(seq 1 $((1 + RANDOM % 6))); do head -c $((RANDOM * (1 + RANDOM % 20))) /dev/urandom > $A/data/d$i/f$f; done
  case $((RANDOM % 3)) in 0) t=local-tar;; 1) t=local-tar-nocomp;; 2) t=local-tar-srvcomp;; esac
  echo "localhost $A/data/d$i $t" >> $D/etc/r32i/disklist
done
cp -r /usr/share/doc/ruby-webrick $A/data/d1/ 2>/dev/null
echo "localhost $A/data/missing local-tar" >> $D/etc/r32i/disklist
mkdir -p $A/data/locked; echo x > $A/data/locked/x; chmod 000 $A/data/locked
echo "localhost $A/data/locked local-tar" >> $D/etc/r32i/disklist
chown -R backup:backup $A $D/etc; chown root:root $A/data/locked; chmod -R a+rX $D
$D/ns.sh amcheck r32i > /dev/null 2>&1
for run in 1 2 3; do
  # change some files between runs
  for k in $(seq 1 $((RANDOM % 8))); do i=$((1 + RANDOM % NDIRS)); head -c $((RANDOM * (1 + RANDOM % 10))) /dev/urandom > $A/data/d$i/n$RANDOM; done
  (( RANDOM % 2 )) && rm -f $A/data/d$((1 + RANDOM % NDIRS))/f1
  chown -R backup:backup $A/data/d*
  $D/ns.sh amdump r32i > /dev/null 2>&1
  (( run < 3 )) && $D/ns.sh amflush -b -f r32i > /dev/null 2>&1
done
cp $A/logs/amdump.1 $D/amanda.log
