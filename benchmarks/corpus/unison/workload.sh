#!/bin/bash
# Randomised workload for unison 2.52.1 (Debian): local synchronisations between two directory
# trees of ours, run as uid/gid 65534 (so permission errors happen) in a private network namespace,
# text UI in batch mode, debug traces on (-debug NAME ...). unison's stderr -> unison.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round38-r38c/unison
LOG=$HERE/unison.log
: > "$LOG"
rm -rf $R; mkdir -p $R/home/.unison $R/tmp $R/xdg/config $R/xdg/data $R/xdg/cache $R/xdg/state $R/a $R/b
chown -R 65534:65534 $R
A=$R/a; B=$R/b
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(rnd ${#a[@]})]}"; }
DIRS=(. docs src src/lib photos notes)
TRACES=(recon files copy props fpcache stasher pred globals)

as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

mutate() {  # mutate ROOT: create, change, delete a few files
  local root=$1 n i d f
  n=$(( 1 + $(rnd 4) ))
  for ((i = 0; i < n; i++)); do
    d=$root/$(pick "${DIRS[@]}"); f=$d/$(pick readme.txt todo.md main.c util.h img.jpg data.csv notes.org x.bak).$(rnd 4)
    case $(rnd 7) in
      0|1|2) as mkdir -p "$d"; head -c $(( 1 + $(rnd 3000) )) /dev/urandom | as tee "$f" >/dev/null 2>&1 ;;
      3) [ -f "$f" ] && echo "edit $RANDOM" | as tee -a "$f" >/dev/null ;;
      4) as rm -f "$f" ;;
      5) [ -d "$d" ] && [ "$d" != "$root/." ] && [ $(rnd 4) = 0 ] && as rm -rf "$d" ;;
      6) [ -f "$f" ] && as chmod $(pick 600 640 755 444) "$f" ;;
    esac
  done
}

sync() {  # sync EXTRA-ARGS...
  local args=(-batch) t
  for t in "${TRACES[@]}"; do [ $(rnd 4) != 0 ] && args+=(-debug "$t"); done
  HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data \
    XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state UNISON=$R/home/.unison \
    timeout 60 unshare -n setpriv --reuid=65534 --regid=65534 --clear-groups \
    unison "$@" "${args[@]}" >/dev/null 2>>"$LOG"
}

cat > $R/home/.unison/good.prf <<PRF
root = $A
root = $B
ignore = Name *.bak
times = true
PRF
cat > $R/home/.unison/bad.prf <<PRF
root = $A
root = $B
frobnicate = true
PRF
cat > $R/home/.unison/broken.prf <<PRF
root = $A
this line has no equals sign
PRF
cat > $R/home/.unison/incl.prf <<PRF
include nosuchfile
root = $A
root = $B
PRF
chown -R 65534:65534 $R/home

ROUNDS=${ROUNDS:-34}   # the kept log is the first 2500 lines of this run
for ((round = 0; round < ROUNDS; round++)); do
  [ $(rnd 3) != 0 ] && mutate $A
  [ $(rnd 2) = 0 ] && mutate $B
  if [ $(rnd 4) = 0 ]; then   # same file changed on both sides: a conflict
    f=$(pick docs/c.txt notes/c.org c.txt); as mkdir -p "$(dirname $A/$f)" "$(dirname $B/$f)"
    echo "left $RANDOM" | as tee "$A/$f" >/dev/null; echo "right $RANDOM" | as tee "$B/$f" >/dev/null
  fi
  locked=""
  if [ $(rnd 6) = 0 ]; then   # a file unison cannot read
    locked=$(find $A -type f 2>/dev/null | shuf -n1); [ -n "$locked" ] && chmod 000 "$locked"
  fi
  ro=""
  if [ $(rnd 7) = 0 ]; then   # a target directory it cannot write
    ro=$(find $B -mindepth 1 -type d 2>/dev/null | shuf -n1); [ -n "$ro" ] && chmod 555 "$ro"
  fi
  case $(rnd 16) in
    0|1|2|3|4) sync $A $B ;;
    5|6) sync $A $B -prefer newer ;;
    7) sync $A $B -prefer $A -backup 'Name *' ;;
    8) sync good ;;
    9) sync $A $B -ignore 'Name *.jpg' -ignore 'Path src/lib' ;;
    10) sync $A $B -force $B -times ;;
    11) sync bad ;;
    12) sync $(pick broken incl nosuchprofile) ;;
    13) sync $A $R/missing.$(rnd 9) ;;
    14) sync $A $B -copyonconflict ;;
    15) sync $A $B -nodeletion $A -perms 0 ;;
  esac
  [ -n "$locked" ] && chmod 644 "$locked"
  [ -n "$ro" ] && chmod 755 "$ro"
done
