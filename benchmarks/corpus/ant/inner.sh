#!/bin/bash
# Runs inside `unshare -m -n`: private /tmp and /dev/shm, loopback-only network.
D=/work/round42/ant
R=/tmp/round42-r42d/ant
RAW=$R/raw.log
mkdir -p $R/privtmp/round42-r42d
mount --bind /tmp/round42-r42d $R/privtmp/round42-r42d
mount --rbind $R/privtmp /tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data
rm -rf $R/work $HOME $TMPDIR
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $R/work
export ANT_OPTS="-Djava.io.tmpdir=$TMPDIR"
: > $RAW
RANDOM=${SEED:-4242}
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
A=$D/proj/app
runant() {  # one ant run, its -logfile appended to the one log
  rm -f $R/run.log
  (cd $A && timeout 120 ant -debug -logfile $R/run.log "$@" </dev/null >/dev/null 2>&1)
  [ -f $R/run.log ] && cat $R/run.log >> $RAW
}
rm -f $A/src/demo/Extra.java $A/local.properties
for i in $(seq 1 ${ROUNDS:-40}); do
  c=$(r 100)
  # random changes to the project between builds
  case $(r 10) in
    0) touch $A/src/demo/$(pick Main Util).java ;;
    1) echo "version=2.$(r 9)" > $A/local.properties ;;
    2) rm -f $A/local.properties ;;
  esac
  if   [ $c -lt 14 ]; then runant $(pick "" clean compile dist "clean dist" resources) -Dversion=1.$(r 5)
  elif [ $c -lt 26 ]; then runant run -Drun.arg=$(pick 3 7 12 -1 abc 5) -Drun.strict=$(pick true false)
  elif [ $c -lt 38 ]; then case $(r 6) in
         0) ec=/bin/echo; ea='hello world' ;;
         1) ec=/bin/ls; ea=/tmp/round42-r42d/ant/work ;;
         2) ec=/bin/false; ea='' ;;
         3) ec=/nonexistent/tool; ea='--version' ;;
         4) ec=sh; ea="-c 'exit 3'" ;;
         5) ec=sh; ea="-c 'echo partial output; exit 4'" ;;
       esac
       runant exec -Dexec.cmd=$ec "-Dexec.args=$ea" -Dexec.strict=$(pick true false false)
  elif [ $c -lt 44 ]; then runant package
  elif [ $c -lt 50 ]; then [ $(r 2) = 0 ] && printf 'package demo;\nclass Extra {}\n' > $A/src/demo/Extra.java; runant check; rm -f $A/src/demo/Extra.java
  elif [ $c -lt 56 ]; then runant sub -Dsleep.ms=$(( 50 + $(r 400) ))
  elif [ $c -lt 62 ]; then runant copy-missing
  elif [ $c -lt 74 ]; then runant -f $D/proj/badsrc/build.xml -Dstrict=$(pick true false)
  elif [ $c -lt 82 ]; then runant -f $D/proj/broken/build.xml
  elif [ $c -lt 89 ]; then runant $(pick deploy install test)
  elif [ $c -lt 95 ]; then runant -f $D/proj/badtask/build.xml $(pick all attr)
  else runant clean
  fi
done
rm -f $A/src/demo/Extra.java $A/local.properties
