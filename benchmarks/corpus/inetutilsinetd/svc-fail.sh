#!/bin/sh
# inetd test service: read one datagram/line, exit with the given status
head -c 1 >/dev/null 2>&1
exit ${1:-1}
