#!/bin/bash
# Drives s3fs (FUSE) against a local moto S3 server, in private mount+network namespaces.
# Log: stdout+stderr of each "s3fs -f" run, appended to s3fs.raw.log
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R37G_INNER" ]; then
  R37G_INNER=1 exec unshare -m -n --propagation private bash "$0" "$@"
fi
ip link set lo up
W=/tmp/round37-r37g/s3fs; mkdir -p $W; cd $W
VENV=/tmp/round37-r37g/venv
LOG=$W/s3fs.raw.log; : > $LOG
RANDOM=${SEED:-9090}
PORT=49100
M=$W/mnt; mkdir -p $M $W/cache
echo 'AKIDR37G:r37gsecret' > $W/pw; chmod 600 $W/pw
echo 'AKIDR37G:r37gsecret' > $W/pw-open; chmod 644 $W/pw-open
echo 'garbage-without-colon' > $W/pw-bad; chmod 600 $W/pw-bad
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
moto_up() { $VENV/bin/moto_server -H 127.0.0.1 -p $PORT > $W/moto.out 2>&1 & MOTO=$!; sleep 3; }
moto_down() { kill $MOTO 2>/dev/null; wait $MOTO 2>/dev/null; }
mount_s3() {  # mount_s3 BUCKET PWFILE EXTRA-OPTS...
  local b=$1 pw=$2; shift 2
  s3fs $b $M -f -o url=http://127.0.0.1:$PORT -o use_path_request_style -o passwd_file=$pw \
     -o dbglevel=debug -o curldbg -o retries=2 -o connect_timeout=2 -o readwrite_timeout=5 "$@" >> $LOG 2>&1 &
  S3=$!; sleep 2
}
umount_s3() { fusermount -u $M 2>/dev/null; wait $S3 2>/dev/null; }
ops() {  # random file operations on the mount
  local n=$1 i f
  for i in $(seq $n); do
    f=$M/f$((RANDOM % 6)).txt
    case $((RANDOM % 20)) in
      0|1|2) echo "line $RANDOM" > $f ;;
      3|4) cat $f > /dev/null 2>&1 ;;
      5) echo "more $RANDOM" >> $f 2>/dev/null ;;
      6) ls -la $M > /dev/null 2>&1 ;;
      7) mkdir $M/d$((RANDOM % 3)) 2>/dev/null ;;
      8) rmdir $M/d$((RANDOM % 3)) 2>/dev/null ;;
      9) mv $f $M/f$((RANDOM % 6)).txt 2>/dev/null ;;
      10) rm -f $f ;;
      11) chmod 0$((RANDOM % 8))44 $f 2>/dev/null ;;
      12) touch -d "2020-0$((RANDOM % 9 + 1))-01" $f 2>/dev/null ;;
      13) truncate -s $((RANDOM % 3000)) $f 2>/dev/null ;;
      14) cat $M/no-such-file-$RANDOM 2>/dev/null ;;
      15) ln -s f$((RANDOM % 6)).txt $M/link$((RANDOM % 2)) 2>/dev/null; readlink $M/link0 >/dev/null 2>&1 ;;
      16) cp $M/preexisting/readme.txt $M/d0/ 2>/dev/null; ls $M/orphan-dir/sub >/dev/null 2>&1 ;;
      17) ln $f $M/hard$RANDOM 2>/dev/null; chown 1000:1000 $f 2>/dev/null ;;
      18) dd if=/dev/urandom of=$M/big.bin bs=1M count=$((RANDOM % 3 + 5)) 2>/dev/null ;;
      19) rmdir $M/preexisting 2>/dev/null; mv $M/d1 $M/d2 2>/dev/null; stat $M/d0 >/dev/null 2>&1 ;;
    esac
  done
}
moto_up
$VENV/bin/python $D/mkbucket.py $PORT r37g-data r37g-other > /dev/null 2>&1
for round in 1 2 3 4; do
  case $((RANDOM % 6)) in
    0) mount_s3 r37g-missing $W/pw; sleep 1; umount_s3 ;;       # bucket does not exist
    1) mount_s3 r37g-data $W/pw-open; sleep 1; umount_s3 ;;     # credentials file readable by others
    2) mount_s3 r37g-data $W/pw-bad; sleep 1; umount_s3 ;;      # malformed credentials file
    3) mount_s3 r37g-data $W/pw-none; sleep 1; umount_s3 ;;     # missing credentials file
    4) mount_s3 r37g-data $W/pw -o nosuchoption=1; sleep 1; umount_s3 ;;
    5) mount_s3 r37g-data $W/pw -o multipart_size=1; sleep 1; umount_s3 ;;
  esac
  if [ $((RANDOM % 2)) = 0 ]; then
    mount_s3 r37g-data $W/pw -o use_cache=$W/cache -o stat_cache_expire=3 -o multipart_size=5
  else
    mount_s3 r37g-other $W/pw -o enable_noobj_cache -o max_stat_cache_size=50
  fi
  ops $(r 8 20)
  # S3 server goes away during use, then comes back
  if [ $((RANDOM % 2)) = 0 ]; then
    moto_down; ops $(r 2 4); moto_up
    $VENV/bin/python $D/mkbucket.py $PORT r37g-data r37g-other > /dev/null 2>&1
    ops $(r 3 8)
  fi
  umount_s3
done
moto_down
