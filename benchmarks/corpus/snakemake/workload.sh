#!/bin/bash
# Randomised workload for Snakemake (--verbose): repeated runs of the workflow in wf/ (copied to
# /tmp/round42-r42f/smk/run), with dry runs, forced reruns, failing jobs, bad targets, bad config,
# a broken Snakefile and lock conflicts; every run's stdout+stderr is appended to one capture file,
# from which the kept stretch is cut. Runs in a private network + mount namespace.
# Run: bash /work/round42/snakemake/workload.sh
if [ -z "$R42F_IN_NS" ]; then
  export R42F_IN_NS=1
  exec unshare -n -m --propagation private /bin/bash "$0" "$@"
fi
set -m
cd /work/round42/snakemake || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
S=/tmp/round42-r42f/smk
rm -rf $S/run $S/home $S/tmp $S/xdg $S/full.log
mkdir -p $S/run $S/home $S/tmp $S/xdg/config $S/xdg/cache $S/xdg/data
cp /work/round42/snakemake/wf/Snakefile /work/round42/snakemake/wf/Snakefile.bad /work/round42/snakemake/wf/config.yaml $S/run/
export HOME=$S/home TMPDIR=$S/tmp XDG_CONFIG_HOME=$S/xdg/config XDG_CACHE_HOME=$S/xdg/cache XDG_DATA_HOME=$S/xdg/data
cd $S/run
SMK="/tmp/round42-r42f/venv-smk/bin/snakemake --verbose"
pick() { echo "${@:RANDOM % $# + 1:1}"; }
run() { $SMK "$@" >> $S/full.log 2>&1; }
for iter in $(seq 1 40); do
  c=$((RANDOM % 2 + 1))
  case $((RANDOM % 18)) in
    0|1) run -c$c ;;
    2) run -c$c --dry-run ;;
    3) run -c$c --forceall $(pick "" --printshellcmds) ;;
    4) run -c$c --config fail=$(pick alpha beta gamma) $(pick "" --keep-going) ;;
    5) run -c$c --config fail=run_$(pick alpha beta gamma) $(pick "" --keep-going) ;;
    6) run -c$c results/orphan_$(pick a b).txt ;;
    7) run -c$c nosuchtarget.txt ;;
    8) touch data/$(pick alpha beta gamma).txt; run -c$c $(pick "" --dry-run) ;;
    9) rm -rf results/$(pick proc stats "") ; run -c$c ;;
    10) run -c$c --configfile nosuch.yaml ;;
    11) run -c$c --snakefile Snakefile.bad ;;
    12) run -c$c --forcerun $(pick process generate stats) --until $(pick merge stats) ;;
    13) $SMK -c1 --forceall >> $S/full.log 2>&1 & P=$!; sleep 2; run -c1 --dry-run; wait $P ;;
    14) run --unlock ;;
    15) run -c$c --summary ;;
    16) run -c$c --rerun-incomplete --forcerun stats ;;
    17) run -c$c --list-rules ;;
  esac
done
umount /dev/shm
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $S/full.log > /work/round42/snakemake/snakemake.log
wc -l $S/full.log /work/round42/snakemake/snakemake.log
