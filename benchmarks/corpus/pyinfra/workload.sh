#!/bin/bash
# Runs pyinfra deploys, facts and exec commands against @local with -vvv --debug, colours off,
# inside a private network + mount namespace, everything under a fake root in /tmp/round43-r43d/pyinfra.
set -m
cd /work/round43/pyinfra || exit 1
R=/tmp/round43-r43d/pyinfra
V=/tmp/round43-r43d/venv-pyinfra
RAW=$R/raw.log
rm -rf $R/root $R/home $R/tmp $R/xdg $R/run; rm -f $RAW
mkdir -p $R/root/etc $R/root/srv $R/root/var/log $R/home $R/tmp $R/xdg $R/run
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
unshare -n -m --propagation private bash -c '
ip link set lo up
cd '$R'/run
export HOME='$R'/home TMPDIR='$R'/tmp XDG_CONFIG_HOME='$R'/xdg XDG_CACHE_HOME='$R'/xdg XDG_DATA_HOME='$R'/xdg FAKEROOT='$R'/root NO_COLOR=1 TERM=dumb
P="'$V'/bin/pyinfra -vvv --debug"
RANDOM='$SEED'
n=$((22 + RANDOM % 6))
for i in $(seq 1 $n); do
  r=$((RANDOM % 20))
  if [ $r -lt 7 ]; then
    DSEED=$RANDOM $P -y @local /work/round43/pyinfra/deploy.py
  elif [ $r -lt 9 ]; then
    DSEED=$RANDOM $P --dry @local /work/round43/pyinfra/deploy.py
  elif [ $r -lt 11 ]; then
    $P -y @local fact server.Hostname files.File path='$R'/root/etc/motd
  elif [ $r -lt 13 ]; then
    $P -y @local exec -- ls '$R'/root/srv/nope$RANDOM
  elif [ $r -eq 13 ]; then
    $P -y @local exec -- echo ran-$RANDOM
  elif [ $r -lt 16 ]; then
    $P -y @local /work/round43/pyinfra/bad/syntax.py
  elif [ $r -lt 18 ]; then
    $P -y @local /work/round43/pyinfra/bad/raises.py
  elif [ $r -eq 18 ]; then
    $P -y @local /work/round43/pyinfra/missing$RANDOM.py
  else
    $P -y @local fact server.NoSuchFact$RANDOM
  fi
done
' > $RAW 2>&1
sed -n '1,2500p' $RAW > /work/round43/pyinfra/pyinfra.log
wc -l /work/round43/pyinfra/pyinfra.log
