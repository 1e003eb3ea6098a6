#!/bin/bash
# skopeo --debug (stderr appended) against two private docker-registry instances and local oci:/dir:/docker-archive: images
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
mount -t tmpfs tmpfs /var/lib     # skopeo's built-in /var/lib/containers paths stay private
cd /work/round44/skopeo
W=/tmp/round44-r44a/sko
H=$W/home; mkdir -p $H/tmp $H/cfg $H/cache $H/data $H/run; chmod 700 $H/run
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/cfg XDG_CACHE_HOME=$H/cache XDG_DATA_HOME=$H/data XDG_RUNTIME_DIR=$H/run
export CONTAINERS_CONF=/work/round44/skopeo/containers.conf CONTAINERS_STORAGE_CONF=/work/round44/skopeo/storage.conf
export CONTAINERS_REGISTRIES_CONF=/work/round44/skopeo/registries.conf
rm -rf regdata $W/htpasswd $W/img $W/out $W/auth.json; mkdir -p regdata $W/img $W/out
RAW=$W/raw.log; : > $RAW
RANDOM=${SEED:-4403}
start_reg() { docker-registry serve reg46000.yml >> $W/reg0.log 2>&1 & R0=$!; docker-registry serve reg46001.yml >> $W/reg1.log 2>&1 & R1=$!; sleep 2; }
stop_reg() { kill $R0 $R1; wait $R0 $R1 2>/dev/null; }
sk() { REGISTRY_AUTH_FILE=$W/auth.json skopeo --debug --registries-conf /work/round44/skopeo/registries.conf --policy /work/round44/skopeo/policy.json \
       --registries.d /work/round44/skopeo/registries.d "$@" 2>>$RAW >/dev/null; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
R=127.0.0.1:46000; A=127.0.0.1:46001
names=(alpha beta gamma delta eps)
for i in "${!names[@]}"; do python3 mkoci.py $W/img/${names[$i]} ${names[$i]} $((1 + RANDOM % 3)) $((RANDOM)); done
: > $W/reg1.log
start_reg
PW=$(grep -o 'password=[^ ]*' $W/reg1.log | head -1 | cut -d= -f2 | tr -d '"')
T=--tls-verify=false
# seed the open registry
for n in "${names[@]}"; do sk copy --dest-tls-verify=false oci:$W/img/$n:$n docker://$R/lib/$n:v1; done
sk copy --dest-tls-verify=false oci:$W/img/alpha:alpha docker://$R/lib/tiny:latest
ops=(push push_fmt inspect inspect_raw inspect_cfg inspect_missing tags tags_missing to_dir dir_push to_archive archive_oci
     delete delete_missing auth_ok auth_bad auth_none login_ok login_bad logout bad_ref bad_transport policy_reject
     shortname sync_dir sync_docker refused digest no_oci_ref)
# every op once in shuffled order, then random picks
seq_ops=($(for o in "${ops[@]}"; do echo "$RANDOM $o"; done | sort -n | cut -d' ' -f2))
n=$((30 + RANDOM % 15))
for i in $(seq 1 $n); do seq_ops+=("$(pick "${ops[@]}")"); done
for op in "${seq_ops[@]}"; do
  nm=$(pick "${names[@]}"); tag=t$((RANDOM % 7))
  case $op in
    push) sk copy --dest-tls-verify=false oci:$W/img/$nm:$nm docker://$R/lib/$nm:$tag ;;
    push_fmt) sk copy --dest-tls-verify=false --format $(pick v2s2 oci) oci:$W/img/$nm:$nm docker://$R/fmt/$nm:$tag ;;
    inspect) sk inspect $T docker://$R/lib/$nm:v1 ;;
    inspect_raw) sk inspect $T --raw docker://$R/lib/$nm:$(pick v1 $tag) ;;
    inspect_cfg) sk inspect $T --config docker://$R/lib/$nm:v1 ;;
    inspect_missing) sk inspect $T docker://$R/lib/none$RANDOM:v1 ;;
    tags) sk list-tags $T docker://$R/lib/$nm ;;
    tags_missing) sk list-tags $T docker://$R/nothing/here$RANDOM ;;
    to_dir) rm -rf $W/out/dir-$nm; sk copy --src-tls-verify=false docker://$R/lib/$nm:v1 dir:$W/out/dir-$nm ;;
    dir_push) [ -d $W/out/dir-$nm ] && sk copy --dest-tls-verify=false dir:$W/out/dir-$nm docker://$R/fromdir/$nm:$tag || sk copy dir:$W/out/nodir-$nm oci:$W/out/x:y ;;
    to_archive) rm -f $W/out/$nm.tar; sk copy --src-tls-verify=false docker://$R/lib/$nm:v1 docker-archive:$W/out/$nm.tar:lib/$nm:v1 ;;
    archive_oci) [ -f $W/out/$nm.tar ] && sk copy docker-archive:$W/out/$nm.tar oci:$W/out/oci-$nm:$tag || sk copy docker-archive:$W/out/missing.tar oci:$W/out/oci-x:y ;;
    delete) sk delete $T docker://$R/lib/$nm:$tag ;;
    delete_missing) sk delete $T docker://$R/gone$RANDOM/x:y ;;
    auth_ok) sk copy --dest-tls-verify=false --dest-creds docker:$PW oci:$W/img/$nm:$nm docker://$A/priv/$nm:$tag ;;
    auth_bad) sk inspect $T --creds docker:wrong$RANDOM docker://$A/priv/$nm:$tag ;;
    auth_none) sk list-tags $T docker://$A/priv/$nm ;;
    login_ok) sk login $T -u docker -p $PW $A ;;
    login_bad) sk login $T -u docker -p bad$RANDOM $A ;;
    logout) sk logout $(pick $A 127.0.0.1:46007) ;;
    bad_ref) sk inspect $T "docker://$R/Bad:Ref:$RANDOM" ;;
    bad_transport) sk copy "nosuch:$nm" dir:$W/out/bad ;;
    policy_reject) sk copy --dest-tls-verify=false oci:$W/img/$nm:$nm docker://$R/locked/$nm:v1 ;;
    shortname) sk inspect $T docker://$(pick tiny lib/$nm:v1 mirror.r44a.test/lib/$nm:v1) ;;
    sync_dir) rm -rf $W/out/sync; sk sync $T --src docker --dest dir $R/lib/$nm $W/out/sync ;;
    sync_docker) [ -d $W/out/sync ] && sk sync --dest-tls-verify=false --src dir --dest docker $W/out/sync $R/synced || sk sync --src dir --dest docker $W/out/nosync $R/synced ;;
    refused) sk inspect $T --retry-times $((RANDOM % 2)) docker://127.0.0.1:46009/lib/$nm:v1 ;;
    digest) sk manifest-digest $W/img/$nm/index.json ;;
    no_oci_ref) sk inspect oci:$W/img/$nm:wrongname ;;
  esac
done
stop_reg
sk inspect $T docker://$R/lib/alpha:v1
sk copy --src-tls-verify=false --retry-times 1 docker://$R/lib/beta:v1 dir:$W/out/after-stop
start_reg
sk inspect $T docker://$R/lib/gamma:v1
sk list-tags $T docker://$R/lib/alpha
stop_reg
rm -rf regdata $W/img $W/out $W/auth.json $W/htpasswd
T2=$(wc -l < $RAW); F=$(( T2 > 2500 ? T2 - 2499 : 1 ))
sed -n "${F},\$p" $RAW > /work/round44/skopeo/skopeo.log
