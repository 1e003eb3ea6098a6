#!/bin/bash
# Drives MRTG (Debian mrtg 2.17.10) in repeated runs against a private snmpd on
# 127.0.0.1:53010 inside a private network + mount namespace; log: --logging=<file>.
set -u
D=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round39-r39g
R=$B/mrtg
export HOME=$B/home TMPDIR=$B/tmp XDG_RUNTIME_DIR=$B/xdg XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_CACHE_HOME=$B/xdg/cache
export LANG=C LC_ALL=C TZ=UTC
if [ -z "${R39G_NS:-}" ]; then
  mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
  exec env R39G_NS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
rm -rf "$R"; mkdir -p "$R/work" "$R/snmp"
LOG=$R/mrtg.log
SEED=${SEED:-3925}; RANDOM=$SEED
r() { echo $(( RANDOM % $1 )); }
SP=
snmp_up() { [ -n "$SP" ] && return; SNMP_PERSISTENT_DIR=$R/snmp MIBS= snmpd -f -Lf "$R/snmpd.out" -C -c "$D/snmpd.conf" -p "$R/snmpd.pid" udp:127.0.0.1:53010 & SP=$!; sleep 1; }
snmp_down() { [ -z "$SP" ] && return; kill $SP; wait $SP 2>/dev/null; SP=; }

H=127.0.0.1:53010
T=( "lo|1:public@$H:1:1:1:2|125000000"
    "lo-v1|1:public@$H:1:1:1|125000000"
    "byname|\\lo:public@$H:1:1:1:2|125000000"
    "byip|/127.0.0.1:public@$H:1:1:1:2|125000000"
    "noif|7:public@$H:1:1:1:2|1000"
    "badcomm|1:nopass@$H:1:2:1|1000"
    "closed|1:public@127.0.0.1:53011:1:1:1|1000"
    "uptime|sysUpTime.0&sysUpTime.0:public@$H:1:1:1:2|100000000"
    "bogusoid|fooBarOid.0&ifInOctets.1:public@$H:1:1:1|1000"
    "restricted|ifInOctets.1&ifOutOctets.1:lab@$H:1:1:1|1000"
    "probe|\`$D/probe.sh\`|100000"
    "unreach|1:public@10.255.0.1:53010:1:1:1|1000"
    "nohost|1:public@no-such-host.invalid:53010:1:1:1|1000"
    "sum|1:public@$H:1:1:1:2 + 1:public@$H:1:1:1|250000000" )
write_cfg() {
  local f=$R/mrtg.cfg i name tg mb
  { echo "WorkDir: $R/work"; echo "Interval: 5"; [ $(r 3) = 0 ] && echo "Options[_]: growright, bits"
    [ $(r 5) = 0 ] && echo "LogFormat: rateup"
    for i in "${!T[@]}"; do
      [ $(r 3) = 0 ] && continue
      IFS='|' read -r name tg mb <<< "${T[i]}"
      echo "Target[$name]: $tg"
      [ $(r 150) != 0 ] && echo "MaxBytes[$name]: $mb"
      [ $(r 150) != 0 ] && echo "Title[$name]: traffic $name"
    done
    case $(r 14) in
      0) echo "Targte[typo]: 1:public@$H" ;;
      1) echo "WorkDir: $R/no/such/dir" ;;
      2) echo "Target[broken]: 1:public@$H:1:1:1:2 +" ; echo "MaxBytes[broken]: 1"; echo "Title[broken]: b" ;;
      3) echo "  continuation line without a keyword" ;;
      4) echo "Options[lo]: nosuchoption" ;;
    esac
  } > "$f"
}
DBG=cfg,dir,base,tarp,snpo,snpo2,coca,repo,fork,time,log
run_mrtg() {
  mrtg --logging="$LOG" --debug="$1" --lock-file "$R/mrtg.lck" --confcache-file "$R/mrtg.ok" --pid-file "$R/mrtg.pid" "$R/mrtg.cfg" >>"$R/stdout.txt" 2>&1
}
snmp_up
for run in $(seq 1 ${RUNS:-20}); do
  if [ $(r 8) = 0 ]; then snmp_down; else snmp_up; fi
  [ $(r 6) = 0 ] && rm -f "$R/mrtg.ok"
  write_cfg
  d=$DBG; [ $(r 3) = 0 ] && d=base,snpo,log
  case $(r 10) in
    0) sleep 600 & lp=$!; echo $lp > "$R/lck.src"; ln -f "$R/lck.src" "$R/mrtg.lck"; [ $(r 2) = 0 ] && touch -d '-20 seconds' "$R/mrtg.lck"
       run_mrtg "$d"; kill $lp; wait $lp 2>/dev/null; rm -f "$R/lck.src" "$R/mrtg.lck" ;;
    1) echo 999999 > "$R/mrtg.lck"; run_mrtg "$d" ;;
    2) run_mrtg "$d" & m1=$!; sleep 0.2; run_mrtg "$d"; wait $m1 ;;
    3) mrtg --logging="$LOG" --debug="$d" --check --lock-file "$R/mrtg.lck" --confcache-file "$R/mrtg.ok" "$R/mrtg.cfg" >>"$R/stdout.txt" 2>&1 ;;
    *) run_mrtg "$d" ;;
  esac
  sleep $(( 1 + $(r 2) ))
done
snmp_down
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' "$LOG" > "$D/mrtg.log"
wc -l "$LOG" "$D/mrtg.log"
