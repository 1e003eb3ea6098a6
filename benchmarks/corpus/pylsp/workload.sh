#!/bin/bash
# Drives pylsp -vv --log-file over stdio with client.py, in a private network+mount namespace.
set -m
cd /work/round43/pylsp || exit 1
R=/tmp/round43-r43d/pylsp
V=/tmp/round43-r43d/venv-pylsp
RAW=$R/raw.log
rm -rf $R/ws $R/home $R/tmp $R/xdg; rm -f $RAW*
mkdir -p $R/ws/sub1 $R/ws/sub2 $R/home $R/tmp $R/xdg/cache $R/xdg/config $R/xdg/data
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
unshare -n -m --propagation private bash -c '
ip link set lo up
cd /work/round43/pylsp
export HOME='$R'/home TMPDIR='$R'/tmp XDG_CACHE_HOME='$R'/xdg/cache XDG_CONFIG_HOME='$R'/xdg/config XDG_DATA_HOME='$R'/xdg/data
RANDOM='$SEED'
n=$((6 + RANDOM % 4))
for i in $(seq 1 $n); do
  r=$((RANDOM % 10))
  mode=normal
  [ $r -eq 0 ] && mode=kill
  [ $r -eq 1 ] && mode=eof
  [ $r -eq 2 ] && mode=badinit
  '$V'/bin/python /work/round43/pylsp/client.py $RANDOM '$R'/ws '$RAW' '$V'/bin/pylsp $mode
done
'
# keep one contiguous stretch of whole lines
sed -n '1,2500p' $RAW > /work/round43/pylsp/pylsp.log
wc -l /work/round43/pylsp/pylsp.log
