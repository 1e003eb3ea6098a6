#!/bin/bash
# Randomised irqbalance runs: each run is --oneshot or a short foreground run (killed by its pid),
# always --foreground --debug, with a private pid file and random options.
# Log: irqbalance.full.log (stdout+stderr of every run, appended in order).
# irqbalance.log = the first 2,500 lines of irqbalance.full.log (RUNS=40); the full log is then deleted.
D=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37c/irq; mkdir -p "$RUN"
OUT=${OUT:-$D/irqbalance.full.log}
: > "$OUT"
IRQS=($(ls /proc/irq | grep -E '^[0-9]+$'))
pick() { echo "${IRQS[RANDOM % ${#IRQS[@]}]}"; }
runs=${RUNS:-40}
for i in $(seq "$runs"); do
  args=(--foreground --debug --pid="$RUN/irqbalance.pid")
  env=()
  r=$((RANDOM % 10))
  (( RANDOM % 3 == 0 )) && args+=(--banirq="$(pick)")
  (( RANDOM % 4 == 0 )) && args+=(--banirq="$(pick)" --banirq="$(pick)")
  p=$((RANDOM % 10))
  (( p < 4 )) && args+=(--policyscript="$D/policy.sh") && env+=(R37_SHIFT=$((RANDOM % 9)))
  (( p == 4 )) && args+=(--policyscript="$RUN/missing-policy.sh")
  (( p == 5 )) && args+=(--policyscript="$D/policy_noexec.sh")
  (( RANDOM % 3 == 0 )) && args+=(--powerthresh=$((RANDOM % 3)))
  (( RANDOM % 5 == 0 )) && args+=(--powerthresh=off)
  (( RANDOM % 4 == 0 )) && args+=(--deepestcache=$((RANDOM % 4)))
  (( RANDOM % 5 == 0 )) && args+=(--banmod=virtio_net)
  (( RANDOM % 5 == 0 )) && args+=(--migrateval=$((RANDOM % 5)))
  (( RANDOM % 20 == 0 )) && args+=(--interval=0)
  (( RANDOM % 15 == 0 )) && args+=(--bogus-option)
  (( RANDOM % 20 == 0 )) && args+=(--deepestcache=abc)
  (( RANDOM % 4 == 0 )) && env+=(IRQBALANCE_BANNED_CPUS=$(( (RANDOM % 3) + 1 )))
  (( RANDOM % 5 == 0 )) && env+=(IRQBALANCE_BANNED_CPULIST=$((RANDOM % 2)))
  (( RANDOM % 8 == 0 )) && env+=(IRQBALANCE_BANNED_CPUS=zz)
  if (( r < 6 )); then
    env "${env[@]}" irqbalance "${args[@]}" --oneshot >> "$OUT" 2>&1
  else
    env "${env[@]}" irqbalance "${args[@]}" --interval=1 >> "$OUT" 2>&1 &
    pid=$!
    sleep $((RANDOM % 4 + 1))
    # reload request (SIGHUP) now and then, then stop
    if (( RANDOM % 2 == 0 )); then kill -HUP "$pid" 2>/dev/null; sleep 1.5; fi
    if (( RANDOM % 3 == 0 )); then kill -USR1 "$pid" 2>/dev/null; sleep 1; fi
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
done
