#!/bin/bash
# Randomised apcupsd workload: apcupsd (net driver, debug level 100, stdout+stderr captured)
# follows a fake NIS master (fakeups.py) whose state is switched at random; NIS clients hit
# apcupsd's own server; restarts, a second instance, bad configuration, signals.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32h/apc
LOG=$HERE/apcupsd.log.full   # apcupsd.log = its first lines, cut at a line boundary (<= 2500 lines)
PY=/usr/bin/python3
mkdir -p "$RUN" && cd "$RUN" || exit 1
: > "$LOG"
echo online > "$RUN/ctl"
$PY "$HERE/fakeups.py" 36850 "$RUN/ctl" & fpid=$!
sleep 1
mkconf() {
  local f=$1
  sed -e "s/@POLL@/$((3 + RANDOM % 6))/;s/@OBD@/$((1 + RANDOM % 4))/;s/@BL@/$((10 + RANDOM % 30))/" \
      -e "s/@MIN@/$((1 + RANDOM % 5))/;s/@TO@/$(( (RANDOM % 3 == 0) ? 8 + RANDOM % 10 : 0 ))/" \
      -e "s/@ANNOY@/$(( (RANDOM % 2) ? 3 + RANDOM % 5 : 0 ))/;s/@NOLOGON@/$(shuf -n1 -e disable timeout percent minutes always)/" \
      -e "s/@NISPORT@/36851/;s/@STATTIME@/$(( RANDOM % 3 ? 0 : 5 ))/;s/@LOGSTATS@/$(shuf -n1 -e off off on)/" \
      -e "s/@DATATIME@/$(( RANDOM % 3 ? 0 : 7 ))/" "$HERE/apcupsd.conf.in" > "$f"
  case $((RANDOM % 14)) in
    0) sed -i 1d "$f";;                                  # old-style file without version line
    1) echo "BOGUSKEYWORD yes" >> "$f";;                 # unknown directive
    2) sed -i 's/^UPSTYPE net/UPSTYPE warpdrive/' "$f";; # unknown driver
    3) sed -i 's/^UPSCLASS standalone/UPSCLASS nonsense/' "$f";;
  esac
}
states=(online online online onbatt onbatt lowbatt overload replace trim boost cal shutdown drop hang garbage nostat short)
ROUNDS=${ROUNDS:-$((9 + RANDOM % 3))}
for r in $(seq 1 "$ROUNDS"); do
  conf=$RUN/apcupsd.conf
  mkconf "$conf"
  rm -f "$RUN/skip"; (( RANDOM % 3 == 0 )) && touch "$RUN/skip"
  echo online > "$RUN/ctl"
  (( RANDOM % 4 == 0 )) && echo drop > "$RUN/ctl"
  /usr/sbin/apcupsd -b -d 100 -f "$conf" -P "$RUN/apcupsd.pid" >> "$LOG" 2>&1 & apid=$!
  sleep 2
  if (( RANDOM % 4 == 0 )); then   # second instance: lock file / port clash
    timeout 5 /usr/sbin/apcupsd -b -d 100 -f "$conf" -P "$RUN/apcupsd2.pid" >> "$LOG" 2>&1
  fi
  $PY "$HERE/nisclient.py" 36851 $((5 + RANDOM % 25)) & npid=$!
  end=$((SECONDS + 15 + RANDOM % 25))
  while (( SECONDS < end )) && kill -0 $apid 2>/dev/null; do
    echo "${states[RANDOM % ${#states[@]}]}" > "$RUN/ctl"
    if (( RANDOM % 6 == 0 )); then   # the master goes away for a while
      kill $fpid; wait $fpid 2>/dev/null
      sleep $((3 + RANDOM % 8))
      $PY "$HERE/fakeups.py" 36850 "$RUN/ctl" & fpid=$!
    fi
    sleep $((2 + RANDOM % 6))
  done
  (( RANDOM % 3 == 0 )) && { kill -HUP $apid 2>/dev/null; sleep 1; }
  kill -$(shuf -n1 -e TERM INT) $apid 2>/dev/null
  for i in $(seq 1 50); do kill -0 $apid 2>/dev/null || break; sleep 0.1; done
  kill -KILL $apid 2>/dev/null; wait $apid 2>/dev/null
  kill $npid 2>/dev/null; wait $npid 2>/dev/null
  rm -f "$RUN/lock" "$RUN/apcupsd.pid" "$RUN/apcupsd2.pid" "$RUN/powerfail" "$RUN/nologin"
done
kill $fpid; wait $fpid 2>/dev/null
rm -f "$RUN"/apcupsd.events "$RUN"/apcupsd.status
