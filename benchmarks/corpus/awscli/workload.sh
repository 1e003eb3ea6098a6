#!/bin/bash
# awscli --debug workload against a private moto_server; log = aws stderr
if [ -z "$R44A_INNER" ]; then
  ip netns list | grep -qw r44a || { ip netns add r44a; ip netns exec r44a ip link set lo up; }
  export R44A_INNER=1
  exec ip netns exec r44a unshare -m --propagation private bash -c '
    mount --make-rprivate /
    mount --bind /tmp/round44-r44a /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round44-r44a
    mount --bind /mnt /tmp/round44-r44a
    umount -l /mnt
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    exec bash "$0" "$@"' "$0" "$@"
fi
set -m
cd /work/round44/awscli
W=/tmp/round44-r44a/aws
V=/tmp/round44-r44a/venv-aws/bin
H=$W/home; mkdir -p $H/tmp $H/cfg $H/cache $H/data $H/run; chmod 700 $H/run
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/cfg XDG_CACHE_HOME=$H/cache XDG_DATA_HOME=$H/data XDG_RUNTIME_DIR=$H/run
export AWS_CONFIG_FILE=/work/round44/awscli/aws-config AWS_SHARED_CREDENTIALS_FILE=/work/round44/awscli/aws-credentials
export AWS_EC2_METADATA_DISABLED=true PYTHONHASHSEED=0
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_PROFILE AWS_DEFAULT_REGION
RAW=$W/raw.log; : > $RAW
PORT=46100; E="--endpoint-url http://127.0.0.1:$PORT"
RANDOM=${SEED:-4401}
MP=
start_moto() { $V/moto_server -H 127.0.0.1 -p $PORT > $W/moto.log 2>&1 & MP=$!; sleep 3; }
stop_moto() { [ -n "$MP" ] && kill $MP; wait $MP 2>/dev/null; MP=; }
aws() { $V/aws --debug "$@" 2>>$RAW >/dev/null; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
mkdir -p $W/files; for i in 1 2 3 4 5; do head -c $((RANDOM*3+100)) /dev/urandom > $W/files/f$i.bin; done
head -c 9000000 /dev/urandom > $W/files/big.bin
start_moto
ops=(mb cp ls api_put api_get_missing api_list sqs_create sqs_send sqs_recv ddb_create ddb_put ddb_get_missing iam_user iam_list ec2 param_invalid get_nobucket sqs_noqueue iam_nouser cp_nolocal ec2_noinst no_bucket profile_missing sync rm presign other head_missing)
B=bkt$RANDOM
aws $E s3 mb s3://$B
# a random subset of distinct ops in random order, plus a few random repeats
seq_ops=($(for o in "${ops[@]}"; do echo "$RANDOM $o"; done | sort -n | cut -d' ' -f2 | head -n $((11 + RANDOM % 3))))
for i in 1 2 3; do seq_ops+=("$(pick "${ops[@]}")"); done
for op in "${seq_ops[@]}"; do
  case $op in
    mb) aws $E s3 mb s3://b$RANDOM ;;
    cp) aws $E s3 cp $W/files/f$((1+RANDOM%5)).bin s3://$B/k$RANDOM.bin ;;
    ls) aws $E s3 ls s3://$B/ ;;
    api_put) aws $E s3api put-object --bucket $B --key obj$RANDOM --body $W/files/f1.bin ;;
    api_get_missing) aws $E s3api get-object --bucket $B --key missing$RANDOM $W/out.bin ;;
    api_list) aws $E s3api list-objects-v2 --bucket $B --page-size 2 --max-items 5 ;;
    sqs_create) aws $E sqs create-queue --queue-name q$RANDOM --region eu-west-1 ;;
    sqs_send) aws $E sqs send-message --queue-url http://127.0.0.1:$PORT/123456789012/nq$RANDOM --message-body hi ;;
    sqs_recv) aws $E sqs list-queues --region us-west-2 ;;
    ddb_create) aws $E dynamodb create-table --table-name t$RANDOM --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST ;;
    ddb_put) aws $E dynamodb put-item --table-name nosuch$RANDOM --item '{"id":{"S":"x"}}' ;;
    ddb_get_missing) aws $E dynamodb describe-table --table-name gone$RANDOM ;;
    iam_user) aws $E iam create-user --user-name u$RANDOM ;;
    iam_list) aws $E iam list-users --max-items 2 ;;
    ec2) aws $E ec2 describe-regions --region ap-south-1 ;;
    param_invalid) aws $E dynamodb put-item --table-name t1 --item '{"id":{"Q":"x"}}' ;;
    get_nobucket) aws $E s3api get-object --bucket nob$RANDOM --key k $W/out.bin ;;
    sqs_noqueue) aws $E sqs get-queue-url --queue-name nope$RANDOM ;;
    iam_nouser) aws $E iam get-user --user-name nobody$RANDOM ;;
    cp_nolocal) aws $E s3 cp $W/files/missing$RANDOM.bin s3://$B/x ;;
    ec2_noinst) aws $E ec2 describe-instances --instance-ids i-$RANDOM ;;
    no_bucket) aws $E s3 ls s3://nobucket$RANDOM/ ;;
    profile_missing) aws $E --profile ghost s3 ls ;;
    sync) aws $E s3 sync $W/files s3://$B/sync$RANDOM/ --exclude 'big*' ;;
    rm) aws $E s3 rm s3://$B/ --recursive --exclude '*' --include 'k*' ;;
    presign) aws $E s3 presign s3://$B/k1 --expires-in 60 ;;
    other) aws $E --profile other s3api list-buckets ;;
    head_missing) aws $E s3api head-object --bucket $B --key none$RANDOM ;;
  esac
done
aws $E s3 cp $W/files/big.bin s3://$B/big.bin
stop_moto
aws $E --cli-connect-timeout 2 --cli-read-timeout 2 sqs list-queues
T=$(wc -l < $RAW); F=$(( T > 2500 ? T - 2499 : 1 ))
sed -n "${F},\$p" $RAW > /work/round44/awscli/awscli.log
