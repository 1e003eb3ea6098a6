#!/bin/bash
# Drives fusioninventory-agent 2.6 (Debian) with a randomised workload.
# Runs itself in a private network + mount namespace; log: /work/round43/fusioninventory/fusioninventory.log
set -m
D=/work/round43/fusioninventory
B=/tmp/round43-r43b/fusioninventory
if [ "$1" != "--inside" ]; then
  cd $D || exit 1
  exec unshare -n -m --propagation private "$D/workload.sh" --inside
fi
cd $D || exit 1
ip link set lo up
rm -rf $B $D/out $D/var; mkdir -p $D/var $B/home $B/tmp $D/out
mount --bind $D/var /var/lib/fusioninventory-agent     # the agent's fixed vardir (no --vardir option in 2.6)
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/home/.config XDG_CACHE_HOME=$B/home/.cache XDG_DATA_HOME=$B/home/.local/share XDG_RUNTIME_DIR=$B/tmp
RAW=$D/fusioninventory-raw.log    # --logfile (cut below, then removed)
rm -f $RAW
LOG=$D/fusioninventory.log
R() { echo $(( RANDOM % $1 )); }
python3 $D/fakeserver.py 46510 & SRVPID=$!
trap 'kill $SRVPID 2>/dev/null' EXIT
sleep 1
FI=(fusioninventory-agent --conf-file $D/agent.cfg --debug --debug --logger=File --logfile=$RAW)
NOCAT=software,process,environment,local_group,local_user,user,controller,usb,slot,port,drive,input,storage,sound,video,monitor,printer,psu,battery,batteries,memory,network,firewall,remote_mgmt,lvm,virtualmachine
run_fg() { timeout 120 "${FI[@]}" "$@" >/dev/null 2>&1 </dev/null; }
server_run() {
  local u
  case $(R 14) in
    0)     u=http://127.0.0.1:46510/ocs/send ;;
    1|2|3|4) u=http://127.0.0.1:46510/ocs/noupdate ;;
    5)     u=http://127.0.0.1:46510/ocs/err500 ;;
    6)     u=http://127.0.0.1:46511/ocs/refused ;;
    7)     u=http://127.0.0.1:46510/ocs/slow ;;
    8)     u=http://127.0.0.1:46510/ocs/garbage ;;
    9)     u=http://127.0.0.1:46510/ocs/badxml ;;
    10)    u=http://127.0.0.1:46510/ocs/empty ;;
    11)    u=http://127.0.0.1:46510/ocs/forbidden ;;
    12)    u=http://127.0.0.1:46510/ocs/auth ;;
    13)    u=http://127.0.0.1:46510/ocs/plain ;;
  esac
  local extra=()
  case $(R 4) in 0) extra=(--user r43b --password goodpass) ;; 1) extra=(--user r43b --password badpass) ;; esac
  [ $(R 5) -eq 0 ] && extra+=(--force)
  [ $(R 4) -eq 0 ] && extra+=(--no-compression)
  [ $(R 5) -eq 0 ] && extra+=(--tag "t$(R 9)")
  run_fg --server "$u" --no-httpd --no-category=$NOCAT --tasks=$( [ $(R 3) -eq 0 ] && echo inventory,wakeonlan,maintenance || echo inventory ) "${extra[@]}"
}
daemon_run() {
  "${FI[@]}" --daemon --no-fork --pidfile=$B/agent.pid --server http://127.0.0.1:46510/ocs/$( [ $(R 2) -eq 0 ] && echo noupdate || echo send ) \
      --no-category=$NOCAT --delaytime=3 --tasks=inventory >/dev/null 2>&1 </dev/null &
  local pid=$!
  sleep 3
  for ((k=0; k<2+$(R 5); k++)); do
    case $(R 9) in
      0|1) curl -s -m 3 http://127.0.0.1:46512/ >/dev/null ;;
      2)   curl -s -m 3 http://127.0.0.1:46512/status >/dev/null ;;
      3)   curl -s -m 3 http://127.0.0.1:46512/now >/dev/null; sleep 2 ;;
      4)   curl -s -m 3 http://127.0.0.1:46512/no/such/path$(R 9) >/dev/null ;;
      5)   curl -s -m 3 http://127.0.0.1:46512/deploy/getFile/0123456789abcdef >/dev/null ;;
      6)   kill -USR1 $pid; sleep 2 ;;
      7)   kill -HUP $pid; sleep 2 ;;
      8)   curl -s -m 3 -X POST -d x=1 http://127.0.0.1:46512/now >/dev/null ;;
    esac
    sleep 1
  done
  # a second daemon against the same pid file
  [ $(R 3) -eq 0 ] && timeout 20 "${FI[@]}" --daemon --no-fork --pidfile=$B/agent.pid --local $D/out >/dev/null 2>&1 </dev/null
  kill -TERM $pid; wait $pid
}
N=${ROUNDS:-40}
for ((n=0; n<N; n++)); do
  a=$(R 100)
  if   [ $a -lt 7 ]; then run_fg --local $D/out --no-httpd $( [ $(R 2) -eq 0 ] && echo --html ) $( [ $(R 3) -eq 0 ] && echo --no-category=software,process )
  elif [ $a -lt 60 ]; then server_run
  elif [ $a -lt 75 ]; then daemon_run
  elif [ $a -lt 80 ]; then : > $B/notadir; run_fg --local $B/notadir/out --no-httpd --no-category=$NOCAT
  elif [ $a -lt 84 ]; then run_fg --local $D/out --no-httpd --tasks=nosuchtask
  elif [ $a -lt 88 ]; then run_fg --local $D/out --no-httpd --lazy --no-category=$NOCAT
  elif [ $a -lt 92 ]; then run_fg --no-httpd        # no target
  elif [ $a -lt 96 ]; then run_fg --server http://127.0.0.1:46510/ocs/send --local $D/out --no-httpd --no-category=$NOCAT --no-task=inventory
  else run_fg --local $D/out --no-httpd --additional-content=$D/no-such-content.xml --no-category=$NOCAT
  fi
done
kill $SRVPID
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $RAW > $LOG
rm -rf $D/out $RAW
umount /var/lib/fusioninventory-agent; rm -rf $D/var
