#!/bin/bash
# Randomised workload for rsnapshot (Debian 12). Everything lives under ./work.
D=/work/round30/rsnapshot
W=$D/work
RAW=$W/rsnapshot.raw.log
RS=/usr/bin/rsnapshot
PORT=35100
rm -rf "$W"; mkdir -p "$W"/{data,snaps,conf,run}
T=$'\t'
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
chance() { [ $((RANDOM % 100)) -lt "$1" ]; }

# ---- source trees ----
mk_tree() { # dir nfiles
  mkdir -p "$1/sub/deep"
  for i in $(seq 1 "$2"); do head -c $((RANDOM % 2000 + 10)) /dev/urandom > "$1/file$i.dat"; done
  echo "note $RANDOM" > "$1/sub/readme.txt"; echo tmp > "$1/scratch.tmp"
  echo deep > "$1/sub/deep/x.cfg"
}
mk_tree "$W/data/src1" 5; mk_tree "$W/data/src2" 4; mk_tree "$W/data/src3" 3
mkdir -p "$W/data/src4/sub"; echo a > "$W/data/src4/a.txt"; echo b > "$W/data/src4/sub/b.txt"
ln -s a.txt "$W/data/src4/link-to-a"
mk_tree "$W/data/pub" 3; mkdir -p "$W/data/secret"; echo s > "$W/data/secret/open.txt"
echo hidden > "$W/data/secret/locked.bin"; chmod 600 "$W/data/secret/locked.bin"
mutate() { # change sources between runs
  local s; s=$(pick src1 src2 src3 src4 pub)
  case $((RANDOM % 4)) in
    0) echo "$RANDOM" >> "$W/data/$s/sub/readme.txt" ;;
    1) head -c 300 /dev/urandom > "$W/data/$s/new$RANDOM.dat" ;;
    2) f=$(ls "$W/data/$s"/*.dat 2>/dev/null | head -1); [ -n "$f" ] && rm -f "$f" ;;
    3) touch "$W/data/$s/sub/deep/x.cfg" 2>/dev/null ;;
  esac
}

# ---- rsync daemon as a remote backend ----
cat > "$W/rsyncd.conf" <<EOC
pid file = $W/run/rsyncd.pid
use chroot = no
[pub]
  path = $W/data/pub
  read only = yes
[secret]
  path = $W/data/secret
  read only = yes
  uid = nobody
  gid = nogroup
EOC
RSYNCD_PID=
start_rsyncd() { [ -n "$RSYNCD_PID" ] && return; rsync --daemon --no-detach --address=127.0.0.1 --port=$PORT --config="$W/rsyncd.conf" --log-file="$W/rsyncd.log" & RSYNCD_PID=$!; sleep 0.3; }
stop_rsyncd() { [ -z "$RSYNCD_PID" ] && return; kill "$RSYNCD_PID"; wait "$RSYNCD_PID" 2>/dev/null; RSYNCD_PID=; rm -f "$W/run/rsyncd.pid"; }

common() { # lockfile
  printf 'config_version\t1.2\n'
  printf 'logfile\t%s\n' "$RAW"
  printf 'loglevel\t5\nverbose\t1\n'
  printf 'cmd_rsync\t/usr/bin/rsync\ncmd_du\t/usr/bin/du\n'
  printf 'lockfile\t%s\n' "$1"
}

conf_a() { # main config: cp -al, scripts, hooks, remote module
  local c=$W/conf/a.conf
  {
    common "$W/run/a.pid"
    printf 'snapshot_root\t%s/snaps/a/\n' "$W"
    printf 'cmd_cp\t/bin/cp\ncmd_rm\t/bin/rm\n'
    chance 30 && printf 'use_lazy_deletes\t1\n'
    chance 20 && printf 'stop_on_stale_lockfile\t1\n'
    printf 'retain\talpha\t3\nretain\tbeta\t2\nretain\tgamma\t2\n'
    printf 'cmd_preexec\t%s/hook.sh pre %s\n' "$D" "$(pick 0 0 0 0 0 0 0 1 2)"
    printf 'cmd_postexec\t%s/hook.sh post %s\n' "$D" "$(pick 0 0 0 0 0 0 0 4)"
    printf 'backup\t%s/data/src1/\tlocal1/\n' "$W"
    printf 'backup\t%s/data/src2/\tlocal2/\texclude=*.tmp\n' "$W"
    chance 70 && printf 'backup_script\t%s/bscript.sh\tscripted/\n' "$D"
    chance 60 && printf 'backup\trsync://127.0.0.1:%s/%s/\tremote/\n' "$PORT" "$(pick pub pub pub secret nomod)"
    chance 40 && printf 'backup_exec\t%s/hook.sh exec %s\t%s\n' "$D" "$(pick 0 0 1 5)" "$(pick optional required)"
    chance 10 && printf 'backup\t%s/data/src3/\tbad/\trsync_long_args=--no-such-option\n' "$W"
  } > "$c"
}

conf_b() { # sync_first + link_dest + lazy deletes, native copy
  local c=$W/conf/b.conf
  {
    common "$W/run/b.pid"
    printf 'snapshot_root\t%s/snaps/b/\n' "$W"
    printf 'cmd_cp\t/bin/cp\ncmd_rm\t/bin/rm\n'
    printf 'sync_first\t1\nlink_dest\t1\nuse_lazy_deletes\t1\n'
    printf 'retain\talpha\t3\nretain\tbeta\t2\n'
    printf 'backup\t%s/data/src1/\tone/\n' "$W"
    printf 'backup\t%s/data/src3/\tthree/\n' "$W"
    chance 15 && printf 'rsync_long_args\t--delete --numeric-ids --bogus-flag\n'
  } > "$c"
}

conf_c() { # no cmd_cp / cmd_rm: native perl copy and delete
  local c=$W/conf/c.conf
  {
    common "$W/run/c.pid"
    printf 'snapshot_root\t%s/snaps/c/\n' "$W"
    printf 'retain\talpha\t2\nretain\tbeta\t2\n'
    printf 'backup\t%s/data/src4/\tsmall/\n' "$W"
  } > "$c"
}

conf_bad() { # config with random mistakes (logfile first so the errors are logged)
  local c=$W/conf/bad.conf
  {
    common "$W/run/bad.pid"
    printf 'snapshot_root\t%s/snaps/bad/\n' "$W"
    for n in 1 2 3; do
      case $((RANDOM % 17)) in
        0) printf 'retain a 4\n' ;;
        1) printf 'retain\talpha\n' ;;
        2) printf 'retain\talpha\tx9\n' ;;
        3) printf 'retain\tb\t 2\n' ;;
        4) printf 'sync_first\t3\n' ;;
        5) printf 'lockfile\trel.pid\n' ;;
        6) printf 'backup\t/nx/d%s/\tx/\n' "$RANDOM" ;;
        7) printf 'backup\t/\t/a/\n' ;;
        8) printf 'cmd_cp\t/bin/nope%s\n' "$RANDOM" ;;
        9) printf 'config_version\t7.7\n' ;;
        10) printf 'verbose\t9\n' ;;
        11) printf 'loglevel\t0\n' ;;
        12) printf 'include_file\tx\n' ;;
        13) printf 'backup\t/tmp/\t../up/\n' ;;
        14) printf 'rsync_short_args\tv\n' ;;
        15) printf 'backup_exec\ttrue\tmaybe\n' ;;
        16) printf 'snapshot_root\trel/\n' ;;
      esac
    done
    chance 50 && printf 'retain\talpha\t2\n'
    chance 50 && printf 'backup\t%s/data/src1/\tok/\n' "$W"
  } > "$c"
}

conf_nocreate() {
  local c=$W/conf/nc.conf
  { common "$W/run/nc.pid"; printf 'snapshot_root\t%s/snaps/missing%s/\n' "$W" "$RANDOM"
    printf 'no_create_root\t1\nretain\talpha\t2\n'; printf 'backup\t%s/data/src1/\tl/\n' "$W"; } > "$c"
}

run() { "$RS" -c "$@" >/dev/null 2>&1; }

start_rsyncd
for iter in $(seq 1 140); do
  chance 30 && mutate
  chance 8 && { if [ -n "$RSYNCD_PID" ]; then stop_rsyncd; else start_rsyncd; fi; }
  echo "$(pick ok ok ok ok ok fail slow)" > "$W/bscript.mode"
  [ "$(cat "$W/bscript.mode")" = slow ] && ! chance 50 && echo ok > "$W/bscript.mode"
  r=$((RANDOM % 100))
  if   [ $r -lt 30 ]; then conf_a; run "$W/conf/a.conf" alpha
  elif [ $r -lt 38 ]; then conf_a; run "$W/conf/a.conf" "$(pick beta beta gamma)"
  elif [ $r -lt 50 ]; then conf_b; run "$W/conf/b.conf" sync; chance 70 && run "$W/conf/b.conf" alpha
  elif [ $r -lt 54 ]; then conf_b; run "$W/conf/b.conf" beta
  elif [ $r -lt 57 ]; then conf_c; run "$W/conf/c.conf" "$(pick alpha alpha alpha beta)"
  elif [ $r -lt 66 ]; then conf_bad; run "$W/conf/bad.conf" alpha
  elif [ $r -lt 68 ]; then conf_nocreate; run "$W/conf/nc.conf" alpha
  elif [ $r -lt 71 ]; then conf_a; run "$W/conf/a.conf" "$(pick zeta sync du)"
  elif [ $r -lt 75 ]; then # stale lockfile
    conf_a; echo 4999999 > "$W/run/a.pid"; run "$W/conf/a.conf" alpha; rm -f "$W/run/a.pid"
  elif [ $r -lt 79 ]; then # lockfile held by a live process
    conf_a; sleep 30 & SP=$!; echo $SP > "$W/run/a.pid"; run "$W/conf/a.conf" alpha; kill $SP; wait $SP 2>/dev/null; rm -f "$W/run/a.pid"
  elif [ $r -lt 85 ]; then # signal in the middle of a run
    conf_a; echo slow > "$W/bscript.mode"
    grep -q bscript "$W/conf/a.conf" || printf 'backup_script\t%s/bscript.sh\tscripted/\n' "$D" >> "$W/conf/a.conf"
    "$RS" -c "$W/conf/a.conf" alpha >/dev/null 2>&1 & RP=$!
    sleep 1.5; kill -"$(pick TERM TERM ABRT)" $RP 2>/dev/null; wait $RP 2>/dev/null; sleep 3
  elif [ $r -lt 88 ]; then # two concurrent runs on the same lockfile
    conf_a; echo slow > "$W/bscript.mode"
    grep -q bscript "$W/conf/a.conf" || printf 'backup_script\t%s/bscript.sh\tscripted/\n' "$D" >> "$W/conf/a.conf"
    "$RS" -c "$W/conf/a.conf" alpha >/dev/null 2>&1 & RP=$!
    sleep 1; run "$W/conf/a.conf" beta; wait $RP
  else conf_a; run "$W/conf/a.conf" alpha
  fi
done
stop_rsyncd
head -n 2500 "$RAW" > "$D/rsnapshot.log"
wc -l "$RAW" "$D/rsnapshot.log"
