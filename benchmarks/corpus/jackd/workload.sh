#!/bin/bash
# Randomised workload for a private JACK server (jackd -n r37c -v -d dummy).
# The server's stdout+stderr of every start is appended to jackd.full.log; client output is dropped.
# jackd.log = the last 2,500 lines of jackd.full.log (ROUNDS=3); the full log is then deleted.
D=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37c/jack; mkdir -p "$RUN/home"
export HOME=$RUN/home JACK_DEFAULT_SERVER=r37c JACK_NO_START_SERVER=1
OUT=${OUT:-$D/jackd.full.log}
: > "$OUT"
CL=$RUN/clients.out
SPID=
start_server() {
  local rates=(44100 48000 96000) periods=(256 512 1024 2048)
  jackd -n r37c -v -d dummy -r "${rates[RANDOM % 3]}" -p "${periods[RANDOM % 4]}" \
        -C $((RANDOM % 4 + 1)) -P $((RANDOM % 4 + 1)) >> "$OUT" 2>&1 &
  SPID=$!; echo "$SPID" > "$RUN/jackd.pid"; sleep 1.5
}
stop_server() {
  kill -"$1" "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=
}
bg=()
cleanup_bg() {
  for p in "${bg[@]}"; do kill "$p" 2>/dev/null; done; sleep 0.5
  for p in "${bg[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; bg=()
}
ports() { jack_lsp 2>/dev/null; }
rport() { local a=($(ports)); echo "${a[RANDOM % ${#a[@]}]}"; }
rounds=${ROUNDS:-3}
for r in $(seq "$rounds"); do
  start_server
  steps=$((RANDOM % 25 + 20))
  for s in $(seq "$steps"); do
    case $((RANDOM % 20)) in
      0|1) jack_lsp -c -l -L -t >> "$CL" 2>&1 ;;
      2) timeout -k 1 $((RANDOM % 3 + 1)) jack_metro -b $((RANDOM % 200 + 40)) -n metro$((RANDOM % 3)) >> "$CL" 2>&1 & bg+=($!) ;;
      3) timeout -k 1 $((RANDOM % 5 + 1)) jack_simple_client >> "$CL" 2>&1 & bg+=($!) ;;
      4|5) jack_connect "$(rport)" "$(rport)" >> "$CL" 2>&1 ;;
      6) jack_disconnect "$(rport)" "$(rport)" >> "$CL" 2>&1 ;;
      7) jack_connect system:capture_1 nosuch:port >> "$CL" 2>&1 ;;
      8) jack_load -w prof$((RANDOM % 2)) profiler >> "$CL" 2>&1 & bg+=($!) ;;
      9) jack_load missing$((RANDOM % 3)) no_such_internal >> "$CL" 2>&1 ;;
      10) jack_unload prof$((RANDOM % 2)) >> "$CL" 2>&1 ;;
      11) jack_bufsize $((2 ** (RANDOM % 5 + 6))) >> "$CL" 2>&1 ;;
      12) jack_bufsize 333 >> "$CL" 2>&1 ;;
      13) timeout 2 jack_transport <<< $'start\nlocate 48000\nstop\ntempo 90\nquit' >> "$CL" 2>&1 ;;
      14) jack_samplerate >> "$CL" 2>&1; jack_bufsize >> "$CL" 2>&1 ;;
      15) timeout -k 1 2 jack_thru >> "$CL" 2>&1 & bg+=($!) ;;
      16) jack_alias system:capture_$((RANDOM % 2 + 1)) alias$((RANDOM % 9)) >> "$CL" 2>&1 ;;
      17) timeout -k 1 2 jack_evmon >> "$CL" 2>&1 & bg+=($!) ;;
      18) timeout -k 1 3 jack_zombie >> "$CL" 2>&1 & bg+=($!) ;;
      19) jack_load -i "2 3" inproc$((RANDOM % 2)) inprocess >> "$CL" 2>&1 ;;
    esac
    sleep 0.$((RANDOM % 6))
    (( ${#bg[@]} > 5 )) && cleanup_bg
  done
  # a second server with the same name must fail
  (( RANDOM % 2 )) && timeout 5 jackd -n r37c -v -d dummy >> "$OUT" 2>&1
  cleanup_bg
  sig=(TERM INT)
  stop_server "${sig[RANDOM % 2]}"
  sleep 0.5
done
# bad driver options / unknown driver
timeout 5 jackd -n r37c -v -d nosuchdriver >> "$OUT" 2>&1
rm -f "$CL"
