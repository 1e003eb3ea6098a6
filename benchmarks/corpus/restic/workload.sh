#!/bin/bash
# Drives restic 0.14.0 (Debian) with -vv on local repositories under /tmp/round40-r40b/restic,
# in private mount+network namespaces; stdout and stderr of every run go to one log.
set -u
HERE=/work/round40/restic
R=/tmp/round40-r40b/restic
if [ "${1:-}" != inner ]; then
  cd "$HERE" || exit 1
  rm -rf "$R"; mkdir -p "$R"
  unshare -m -n --propagation private "$HERE/workload.sh" inner
  sed -n '1,2500p' "$R/raw.log" > "$HERE/restic.log"
  wc -l "$HERE/restic.log"
  exit 0
fi
cd "$HERE" || exit 1
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/xdg/cache XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_RUNTIME_DIR=$R/xdg/run
export RESTIC_CACHE_DIR=$R/cache
unset RESTIC_REPOSITORY RESTIC_PASSWORD RESTIC_PASSWORD_FILE
mkdir -p $HOME $TMPDIR $R/xdg/cache $R/xdg/config $R/xdg/data $R/xdg/run $R/cache $R/data $R/restore
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
LOG=$R/raw.log
RANDOM=$$
echo "correct horse $RANDOM" > $R/pw
echo "wrong battery" > $R/badpw
echo "second key $RANDOM" > $R/pw2
: > $R/empty
REPO=$R/repo
rs() { restic -vv "$@" >> $LOG 2>&1; }
r() { rs -r $REPO --password-file $R/pw "$@"; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
DIRS=(docs src src/lib photos)
mkfile() { local d=$R/data/$(pick "${DIRS[@]}"); mkdir -p $d; head -c $((RANDOM % 60000 + 1)) /dev/urandom > $d/$(pick a b c d e f g h notes report img main util)$((RANDOM % 5)).$(pick txt bin dat go jpg); }
change_data() {
  for i in $(seq 1 $((RANDOM % 4))); do mkfile; done
  f=$(find $R/data -type f | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$f" ] && [ $((RANDOM % 2)) = 0 ] && rm -f "$f"
  f=$(find $R/data -type f | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$f" ] && echo "edit $RANDOM" >> "$f"
  [ $((RANDOM % 5)) = 0 ] && touch $R/data/docs/* 2>/dev/null
  return 0
}
# keep the tree small: at most 14 files
trim_data() { find $R/data -type f | sort | sed -n '15,$p' | xargs -r rm -f; }
latest_id() { restic -r $REPO --password-file $R/pw snapshots --json 2>/dev/null | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s[-1]["short_id"] if s else "")'; }
some_id() { restic -r $REPO --password-file $R/pw snapshots --json 2>/dev/null | python3 -c 'import json,sys,random; s=json.load(sys.stdin); random.seed(int(sys.argv[1])); print(random.choice(s)["short_id"] if s else "")' $RANDOM; }
damage() {  # a damaged copy of the repository
  local d=$R/dmg$1; rm -rf $d; cp -a $REPO $d
  local kind; kind=$(pick pack pack index snapshot snapshotdel packdel key config lock)
  local f
  case $kind in
    pack) f=$(find $d/data -type f | shuf -n1 --random-source=<(yes $RANDOM)); printf 'garbage%05d' $RANDOM | dd of=$f bs=1 seek=$((RANDOM % 200 + 40)) conv=notrunc status=none;;
    packdel) find $d/data -type f | shuf -n1 --random-source=<(yes $RANDOM) | xargs -r rm -f;;
    index) f=$(find $d/index -type f | head -1); printf 'XXXXXXXX' | dd of=$f bs=1 seek=20 conv=notrunc status=none;;
    snapshot) f=$(find $d/snapshots -type f | shuf -n1 --random-source=<(yes $RANDOM)); head -c 40 $f > $f.x; mv $f.x $f;;
    snapshotdel) find $d/snapshots -type f | head -1 | xargs -r rm -f;;
    key) for f in $d/keys/*; do printf '{"broken":' > $f; done;;
    config) printf 'not a config' > $d/config;;
    lock) mkdir -p $d/locks; head -c 64 /dev/urandom > $d/locks/$(head -c 32 /dev/urandom | sha256sum | cut -c1-64);;
  esac
  rs -r $d --password-file $R/pw $(pick "check" "check --read-data" "snapshots" "ls latest" "restore latest --target $R/restore/dmg$1" "check --read-data-subset=1/2" "prune" "stats")
  [ $((RANDOM % 2)) = 0 ] && rs -r $d --password-file $R/pw check --read-data
  [ $((RANDOM % 3)) = 0 ] && rs -r $d --password-file $R/pw rebuild-index
  rm -rf $d $R/restore/dmg$1
}
lockheld() {  # a backup from a stream holds a lock while other commands run; it ends, is interrupted or dies
  rm -f $R/fifo; mkfifo $R/fifo
  sleep 4 > $R/fifo & local SPID=$!
  restic -vv -r $REPO --password-file $R/pw backup --stdin --stdin-filename stream-$RANDOM.bin < $R/fifo >> $LOG 2>&1 & local BPID=$!
  sleep 1
  r $(pick prune "forget --keep-last 3" "check" "unlock" "backup $R/data")
  case $((RANDOM % 3)) in
    0) wait $BPID;;
    1) kill -INT $BPID; wait $BPID;;
    2) kill -KILL $BPID; wait $BPID 2>/dev/null; r $(pick prune check "unlock" "forget --keep-last 5");;
  esac
  kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; rm -f $R/fifo
}
for i in 1 2 3 4 5 6; do mkfile; done
rs -r $REPO --password-file $R/empty init
r init
r init
r backup $R/data
N=$((RANDOM % 15 + 95))
for it in $(seq 1 $N); do
  case $(pick backup backup backup backup snapshots ls restore check check forget forget prune wrongpw norepo stats find tag key unlock damage damage damage damage dryrun exclude lockheld lockheld) in
    backup) change_data; trim_data; r backup $R/data $( [ $((RANDOM%3)) = 0 ] && echo --tag $(pick daily weekly manual) ) $( [ $((RANDOM%4)) = 0 ] && echo --host $(pick alpha beta) );;
    dryrun) change_data; trim_data; r backup --dry-run $R/data;;
    exclude) change_data; trim_data; r backup --exclude "*.$(pick jpg bin dat)" $R/data;;
    snapshots) r snapshots $( [ $((RANDOM%3)) = 0 ] && echo --compact ) ;;
    ls) r ls $(pick latest $(some_id));;
    restore) rm -rf $R/restore/t; r restore $(pick latest $(some_id)) --target $R/restore/t $( [ $((RANDOM%3)) = 0 ] && echo --include /docs ) $( [ $((RANDOM%3)) = 0 ] && echo --verify );;
    check) r check $(pick "" "" --read-data --read-data-subset=1/3 --read-data-subset=20% --with-cache);;
    forget) r forget $(pick "--keep-last $((RANDOM%4+1))" "--keep-within 1m" "--keep-tag daily" "--keep-last $((RANDOM%3+2))" "$(some_id)") $( [ $((RANDOM%2)) = 0 ] && echo --prune ) $( [ $((RANDOM%4)) = 0 ] && echo --dry-run );;
    prune) r prune $(pick "" "" --dry-run "--max-unused 0" "--max-repack-size 1k");;
    wrongpw) rs -r $REPO --password-file $R/badpw $(pick snapshots "backup $R/data" check "ls latest");;
    norepo) rs --repository-file $R/missing-$RANDOM --password-file $R/pw $(pick snapshots check "backup $R/data");;
    stats) r stats $(pick "" "--mode raw-data" "--mode files-by-contents" "--mode blobs-per-file" latest);;
    find) r find "$(pick '*.txt' 'main*' 'nothere' '*.go')";;
    tag) r tag $(pick "--add important" "--remove daily" "--set manual") $(some_id);;
    key) case $((RANDOM%2)) in 0) r key add --new-password-file $R/pw2;; 1) rs -r $REPO --password-file $R/pw2 snapshots;; esac;;
    unlock) r unlock $( [ $((RANDOM%2)) = 0 ] && echo --remove-all );;
    damage) damage $it;;
    lockheld) lockheld;;
  esac
done
r check --read-data
