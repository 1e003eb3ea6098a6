#!/bin/bash
# Randomised grunt workload. Runs itself inside private net+mount namespaces.
# Output of every grunt run (stdout+stderr) is appended to raw.log, then a
# contiguous stretch is cut into grunt.log.
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
D=/work/round45/grunt
H=/tmp/round45-r45d/home-grunt
mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state $H/run
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/run
G=/tmp/round45-r45d/grunt/lib/node_modules/grunt-cli/bin/grunt
W=/tmp/round45-r45d/gwork
RAW=$D/raw.log
: > $RAW
setup() {
  rm -rf $W; mkdir -p $W/none $W/nogrunt
  cp -r $D/files/* $W/
  for d in good bad throws none; do ln -s /tmp/round45-r45d/grunt/lib/node_modules $W/$d/node_modules; done
}
g() { # g DIR args...
  local dir=$1; shift
  (cd $W/$dir && node $G --verbose --debug --no-color "$@") >> $RAW 2>&1
}
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
setup
TASKS=(pass pass pass pass retfalse throws throws:type asyncok asyncok:30 asyncfail asyncfail:err needs chain
  needcfg needcfg:pkg.nope opts opts warn warn:disk fatal files files files:badjson files:badyaml files:missing
  files:procerr files:cwd files:outside queue queuemissing nosuchtask build build:one build:one build:two
  build:three build:plain build:nosrc build:_hidden build:ghost lint lint:js lint:all tmpl:ok tmpl:bad
  tmpl:syntax nothing ci default extra extra2 "")
RANDOM=$$
for i in $(seq 1 110); do
  r=$((RANDOM % 100))
  if [ $r -lt 3 ]; then g bad $(pick "" pass)
  elif [ $r -lt 5 ]; then g throws
  elif [ $r -lt 6 ]; then g good --gruntfile $W/good/Nope.js pass
  elif [ $r -lt 8 ]; then g none pass
  elif [ $r -lt 9 ]; then (cd $W/nogrunt && node $G --verbose pass) >> $RAW 2>&1
  elif [ $r -lt 10 ]; then g good --help
  elif [ $r -lt 11 ]; then g good --version
  else
    n=$((1 + RANDOM % 3)); args=()
    for j in $(seq 1 $n); do t=$(pick "${TASKS[@]}"); [ -n "$t" ] && args+=("$t"); done
    fl=()
    [ $((RANDOM % 3)) -eq 0 ] && fl+=(--force)
    [ $((RANDOM % 2)) -eq 0 ] && fl+=(--stack)
    [ $((RANDOM % 6)) -eq 0 ] && fl+=(--no-write)
    [ $((RANDOM % 5)) -eq 0 ] && fl+=(--loadmissing)
    [ $((RANDOM % 4)) -eq 0 ] && fl+=(--loadtasks)
    [ $((RANDOM % 8)) -eq 0 ] && fl+=(--tasks=$W/good/tasks)
    [ $((RANDOM % 10)) -eq 0 ] && fl+=(--npm=grunt-not-installed)
    [ $((RANDOM % 4)) -eq 0 ] && fl+=(--lvl=$((RANDOM % 9)))
    g good "${fl[@]}" "${args[@]}"
    [ $((RANDOM % 5)) -eq 0 ] && rm -rf $W/good/out
  fi
done
rm -rf $W
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > $D/grunt.log
rm -f $RAW
