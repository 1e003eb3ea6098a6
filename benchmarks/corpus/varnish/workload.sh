#!/bin/bash
# Randomised workload for varnishd 7.1.1 (Debian), foreground mode (-F); varnishd's stderr -> varnish.log.
# Ports: HTTP 35900, CLI 35901, fake backend 35910 (35911 is left closed).
cd "$(dirname "$0")"
D=/tmp/round32-r32e/varnish; N=$D/n; mkdir -p $D
LOG=${LOG:-$D/varnish.raw.log}; : > "$LOG"
[ -f $D/secret ] || head -c 32 /dev/urandom | base64 > $D/secret
r() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
A() { varnishadm -n $N -t 10 "$@" >/dev/null 2>&1; }
child() { varnishadm -n $N pid 2>/dev/null | awk '/Worker/{print $2}'; }
python3 clitool.py backend 35910 & BP=$!
sleep 0.5
B="-a 127.0.0.1:35900 -T 127.0.0.1:35901 -S $D/secret"
for session in $(seq 1 $(r 50 58)); do
  if [ $(r 1 10) -le 3 ]; then
    case $(r 1 16) in
      1) args="-f /nonexist/$(r 1 99).vcl" ;;
      2) args="-f $PWD/bad_symbol.vcl" ;;
      3) args="-f $PWD/bad_regex.vcl" ;;
      4) args="-a 127.0.0.1:35910 -b 127.0.0.1:35910" ;;
      5) args="-S /nonexist/secret -b 127.0.0.1:35910" ;;
      6) args="-T 127.0.0.1:35910 -b 127.0.0.1:35910" ;;
      7) args="-b 127.0.0.1:35910 -p default_ttl=-$(r 1 9)" ;;
      8) args="-b 127.0.0.1:35910 -p thread_pool_min=$(r 1 4)" ;;
      9) args="-b 127.0.0.1:35910 -p workspace_client=$(r 1 8)k" ;;
      10) args="-b 127.0.0.1:35910 -p feature=+nosuch" ;;
      11) args="-b 127.0.0.1:35910 -p debug=+bogus" ;;
      12) args="-b 127.0.0.1:35910 -s file,$D/stor,$(r 1 9)k" ;;
      13) args="-b 127.0.0.1:35910 -s malloc,1x" ;;
      14) args="-b 127.0.0.1:35910 -p nosuch_param=1" ;;
      15) args="-b nohost.invalid:80" ;;
      16) args="-b 127.0.0.1:35910 -s bogus,1m" ;;
    esac
    timeout 20 varnishd -F -n $N -a 127.0.0.1:35902 -T 127.0.0.1:35903 $args 2>>"$LOG" >/dev/null
    continue
  fi
  extra=""
  [ $(r 1 3) = 1 ] && extra="-p cli_timeout=3 -p ping_interval=1"
  [ $(r 1 5) = 1 ] && extra="$extra -p auto_restart=off"
  varnishd -F -n $N $B -f $PWD/default.vcl -s malloc,$(r 16 64)m $extra 2>>"$LOG" >/dev/null & VP=$!
  sleep 3
  for act in $(seq 1 $(r 2 9)); do
    case $(r 1 20) in
      1|2|3|4|5) python3 clitool.py load 35900 $(r 5 60) ;;
      6|7) A stop; sleep 0.5; A start; sleep 1 ;;
      8|9) kill -9 $(child) 2>/dev/null; sleep 2 ;;
      10) [ $(r 1 2) = 1 ] && kill -SEGV $(child) 2>/dev/null; sleep 3 ;;
      11) [ $(r 1 2) = 1 ] && kill -ABRT $(child) 2>/dev/null; sleep 2 ;;
      12) if [ $(r 1 2) = 1 ]; then A debug.panic.worker; sleep 2; A panic.clear; fi ;;
      13|14|15) python3 clitool.py cli 35901 $D/secret bad ;;
      16) python3 clitool.py cli 35901 $D/secret ok ;;
      17) c=$(child); kill -STOP $c 2>/dev/null; sleep $(r 2 6); kill -CONT $c 2>/dev/null; sleep 2 ;;
      18) A vcl.load v$act$RANDOM $PWD/default.vcl ;;
      19) A stop; sleep 0.5; A stop; A start; sleep 1; A start ;;
      20) kill -TERM $(child) 2>/dev/null; sleep 2 ;;
    esac
  done
  kill -$(shuf -n1 -e TERM INT) $VP; wait $VP
done
kill $BP; wait $BP 2>/dev/null
wc -l "$LOG"
