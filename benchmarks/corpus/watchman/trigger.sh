#!/bin/sh
# trigger command: reads the changed file list, fails now and then
cat > /dev/null
[ $(( $(date +%N | sed 's/^0*//;s/^$/0/') % 3 )) -eq 0 ] && exit 2
exit 0
