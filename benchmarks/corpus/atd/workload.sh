#!/bin/bash
# Runs atd (Debian at 3.2.5) in private mount+network namespaces with private spool
# directories, /run and /dev/log (a private rsyslogd), and drives it with at/batch jobs.
set -u
HERE=/work/round40/atd
R=/tmp/round40-r40b/atd
if [ "${1:-}" != inner ]; then
  cd "$HERE" || exit 1
  rm -rf "$R"; mkdir -p "$R"
  unshare -m -n --propagation private "$HERE/workload.sh" inner
  # the kept stretch: the whole log up to 2500 lines
  sed -n '1,2500p' "$R/raw.log" > "$HERE/atd.log"
  wc -l "$HERE/atd.log"
  exit 0
fi
cd "$HERE" || exit 1
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/xdg/run XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache
mkdir -p $HOME $TMPDIR $R/xdg/run $R/xdg/config $R/xdg/data $R/xdg/cache $R/rsyslog $R/olddev $R/atjobs $R/atspool $R/out
chmod 1777 $TMPDIR $R/out
# private /dev with the usual nodes, so /dev/log is ours
mount --bind /dev $R/olddev
mount -t tmpfs -o mode=755 tmpfs /dev
for n in null zero full random urandom tty; do touch /dev/$n; mount --bind $R/olddev/$n /dev/$n; done
mkdir /dev/pts /dev/shm; mount --bind $R/olddev/pts /dev/pts; mount -t tmpfs -o mode=1777 tmpfs /dev/shm
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
umount -l $R/olddev
# private /run and spool
mount -t tmpfs -o mode=755 tmpfs /run
chown daemon:daemon $R/atjobs $R/atspool; chmod 1770 $R/atjobs $R/atspool
touch $R/atjobs/.SEQ; chown daemon:daemon $R/atjobs/.SEQ; chmod 600 $R/atjobs/.SEQ
mount --bind $R/atjobs /var/spool/cron/atjobs
mount --bind $R/atspool /var/spool/cron/atspool
# job output mail goes nowhere
mount --bind /bin/true /usr/sbin/sendmail
rsyslogd -n -f $HERE/rsyslog.conf -i $R/rsyslog.pid & RSPID=$!
sleep 1
RANDOM=$$
USERS=(root root root cloudsdk postgres arpwatch ftn gkrellmd lyskom arpalert mrtg)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start_atd() { /usr/sbin/atd -f -b $((RANDOM%3+1)) -l 50 & ATDPID=$!; sleep 0.5; }
stop_atd() { kill -TERM $ATDPID 2>/dev/null; wait $ATDPID 2>/dev/null; }
jobtext() {
  case $((RANDOM % 7)) in
    0) echo "echo hello from job \$\$; date";;
    1) echo "exit $((RANDOM%5+1))";;
    2) echo "ls /nonexistent-$RANDOM";;
    3) echo "true";;
    4) echo "sleep 0.$((RANDOM%9)); echo done >/dev/null";;
    5) echo "cat /etc/hostname; false";;
    6) echo "kill -9 \$\$";;
  esac
}
submit() {  # submit one job as a random user, via at or batch
  local u; u=$(pick "${USERS[@]}")
  local q=$(pick a a a b c d)
  if [ $((RANDOM%4)) = 0 ]; then
    jobtext | runuser -u "$u" -- batch >/dev/null 2>&1
  else
    jobtext | runuser -u "$u" -- at -q $q now >/dev/null 2>&1
  fi
}
# hand-made job files in the spool (bad submissions); name: queue, jobno, minutes
inject() {
  local kind=$1 n=$(( (RANDOM % 60000) + 4096 )) m=$(( $(date +%s) / 60 - 1 ))
  local f; f=$(printf 'a%05x%08x' $n $m)
  local p=$R/atjobs/$f
  case $kind in
    badformat) printf '#!/bin/sh\necho not an at job\n' > $p; chown daemon:daemon $p;;
    uidmismatch) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root 0\ntrue\n' > $p; chown 1000:1000 $p;;
    nouser) printf '#!/bin/sh\n# atrun uid=4242 gid=4242\n# mail nobody 0\ntrue\n' > $p; chown 4242:4242 $p;;
    badmail) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail -oi 0\ntrue\n' > $p;;
    linked) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root 0\ntrue\n' > $p; ln $p $R/tmp/hl1-$n; ln $p $R/tmp/hl2-$n;;
    symlink) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root 0\ntrue\n' > $R/tmp/target-$n; ln -s $R/tmp/target-$n $p;;
    dupout) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root 1\necho dup\n' > $p; echo stale > $R/atspool/$f;;
    good) printf '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root %d\necho injected\n' $((RANDOM%2)) > $p;;
  esac
  chmod 700 $p 2>/dev/null
}
cleanup() {
  for l in $R/atjobs/*; do [ -L "$l" ] || continue; b=$(basename "$l"); rm -f "$l" "$R/atjobs/=${b:1}"; done
}
# a stale pid file from a dead atd, then start
echo 999999 > /run/atd.pid
start_atd
# a second atd while the first runs
/usr/sbin/atd -f >/dev/null 2>&1
ROUNDS=$((RANDOM % 5 + 12))
for r in $(seq 1 $ROUNDS); do
  n=$((RANDOM % 40 + 10))
  for i in $(seq 1 $n); do submit; done
  k=$((RANDOM % 6))
  for i in $(seq 1 $k); do inject $(pick badformat badformat uidmismatch nouser badmail linked symlink dupout good good); done
  kill -HUP $ATDPID
  sleep $((RANDOM % 3 + 2))
  # the admin clears out jobs that cannot run (and their lock links)
  cleanup
  case $((RANDOM % 8)) in
    0) stop_atd; start_atd;;                       # clean restart
    1) kill -KILL $ATDPID; wait $ATDPID 2>/dev/null; start_atd;;  # crash: pid file left behind
    2) /usr/sbin/atd -f >/dev/null 2>&1;;          # another atd refused
    3|4|5) stop_atd                                # restart with a bad command line first
       case $((RANDOM % 5)) in
         0) /usr/sbin/atd -f -l high;; 1) /usr/sbin/atd -f -b soon;; 2) /usr/sbin/atd -f -x;;
         3) /usr/sbin/atd -f extra-argument;;
         4) mount -o remount,ro /run; /usr/sbin/atd -f; mount -o remount,rw /run;;
       esac >/dev/null 2>&1
       start_atd;;
    *) :;;
  esac
done
# let batch jobs drain
cleanup
for i in $(seq 1 40); do kill -HUP $ATDPID; sleep 1; ls $R/atjobs | grep -q '^[a-z]' || break; done
stop_atd
kill -TERM $RSPID; wait $RSPID
