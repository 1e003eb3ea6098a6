#!/bin/sh
# backup_script: writes a few files into the current (temporary) directory
# mode from env file next to this script
D=$(dirname "$0")
MODE=$(cat "$D/work/bscript.mode" 2>/dev/null || echo ok)
date +%s > stamp.txt
echo "host=$(hostname) r=$(od -An -N2 -tu2 /dev/urandom)" > info.txt
[ $(( $(od -An -N1 -tu1 /dev/urandom) % 2 )) -eq 0 ] && echo extra > extra.txt
case "$MODE" in
  fail) exit 3 ;;
  slow) sleep 4 ;;
esac
exit 0
