#!/bin/bash
# Runs jedi-language-server sessions (driven by client.py over stdio) inside private net+mount namespaces.
D=/work/round45/jedils
T=/tmp/round45-r45h
if [ -z "$R45H_INNS" ]; then
  cd "$D" || exit 1
  mkdir -p $T/jedi
  exec unshare -n -m --fork env R45H_INNS=1 bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$T/jedi/home TMPDIR=$T/jedi/tmp XDG_CONFIG_HOME=$T/jedi/xdg/config XDG_CACHE_HOME=$T/jedi/xdg/cache XDG_DATA_HOME=$T/jedi/xdg/data XDG_STATE_HOME=$T/jedi/xdg/state XDG_RUNTIME_DIR=$T/jedi/xdg/run
rm -rf $T/jedi/home $T/jedi/tmp $T/jedi/xdg $T/jedi/projects $T/jedi/logs
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR $T/jedi/projects $T/jedi/logs
PY=$T/venv-jedi/bin/python
SEED=${SEED:-4546}
NSESS=${NSESS:-7}
# each session's server writes its own --log-file (opened with mode "w"); the sessions run one after another
for s in $(seq 1 $NSESS); do
  $PY $D/client.py $T/jedi/logs/s$s.log $((SEED+s)) $T/jedi/projects/s$s 1
done
cat $(for s in $(seq 1 $NSESS); do echo $T/jedi/logs/s$s.log; done) > $T/jedi/raw.log
sed -n '1,2500p' $T/jedi/raw.log > $D/jedils.log
wc -l $T/jedi/raw.log $D/jedils.log
