#!/bin/bash
# Randomised workload for Grid Engine (qmaster + execd) in a private network/mount namespace
# (only lo, a private /etc/hosts naming 127.0.0.1 "vm"); ports 32444/32445.
D=/work/round30/gridengine
if [ -z "$IN_PRIVATE_NS" ]; then
  IN_PRIVATE_NS=1 exec unshare -n -m --propagation private "$0" "$@"
fi
cd $D
ip link set lo up
printf "127.0.0.1\tvm localhost\n::1\tlocalhost\n" > $D/hosts
mount --bind $D/hosts /etc/hosts
./setup.sh >/dev/null 2>&1
export SGE_ROOT=$D/sgeroot SGE_CELL=default SGE_QMASTER_PORT=32444 SGE_EXECD_PORT=32445
export PATH=/usr/lib/gridengine:$PATH
R=$D/run; rm -rf $R $D/jobs; mkdir -p $R $D/jobs; chmod 1777 $D/jobs; : > $R/pids
MSG=$SGE_ROOT/spool/qmaster/messages
QPID=$SGE_ROOT/spool/qmaster/qmaster.pid
EPID=$SGE_ROOT/spool/execd/vm/execd.pid

start_qmaster() { rm -f $QPID; /usr/sbin/sge_qmaster
  for t in $(seq 1 40); do [ -s $QPID ] && qconf -sh >/dev/null 2>&1 && break; sleep 0.5; done; cat $QPID >> $R/pids; }
stop_qmaster() { local p=$(cat $QPID); qconf -km
  for t in $(seq 1 60); do kill -0 $p 2>/dev/null || break; sleep 0.5; done; }
start_execd() { /usr/sbin/sge_execd; sleep 4; cat $EPID >> $R/pids; }
garbage() { python3 - "$@" <<'EOP'
import socket, os, random, sys, time
for port in map(int, sys.argv[1:]):
    for _ in range(random.randint(1, 3)):
        s = socket.socket(); s.settimeout(2)
        try:
            s.connect(("127.0.0.1", port))
            kind = random.choice(["bin", "http", "xml", "empty"])
            if kind == "bin": s.sendall(os.urandom(random.randint(10, 400)))
            elif kind == "http": s.sendall(b"GET / HTTP/1.0\r\nHost: vm\r\n\r\n")
            elif kind == "xml": s.sendall(b"<gmsh><dl>99999</dl></gmsh><mih version=\"0.1\"><mid>1</mid></mih>")
            time.sleep(0.3)
        except OSError:
            pass
        s.close()
EOP
}

start_qmaster
# configuration objects, including refused ones
qconf -ah vm; qconf -as vm; qconf -as nosuchhost.invalid; qconf -ah 127.0.0.$((RANDOM % 200 + 2))
cat > $R/pe <<EOC
pe_name            smp
slots              8
user_lists         NONE
xuser_lists        NONE
start_proc_args    NONE
stop_proc_args     NONE
allocation_rule    \$pe_slots
control_slaves     FALSE
job_is_first_task  TRUE
urgency_slots      min
accounting_summary FALSE
qsort_args         NONE
EOC
qconf -Ap $R/pe; qconf -Ap $R/pe
cat > $R/q <<EOC
qname                 all.q
hostlist              vm
seq_no                0
load_thresholds       NONE
suspend_thresholds    NONE
nsuspend              1
suspend_interval      00:05:00
priority              0
min_cpu_interval      00:05:00
processors            UNDEFINED
qtype                 BATCH INTERACTIVE
ckpt_list             NONE
pe_list               smp
rerun                 FALSE
slots                 $((RANDOM % 3 + 3))
tmpdir                /tmp
shell                 /bin/sh
prolog                NONE
epilog                NONE
shell_start_mode      posix_compliant
starter_method        NONE
suspend_method        NONE
resume_method         NONE
terminate_method      NONE
notify                00:00:60
owner_list            NONE
user_lists            NONE
xuser_lists           NONE
subordinate_list      NONE
complex_values        NONE
projects              NONE
xprojects             NONE
calendar              NONE
initial_state         default
s_rt                  INFINITY
h_rt                  INFINITY
s_cpu                 INFINITY
h_cpu                 INFINITY
s_fsize               INFINITY
h_fsize               INFINITY
s_data                INFINITY
h_data                INFINITY
s_stack               INFINITY
h_stack               INFINITY
s_core                INFINITY
h_core                INFINITY
s_rss                 INFINITY
h_rss                 INFINITY
s_vmem                INFINITY
h_vmem                INFINITY
EOC
qconf -Aq $R/q; qconf -Aq $R/q
sed -e 's/^qname .*/qname short.q/' -e 's/^slots .*/slots 1/' -e 's/^h_rt .*/h_rt 0:0:5/' $R/q > $R/q2; qconf -Aq $R/q2
qconf -sconf > /dev/null
qconf -ssconf | sed -e 's/^schedule_interval .*/schedule_interval 0:0:2/' > $R/sconf; qconf -Msconf $R/sconf
printf "name devs\ntype ACL\nfshare 0\noticket 0\nentries cloudsdk\n" > $R/ul; qconf -Au $R/ul
qconf -au nobody devs; qconf -du nosuchuser devs; qconf -au nobody nosuchlist
printf "name proj1\noticket 0\nfshare 0\nacl NONE\nxacl NONE\n" > $R/prj; qconf -Aprj $R/prj; qconf -Aprj $R/prj
qconf -am cloudsdk; qconf -ao nobody; qconf -dm nosuchmgr
runuser -u nobody -- qconf -aq bad.q < /dev/null; runuser -u cloudsdk -- qconf -dq short.q
qconf -dq nosuch.q
start_execd
garbage 32444 32445
./submit.sh $((RANDOM % 30 + 50)) &
./submit.sh $((RANDOM % 30 + 50)) &
./submit.sh $((RANDOM % 20 + 20)) &
wait
qmod -d all.q; ./submit.sh 10; qmod -e all.q
qconf -sconf | sed -e 's/^max_u_jobs .*/max_u_jobs             $((RANDOM % 20 + 15))/' -e 's/^finished_jobs .*/finished_jobs          $((RANDOM % 50 + 50))/' > $R/gconf; qconf -Mconf $R/gconf
runuser -u cloudsdk -- qrsub -d 0:0:30 -pe smp 1; runuser -u nobody -- qrsub -a $(date -d '+1 hour' +%Y%m%d%H%M) -d 1:0:0; runuser -u nobody -- qrsub -d 0:0:10 -q nosuchq
for a in $(qrstat 2>/dev/null | awk 'NR>2{print $1}'); do qrdel $a; done; qrdel 9999
j=$(runuser -u cloudsdk -- qsub -terse -b y -wd $D/jobs -o /dev/null -j y /bin/sleep 8); sleep 4; qmod -rj $j; runuser -u nobody -- qsub -hold_jid $j -b y -wd $D/jobs -o /dev/null -j y /bin/true
qmod -d nosuch.q; qmod -sq all.q; sleep 1; qmod -usq all.q
qconf -aattr queue user_lists nosuchlist all.q; qconf -rattr queue shell /bin/bash all.q
qconf -mattr queue slots $((RANDOM % 3 + 2)) all.q; qconf -mattr queue nosuchattr 1 all.q
qconf -dm cloudsdk; qconf -do nobody; qconf -dprj proj1; qconf -dul devs
./submit.sh $((RANDOM % 20 + 20))
sleep 5
# execution daemon dies
kill -9 $(cat $EPID); sleep 1
./submit.sh 8
sleep 28
qmod -c '*' ; qstat -f > /dev/null
start_execd
./submit.sh $((RANDOM % 20 + 20))
garbage 32444
# qmaster restart with jobs in the database
./submit.sh 6 &
sleep 2
stop_qmaster; wait
start_qmaster
./submit.sh $((RANDOM % 20 + 20)) &
./submit.sh $((RANDOM % 10 + 10)) &
wait
qconf -dq short.q; qconf -de nosuchhost.invalid
sleep 10
qdel -u cloudsdk '*'; qdel -u nobody '*'
sleep 3
qconf -ke vm; sleep 3
stop_qmaster
start_qmaster
./submit.sh $((RANDOM % 20 + 20)) &
./submit.sh $((RANDOM % 20 + 20)) &
wait
stop_qmaster
start_qmaster
./submit.sh $((RANDOM % 10 + 10))
stop_qmaster
start_qmaster
qconf -ke vm; start_execd; ./submit.sh $((RANDOM % 20 + 20))
sleep 6; qconf -ke vm; sleep 3
stop_qmaster
for p in $(cat $R/pids); do kill -9 $p 2>/dev/null; done
umount /etc/hosts
wc -l $MSG
cp $MSG $D/messages.full
