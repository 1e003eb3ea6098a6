#!/bin/bash
# Randomised workload for TAYGA (Debian tayga 0.9.2) in a private network namespace (r39b-ty) and mount namespace.
# The log is tayga's stdout+stderr (-d) of every run, appended to one file; the kept stretch is cut with sed.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round39-r39b/ty
RUNS=${RUNS:-260}
rm -rf "$T"; mkdir -p "$T/home" "$T/tmp" "$T/run" "$T/conf"
RAW=$T/tayga.raw; : > "$RAW"
DATA=$T/data
N="ip netns exec r39b-ty"
RUN="$N unshare -m env -i HOME=$T/home TMPDIR=$T/tmp XDG_RUNTIME_DIR=$T/run XDG_CONFIG_HOME=$T/home/.config PATH=/usr/sbin:/usr/bin:/sbin:/bin"
ip netns del r39b-ty 2>/dev/null; ip netns add r39b-ty
$N ip link set lo up
$N ip addr add 10.39.5.1/32 dev lo
$N ip addr add 198.51.100.39/32 dev lo
for i in $(seq 1 60); do $N ip addr add fd39:2::$i/128 dev lo; done
$N ip addr add fd39:1::5/128 dev lo; $N ip addr add fd39:1::6/128 dev lo

good() {  # $1 pool prefix length, $2 "nodata" to omit data-dir, $3 prefix
  echo "# tayga test configuration"
  echo "tun-device r39bt0"
  echo "ipv4-addr 192.168.39.1"
  [ "${3:-fd39:64::/96}" = "64:ff9b::/96" ] && echo "ipv6-addr fd39:1::1"
  echo "prefix ${3:-fd39:64::/96}"
  echo "dynamic-pool 192.168.39.${4:-0}/$1"
  [ "${2:-}" = nodata ] || echo "data-dir $DATA"
  echo "map 192.168.39.5 fd39:1::5"
  echo "map 192.168.39.6 fd39:1::6"
  [ $((RANDOM % 3)) = 0 ] && echo "strict-frag-hdr $([ $((RANDOM % 2)) = 0 ] && echo true || echo off)"
  return 0
}
# configurations with one fault each (appended or replacing a line of a good one)
bad() {
  local c=$T/conf/bad.conf
  case $1 in
    0) { good 24; echo "ipv4-addr 192.168.39.2"; } ;;
    1) good 24 | sed 's/^ipv4-addr .*/ipv4-addr 192.168.39.x/' ;;
    2) good 24 | sed 's/^ipv4-addr .*/ipv4-addr 127.0.0.39/' ;;
    3) { echo "ipv6-addr fd39:1::1"; good 24; echo "ipv6-addr fd39:1::2"; } ;;
    4) { echo "ipv6-addr fd39::1::2"; good 24; } ;;
    5) { echo "ipv6-addr ff02::39"; good 24; } ;;
    6) { echo "ipv6-addr 64:ff9b::39"; good 24; } ;;
    7) good 24 | sed 's|^prefix .*|prefix fd39:64::/9x6|' ;;
    8) good 24 | sed 's|^prefix .*|prefix ff39:64::/96|' ;;
    9) good 24 | sed 's|^prefix .*|prefix fd39:64::/80|' ;;
    10) { good 24; echo "prefix fd39:65::/96"; } ;;
    11) { good 24; echo "tun-device r39bt1"; } ;;
    12) good 24 | sed 's/^tun-device .*/tun-device r39b-tayga-device-name/' ;;
    13) { good 24; echo "map 192.168.40.x fd39:3::1"; } ;;
    14) { good 24; echo "map 192.168.40.0/24 fd39:3::/112"; } ;;
    15) { good 24; echo "map 192.168.40.1 fd39:3:::1"; } ;;
    16) { good 24; echo "map 127.0.0.5 fd39:3::5"; } ;;
    17) { good 24; echo "map 192.168.40.5 ff05::5"; } ;;
    18) { good 24; echo "map 192.168.40.8 64:ff9b::8"; } ;;
    19) { good 24; echo "map 192.168.39.5 fd39:3::9"; } ;;
    20) { good 24; echo "map 192.168.40.9 fd39:1::6"; } ;;
    21) { good 24; echo "dynamic-pool 192.168.41.0/24"; } ;;
    22) good 24 | sed 's|^dynamic-pool .*|dynamic-pool 192.168.39.0/2x|' ;;
    23) good 24 | sed 's|^dynamic-pool .*|dynamic-pool 169.254.39.0/24|' ;;
    24) good 24 | sed 's|^dynamic-pool .*|dynamic-pool 192.168.39.9/32|' ;;
    25) { good 24; echo "data-dir $T/data2"; } ;;
    26) good 24 | sed 's|^data-dir .*|data-dir tmp/data|' ;;
    27) { good 24; echo "strict-frag-hdr maybe"; } ;;
    28) { good 24; echo "nat46-mode on"; } ;;
    29) { good 24; echo "map 192.168.40.10"; } ;;
    30) { good 24; printf 'map 192.168.40.11 fd39:3::b%0600d\n' 0; } ;;
    31) good 24 | grep -v -e '^prefix' -e '^map' ;;
    32) good 24 | grep -v '^ipv4-addr' ;;
    33) { echo "ipv6-addr fd39:64::39"; good 24; } ;;
    34) good 24 | grep -v '^prefix' ;;
    35) good 24 | sed 's|^prefix .*|prefix 64:ff9b::/96|' | grep -v '^map' ;;
    36) good 24 | sed 's|^dynamic-pool .*|dynamic-pool 192.168.39.0/24\nmap 192.168.39.64 fd39:3::64|' ;;
    37) good 24 | sed 's|^tun-device .*|tun-device lo|' ;;
    38) good 24 | sed "s|^data-dir .*|data-dir $T/nodir/sub/data|" ;;
    39) good 24 | sed "s|^data-dir .*|data-dir $T/home/afile|" ;;
    40) good 24 | sed 's|^ipv4-addr .*|ipv4-addr 192.168.39.5|' ;;
    41) { echo "ipv6-addr fd39:1::6"; good 24; } ;;
  esac > "$c"
  echo "$c"
}
touch "$T/home/afile"

start() {  # config file, extra args
  local cf=$1; shift
  $RUN tayga -d -c "$cf" "$@" >> "$RAW" 2>&1 &
  TPID=$!
  for i in 1 2 3 4 5 6 7 8 9 10; do $N ip link show r39bt0 >/dev/null 2>&1 && break; sleep 0.2; done
  $N ip link set r39bt0 up 2>/dev/null
  $N ip route replace 192.168.39.0/24 dev r39bt0 2>/dev/null
  $N ip -6 route replace fd39:64::/96 dev r39bt0 2>/dev/null
  $N ip -6 route replace 64:ff9b::/96 dev r39bt0 2>/dev/null
}
stop() { kill -s "${1:-TERM}" "$TPID" 2>/dev/null; wait "$TPID" 2>/dev/null; }
traffic() {  # $1 number of pings from random IPv6 sources
  local k n=$1 pfx=${2:-fd39:64::}
  for ((k = 0; k < n; k++)); do
    $N ping -6 -c1 -W1 -q -I fd39:2::$((1 + RANDOM % ${3:-24})) ${pfx}10.39.5.1 >/dev/null 2>&1
  done
  for ((k = 0; k < RANDOM % 3; k++)); do $N ping -c1 -W1 -q 192.168.39.$((5 + RANDOM % 2)) >/dev/null 2>&1; done
}
tamper() {  # damage the dynamic map file in one way before a restart
  local m=$DATA/dynamic.map
  mkdir -p "$DATA"
  case $((RANDOM % 9)) in
    0) echo "192.168.39.77 fd39:2::44" >> "$m" ;;
    1) echo "192.168.77.7	fd39:9::7	$(date +%s)" >> "$m" ;;
    2) echo "192.168.39.5	fd39:9::5	$(date +%s)" >> "$m" ;;
    3) echo "192.168.39.99	ff02::99	$(date +%s)" >> "$m" ;;
    4) echo "192.168.39.98	fd39:1::6	$(date +%s)" >> "$m" ;;
    5) l=$(grep -m1 '^192' "$m" 2>/dev/null | cut -f1); [ -n "$l" ] && echo "$l	fd39:9::1	$(date +%s)" >> "$m" ;;
    6) printf '192.168.39.97\tfd39:2::%0600d\t1\n' 0 >> "$m" ;;
    7) echo "192.168.39.96	fd39:2::59	$(( $(date +%s) + 86400 ))" >> "$m" ;;
    8) echo "192.168.39.95	fd39:2::58	-5" >> "$m" ;;
  esac
}

for ((r = 0; r < RUNS; r++)); do
  x=$((RANDOM % 100))
  if [ $x -lt 45 ]; then      # normal run with traffic, pool of random size
    p=$((24 + RANDOM % 6 * (RANDOM % 2))); [ $p -gt 27 ] && p=24
    cf=$T/conf/good.conf; good $p > "$cf"
    [ $((RANDOM % 4)) = 0 ] && tamper
    start "$cf"; traffic $((RANDOM % 12)); sleep 0.$((RANDOM % 9)); stop $(echo TERM TERM TERM INT HUP QUIT USR1 USR2 | cut -d' ' -f$((1 + RANDOM % 8)))
  elif [ $x -lt 52 ]; then    # tiny pool: addresses get reassigned
    cf=$T/conf/good.conf; good 29 > "$cf"
    start "$cf"; traffic $((4 + RANDOM % 14)); stop
  elif [ $x -lt 56 ]; then    # no data-dir, or the well-known prefix
    cf=$T/conf/good.conf
    if [ $((RANDOM % 2)) = 0 ]; then good 24 nodata > "$cf"; start "$cf"; traffic $((RANDOM % 4)); stop
    else good 24 "" 64:ff9b::/96 > "$cf"; sed -i 's/^ipv4-addr .*/ipv4-addr 198.51.100.1/' "$cf"; start "$cf"; traffic $((RANDOM % 4)) 64:ff9b::; stop; fi
  elif [ $x -lt 80 ]; then    # a faulty configuration
    cf=$(bad $((RANDOM % 42))); start "$cf"; sleep 0.2; stop
  elif [ $x -lt 84 ]; then    # map database unreadable or not replaceable
    rm -rf "$DATA"; mkdir -p "$DATA"
    if [ $((RANDOM % 2)) = 0 ]; then ln -s dynamic.map "$DATA/dynamic.map"; else mkdir -p "$DATA/dynamic.map/x"; fi
    cf=$T/conf/good.conf; good 24 > "$cf"; start "$cf"; traffic $((RANDOM % 3)); stop
    rm -rf "$DATA"
  elif [ $x -lt 88 ]; then    # missing configuration file
    start "$T/conf/missing-$((RANDOM % 3)).conf"; stop
  elif [ $x -lt 94 ]; then    # command-line faults
    cf=$T/conf/good.conf; good 24 > "$cf"
    case $((RANDOM % 10)) in
      0) start "$cf" -u r39b-nouser ;;
      1) start "$cf" -g r39b-nogroup ;;
      2) start "$cf" -r ;;
      3) good 24 nodata > "$cf"; start "$cf" -r ;;
      4) start "$cf" -p "$T/nodir/tayga.pid" ;;
      5) start "$cf" -z ;;
      6) start "$cf" --mktun --rmtun ;;
      7) start "$cf" --rmtun -u nobody ;;
      8) start "$cf" --mktun -g nogroup ;;
      9) start "$cf" --mktun -r ;;
    esac
    stop
  else                        # persistent tun device made and removed
    cf=$T/conf/good.conf; good 24 > "$cf"
    $RUN tayga -c "$cf" --mktun >> "$RAW" 2>&1
    if [ $((RANDOM % 2)) = 0 ]; then start "$cf" -p "$T/run/tayga.pid"; traffic $((RANDOM % 5)); stop; fi
    $RUN tayga -c "$cf" --rmtun >> "$RAW" 2>&1
  fi
done
ip netns del r39b-ty
N=$(wc -l < "$RAW")
if [ "$N" -gt 2500 ]; then sed -n "1,2500p" "$RAW" > "$D/tayga.log"; else cp "$RAW" "$D/tayga.log"; fi
wc -l "$D/tayga.log"
