#!/bin/bash
# Round-13 corpus workload: GlusterFS 10.3 (Debian 12 `glusterfs-server`), one glusterd bound to
# 127.0.0.1:24007 (brick ports 24100-24199, working directory /tmp/r13gl/lib), bricks on local
# directories under /tmp/r13gl/bricks. The delivered file is glusterd's own log (-L INFO, the
# line-oriented management log), unchanged, cut at a line boundary.
# Randomised workload: volumes (distribute, replica, disperse) created, started, stopped, deleted;
# options set and reset (good and bad), quotas, FUSE mounts with file operations, bricks killed
# and force-started, add/remove-brick, rebalance, profile/top/status/heal queries, statedumps,
# bad commands (unknown volumes, bad bricks, bad counts, bad values, self-probes, snapshots without LVM),
# glusterd restarts.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round13/glusterfs}; DURATION=${2:-330}
B=/tmp/r13gl
apt-get install -y -q glusterfs-server glusterfs-client attr >/dev/null 2>&1 || true
mkdir -p "$OUT" $B
H=$(hostname)   # resolves to 127.0.0.1 (the CLI refuses the literal localhost/127.0.0.1)
LOG=$B/glusterd.log
cleanup_procs() {
  for m in $B/mnt/*; do umount -l "$m" 2>/dev/null; done
  [ -f $B/gd.pid ] && kill "$(cat $B/gd.pid)" 2>/dev/null
  find /var/run/gluster -name '*.pid' 2>/dev/null | while read -r f; do p=$(cat "$f"); [ -n "$p" ] && kill "$p" 2>/dev/null; done
  sleep 2
}
cleanup_procs
rm -rf $B/lib $B/bricks $B/mnt $LOG; mkdir -p $B/lib $B/bricks $B/mnt
cat > $B/glusterd.vol <<EOF
volume management
    type mgmt/glusterd
    option working-directory $B/lib
    option transport-type socket
    option transport.socket.keepalive-time 10
    option transport.socket.keepalive-interval 2
    option transport.socket.read-fail-log off
    option transport.socket.listen-port 24007
    option transport.socket.bind-address 127.0.0.1
    option ping-timeout 0
    option event-threads 1
    option base-port 24100
    option max-port 24199
end-volume
EOF
start_gd() { glusterd -N -f $B/glusterd.vol -l $LOG -L INFO >>$B/gd.out 2>&1 & echo $! > $B/gd.pid; sleep 3; }
g() { timeout 90 gluster --mode=script "$@" >>$B/cli.out 2>&1; }
r() { echo $((RANDOM % $1)); }
words=(alpha beta gamma delta omega data logs media home scratch archive web)
VOLS=()
newvol() {
  local v="${words[$(r ${#words[@]})]}$(r 100)" kind n bricks="" i
  kind=$(r 4)
  case $kind in 0) n=$((1 + $(r 3))); opt="" ;; 1) n=2; opt="replica 2" ;; 2) n=3; opt="replica 3" ;; 3) n=3; opt="disperse 3 redundancy 1" ;; esac
  for i in $(seq 1 $n); do mkdir -p $B/bricks/$v-b$i; bricks="$bricks $H:$B/bricks/$v-b$i"; done
  g volume create $v $opt $bricks force && VOLS+=("$v")
}
pickvol() { [ ${#VOLS[@]} -gt 0 ] && echo "${VOLS[$(r ${#VOLS[@]})]}" || echo "novol$(r 9)"; }
dropvol() { local x keep=(); for x in "${VOLS[@]}"; do [ "$x" != "$1" ] && keep+=("$x"); done; VOLS=("${keep[@]}"); }
brickpid() { cat /var/run/gluster/vols/$1/*.pid 2>/dev/null | shuf -n1; }

start_gd
for i in 1 2 3; do newvol; done
for v in "${VOLS[@]}"; do g volume start $v; done
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  v=$(pickvol)
  case $(r 30) in
    0) newvol ;;
    1) g volume start $v ;;
    2) g volume stop $v ;;
    3) g volume stop $v; g volume delete $v && { dropvol $v; rm -rf $B/bricks/$v-b*; } ;;
    4) g volume set $v "$(shuf -n1 -e performance.cache-size diagnostics.brick-log-level features.read-only nfs.disable performance.io-thread-count auth.allow)" "$(shuf -n1 -e 64MB DEBUG on off 16 127.0.0.1)" ;;
    5) g volume set $v performance.io-thread-count $((100 + RANDOM)); g volume set $v features.read-only "maybe$(r 9)" ;;
    6) g volume reset $v; g volume get $v "$(shuf -n1 -e all performance.cache-size cluster.quorum-type)" ;;
    7) g volume quota $v enable; g volume quota $v default-soft-limit $((50 + $(r 40)))% ;;
    8) d=$B/mnt/$v; mkdir -p $d; mount -t glusterfs $H:/$v $d 2>>$B/cli.out && {
         mkdir -p $d/dir$(r 5); g volume quota $v limit-usage /dir$(r 5) $((1 + $(r 20)))MB
         for f in $(seq 1 $((1 + $(r 4)))); do dd if=/dev/urandom of=$d/dir$(r 5)/f$RANDOM bs=64k count=$((1 + $(r 60))) 2>/dev/null; done
         ls -lR $d >/dev/null; rm -f $d/dir$(r 5)/f* 2>/dev/null; mv $d/dir$(r 5) $d/moved$RANDOM 2>/dev/null
         cat $d/nosuchfile 2>/dev/null; sleep 0.5; umount $d; } ;;
    9) g volume quota $v list; g volume quota $v disable ;;
    10) g volume start nosuch$(r 50); g volume stop nosuch$(r 50); g volume info nosuch$(r 50) ;;
    11) g volume create $v $H:$B/bricks/$v-b1 force; g volume create bad$(r 20) replica $((2 + $(r 3))) $H:$B/bricks/odd$(r 9) force ;;
    12) g volume create x$(r 90) 127.0.0.1:$B/bricks/lo$(r 9); g volume create y$(r 90) $H:/proc/nope$(r 9) force ;;
    13) g peer probe $H; g peer detach $H; g peer status; g pool list ;;
    14) g volume status; g volume status $v detail; g volume status $v clients ;;
    15) g volume info; g volume list ;;
    16) g volume profile $v start; g volume profile $v info; g volume profile $v stop ;;
    17) g volume top $v read; g volume top $v open ;;
    18) g volume heal $v info; g volume heal $v ;;
    19) p=$(brickpid $v); [ -n "$p" ] && kill -9 "$p"; sleep 1; g volume start $v force ;;
    20) n=$(r 100); mkdir -p $B/bricks/$v-add$n; g volume add-brick $v $H:$B/bricks/$v-add$n force ;;
    21) g volume rebalance $v start; g volume rebalance $v status ;;
    22) g volume remove-brick $v $H:$B/bricks/$v-b$((1 + $(r 3))) force ;;
    23) g volume statedump $v; g get-state ;;
    24) g snapshot create snap$(r 20) $v; g snapshot list ;;
    25) g volume set $v auth.allow "10.$(r 255).0.*"; g volume reset $v auth.allow ;;
    26) g volume barrier $v enable; g volume barrier $v disable ;;
    27) g volume log $v rotate; g volume set all cluster.op-version 100000 ;;
    28) kill "$(cat $B/gd.pid)"; sleep $((1 + $(r 3))); start_gd ;;
    29) g volume stop $v; g volume start $v; g volume set $v features.shard $(shuf -n1 -e on off) ;;
  esac
  sleep 0.$((1 + $(r 6)))
done
for v in "${VOLS[@]}"; do g volume stop $v; done
cleanup_procs
head -n 2500 $LOG > "$OUT/glusterfs.log"
wc -l $LOG "$OUT/glusterfs.log"
