#!/bin/sh
# external MRTG target: prints in, out, uptime, name (sometimes garbage or failure)
case $(( $(od -An -N1 -tu1 /dev/urandom) % 6 )) in
  0) echo "not-a-number"; echo 12; exit 0 ;;
  1) exit 3 ;;
  *) echo $(( $(date +%s) % 100000 )); echo $(( $(date +%s) % 77777 )); echo "3 days"; echo "probe" ;;
esac
