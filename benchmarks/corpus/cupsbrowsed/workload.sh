#!/bin/bash
# Randomised workload for cups-browsed (cups-filters 1.28.17, Debian) polling private cupsd
# instances with BrowsePoll. Runs itself in a private network+mount namespace; private binds hide
# /run, /etc/cups and /var/{cache,log,spool}/cups. The log is cups-browsed's DebugLogging file
# (LogDir under /tmp/round43-r43c/cb/cblog); a stretch of 2500 lines is kept (see the end).
set -m
D=/work/round43/cupsbrowsed
W=/tmp/round43-r43c/cb
if [ -z "$R43C_INNS" ]; then
  rm -rf $W/s0 $W/s1 $W/s2 $W/cbcache $W/cblog $W/run $W/varcups $W/etccups
  mkdir -p $W/run/cups $W/run/dbus $W/run/lock $W/varcups/{cache,log,spool} $W/etccups $W/home $W/tmp $W/xdg
  $D/mkconf.sh
  exec env R43C_INNS=1 unshare -n -m "$0" "$@"
fi
cd $W || exit 1
ip link set lo up
mount --bind $W/run /run
mount --bind $W/etccups /etc/cups
mount --bind $W/varcups/cache /var/cache/cups
mount --bind $W/varcups/log /var/log/cups
mount --bind $W/varcups/spool /var/spool/cups
chmod 755 /run/cups
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
export CUPS_SERVER=/run/cups/cups.sock
r() { echo $((RANDOM % $1)); }
declare -A C
start_cupsd() { /usr/sbin/cupsd -f -c $W/s$1/etc/cupsd.conf -s $W/s$1/etc/cups-files.conf >> $W/s$1/log/out 2>&1 & C[$1]=$!; sleep 1; }
stop_cupsd() { [ -n "${C[$1]}" ] && kill ${C[$1]} && wait ${C[$1]} 2>/dev/null; C[$1]=; }
start_cb() { /usr/sbin/cups-browsed -c $1 >> $W/cb.out 2>&1 & CB=$!; }
stop_cb() { kill $CB; wait $CB 2>/dev/null; }
adm() { lpadmin -h 127.0.0.1:4730$1 "${@:2}" >> $W/adm.out 2>&1; }

start_cupsd 0; start_cupsd 1; start_cupsd 2
names=(lab1 lab2 office hall-laser colour_A4 draft)
mkq() {  # server name
  local sh=true; [ $(r 5) = 0 ] && sh=false
  adm $1 -p $2 -v file:///dev/null -E -o printer-is-shared=$sh -D "Printer $2 on s$1" -L "Room $(r 9)"
}
mkq 1 lab1; mkq 1 office; mkq 2 hall-laser; mkq 2 lab2
start_cb $W/cups-browsed.conf
sleep 8

action() {  # [kind]
  local s=$((RANDOM % 2 + 1)) q=${names[$(r ${#names[@]})]}
  case ${1:-$(r 16)} in
    0|1) mkq $s $q ;;
    2) adm $s -x $q ;;
    3) adm $s -p $q -D "Renamed $q $(r 100)" ;;
    4) adm $s -p $q -L "Floor $(r 5)" ;;
    5) cupsdisable -h 127.0.0.1:4730$s $q >> $W/adm.out 2>&1; sleep 1; cupsenable -h 127.0.0.1:4730$s $q >> $W/adm.out 2>&1 ;;
    6) cupsreject -h 127.0.0.1:4730$s $q >> $W/adm.out 2>&1; sleep 1; cupsaccept -h 127.0.0.1:4730$s $q >> $W/adm.out 2>&1 ;;
    7) adm $s -p $q -o printer-is-shared=$([ $(r 2) = 0 ] && echo true || echo false) ;;
    8) adm $s -p $q -c team$s ;;
    9) for i in $(seq $((RANDOM % 3 + 1))); do lp -h 127.0.0.1:4730$s -d $q -t "job$i" /etc/hostname >> $W/adm.out 2>&1; done ;;
    10) l=$(lpstat -h 127.0.0.1:47300 -v 2>/dev/null | sed -n 's/^device for \([^:]*\):.*/\1/p' | shuf -n1)
        [ -n "$l" ] && lp -h 127.0.0.1:47300 -d "$l" /etc/hostname >> $W/adm.out 2>&1 ;;
    11) l=$(lpstat -h 127.0.0.1:47300 -v 2>/dev/null | sed -n 's/^device for \([^:]*\):.*/\1/p' | shuf -n1)
        [ -n "$l" ] && adm 0 -p "$l" -o printer-error-policy=abort-job ;;
    12) l=$(lpstat -h 127.0.0.1:47300 -v 2>/dev/null | sed -n 's/^device for \([^:]*\):.*/\1/p' | shuf -n1)
        [ -n "$l" ] && adm 0 -x "$l" ;;
    13) adm $s -d $q ;;
    14) stop_cupsd $s; sleep $((RANDOM % 6 + 2)); start_cupsd $s ;;
    15) stop_cupsd 0; sleep $((RANDOM % 3 + 1)); start_cupsd 0 ;;
  esac
  sleep 0.$(r 9)
}
# every kind of action once plus random extra ones, in random order
for a in $( (seq 0 15; for i in $(seq $((RANDOM % 6 + 2))); do r 16; done) | shuf); do action $a; done
sleep 3
N=$(wc -l < $W/cblog/cups-browsed_log)
stop_cb
# restart with filters, clustering and naming changes plus some bad lines
cp $W/cups-browsed.conf $W/cups-browsed-2.conf
cat >> $W/cups-browsed-2.conf <<EOC
BrowseFilter NOT name ^draft
BrowseFilter host localhost
LocalQueueNamingRemoteCUPS RemoteName
AutoClustering Yes
Cluster labs: lab1 lab2
BrowseAllow 127.0.0.1
NoSuchDirective 42
BrowseTimeout -5
EOC
start_cb $W/cups-browsed-2.conf
sleep 6
for i in $(seq $((RANDOM % 6 + 6))); do action; done
stop_cb
# cancel jobs left on the local queues (their implicitclass backends wait for cups-browsed)
cancel -a -h 127.0.0.1:47300 >> $W/adm.out 2>&1; sleep 2
stop_cupsd 0; stop_cupsd 1; stop_cupsd 2
# keep 2500 lines: the last 1200 of the first cups-browsed run and what follows
sed -n "$((N > 1200 ? N - 1199 : 1)),+2499p" $W/cblog/cups-browsed_log > $D/cupsbrowsed.log
