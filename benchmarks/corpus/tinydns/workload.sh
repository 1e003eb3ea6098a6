#!/bin/bash
# tinydns workload: runs tinydns (Debian djbdns 1.05) in a private network + mount namespace,
# restarting it with good and bad settings and driving it with dig and hand-made UDP packets.
# Output (tinydns stderr) -> /tmp/round40-r40h/tinydns/raw.log; kept stretch -> tinydns.log.
set -u
HERE=/work/round40/tinydns
WORK=/tmp/round40-r40h/tinydns
if [ "${R40H_INNER:-}" != 1 ]; then
  cd "$HERE" || exit 1
  rm -rf "$WORK"; mkdir -p "$WORK"/{home,tmp,xdg/config,xdg/data,xdg/cache,xdg/run}
  exec env R40H_INNER=1 unshare -n -m --propagation private bash "$HERE/workload.sh" "$@"
fi
cd "$HERE" || exit 1
export HOME=$WORK/home TMPDIR=$WORK/tmp XDG_CONFIG_HOME=$WORK/xdg/config XDG_DATA_HOME=$WORK/xdg/data \
       XDG_CACHE_HOME=$WORK/xdg/cache XDG_RUNTIME_DIR=$WORK/xdg/run
ip link set lo up
RAW=$WORK/raw.log; : > "$RAW"
ROOTDIR=$WORK/root; mkdir -p "$ROOTDIR"
TUID=$(id -u tinydns); TGID=$(id -g tinydns)
cp "$HERE/data.in" "$ROOTDIR/data"
(cd "$ROOTDIR" && tinydns-data) >"$WORK/tinydns-data.out" 2>&1
chmod 755 "$ROOTDIR"; chmod 644 "$ROOTDIR/data.cdb"
R() { echo $(( RANDOM % $1 )); }
PID=
start() {  # start the real service
  env -i PATH=/usr/sbin:/usr/bin:/bin IP=127.0.0.1 ROOT="$ROOTDIR" UID=$TUID GID=$TGID \
    /usr/sbin/tinydns >>"$RAW" 2>&1 &
  PID=$!; sleep 0.3
}
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=; }
badstart() {  # one misconfigured start; it exits at once with a fatal message
  local e=(PATH=/usr/sbin:/usr/bin:/bin IP=127.0.0.1 ROOT="$ROOTDIR" UID=$TUID GID=$TGID)
  drop() { local k x n=(); for x in "${e[@]}"; do [[ $x == "$1"=* ]] || n+=("$x"); done; e=("${n[@]}"); }
  case $(R 9) in
    0) drop IP;;
    1) e+=(IP=$(shuf -n1 -e 127.0.0 localhost 300.1.2.3 ::1 abc));;
    2) e+=(IP=10.57.$(R 250).$(R 250));;
    3) drop ROOT;;
    4) e+=(ROOT=$WORK/missing-$(R 100));;
    5) e+=(ROOT=$ROOTDIR/data);;
    6) drop GID;;
    7) drop UID;;
    8) setpriv --reuid=$TUID --regid=$TGID --clear-groups env -i "${e[@]}" /usr/sbin/tinydns >>"$RAW" 2>&1; return;;
  esac
  env -i "${e[@]}" /usr/sbin/tinydns >>"$RAW" 2>&1
}
GOOD=(www.r40h.test mail.r40h.test ftp.r40h.test r40h.test webmail.r40h.test info.r40h.test
      x$RANDOM.dyn.r40h.test host.dyn.r40h.test sub.r40h.test ns1.sub.r40h.test raw.r40h.test
      _ldap._tcp.r40h.test 20.0.0.127.in-addr.arpa 10.0.0.127.in-addr.arpa a.r40h.test
      missing.r40h.test deep.www.r40h.test WWW.R40H.TEST 0.0.127.in-addr.arpa)
TYPES=(A A A ANY MX NS SOA TXT PTR CNAME SRV AAAA TYPE99 A MX)
OUT=(example.com www.debian.org com . r40h.other 8.8.8.8.in-addr.arpa)
digbatch() {  # n queries in one dig run
  local n=$1 f=$WORK/batch i
  : > "$f"
  for ((i = 0; i < n; i++)); do
    local q=${GOOD[$(R ${#GOOD[@]})]} t=${TYPES[$(R ${#TYPES[@]})]} opt=""
    case $(R 14) in
      0) opt="-c CH"; t=TXT; q=$(shuf -n1 -e version.bind hostname.bind r40h.test);;
      1) opt="-c HS";;
      2) opt="-c ANY";;
      3) opt="+opcode=$(shuf -n1 -e 1 2 4 5)";;
      4) opt="+norecurse";;
      5) t=AXFR; opt="+notcp";;
      6) t=IXFR=1; opt="+notcp";;
      7) opt="+bufsize=4096";;
    esac
    echo "@127.0.0.1 +tries=1 +time=1 $opt $q $t" >> "$f"
  done
  dig -f "$f" >/dev/null 2>&1
}
outside() {  # queries tinydns does not answer (dropped)
  local i
  for ((i = 0; i < $1; i++)); do
    dig @127.0.0.1 +tries=1 +time=1 "${OUT[$(R ${#OUT[@]})]}" A >/dev/null 2>&1 &
  done
  wait $(jobs -p | grep -v "^$PID\$") 2>/dev/null
}
for round in $(seq 1 24); do
  for ((b = 0; b < $(R 3); b++)); do badstart; done
  start
  for step in $(seq 1 $((3 + $(R 5)))); do
    case $(R 10) in
      0|1|2|3|4) digbatch $((5 + $(R 40)));;
      5|6) python3 "$HERE/rawq.py" 127.0.0.1 $((3 + $(R 15)));;
      7) outside $((1 + $(R 4)));;
      8) mv "$ROOTDIR/data.cdb" "$ROOTDIR/data.cdb.off"; digbatch $((1 + $(R 6)))
         mv "$ROOTDIR/data.cdb.off" "$ROOTDIR/data.cdb";;
      9) echo "+r$RANDOM.r40h.test:127.0.0.$((1 + $(R 200))):300" >> "$ROOTDIR/data"
         (cd "$ROOTDIR" && tinydns-data) >>"$WORK/tinydns-data.out" 2>&1; digbatch $((2 + $(R 8)));;
    esac
  done
  [ $(R 4) = 0 ] && badstart   # second instance or bad one while the first runs
  stop
done
sed -n '1,2500p' "$RAW" > "$HERE/tinydns.log"
wc -l "$RAW" "$HERE/tinydns.log"
