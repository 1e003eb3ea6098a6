#!/bin/bash
# Randomised workload for s3cmd --debug against a local moto S3 server.
# Re-executes itself in a private network + mount namespace (loopback only).
if [ -z "$R43E_INNER" ]; then
    exec env R43E_INNER=1 unshare -n -m "$0" "$@"
fi
set -m
cd /work/round43/s3cmd || exit 1
ip link set lo up
W=/tmp/round43-r43e/s3
rm -rf $W/home $W/tmp $W/xdg $W/data
mkdir -p $W/home $W/tmp $W/xdg $W/data/src/sub $W/data/dst
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
B=/tmp/round43-r43e/venv-s3/bin
PORT=48100
SILENT=48101
RAW=$W/raw.log
: > $RAW
SEED=${SEED:-$RANDOM}
RANDOM=$SEED

start_moto() {
    INITIAL_NO_AUTH_ACTION_COUNT=3 $B/moto_server -H 127.0.0.1 -p $PORT >> $W/moto.log 2>&1 &
    MP=$!
    sleep 3
    read AK SK < <($B/python iamsetup.py http://127.0.0.1:$PORT)
    sed -e "s/^access_key.*/access_key = $AK/" -e "s#^secret_key.*#secret_key = $SK#" s3cfg > $W/good.cfg
    sed -e "s/^access_key.*/access_key = $AK/" -e "s#^secret_key.*#secret_key = wrong$RANDOM#" s3cfg > $W/badsecret.cfg
    sed -e "s/^access_key.*/access_key = AKIAUNKNOWN$RANDOM/" s3cfg > $W/badkey.cfg
    sed -e "s/^host_base.*/host_base = 127.0.0.1:$SILENT/" -e "s/^host_bucket.*/host_bucket = 127.0.0.1:$SILENT/" $W/good.cfg > $W/silent.cfg
}
stop_moto() { kill -INT $MP; wait $MP; }

# local files
for i in $(seq 1 $((RANDOM % 3 + 2))); do head -c $((RANDOM * 7)) /dev/urandom > $W/data/src/file$i.bin; done
for i in $(seq 1 $((RANDOM % 3 + 1))); do echo "note $i $RANDOM" > $W/data/src/sub/note$i.txt; done
head -c $((11 * 1024 * 1024 + RANDOM)) /dev/urandom > $W/data/big.bin

s3() { $B/s3cmd --debug -c $W/good.cfg "$@" >/dev/null 2>> $RAW; }
BUCKETS=(alpha bravo charlie)
rb() { echo ${BUCKETS[$((RANDOM % ${#BUCKETS[@]}))]}; }
rf() { ls $W/data/src/*.bin | shuf -n1 --random-source=<(yes $RANDOM); }

start_moto
$B/python silent.py $SILENT &
SILP=$!
s3 mb s3://alpha
OPS=(put put get get ls la du info sync_up sync_down del del_missing get_missing get_missing
     nobucket nobucket mb_again rb_full setacl_pub setacl_priv cp mv badsecret badkey
     silent put_public ls_all get_nobucket info_missing put_nofile)
N=$((RANDOM % 6 + 28))
STOP_AT=$((RANDOM % 8 + 4))
for n in $(seq 1 $N); do
    op=${OPS[$((RANDOM % ${#OPS[@]}))]}
    [ $n -eq 2 ] && op=multipart
    [ $n -eq $STOP_AT ] && op=stopped
    b=$(rb)
    case $op in
        put) s3 put $(rf) s3://$b/obj$((RANDOM % 6)).bin ;;
        put_public) s3 put --acl-public $W/data/src/sub/note1.txt s3://$b/pub/note.txt ;;
        get) s3 get --force s3://alpha/obj$((RANDOM % 6)).bin $W/data/dst/got.bin ;;
        get_missing) s3 get s3://alpha/missing$RANDOM $W/data/dst/ ;;
        get_nobucket) s3 get s3://nobucket$RANDOM/key $W/data/dst/ ;;
        ls) s3 ls s3://$b ;;
        ls_all) s3 ls ;;
        la) s3 la ;;
        du) s3 du s3://alpha ;;
        info_missing) s3 info s3://alpha/none$RANDOM ;;
        put_nofile) s3 put $W/data/src/absent$RANDOM.bin s3://alpha/absent.bin ;;
        info) s3 info s3://alpha/obj$((RANDOM % 3)).bin ;;
        sync_up) s3 sync $W/data/src/ s3://$b/sync/ ;;
        sync_down) s3 sync --delete-removed s3://alpha/sync/ $W/data/dst/sync/ ;;
        del) s3 del s3://alpha/obj$((RANDOM % 6)).bin ;;
        del_missing) s3 del s3://alpha/nothing$RANDOM ;;
        nobucket) s3 ls s3://missing$RANDOM ;;
        mb_again) s3 mb s3://$b ;;
        rb_full) s3 rb s3://alpha ;;
        setacl_pub) s3 setacl --acl-public --recursive s3://$b ;;
        setacl_priv) s3 setacl --acl-private s3://alpha/obj$((RANDOM % 6)).bin ;;
        cp) s3 cp s3://alpha/obj$((RANDOM % 6)).bin s3://$b/copy$RANDOM.bin ;;
        mv) s3 mv s3://alpha/obj$((RANDOM % 6)).bin s3://alpha/moved/obj$RANDOM.bin ;;
        multipart) s3 put $W/data/big.bin s3://alpha/big$((RANDOM % 3)).bin ;;
        badsecret) $B/s3cmd --debug -c $W/badsecret.cfg ls s3://alpha >/dev/null 2>> $RAW ;;
        badkey) $B/s3cmd --debug -c $W/badkey.cfg put $(rf) s3://alpha/x.bin >/dev/null 2>> $RAW ;;
        silent) $B/s3cmd --debug -c $W/silent.cfg ls s3://alpha >/dev/null 2>> $RAW ;;
        stopped)
            stop_moto
            s3 ls s3://alpha
            start_moto
            s3 mb s3://alpha ;;
    esac
    if [ $n -eq 3 ]; then s3 mb s3://bravo; s3 mb s3://charlie; fi
done
s3 rb --recursive --force s3://charlie
stop_moto
kill $SILP; wait $SILP
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > /work/round43/s3cmd/s3cmd.log
