#!/bin/sh
# intake program for ezstream: prints a file name to stream (sometimes a bad one)
r=$(( $(od -An -N1 -tu1 /dev/urandom) % 12 ))
case "$r" in
  0) echo "/tmp/round36-r36c/ez/music/missing.ogg" ;;
  1) exit 2 ;;
  2) echo "" ;;
  *) ls /tmp/round36-r36c/ez/music/track*.ogg | shuf -n1 ;;
esac
