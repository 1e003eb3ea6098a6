#!/bin/bash
# Randomised workload: rdiff-backup clients back up a changing tree into a repository served by
# `rdiff-backup server` (started through fakessh.sh, a pipe).  The repository's own log file
# (rdiff-backup-data/backup.log, verbosity 9) is copied to rdiffbackup.log at the end.
HERE=$(cd "$(dirname "$0")" && pwd)
export RD_ROOT=/tmp/round31-r31m/rd
rm -rf "$RD_ROOT"; mkdir -p "$RD_ROOT"/{src,jail,out}
export PYTHONUNBUFFERED=1
S="$RD_ROOT/src"; REPO=localhost::$RD_ROOT/repo
R() { echo $(( RANDOM % $1 )); }
rb() { timeout 120 rdiff-backup -v9 --terminal-verbosity 3 --remote-schema "$HERE/fakessh.sh {h}" "$@" >>"$RD_ROOT/term.out" 2>&1 </dev/null; }
change() {
  for i in $(seq $((1 + $(R 3)))); do
    d="$S/dir$(R 3)/sub$(R 2)"; mkdir -p "$d"
    case $(R 10) in
      0|1|2) seq $(R 3000) > "$d/list$(R 6).txt" ;;
      3|4) head -c $(( $(R 200000) + 1 )) /dev/urandom > "$d/blob$(R 4).bin" ;;
      5) f=$(find "$S" -type f | shuf -n1); [ -n "$f" ] && echo "edit $RANDOM" >> "$f" ;;
      6) f=$(find "$S" -type f | shuf -n1); [ -n "$f" ] && rm -f "$f" ;;
      7) f=$(find "$S" -type f | shuf -n1); [ -n "$f" ] && ln -f "$f" "$d/hard$(R 3)" ;;
      8) ln -sfn "../target$(R 4)" "$d/link$(R 3)"; [ $(R 3) = 0 ] && mkfifo "$d/pipe$(R 2)" 2>/dev/null ;;
      9) f=$(find "$S" -type f | shuf -n1); [ -n "$f" ] && chmod $((4 + $(R 4)))$(R 8)4 "$f"; touch -d "@$(( 1700000000 + $(R 90000000) ))" "$d" ;;
    esac
  done
  [ $(R 8) = 0 ] && rm -rf "$S/dir$(R 3)"
  [ $(R 10) = 0 ] && { mknod "$S/dev$(R 2)" c 1 3 2>/dev/null; touch "$S/dir0/.nobackup" 2>/dev/null; }
  [ $(R 12) = 0 ] && rm -f "$S"/dev* "$S"/dir0/.nobackup
  [ $(R 9) = 0 ] && { mkdir -p "$S/old"; echo old > "$S/old/f$(R 3)"; touch -d "1969-0$((1 + $(R 9)))-15" "$S/old/f$(R 3)" 2>/dev/null; }
  true
}
change; change
n=0
while [ $n -lt 40 ]; do
  n=$((n+1)); change; sleep 1
  case $(R 15) in
    0|1|2|3|4) rb backup "$S" $REPO ;;
    5) rb backup --exclude "**/blob*" --exclude-fifos "$S" $REPO ;;
    6) rb backup --exclude-regexp 'list[0-3]' --max-file-size 100000 "$S" $REPO ;;
    7) rb backup --exclude-if-present .nobackup --exclude-device-files --exclude-symbolic-links "$S" $REPO ;;
    8) rb backup --print-statistics --no-compression "$S" $REPO ;;
    9) rb backup --no-hard-links --no-file-statistics "$S" $REPO ;;
    10) head -c 100M /dev/urandom > "$S/huge.bin"   # interrupted backup: the next one regresses
        setsid rdiff-backup -v9 --terminal-verbosity 3 --remote-schema "$HERE/fakessh.sh {h}" backup "$S" $REPO >>"$RD_ROOT/term.out" 2>&1 </dev/null & p=$!
        sleep 0.$((5 + $(R 4))); kill -9 -- -$p 2>/dev/null; wait $p; rm -f "$S/huge.bin" ;;
    11) rb backup --force --current-time $(( $(date +%s) - 86400 * (1 + $(R 30)) )) "$S" $REPO ;;
    12) rb remove increments --older-than $(( 1 + $(R 20) ))s $REPO; rb backup "$S" $REPO ;;
    13) rb regress $REPO; rb backup --compare-inode "$S" $REPO ;;
    14) rb backup "$S" $REPO & sleep 0.5; rb backup "$S" $REPO; wait ;;
  esac
  case $(R 6) in
    0) rb restore --at $(( $(R 5) ))B $REPO/dir$(R 3) "$RD_ROOT/out/r$n" ;;
    1) rb list increments $REPO; rb list files --changed-since 1m $REPO ;;
    2) rb verify $REPO ;;
    3) rb compare "$S" $REPO ;;
    4) rb backup "$S/missing$(R 9)" $REPO; rb backup "$S" ro::$RD_ROOT/repo ;;
    5) rb backup "$S" down.invalid::$RD_ROOT/repo; rb calculate average $RD_ROOT/repo/rdiff-backup-data/session_statistics.* ;;
  esac
done
cp "$RD_ROOT/repo/rdiff-backup-data/backup.log" "$HERE/rdiffbackup.log"
rm -rf "$RD_ROOT"
