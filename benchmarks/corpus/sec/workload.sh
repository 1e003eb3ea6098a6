#!/bin/bash
# Randomised workload for SEC; runs itself in private network+mount namespaces.
cd /work/round41/sec || exit 1
if [ "$1" != inner ]; then exec unshare -n -m --propagation private "$0" inner; fi
set -m
ip link set lo up
R=/tmp/round41-r41d/sec/run
rm -rf "$R"; mkdir -p "$R"/home "$R"/tmp "$R"/xdg/config "$R"/xdg/data "$R"/xdg/cache "$R"/xdg/run
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_RUNTIME_DIR=$R/xdg/run TZ=UTC
RANDOM=${SEED:-4141}
C=/work/round41/sec/conf
cp $C/app.sec $R/extra.sec
: > $R/input1.log; : > $R/input2.log
start_sec() {
  sec --conf=$C/main.sec --conf=$R/extra.sec --input="$R/input*.log" --input=$R/missing.log \
      --log=$R/sec.raw.log --debug=6 --pid=$R/sec.pid --dump=$R/sec.dump \
      --intevents --intcontexts --cleantime=1 --reopen-timeout=2 --input-timeout=6 \
      --timeout-script=$C/check.sh --nodetach &
  SECPID=$!
  sleep 1.5
}
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
users=(alice bob carol dave root admin)
hosts=(web1 web2 db1 db2 badhost cache1)
ifs=(eth0 eth1 wlan0)
emit() {
  local f=$R/input$((RANDOM % 2 + 1)).log n=$((RANDOM % 100)) u=$(pick "${users[@]}") h=$(pick "${hosts[@]}")
  if   [ $n -lt 14 ]; then echo "sshd[$((RANDOM+100))]: Failed password for $u from 10.0.$((RANDOM%4)).$((RANDOM%250))" >> $f
  elif [ $n -lt 20 ]; then echo "sshd[$((RANDOM+100))]: Accepted password for $u from 10.0.1.$((RANDOM%250))" >> $f
  elif [ $n -lt 25 ]; then echo "kernel: $(pick "${ifs[@]}"): link down" >> $f
  elif [ $n -lt 33 ]; then j=$((RANDOM%6)); echo "job $j started" >> $f; [ $((RANDOM%3)) -gt 0 ] && echo "job $j $(pick finished failed)" >> $f
  elif [ $n -lt 38 ]; then b=$(pick home etc var); echo "backup $b begin" >> $f; [ $((RANDOM%2)) -eq 0 ] && echo "backup $b end" >> $f
  elif [ $n -lt 44 ]; then echo "check host $h" >> $f
  elif [ $n -lt 52 ]; then echo "disk sd$(pick a b c) error" >> $f
  elif [ $n -lt 57 ]; then echo "some noise here $RANDOM" >> $f
  elif [ $n -lt 60 ]; then echo "cmd shell echo hello-$RANDOM > /dev/null" >> $f
  elif [ $n -lt 62 ]; then echo "cmd spawn x$RANDOM" >> $f
  elif [ $n -lt 64 ]; then echo "cmd pipe data$RANDOM" >> $f
  elif [ $n -lt 67 ]; then echo "cmd ctx $h v$RANDOM" >> $f
  elif [ $n -lt 70 ]; then echo "cmd var $u$RANDOM" >> $f
  elif [ $n -lt 72 ]; then echo "cmd fail $u" >> $f
  elif [ $n -lt 74 ]; then echo "cmd bad $u" >> $f
  elif [ $n -lt 77 ]; then echo "cmd event $u" >> $f
  elif [ $n -lt 85 ]; then echo "app $(pick api worker ui) $(pick crash warn warn info)" >> $f
  elif [ $n -lt 91 ]; then echo "$(pick web db) $h slow" >> $f
  else echo "unmatched line $RANDOM from $h" >> $f
  fi
}
burst() { local k=$((RANDOM % ${1:-8} + 1)); for ((i=0;i<k;i++)); do emit; done; sleep 0.$((RANDOM%9+1)); }
start_sec
for round in $(seq 1 $((RANDOM % 3 + 8))); do
  for s in $(seq 1 $((RANDOM % 10 + 8))); do burst 12; done
  case $((RANDOM % 9)) in
    0|1) kill -HUP $SECPID ;;
    2)   kill -ABRT $SECPID ;;
    3)   kill -USR1 $SECPID ;;
    4)   kill -USR2 $SECPID ;;
    5)   mv $R/input1.log $R/input1.log.old; sleep 0.5; : > $R/input1.log ;;
    6)   rm -f $R/input2.log; burst 3; sleep 2.5; : > $R/input2.log ;;
    7)   cp $C/broken.txt $R/extra.sec; kill -ABRT $SECPID; sleep 1; burst 4; cp $C/app.sec $R/extra.sec; kill -HUP $SECPID ;;
    8)   for k in 1 2 3 4 5; do kill -INT $SECPID; sleep 0.3; burst 2; done ;;
  esac
  sleep 1
  [ $((RANDOM % 4)) -eq 0 ] && sleep 7   # input timeout
  if [ $((RANDOM % 3)) -eq 0 ]; then kill -TERM $SECPID; wait $SECPID; start_sec; fi
done
kill -USR1 $SECPID; sleep 0.5
cp $C/broken.txt $R/extra.sec; kill -HUP $SECPID; sleep 1; burst 3
kill -TERM $SECPID; wait $SECPID
# keep one contiguous stretch of whole lines (at most 2500)
sed -n '1,2500p' $R/sec.raw.log > /work/round41/sec/sec.log
wc -l $R/sec.raw.log /work/round41/sec/sec.log
