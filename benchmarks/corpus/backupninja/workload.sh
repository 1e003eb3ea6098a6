#!/bin/bash
# Randomised workload for backupninja: builds a random backup.d from ./actions, runs backupninja.
# Run as root inside a private mount namespace (so /run/lock is private):
#   unshare -m --propagation private bash workload.sh ROUNDS
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round36-r36d/bn
export HOME=$B/home BORG_BASE_DIR=$B/home   # handlers run borg through "su -c", which resets HOME; BORG_BASE_DIR keeps its cache/security dirs out of /root
ROUNDS=${1:-40}
mkdir -p $B/home $B/lock $B/data/sub $B/data/skip $B/out $B/maildirs/a/cur $B/svn $B/trac
mount --bind $B/lock /run/lock 2>/dev/null
touch $B/afile
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
for f in 1 2 3 4 5; do head -c $((RANDOM * 4)) /dev/urandom > $B/data/sub/f$f.bin; done
for ((r = 0; r < ROUNDS; r++)); do
  rm -rf $B/backup.d; mkdir -m 700 $B/backup.d
  for a in "$HERE"/actions/*; do
    n=$(basename "$a")
    case $n in
      10-files.tar|70-true.sh|51-repo.borg) p=60;;
      30-sys.sys) p=25;;
      *) p=30;;
    esac
    (( RANDOM % 100 < p )) || continue
    # one broken variant per bad.rdiff run (each fails before rdiff-backup itself is run)
    case $((RANDOM % 7)) in
      0) rv="yes||remote|$B/data|local|$B/out/rdiffbad";;
      1) rv="yes||ftp|$B/data|local|$B/out/rdiffbad";;
      2) rv="yes||local|$B/data|nfs|$B/out/rdiffbad";;
      3) rv="yes||local|$B/data|local|";;
      4) rv="yes|$(pick 9 high)|local|$B/data|local|$B/out/rdiffbad";;
      5) rv="$(pick 5x weekly)||local|$B/data|local|$B/out/rdiffbad";;
      6) rv="yes||local|/|local|$B/out/rdiffbad";;
    esac
    IFS='|' read -r rkeep rionice rstype rincl rdtype rddir <<< "$rv"
    sed -e "s/@COMPRESS@/$(pick gzip gzip bzip xz none zstd compress lzma)/" \
        -e "s/@KEEP@/$rkeep/" -e "s/@IONICE@/$rionice/" \
        -e "s/@STYPE@/$rstype/" -e "s/@DTYPE@/$rdtype/" \
        -e "s|@INCL@|$rincl|" -e "s|@DDIR@|$rddir|" \
        -e "s/@PKG@/$(pick yes no)/" -e "s/@PART@/$(pick yes no)/" -e "s/@HW@/$(pick yes no)/" \
        -e "s/@LUKS@/$(pick no no yes)/" -e "s/@LVM@/$(pick no no yes)/" \
        -e "s/@PGDB@/$(pick all all r36db)/" -e "s/@RFMT@/$(pick short long mirror)/" \
        -e "s|@BINCL@|$(pick '' $B/data)|" -e "s|@BDIR@|$(pick '' $B/out/borg2)|" \
        -e "s|@RREPO@|$(pick '' $B/out/restic2)|" -e "s|@RPASS@|$(pick '' x)|" \
        -e "s|@DINCL@|$(pick '' $B/data /)|" -e "s|@DPASS@|$(pick '' x)|" \
        "$a" > $B/backup.d/$n
    chmod 600 $B/backup.d/$n
  done
  case $((RANDOM % 20)) in
    0) chmod 644 $B/backup.d/$(ls $B/backup.d | shuf -n1) 2>/dev/null;;
    1) f=$B/backup.d/$(ls $B/backup.d | shuf -n1); chmod 640 $f; chgrp daemon $f;;
    2) chown nobody $B/backup.d/$(ls $B/backup.d | shuf -n1) 2>/dev/null;;
    3) chmod 755 $B/backup.d;;
  esac
  if (( RANDOM % 6 == 0 )); then
    ( cd $B/data && flock -x /run/lock/backupninja/_tmp_round36-r36d_bn_backup.d_10-files.tar sleep 8 ) 2>/dev/null &
    sleep 0.5
  fi
  mkdir -p /run/lock/backupninja
  case $((RANDOM % 14)) in
    0) backupninja -f $HERE/backupninja.conf --debug ;;
    1) backupninja -f $HERE/backupninja.conf --debug --run $B/backup.d/$(ls $B/backup.d | shuf -n1) ;;
    2) backupninja -f $HERE/backupninja.conf --now --debug --bogus ;;
    3) backupninja -f $HERE/backupninja.conf --now --debug --run $B/backup.d/nothere ;;
    *) backupninja -f $HERE/backupninja.conf --now --debug ;;
  esac > $B/console.out 2>&1
  wait
done
umount /run/lock 2>/dev/null
