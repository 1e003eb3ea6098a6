#!/bin/bash
# ypserv workload: our own rpcbind + ypserv -d (debug output on stderr -> ypserv.log) inside a
# private network/mount/UTS namespace (r31k), driven by yp_load.py with random counts, plus
# restarts with broken configuration, missing/corrupt maps, port clash, no portmapper.
set -u
W=/work/round31/ypserv
source $W/ns.sh
LOG=$T/ypserv.full.log
PORT=30100
: > $LOG
bash $W/mkmaps.sh
ns_up
R() { echo $((RANDOM % ($2 - $1 + 1) + $1)); }
start_rpcbind() { nsx_bg bash -c "exec rpcbind -f -w >/dev/null 2>&1"; echo $! > $T/rpcbind.pid; sleep 0.5; }
stop_rpcbind() { kill $(cat $T/rpcbind.pid) 2>/dev/null; sleep 0.5; }
start_ypserv() { nsx_bg bash -c "cd /; exec ypserv -d $* >> $LOG 2>&1"; echo $! > $T/ypserv.pid; sleep 0.8; }
stop_ypserv() { kill $(cat $T/ypserv.pid) 2>/dev/null; wait $(cat $T/ypserv.pid) 2>/dev/null; sleep 0.3; }
load() { nsx python3 $W/yp_load.py $PORT "$1"; }
conf() { cp $W/$1 $T/etc/ypserv.conf; }

start_rpcbind
# 1. plain start, no securenets file
conf ypserv.conf; rm -f $T/yp/securenets
start_ypserv -p $PORT
load $(R 30 70)
# a second instance while the first runs (pid file lock)
nsx bash -c "cd /; timeout 5 ypserv -d -p 30101 >> $LOG 2>&1"
stop_ypserv
# 2. good securenets, then broken configuration files
cp $W/securenets $T/yp/securenets
start_ypserv -p $PORT
load $(R 20 50)
stop_ypserv
conf ypserv.conf.bad; cp $W/securenets.bad $T/yp/securenets
start_ypserv -p $PORT
load $(R 20 50)
# a map disappears, another is corrupted, while running
rm -f $T/yp/r31k.test/mail.aliases
head -c 3000 /dev/urandom > $T/yp/r31k.test/hosts.byaddr
load $(R 15 40)
stop_ypserv
# 3. an empty ypserv.conf, database directory given on the command line
: > $T/etc/ypserv.conf
bash $W/mkmaps.sh; cp $W/securenets $T/yp/securenets
start_ypserv -p $PORT /var/yp
load $(R 10 30)
stop_ypserv
conf ypserv.conf
# 4. a database directory that does not exist
nsx bash -c "cd /; timeout 5 ypserv -d -p $PORT /var/yp/nonexistent >> $LOG 2>&1"
# 5. the port is taken
nsx python3 -c "
import socket,subprocess,time
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('0.0.0.0',30102))
t=socket.socket(socket.AF_INET,socket.SOCK_STREAM); t.bind(('0.0.0.0',30102)); t.listen(1)
subprocess.run('cd /; timeout 5 ypserv -d -p 30102 >> $LOG 2>&1', shell=True)"
# 6. no portmapper running
stop_rpcbind
nsx bash -c "cd /; timeout 5 ypserv -d -p $PORT >> $LOG 2>&1"
start_rpcbind
# 7. normal service again, random port (bindresvport)
start_ypserv
sleep 1; PORT=$(nsx rpcinfo -p 127.0.0.1 | awk '$1==100004 && $3=="udp" {print $4; exit}')
echo "ypserv port $PORT"
load $(R 30 80)
stop_ypserv
stop_rpcbind
ns_down
# keep at most 2500 whole lines
head -n 2500 $LOG > $W/ypserv.log
wc -l $W/ypserv.log
