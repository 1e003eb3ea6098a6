#!/bin/bash
# rpcbind workload: our own rpcbind -d -f (debug output on stderr -> rpcbind.log) in a private
# network/mount/UTS namespace (r31k; port 111 exists only there), driven by pm_load.py (raw
# portmap v2 / rpcbind v3-v4 calls over UDP, TCP and the unix socket, a fake service on 30200),
# rpcinfo, a ypserv that registers/unregisters, restarts with different flags, warm starts,
# a corrupt warm-start file, a second instance, bad -h addresses.
set -u
W=/work/round31/rpcbind
source $W/ns.sh
LOG=$T/rpcbind.full.log
: > $LOG
bash $W/mkmaps.sh
ns_up
R() { echo $((RANDOM % ($2 - $1 + 1) + $1)); }
start_rpcbind() { nsx_bg bash -c "exec rpcbind $* >> $LOG 2>&1"; echo $! > $T/rpcbind.pid; sleep 0.7; }
stop_rpcbind() { kill $(cat $T/rpcbind.pid) 2>/dev/null; wait $(cat $T/rpcbind.pid) 2>/dev/null; sleep 0.3; }
start_ypserv() { nsx_bg bash -c "cd /; exec ypserv -p 30100 -f >/dev/null 2>&1"; echo $! > $T/ypserv.pid; sleep 0.5; }
stop_ypserv() { kill $(cat $T/ypserv.pid) 2>/dev/null; wait $(cat $T/ypserv.pid) 2>/dev/null; sleep 0.2; }
load() { nsx timeout 120 python3 $W/pm_load.py "$1"; }
rpcinfos() {
  local n=$1 i
  for i in $(seq 1 $n); do
    case $((RANDOM % 12)) in
      0) nsx rpcinfo -p 127.0.0.1 ;;
      1) nsx rpcinfo -s ;;
      2) nsx rpcinfo -m ;;
      3) nsx rpcinfo -T udp 127.0.0.1 100004 ;;
      4) nsx rpcinfo -T tcp 127.0.0.1 $((RANDOM % 2 ? 100004 : 200100)) ;;
      5) nsx rpcinfo -l 127.0.0.1 100004 2 ;;
      6) nsx rpcinfo -u 127.0.0.1 100000 ;;
      7) nsx rpcinfo -t 127.0.0.1 portmapper 2 ;;
      8) nsx rpcinfo -d 200100 $((RANDOM % 3 + 1)) ;;
      9) nsx rpcinfo -a 127.0.0.1.0.111 -T udp 100000 4 ;;
      10) nsx rpcinfo ;;
      11) nsx timeout 2 rpcinfo -b 100000 2 ;;
    esac
  done >/dev/null 2>&1
}

# 1. cold start, debug level 1
start_rpcbind -d -f
load $(R 40 90)
start_ypserv
rpcinfos $(R 5 15)
load $(R 20 50)
# a second instance while the first runs
nsx bash -c "timeout 5 rpcbind -d -f >> $LOG 2>&1"
stop_ypserv
stop_rpcbind
# 2. warm start with remote calls enabled, debug level 2
start_rpcbind -d -d -f -w -r
start_ypserv
load $(R 60 120)
rpcinfos $(R 5 15)
stop_rpcbind          # writes the warm-start files
stop_ypserv
# 3. -h makes this rpcbind abort at start (double free); then a warm start from the saved state, insecure mode
nsx bash -c "timeout 5 rpcbind -d -f -h nohost.r31k.invalid >> $LOG 2>&1"
start_rpcbind -d -f -w -i -r
load $(R 40 90)
rpcinfos $(R 5 15)
stop_rpcbind
# 4. corrupt warm-start files, debug level 3, abort-on-error not set
nsx bash -c 'head -c 200 /dev/urandom > /run/rpcbind/rpcbind.xdr; head -c 9 /dev/urandom > /run/rpcbind/portmap.xdr'
start_rpcbind -d -d -d -f -w -r
start_ypserv
load $(R 30 70)
rpcinfos $(R 3 10)
stop_ypserv
stop_rpcbind
# 5. run as user daemon (-s), warm start
start_rpcbind -d -f -s -w -r
load $(R 20 50)
rpcinfos $(R 3 8)
stop_rpcbind
ns_down
head -n 2500 $LOG > $W/rpcbind.log
wc -l $LOG $W/rpcbind.log
