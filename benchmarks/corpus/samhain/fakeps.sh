#!/bin/sh
# ps replacement for samhain's process check: lists only low PIDs (kernel
# threads of this machine), sometimes hides one of them or adds a PID that
# does not exist, so that samhain sees hidden and fake processes.
W=/work/round29/samhain/work
MODE=$(cat "$W/ps.mode" 2>/dev/null || echo normal)
ps -eT | awk -v mode="$MODE" '
  NR == 1 { print; next }
  $2 > 10 { next }
  mode == "hide" && $2 == 7 { next }
  { print }
  END { if (mode == "fake") printf "%5d %5d %-8s %s %s\n", 9, 9, "?", "00:00:00", "ghostd" }'
