#!/bin/bash
# Stand-in service binary for ARM: lives a short random time, then exits with a random status.
sleep "0.$((RANDOM % 9 + 1))"
case $((RANDOM % 4)) in
  0) exit 0 ;;
  1) exit $((1 + RANDOM % 5)) ;;
  2) kill -SEGV $$ ;;
  3) kill -TERM $$ ;;
esac
