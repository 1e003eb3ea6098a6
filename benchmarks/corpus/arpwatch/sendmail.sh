#!/bin/sh
# stand-in for sendmail: swallow the report, sometimes fail
cat > /dev/null
exit $(( $(od -An -N1 -tu1 /dev/urandom) % 4 == 0 ? 75 : 0 ))
