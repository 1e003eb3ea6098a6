#!/bin/sh
# NotifyCommand: fails at random so both outcomes are exercised
[ $(( $(od -An -N1 -tu1 /dev/urandom) % 3 )) -eq 0 ] && exit 1
exit 0
