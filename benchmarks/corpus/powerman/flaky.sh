#!/bin/sh
# vpcd that lives a random while, then dies in one of several ways
t=$(( $(od -An -N2 -tu2 /dev/urandom) % 40 + 5 ))
case $(( t % 3 )) in
  0) timeout -s KILL $t /usr/sbin/vpcd; exit 3 ;;
  1) timeout -s TERM $t /usr/sbin/vpcd; exit 0 ;;
  2) timeout -s KILL $t /usr/sbin/vpcd; kill -KILL $$ ;;
esac
