#!/bin/bash
# Randomised PMCD workload: one pmcd run (debug flags appl1,appl2,access; log file
# given with -l, a regular file under /tmp/round32-r32h, copied here at the end) serving
# pminfo/pmval/pmprobe/pmstore/pmlogger clients, junk connections, PMDA kills, SIGHUP reloads
# with good and bad configurations, then shutdown.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32h/pcp
LOG=$RUN/pmcd.log   # pcp.log = the first lines of the copy pcp.log.full, cut at a statement boundary (<= 2500 lines)
mkdir -p "$RUN/run" && cd "$RUN" || exit 1
export PCP_RUN_DIR=$RUN/run PMCD_PORT=36900
H=127.0.0.1
rm -f "$LOG"
# PMNS: the stock pieces plus the sample PMDA (the package's Rebuild step did not run here)
(printf 'root {\n\tsample\n}\n'; sed 's/SAMPLE:/29:/g' /var/lib/pcp/pmdas/sample/pmns) > "$RUN/root_sample"
rm -f "$RUN/root"
/usr/lib/pcp/bin/pmnsmerge /var/lib/pcp/pmns/root_pmcd /var/lib/pcp/pmns/root_linux "$RUN/root_sample" "$RUN/root"
metrics=(kernel.all.load kernel.all.cpu.user mem.util.free sample.long.one sample.double.ten sample.colour
  sample.bin sample.seconds sample.string.hullo sample.dodgey.value sample.many.int pmcd.numclients
  pmcd.pdu_in.fetch pmcd.agent.status disk.dev.read network.interface.in.bytes sample.bad.unknown
  sample.noinst sample.aggregate.hullo nosuch.metric kernel.percpu.cpu.idle)
start_pmcd() {
  cp "$HERE/pmcd.conf" "$RUN/pmcd.conf"
  env -u PMCD_PORT /usr/lib/pcp/bin/pmcd -f -p 36900 -n "$RUN/root" -s "$RUN/run/pmcd.socket" -c "$RUN/pmcd.conf" \
    -l "$LOG" -x "$RUN/fatal.log" -U root -D appl1,appl2,access "$@" > /dev/null 2>&1 &
  PMCD_PID=$!
  sleep 2
}
stop_pmcd() {
  [ -n "$PMCD_PID" ] && kill -TERM "$PMCD_PID" 2>/dev/null
  for i in $(seq 1 50); do kill -0 "$PMCD_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PMCD_PID" 2>/dev/null; sleep 0.5
}
client() {
  case $((RANDOM % 10)) in
    0|1|2) pminfo -h $H -f $(shuf -n $((1 + RANDOM % 4)) -e "${metrics[@]}") ;;
    3) pmval -h $H -s $((2 + RANDOM % 4)) -t 0.3 $(shuf -n1 -e "${metrics[@]}") ;;
    4) pmprobe -h $H -v $(shuf -n $((1 + RANDOM % 5)) -e "${metrics[@]}") ;;
    5) pmstore -h $(shuf -n1 -e $H local: localhost) sample.write_me $((RANDOM % 100)) ;;
    6) pminfo -h $H -dmT sample.$(shuf -n1 -e long double colour string mirage many) ;;
    7) pminfo -h $(shuf -n1 -e $H local:) -f pmcd.agent ;;
    8) pmprobe -h $H -I sample.colour sample.mirage pmcd.client ;;
    9) pminfo -h 127.0.0.1:36999 kernel.all.load ;;  # nothing listens there
  esac > /dev/null 2>&1
}
start_pmcd
for r in 1; do
  end=$((SECONDS + ${DURATION:-$((150 + RANDOM % 40))}))
  /usr/bin/python3 "$HERE/junkclient.py" 36900 $((3 + RANDOM % 10)) & jpid=$!
  while (( SECONDS < end )); do
    for i in $(seq 1 $((1 + RANDOM % 4))); do client & cpids+=($!); done
    case $((RANDOM % 14)) in
      0) kill -HUP "$PMCD_PID" ;;
      1) kill -KILL $(pgrep -f "pmdasample -d 29" | head -1) 2>/dev/null; sleep 1; kill -HUP "$PMCD_PID" ;;
      2) printf 'broken\tline here\n' >> "$RUN/pmcd.conf"; kill -HUP "$PMCD_PID"; sleep 1; cp "$HERE/pmcd.conf" "$RUN/pmcd.conf"; sleep 1; kill -HUP "$PMCD_PID" ;;
      3) (pmlogger -h $H -c /dev/stdin -T 4s -t 0.5 "$RUN/arch$RANDOM" <<< 'log mandatory on 1 sec { kernel.all.load sample.long sample.colour pmcd.numclients }' > /dev/null 2>&1; rm -f "$RUN"/arch*) & ;;
    esac
    sleep 0.$((RANDOM % 9 + 1))$((RANDOM % 2))
  done
  wait $jpid "${cpids[@]}" 2>/dev/null; cpids=()
done
stop_pmcd
cp "$LOG" "$HERE/pcp.log.full"
rm -f "$RUN"/arch*
