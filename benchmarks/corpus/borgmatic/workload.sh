#!/bin/bash
# Drives borgmatic 1.7.7 (Debian, with borgbackup 1.2.4) with a randomised workload.
# Runs itself in a private network + mount namespace; log: /work/round43/borgmatic/borgmatic.log
set -m
D=/work/round43/borgmatic
B=/tmp/round43-r43b/borgmatic
if [ "$1" != "--inside" ]; then
  cd $D || exit 1
  exec unshare -n -m --propagation private "$D/workload.sh" --inside
fi
cd $D || exit 1
ip link set lo up
rm -rf $B $D/repos; mkdir -p $B/src $B/tmp $B/home $B/conf $B/restore $D/repos
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/home/.config XDG_CACHE_HOME=$B/home/.cache XDG_DATA_HOME=$B/home/.local/share XDG_RUNTIME_DIR=$B/tmp
RAW=$D/borgmatic-raw.log    # borgmatic --log-file (cut below, then removed)
rm -f $RAW
LOG=$D/borgmatic.log
R() { echo $(( RANDOM % $1 )); }
python3 $D/fakehttp.py 46501 & HTTPPID=$!; trap "kill $HTTPPID 2>/dev/null" EXIT
# source tree
mkfiles() { for ((i=0; i<3+$(R 6); i++)); do d=$B/src/dir$(R 4); mkdir -p $d; head -c $((RANDOM * 4)) /dev/urandom > $d/f$(R 30).bin; done; }
mkdir -p $B/src/dir0 $B/src/dir1 $B/src/dir2 $B/src/dir3; mkfiles; echo "x" > $B/src/skip.tmp
conf() { # name repo passphrase extra-hooks-yaml
cat > $B/conf/$1.yaml <<EOC
location:
    source_directories:
        - $B/src
        - $5
    repositories:
        - $2
    exclude_patterns:
        - '*.tmp'
storage:
    encryption_passphrase: "$3"
    lock_wait: 2
    archive_name_format: 'arch-{now:%Y%m%dT%H%M%S.%f}'
retention:
    keep_within: 1H
    keep_secondly: $((2 + $(R 3)))
    prefix: 'arch-'
consistency:
    checks:
        - name: repository
        - name: archives
          frequency: always
        - name: extract
          frequency: always
    check_last: 2
    prefix: 'arch-'
hooks:
$4
EOC
}
H_OK="    before_backup:
        - 'true'
    after_backup:
        - 'true'
    on_error:
        - 'true'
    healthchecks:
        ping_url: http://127.0.0.1:46501/hc/ok
    cronhub:
        ping_url: http://127.0.0.1:46501/cronhub/start/ok
    cronitor:
        ping_url: http://127.0.0.1:46501/cronitor/ok"
H_MON_BAD="    healthchecks:
        ping_url: http://127.0.0.1:46501/hc/fail
    cronhub:
        ping_url: http://127.0.0.1:46502/cronhub/start/refused
    ntfy:
        topic: r43b
        server: http://127.0.0.1:46501/gone
        finish:
            title: done"
H_FAIL="    before_backup:
        - 'test -e $B/no-such-flag'
    on_error:
        - 'true'"
H_SOFT="    before_backup:
        - 'exit 75'"
H_AFTERFAIL="    after_backup:
        - 'false'
    before_everything:
        - 'true'
    after_everything:
        - 'true'"
conf main $D/repos/main pw-main "$H_OK" $B/src/dir1
conf second $D/repos/second pw-second "$H_MON_BAD" $B/src/dir0
conf plain $D/repos/plain "" "$H_AFTERFAIL" $B/src/dir3
conf badpass $D/repos/main wrong-pass "$H_OK" $B/src/dir2
conf missing $D/repos/does-not-exist pw-x "$H_OK" $B/src/dir2
conf hookfail $D/repos/main pw-main "$H_FAIL" $B/src/dir2
conf softfail $D/repos/main pw-main "$H_SOFT" $B/src/dir2
conf nosrc $D/repos/second pw-second "$H_OK" $B/no-such-source
printf 'location:\n    source_directories: [%s]\n    repositories: [%s]\n    frobnicate: yes\n' $B/src $D/repos/main > $B/conf/invalid.yaml
printf 'location:\n  source_directories:\n  - %s\n repositories: [\n' $B/src > $B/conf/broken.yaml
BM() { borgmatic --log-file $RAW --log-file-verbosity 2 -v -1 "$@" >/dev/null 2>&1 </dev/null; }
BM -c $B/conf/main.yaml rcreate --encryption repokey
BM -c $B/conf/second.yaml init --encryption keyfile
BM -c $B/conf/plain.yaml rcreate --encryption none
BM -c $B/conf/main.yaml create --stats
N=${ROUNDS:-60}
for ((n=0; n<N; n++)); do
  c=main; x=$(R 100)
  if   [ $x -lt 55 ]; then :
  elif [ $x -lt 68 ]; then c=second
  elif [ $x -lt 76 ]; then c=plain
  elif [ $x -lt 80 ]; then c=badpass
  elif [ $x -lt 84 ]; then c=missing
  elif [ $x -lt 88 ]; then c=hookfail
  elif [ $x -lt 91 ]; then c=softfail
  elif [ $x -lt 95 ]; then c=nosrc
  elif [ $x -lt 97 ]; then c=invalid
  else c=broken; fi
  C="-c $B/conf/$c.yaml"
  [ $(R 3) -eq 0 ] && mkfiles
  a=$(R 100)
  if   [ $a -lt 25 ]; then BM $C create $( [ $(R 2) -eq 0 ] && echo --stats ) $( [ $(R 3) -eq 0 ] && echo --list --files )
  elif [ $a -lt 35 ]; then BM $C                       # default: prune, compact, create, check
  elif [ $a -lt 42 ]; then BM $C prune --stats $( [ $(R 2) -eq 0 ] && echo --list )
  elif [ $a -lt 47 ]; then BM $C compact --cleanup-commits
  elif [ $a -lt 55 ]; then BM $C check $( [ $(R 3) -eq 0 ] && echo --only repository )
  elif [ $a -lt 62 ]; then BM $C list $( [ $(R 2) -eq 0 ] && echo --archive latest )
  elif [ $a -lt 67 ]; then BM $C info $( [ $(R 2) -eq 0 ] && echo --last 1 )
  elif [ $a -lt 71 ]; then BM $C rlist
  elif [ $a -lt 74 ]; then BM $C rinfo
  elif [ $a -lt 80 ]; then rm -rf $B/restore/*
       BM $C extract --archive $( [ $(R 4) -eq 0 ] && echo nonexistent-archive || echo latest ) --destination $B/restore $( [ $(R 2) -eq 0 ] && echo --strip-components 2 )
  elif [ $a -lt 83 ]; then BM $C export-tar --archive latest --destination $B/tmp/out.tar
  elif [ $a -lt 86 ]; then BM $C --dry-run create prune
  elif [ $a -lt 89 ]; then BM $C borg break-lock
  elif [ $a -lt 91 ]; then BM $C rcreate --encryption repokey
  elif [ $a -lt 93 ]; then BM $C list --archive no-such-archive
  elif [ $a -lt 95 ]; then BM $C create --json
  elif [ $a -lt 97 ]; then BM -c $B/conf/main.yaml $B/conf/second.yaml create prune
  else  BM $C --override storage.lock_wait=1 location.one_file_system=true create; fi
done
kill $HTTPPID
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $RAW > $LOG
rm -f $RAW
rm -rf $D/repos $B/restore
