#!/bin/bash
# Randomised pyright workload over generated projects (gen.py). Runs itself inside
# private net+mount namespaces. All pyright output (stdout+stderr) goes to raw.log;
# a contiguous stretch is then cut into pyright.log.
if [ -z "$R45_INNS" ]; then export R45_INNS=1; exec unshare -n -m bash "$0" "$@"; fi
set -m
mount --make-rprivate /
mount --bind /tmp/round45-r45d /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45d
mount --bind /mnt /tmp/round45-r45d
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
D=/work/round45/pyright
H=/tmp/round45-r45d/home-pyright
mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state $H/run
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/run
PR=/tmp/round45-r45d/pyright/bin/pyright
W=/tmp/round45-r45d/pywork
RAW=$D/raw.log
NPROJ=14
: > $RAW
rm -rf $W; python3 $D/gen.py $W $$ $NPROJ
RANDOM=$$
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
run() { (cd "$1" && shift && timeout 120 $PR --verbose "$@") >> $RAW 2>&1; }
for i in $(seq 1 ${RUNS:-30}); do
  p=$W/proj$((RANDOM % NPROJ))
  r=$((RANDOM % 100)); fl=()
  if [ $r -lt 4 ]; then fl=(--frobnicate)
  elif [ $r -lt 7 ]; then fl=(--version)
  elif [ $r -lt 10 ]; then fl=(-p $W/missing-config.json)
  elif [ $r -lt 13 ]; then fl=(--pythonplatform Amiga)
  elif [ $r -lt 16 ]; then fl=(--pythonversion 2.x)
  elif [ $r -lt 19 ]; then fl=(--stats)
  elif [ $r -lt 23 ]; then fl=(--dependencies)
  elif [ $r -lt 27 ]; then [ -d $p/mypkg ] && fl=(--verifytypes mypkg) || fl=(--verifytypes notapkg)
  elif [ $r -lt 30 ]; then fl=(--createstub $(pick json helpers localstub_1 nosuchmod))
  elif [ $r -lt 33 ]; then fl=(--threads 2)
  elif [ $r -lt 36 ]; then fl=(--outputjson --stats)
  else
    [ $((RANDOM % 3)) -eq 0 ] && fl+=(--level $(pick warning error))
    [ $((RANDOM % 3)) -eq 0 ] && fl+=(--pythonversion $(pick 3.8 3.10 3.12 3.13))
    [ $((RANDOM % 4)) -eq 0 ] && fl+=(--pythonplatform $(pick Linux Windows Darwin))
    [ $((RANDOM % 4)) -eq 0 ] && fl+=(--warnings)
    [ $((RANDOM % 5)) -eq 0 ] && fl+=(--skipunannotated)
    [ $((RANDOM % 6)) -eq 0 ] && fl+=(-t $W/no-typeshed)
    [ $((RANDOM % 6)) -eq 0 ] && fl+=(--venvpath $W/no-venvs)
    [ $((RANDOM % 5)) -eq 0 ] && fl+=(m0.py nothere.py)
  fi
  run $p "${fl[@]}"
done
# one watch-mode session: edit files while it runs, then stop it with SIGINT
p=$W/proj$((RANDOM % NPROJ))
(cd $p && exec $PR --verbose -w) >> $RAW 2>&1 &
WPID=$!
sleep 25
for k in 1 2 3; do
  printf 'z%d: str = %d\n' $k $k >> $p/m0.py; sleep 12
done
rm -f $p/m0.py; sleep 12
kill -INT $WPID; sleep 2; kill $WPID 2>/dev/null; wait $WPID
rm -rf $W
sed -n '1,2500p' $RAW > $D/pyright.log
rm -f $RAW
