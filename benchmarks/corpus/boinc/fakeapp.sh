#!/bin/sh
# fake science app: sleep, write output through the soft link, finish
sleep $(( $(od -An -N1 -tu1 /dev/urandom) % 8 + 2 ))
f=$(sed -n 's:.*<soft_link>\(.*\)</soft_link>.*:\1:p' out 2>/dev/null)
r=$(od -An -N1 -tu1 /dev/urandom)
if [ $((r % 7)) -eq 0 ]; then echo "crash" >&2; exit 3; fi
if [ -n "$f" ] && [ $((r % 5)) -ne 0 ]; then echo "result $r" > "$f"; fi
echo 0 > boinc_finish_called
exit 0
