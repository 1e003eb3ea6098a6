#!/bin/bash
# papermill workload: papermill --log-level DEBUG --log-output over generated notebooks
# (gen_notebooks.py) inside private network + mount namespaces; stdout+stderr of every run
# appended to papermill.raw, then cut to papermill.log
D=/work/round44/papermill
T=/tmp/round44-r44f/papermill
if [ -z "$R44F_INNS" ]; then
  cd "$D" || exit 1
  mkdir -p "$T"
  exec unshare -m -n env R44F_INNS=1 /bin/bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
mount --make-rprivate /
mount --bind /tmp/round44-r44f /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round44-r44f
mount --bind /mnt /tmp/round44-r44f
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
export JUPYTER_RUNTIME_DIR=$T/xdg/run/jupyter JUPYTER_CONFIG_DIR=$T/home/.jupyter JUPYTER_DATA_DIR=$T/xdg/data/jupyter IPYTHONDIR=$T/home/.ipython
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_RUNTIME_DIR $T/nb $T/out
V=/tmp/round44-r44f/pmvenv/bin
RAW=$T/papermill.raw
: > "$RAW"
RUNS=${RUNS:-70}
$V/python $D/gen_notebooks.py $T/nb
printf 'rows: 7\nlabel: from-yaml\n' > $T/params.yaml
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
cd $T
for i in $(seq 1 $RUNS); do
  args=(--log-level DEBUG --log-output --no-progress-bar)
  r=$((RANDOM % 100))
  if   (( r < 35 )); then nbk=report; args+=(-p rows $((RANDOM % 80)) -p label "r$i")
                         (( RANDOM % 3 == 0 )) && args+=(-p fail_at $((RANDOM % 4)))
                         (( RANDOM % 5 == 0 )) && args+=(-p sleep_s 4 --execution-timeout 2)
                         (( RANDOM % 6 == 0 )) && args+=(-p bogus_$((RANDOM % 9)) 1)
                         (( RANDOM % 6 == 0 )) && args+=(-f $T/params.yaml)
  elif (( r < 45 )); then nbk=noparams; (( RANDOM % 2 )) && args+=(-p rows 3)
  elif (( r < 52 )); then nbk=divzero
  elif (( r < 58 )); then nbk=keyerr
  elif (( r < 62 )); then nbk=badkernel
  elif (( r < 66 )); then nbk=report; args+=(-k no-such-kernel-$((RANDOM % 5)))
  elif (( r < 74 )); then nbk=loop; args+=(-p sleep_s 0.$((RANDOM % 3)))
  elif (( r < 80 )); then nbk=display
  elif (( r < 84 )); then nbk=skiptag
  elif (( r < 87 )); then nbk=missing-$((RANDOM % 9))
  elif (( r < 90 )); then nbk=broken
  elif (( r < 93 )); then nbk=report; args+=(--prepare-only -p rows 2)
  elif (( r < 96 )); then nbk=report; args+=(--cwd $T/no-such-dir)
  else                    nbk=report; args+=(-f $T/no-params-$i.yaml)
  fi
  timeout 120 $V/papermill $T/nb/$nbk.ipynb $T/out/$nbk-$i.ipynb "${args[@]}" < /dev/null >> "$RAW" 2>&1
done
sed -n '1,2500p' "$RAW" > $D/papermill.log
