#!/bin/bash
# Runs bcron 0.11 (Debian package files unpacked under /tmp/round40-r40b/bcron-pkg, not installed:
# installing it would remove the system's cron) in private mount+network namespaces:
# bcron-start (bcron-sched + bcron-exec), bcron-spool under unixserver, bcron-update, with
# MSG_DEBUG=31 and a private spool; crontabs are submitted with bcrontab (its own output is
# discarded). The daemons' stderr goes to one log.
set -u
HERE=/work/round40/bcron
R=/tmp/round40-r40b/bcron
PKG=/tmp/round40-r40b/bcron-pkg/root
if [ "${1:-}" != inner ]; then
  cd "$HERE" || exit 1
  if [ ! -x $PKG/usr/sbin/bcron-start ]; then  # unpack (not install) the Debian packages
    mkdir -p /tmp/round40-r40b/bcron-pkg && cd /tmp/round40-r40b/bcron-pkg && apt-get download bcron libbg2 ucspi-unix \
      && for d in bcron_*.deb libbg2_*.deb ucspi-unix_*.deb; do dpkg-deb -x $d root; done; cd "$HERE" || exit 1
  fi
  rm -rf "$R"; mkdir -p "$R"
  unshare -m -n --propagation private "$HERE/workload.sh" inner
  sed -n '1,2500p' "$R/raw.log" > "$HERE/bcron.log"
  wc -l "$HERE/bcron.log"
  exit 0
fi
cd "$HERE" || exit 1
set -m
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_RUNTIME_DIR=$R/xdg/run XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache
mkdir -p $HOME $TMPDIR $R/xdg/run $R/xdg/config $R/xdg/data $R/xdg/cache $R/etc/cron.d $R/tabs
chmod 1777 $TMPDIR $R/tabs
export PATH=$PKG/usr/sbin:$PKG/usr/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LD_LIBRARY_PATH=$PKG/usr/lib
export BCRON_SPOOL=$R/spool BCRON_SOCKET=$R/bcron-spool.sock BCRON_USER=daemon MSG_DEBUG=31
mkdir -p $R/spool/crontabs $R/spool/tmp; mkfifo $R/spool/trigger
chown -R daemon:daemon $R/spool; chmod 700 $R/spool/crontabs $R/spool/tmp; chmod 1777 $R
# job output mail goes nowhere
mount --bind /bin/true /usr/sbin/sendmail
LOG=$R/raw.log
RANDOM=$$
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start_sched() { bcron-start >> $LOG 2>&1 & SCHEDPID=$!; }
start_spool() { env UID=$(id -u daemon) GID=$(id -g daemon) unixserver -U $BCRON_SOCKET bcron-spool >> $LOG 2>&1 & SPOOLPID=$!; }
start_update() { bcron-update $R/etc/crontab $R/etc/cron.d >> $LOG 2>&1 & UPDPID=$!; }
jobline() {
  local t; t=$(pick "* * * * *" "* * * * *" "*/2 * * * *" "*/3 * * * *" "0-59/2 * * * *" "$((RANDOM%60)) * * * *")
  case $((RANDOM % 9)) in
    0) echo "$t echo hello from \$LOGNAME";;
    1) echo "$t exit $((RANDOM%4+1))";;
    2) echo "$t ls /nonexistent-$RANDOM";;
    3) echo "$t true";;
    4) echo "$t date >/dev/null";;
    5) echo "$t /nonexistent/bin/tool-$RANDOM";;
    6) echo "$t kill -9 \$\$";;
    7) echo "$t sleep $((RANDOM%3)); echo slept";;
    8) echo "$t cd /nonexistent-dir && echo never";;
  esac
}
mktab() {  # a user crontab, sometimes with bad lines
  local f=$R/tabs/tab-$RANDOM
  { echo "# crontab $RANDOM"; [ $((RANDOM%3)) = 0 ] && echo "MAILTO=\"\""
    for i in $(seq 1 $((RANDOM % 4 + 1))); do jobline; done
    [ $((RANDOM % 5)) = 0 ] && echo "this is not a cron line"
    [ $((RANDOM % 7)) = 0 ] && echo "99 * * * * echo bad minute"
  } > $f; chmod 644 $f; echo $f
}
mksys() {  # a system crontab with a user field
  local f=$1
  { echo "SHELL=/bin/sh"
    for i in $(seq 1 $((RANDOM % 3 + 1))); do read -r m h dm mo wd cmd <<< "$(jobline)"; echo "$m $h $dm $mo $wd $(pick root root daemon nosuchuser) $cmd"; done
    [ $((RANDOM % 4)) = 0 ] && echo "garbage line here"
  } > $f
}
USERS=(root cloudsdk postgres arpwatch ftn lyskom mrtg)
mksys $R/etc/crontab
start_sched; sleep 1; start_spool; start_update; sleep 1
END=$(( $(date +%s) + ${BCRON_RUN_SECONDS:-540} ))
while [ $(date +%s) -lt $END ]; do
  u=$(pick "${USERS[@]}")
  case $((RANDOM % 13)) in
    0|1|2) f=$(mktab); runuser -u $u -- bcrontab $f >/dev/null 2>&1;;
    3) runuser -u $u -- bcrontab -l >/dev/null 2>&1;;
    4) runuser -u $u -- bcrontab -r >/dev/null 2>&1;;
    5) f=$(mktab); bcrontab -u $(pick nosuchuser "bad/name") $f >/dev/null 2>&1;;
    6) f=$(mktab); runuser -u $(pick cloudsdk postgres) -- bcrontab -u $(pick root mrtg) $f >/dev/null 2>&1;;
    7) mksys $R/etc/cron.d/job$((RANDOM % 4));;
    8) rm -f $R/etc/cron.d/job$((RANDOM % 4));;
    9) [ $((RANDOM % 3)) = 0 ] && { kill -TERM $SCHEDPID; wait $SCHEDPID; sleep 1; start_sched; };;
    10) [ $((RANDOM % 3)) = 0 ] && { kill -TERM $UPDPID; wait $UPDPID; mksys $R/etc/crontab; start_update; };;
    11) f=$(mktab); runuser -u $u -- bcrontab -u $u $f >/dev/null 2>&1;;
    12) kill -USR1 $SCHEDPID;;   # bcron-sched dumps its crontabs
  esac
  sleep $((RANDOM % 8 + 2))
done
kill -TERM $UPDPID $SPOOLPID $SCHEDPID; wait
