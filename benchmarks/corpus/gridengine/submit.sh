#!/bin/bash
# Random Grid Engine client actions: $1 = number of actions. Runs inside the workload's namespace.
D=/work/round30/gridengine
U=(cloudsdk nobody cloudsdk)
as() { runuser -u "$1" -- "${@:2}"; }
for i in $(seq 1 $1); do
  u=${U[$((RANDOM % 3))]}
  case $((RANDOM % 22)) in
    0|1|2|3) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -N "j$RANDOM" /bin/sleep $((RANDOM % 4)) ;;
    4) as $u qsub -b y -wd $D/jobs -o /dev/null -j y /bin/sh -c "exit $((RANDOM % 3))" ;;
    5) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -t 1-$((RANDOM % 4 + 2)) /bin/sleep 1 ;;
    6) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -l h_rt=0:0:2 /bin/sleep 30 ;;
    7) as $u qsub -b y -wd $D/jobs -o /dev/null -j y /no/such/binary$RANDOM ;;
    8) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -l nosuchres=1 /bin/true ;;
    9) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -q nosuchq /bin/true ;;
    10) j=$(as $u qsub -terse -h -b y -wd $D/jobs -o /dev/null -j y /bin/sleep 1); sleep 0.2; as $u qrls $j ;;
    11) j=$(as $u qsub -terse -b y -wd $D/jobs -o /dev/null -j y /bin/sleep 20); sleep $((RANDOM % 3)); as $u qdel $j ;;
    12) qdel $((RANDOM % 50 + 9000)) ;;
    13) j=$(as $u qsub -terse -b y -wd $D/jobs -o /dev/null -j y /bin/sleep 6); sleep 1; as $u qalter -p -$((RANDOM % 100)) $j; qmod -sj $j; sleep 1; qmod -usj $j ;;
    14) qsub -b y -wd $D/jobs -o /dev/null -j y /bin/true ;;          # root: below min_uid
    15) as $u qsub -b y -wd /nonexistent/dir -o /dev/null -j y /bin/true ;;
    16) as $u qdel -u $u '*' ;;
    17) j=$(as cloudsdk qsub -terse -b y -wd $D/jobs -o /dev/null -j y /bin/sleep 3); as nobody qdel $j ;;  # not owner
    18) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -pe smp $((RANDOM % 3 + 1)) /bin/sleep 1 ;;
    19) as $u qsub -b y -wd $D/jobs -o /dev/null -j y -l h_vmem=1G,mem_free=$((RANDOM % 3))G /bin/sleep 1 ;;
    20) qstat -f >/dev/null; qhost >/dev/null; qstat -j $((RANDOM % 30 + 1)) >/dev/null ;;
    21) j=$(as $u qsub -terse -b y -wd $D/jobs -o /dev/null -j y -a $(date -d '+5 sec' +%Y%m%d%H%M.%S) /bin/sleep 1) ;;
  esac
  sleep 0.$((RANDOM % 5))
done >/dev/null 2>&1
