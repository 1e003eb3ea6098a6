#!/bin/bash
# Randomised workload: borg clients talk to `borg serve` through fakessh.sh (a pipe).
# The client log (stderr of every client, --debug, format from logging.conf) goes to borg.log.
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31m/borg
rm -rf "$T"; mkdir -p "$T"/{srv/restricted,home,data,out}
export SERVE_ROOT=$T/srv HOME=$T/home BORG_BASE_DIR=$T/home
export BORG_RSH="$HERE/fakessh.sh" BORG_LOGGING_CONF="$HERE/logging.conf"
export BORG_PASSPHRASE=correct-horse BORG_RELOCATED_REPO_ACCESS_IS_OK=yes
export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes BORG_CHECK_I_KNOW_WHAT_I_AM_DOING=YES
export BORG_DELETE_I_KNOW_WHAT_I_AM_DOING=YES
LOG=$HERE/borg.log; : > "$LOG"
R() { echo $(( RANDOM % $1 )); }
b() { timeout 120 borg "$@" >>"$T/stdout" 2>>"$LOG" </dev/null; }
mkdata() {
  for i in $(seq $((3 + $(R 8)))); do
    d="$T/data/d$(R 4)"; mkdir -p "$d"
    head -c $(( $(R 60000) + 10 )) /dev/urandom > "$d/f$(R 8).bin"
    seq $(R 5000) > "$d/t$(R 6).txt"
  done
  [ $(R 3) = 0 ] && rm -f "$T/data"/d$(R 4)/f$(R 8).bin
  [ $(R 5) = 0 ] && ln -sf /nonexistent "$T/data/link$(R 3)"
  [ $(R 6) = 0 ] && { mkfifo "$T/data/fifo$(R 3)" 2>/dev/null; }
}
U=ssh://localhost$SERVE_ROOT
encs=(repokey keyfile authenticated none repokey-blake2 authenticated-blake2)
comps=(lz4 zstd,3 zlib,6 lzma,1 none auto,lz4)
n=0
for r in r1 r2 r3; do
  b init --debug -e ${encs[$(R 6)]} $U/$r
done
b init --debug -e repokey ssh://restricted$SERVE_ROOT/restricted/r4
mkdata
while [ $n -lt 75 ]; do
  n=$((n+1)); mkdata
  repo=r$((1 + $(R 3)))
  case $(R 26) in
    0|1|2|3|4|5) b create --debug $( [ $(R 3) = 0 ] && echo --list ) --stats -C ${comps[$(R 6)]} $U/$repo::a$n-{now} "$T/data" ;;
    6) b create --debug --stats --json $U/$repo::a$n "$T/data" ;;
    7|8) b list --debug $U/$repo ;;
    9) a=$(borg list --short $U/$repo 2>/dev/null | shuf -n1); b list --debug $U/$repo::${a:-none} ;;
    10) b info --debug $U/$repo ;;
    11) b check --debug $( [ $(R 2) = 0 ] && echo --verify-data ) $U/$repo ;;
    12) b check --debug --repository-only $U/$repo ;;
    13) b prune --debug --list --stats --keep-last $((1 + $(R 3))) $U/$repo ;;
    14) b compact --debug --threshold $(R 20) $U/$repo ;;
    15) a=$(borg list --short $U/$repo 2>/dev/null | shuf -n1); rm -rf "$T/out"; mkdir -p "$T/out"
        (cd "$T/out" && b extract --debug $U/$repo::${a:-none}) ;;
    16) a=$(borg list --short $U/$repo 2>/dev/null | shuf -n1); b extract --debug --dry-run $U/$repo::${a:-none} ;;
    17) set -- $(borg list --short $U/$repo 2>/dev/null | shuf -n2); b diff --debug $U/$repo::${1:-none} ${2:-none} ;;
    18) a=$(borg list --short $U/$repo 2>/dev/null | shuf -n1); b delete --debug --stats $U/$repo::${a:-none} ;;
    19) case $(R 8) in
          0) BORG_PASSPHRASE=wrong b list --debug $U/$repo ;;
          1) b list --debug $U/nosuchrepo$(R 9) ;;
          2) b list --debug $U/$repo::missing$(R 99) ;;
          3) b init --debug -e none $U/$repo ;;
          4) b list --debug ssh://down.invalid$SERVE_ROOT/$repo ;;
          5) b list --debug ssh://restricted$SERVE_ROOT/$repo ;;
          6) b create --debug $U/$repo::a$n "$T/data/nonexistent$(R 9)" ;;
          7) b list --debug ssh://repos$SERVE_ROOT/r2 ;;
        esac ;;
    20) b with-lock --debug $U/$repo sleep 4 & sleep 1
        b list --debug --lock-wait 1 $U/$repo; b create --debug --lock-wait 1 $U/$repo::lk$n "$T/data"; wait ;;
    21) b delete --debug ssh://appendonly$SERVE_ROOT/$repo::$(borg list --short $U/$repo 2>/dev/null | head -1)
        b create --debug --stats ssh://appendonly$SERVE_ROOT/$repo::ao$n "$T/data" ;;
    22) head -c 12M /dev/urandom > "$T/big.bin"; b create --debug --stats ssh://quota$SERVE_ROOT/$repo::q$n "$T/data" "$T/big.bin"; rm -f "$T/big.bin" ;;
    23) b create --debug --list ssh://restricted$SERVE_ROOT/restricted/r4::x$n-{now} "$T/data"
        b break-lock --debug $U/$repo ;;
    24) a=$(borg list --short $U/$repo 2>/dev/null | shuf -n1); b rename --debug $U/$repo::${a:-none} ren$n ;;
    25) b create --debug --stats $U/$repo::k$n "$T/data" & p=$!; sleep 0.$((3 + $(R 6))); kill -$((2 + 13 * $(R 2))) $p 2>/dev/null; wait
        b break-lock --debug $U/$repo ;;
  esac
done
b key export --debug $U/r1 "$T/key.txt"
b delete --debug $U/r3
rm -rf "$T"
