#!/bin/bash
# Randomised workload for ecflow_server 5.9.2 on port 44600: load, begin, run and alter suites
# through ecflow_client; tasks report back with ecflow_client; errors, bad input, restarts.
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34f/ecf
export ECF_PORT=44600 ECF_HOST=localhost
mkdir -p $T/home
cp "$HERE"/suite/*.h "$HERE"/suite/*.ecf $T/home/
for i in 1 2 3 4 5 6; do cp $T/home/work.ecf $T/home/t$i.ecf; done
cp $T/home/wait.ecf $T/home/w.ecf; cp $T/home/quick.ecf $T/home/late.ecf
r() { echo $(( RANDOM % $1 )); }
C() { timeout 20 ecflow_client "$@" >/dev/null 2>&1; }
start_server() { (cd $T/home && ECF_HOME=$T/home ECF_LOG=ecf.log ECF_CHECKINTERVAL=30 ecflow_server --port=44600 >$T/server.out 2>&1 & echo $! >$T/server.pid); sleep 2; }
gen_def() { # $1 suite name
  local s=$1 n=$((2 + $(r 4)))
  {
    echo "suite $s"
    echo "  edit ECF_HOME '$T/home'"; echo "  edit ECF_INCLUDE '$T/home'"; echo "  edit ECF_FILES '$T/home'"
    echo "  family f"
    for i in $(seq 1 $n); do
      echo "    task t$i"
      echo "      meter progress 0 100 100"; echo "      event ready"; echo "      label info ''"
      [ $i -gt 1 ] && [ $(r 2) = 0 ] && echo "      trigger t$((i-1)) == complete"
    done
    [ $(r 2) = 0 ] && { echo "    task w"; }
    [ $(r 3) = 0 ] && { echo "    task broken"; }
    [ $(r 3) = 0 ] && { echo "    task var"; }
    [ $(r 2) = 0 ] && { echo "    task quick"; echo "      repeat integer i 1 $((1 + $(r 3)))"; }
    [ $(r 3) = 0 ] && { echo "    task alien"; }
    [ $(r 4) = 0 ] && { echo "    task late"; echo "      time +00:01"; }
    echo "  endfamily"
    echo "endsuite"
  } > $T/$s.def
}
rand_node() { local s=$1; case $(r 5) in 0) echo /$s;; 1) echo /$s/f;; 2) echo /$s/f/nosuch;; *) echo /$s/f/t$((1 + $(r 3)));; esac; }
start_server
C --ping; C --server_version; C --restart
suites=()
for round in $(seq ${ROUNDS:-5}); do
  s=s$RANDOM; gen_def $s; suites+=($s)
  C --load=$T/$s.def; C --begin=$s
  [ $(r 3) = 0 ] && C --load=$T/$s.def          # already loaded
  for step in $(seq $((6 + $(r 10)))); do
    s=${suites[$(r ${#suites[@]})]}; n=$(rand_node $s)
    case $(r 24) in
      0) C --suspend=$n ;; 1) C --resume=$n ;; 2) C --requeue $n ;; 3) C --requeue abort $n ;;
      4) C --force=complete $n ;; 5) C --force=aborted $n ;; 6) C --run $n ;; 7) C --run force $n ;;
      8) C --alter=add variable V$(r 9) x$RANDOM $n ;; 9) C --alter=change label info "v$RANDOM" $n ;;
      10) C --alter=delete variable V$(r 9) $n ;; 11) C --alter=change meter progress $((RANDOM % 100)) $n ;;
      12) C --get=$n ;; 13) C --stats ;; 14) C --news ;; 15) C --sync_full 0 ;;
      16) C --order=$n top ;; 17) C --kill $n ;; 18) C --status $n ;; 19) C --check=$n ;;
      20) C --edit_history=$n ;; 21) C --load=/nonexistent/file.def ;; 22) C --why=$n ;;
      23) C --delete=yes $n ;;
    esac
    sleep 0.$(r 9)
  done
  sleep $((2 + $(r 5)))
  case $(r 10) in
    0) C --halt=yes; C --check_pt; C --restart ;;
    1) C --shutdown=yes; sleep 1; C --restart ;;
    2) C --check_pt ;;
    3) C --log=msg "note $RANDOM"; C --log=new ;;
    4) C --server_load ;;
    5) C --ping ;;
    6) ECF_PASSWD=/nonexistent C --stats; C --user=nobody --suspend=/$s ;;
    7) C --halt=yes; C --terminate=yes; sleep 1; start_server; C --restart ;;
    8) C --debug_server_on; C --debug_server_off ;;
    9) C --zombie_get ;;
  esac
  if [ ${#suites[@]} -gt 3 ]; then C --delete=force yes /${suites[0]}; suites=("${suites[@]:1}"); fi
done
sleep 5
C --halt=yes; C --terminate=yes
sleep 1; kill $(cat $T/server.pid) 2>/dev/null
cp $T/home/*.ecf.log "$HERE/ecflow.full.log"
