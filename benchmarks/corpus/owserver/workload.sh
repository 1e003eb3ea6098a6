#!/bin/bash
# Randomised workload for owserver on simulated 1-wire buses, driven by the ow-shell clients.
D=/work/round36/owserver; R=/tmp/round36-r36b/ow; LOG=$R/owserver.log
mkdir -p $R; cd $R
S=127.0.0.1:46701
start() { owserver -c $D/owfs.conf --foreground --error_level=9 --error_print=2 "$@" >> $LOG 2>&1 & OPID=$!; echo $OPID >> $R/pids; sleep 1; }
stop() { kill -${1:-TERM} $OPID; wait $OPID 2>/dev/null; }
# a bad start: unknown option, and a port already taken
owserver -c $D/owfs.conf --foreground --error_level=9 --error_print=2 --no_such_option >> $LOG 2>&1
start
DEVS=$(owdir -s $S / | grep -E '^/[0-9A-F]{2}\.')
rdev() { shuf -n1 -e $DEVS; }
owserver -c $D/owfs.conf --foreground --error_level=9 --error_print=2 -p 127.0.0.1:46701 >> $LOG 2>&1 &
sleep 2; kill $! 2>/dev/null; wait $! 2>/dev/null
N=${1:-40}
for i in $(seq 1 $N); do
  r=$((RANDOM % 100)); d=$(rdev)
  if   [ $r -lt 14 ]; then owread -s $S $d/temperature
  elif [ $r -lt 22 ]; then owread -s $S /uncached$d/type
  elif [ $r -lt 28 ]; then owget -s $S $d/address
  elif [ $r -lt 33 ]; then owdir -s $S $d
  elif [ $r -lt 36 ]; then owdir -s $S /bus.$((RANDOM % 3))
  elif [ $r -lt 40 ]; then owread -s $S /statistics/errors/$(shuf -n1 -e CRC8_errors read_timeout max_delay)
  elif [ $r -lt 44 ]; then owread -s $S /settings/timeout/$(shuf -n1 -e volatile stable directory presence)
  elif [ $r -lt 48 ]; then owwrite -s $S /settings/timeout/volatile $((RANDOM % 20 + 1))
  elif [ $r -lt 53 ]; then owwrite -s $S $d/PIO.$(shuf -n1 -e A 0 1 ALL) $((RANDOM % 2))
  elif [ $r -lt 57 ]; then owwrite -s $S $d/temphigh $((RANDOM % 150 - 20))
  elif [ $r -lt 61 ]; then owwrite -s $S $d/type foo
  elif [ $r -lt 65 ]; then owread -s $S /10.000000000000/temperature
  elif [ $r -lt 68 ]; then owread -s $S /nosuchdir/thing
  elif [ $r -lt 71 ]; then owread -s $S $d/no_such_property
  elif [ $r -lt 74 ]; then owread -s $S /system/process/pid
  elif [ $r -lt 76 ]; then owread -s $S /structure/$(echo $d | cut -c2-3)/temperature
  elif [ $r -lt 80 ]; then owread -s $S /simultaneous/temperature
  elif [ $r -lt 83 ]; then python3 $D/junk.py 46701 $(shuf -n1 -e short garbage bigpayload) 0.$((RANDOM % 9))
  elif [ $r -lt 84 ]; then python3 $D/junk.py 46701 idle 12 & JP="$JP $!"
  elif [ $r -lt 85 ]; then owread -s 127.0.0.1:46799 /system/process/pid
  elif [ $r -lt 88 ]; then stop; start $(shuf -n1 -e --readonly --uncached --nozero " ")
  elif [ $r -lt 89 ]; then owread -s $S /alarm
  elif [ $r -lt 92 ]; then owread -s $S $d/temperature12
  elif [ $r -lt 95 ]; then owwrite -s $S /10.67C6697351FF/templow abc
  else owdir -s $S /uncached
  fi > /dev/null 2>&1
  sleep 0.$((RANDOM % 5))
done
[ -n "$JP" ] && wait $JP
stop $(shuf -n1 -e TERM INT)
