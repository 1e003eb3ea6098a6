#!/bin/sh
# local sendmail stand-in for the rss2email workload: swallows the message, fails now and then
cat > /dev/null
case $((`od -An -N1 -tu1 /dev/urandom` % 10)) in
  0) exit 75 ;;
esac
exit 0
