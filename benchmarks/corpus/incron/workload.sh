#!/bin/bash
# Randomised workload for incrond, logged through a private rsyslogd inside a private
# mount namespace (its /dev/log is a socket in this folder).
D=/work/round30/incron
R=$D/run
if [ -z "$IN_PRIVATE_NS" ]; then
  rm -rf $R; mkdir -p $R/dev
  rm -f $D/incron.log
  IN_PRIVATE_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
cd $D
# private /dev with the few nodes needed, plus our own log socket
for f in null zero urandom random full tty; do touch $R/dev/$f; mount --bind /dev/$f $R/dev/$f; done
ln -s /proc/self/fd $R/dev/fd
mount --bind $R/dev /dev

mkdir -p $R/rsyslog-work
cat > $R/rsyslog.conf <<EOC
global(workDirectory="$R/rsyslog-work")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="/dev/log" CreatePath="on")
cron.* action(type="omfile" file="$D/incron.log")
EOC
/usr/sbin/rsyslogd -n -f $R/rsyslog.conf -i $R/rsyslogd.pid &
RSYS=$!
sleep 1

SYS=$R/incron.d; USR=$R/spool; W=$R/w
mkdir -p $SYS $USR $R/lock $W/a $W/b $W/c $W/d $W/priv $R/out
for x in a b c d; do mkdir -p $W/$x/sub0 $W/$x/sub1 $W/$x/sub2; echo s > $W/$x/sub1/keep; done
chmod 700 $W/priv; chmod 777 $R/out $W/c $W/d
echo -e "games\nghost\nlp" > $R/incron.deny
mkconf() { # $1 sysdir $2 userdir $3 lockdir
cat > $R/incron.conf <<EOC
system_table_dir = $1
user_table_dir = $2
allowed_users = $R/incron.allow
denied_users = $R/incron.deny
lockfile_dir = $3
lockfile_name = incrond
EOC
}
mkconf $SYS $USR $R/lock
MASKS=(IN_CREATE,IN_DELETE IN_CLOSE_WRITE IN_MOVED_TO,IN_MOVED_FROM IN_CREATE,IN_CLOSE_WRITE,IN_DELETE IN_ATTRIB,IN_CREATE IN_CLOSE_WRITE,IN_DELETE,IN_MOVED_TO)
rm_() { echo ${MASKS[$((RANDOM % ${#MASKS[@]}))]}; }
echo "$W/a $(rm_) echo \$@ \$# \$% >> $R/out/sys.txt" > $SYS/main
echo "$W/d IN_CREATE,IN_DELETE,recursive=false /bin/true \$& \$#" > $SYS/.hidden
echo "$W/b $(rm_) echo \$#:\$%:\$& >> $R/out/root.txt" > $USR/root
echo "$W/b/*.dat IN_CLOSE_WRITE,recursive=false ls -l \$@/\$# > /dev/null" >> $USR/root
{ echo "$W/c $(rm_) echo \$# >> $R/out/nobody.txt"; echo "$W/priv IN_CREATE /bin/true"; echo "$R/missing-dir IN_CREATE /bin/true"; } > $USR/nobody
echo "$W/a IN_CREATE /bin/true" > $USR/games
echo "$W/a IN_DELETE,IN_MOVED_TO echo \$# >> $R/out/root-a.txt" >> $USR/root
echo "$W/c $(rm_) echo \$@ >> $R/out/root-c.txt" >> $USR/root
echo "$W/d IN_CLOSE_WRITE,IN_MOVED_FROM,recursive=false echo \$% >> $R/out/root-d.txt" >> $USR/root
echo "$W/b $(rm_) echo \$# >> $R/out/sys-b.txt" >> $SYS/main

start_incrond() { /usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1 & INC=$!; sleep 0.6; }
stop_incrond() { kill $INC 2>/dev/null; wait $INC 2>/dev/null; }
fileops() { # $1 = number of operations
  for i in $(seq 1 $(( $1 * 3 / 2 ))); do
    dir=$W/$(echo a b c d priv a/sub1 c/sub0 | tr ' ' '\n' | shuf -n1)
    [ -d $dir ] || dir=$W/a
    f=f$((RANDOM % 20))
    case $((RANDOM % 9)) in
      0|1) echo "data $RANDOM" > $dir/$f ;;
      2) touch $dir/$f.dat; echo x >> $dir/$f.dat ;;
      3) [ -e $dir/$f ] && mv $dir/$f $dir/$f.moved || echo y > $dir/$f ;;
      4) rm -f $dir/$f $dir/$f.moved $dir/$f.dat ;;
      5) chmod 644 $dir/$f 2>/dev/null || : > $dir/$f ;;
      6) echo z > $R/out/tmp$i; mv $R/out/tmp$i $dir/in$((RANDOM % 5)) ;;
      7) echo "weird name" > "$dir/sp ace $((RANDOM % 3))" ;;
      8) [ $((RANDOM % 6)) -eq 0 ] && rm -rf $dir/sub$((RANDOM % 3)) || rm -f $dir/in* ;;
    esac
    sleep 0.0$((RANDOM % 5))
  done
  sleep 0.5
}

start_incrond
# a second instance must refuse
/usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1
fileops $((RANDOM % 80 + 120))
# table changes while running
echo "$W/a $(rm_) echo changed \$# >> $R/out/sys.txt" > $SYS/main; sleep 0.3
echo "$W/d $(rm_),recursive=false echo \$@ >> $R/out/sys2.txt" > $SYS/extra; sleep 0.3
echo "$W/c IN_CLOSE_WRITE echo \$# >> $R/out/www.txt" > $USR/www-data; sleep 0.3
echo "$W/a IN_DELETE /bin/true" > $USR/lp; sleep 0.3
echo "$W/a IN_CLOSE_WRITE /bin/true \$#" > $USR/nosuchuser; sleep 0.3
fileops $((RANDOM % 80 + 100))
echo "$W/b $(rm_) echo \$# >> $R/out/root.txt" > $USR/root; sleep 0.3
mv $USR/nobody $R/nobody.bak; sleep 0.3
echo "$W/c IN_CREATE,IN_DELETE echo \$# \$% >> $R/out/daemon.txt" > $R/daemon.tmp; mv $R/daemon.tmp $USR/daemon; sleep 0.3
fileops $((RANDOM % 60 + 80))
rm -f $SYS/extra; sleep 0.3
mv $R/nobody.bak $USR/nobody; sleep 0.3
fileops $((RANDOM % 60 + 60))
stop_incrond
# start-up failures
mkconf $R/no-such-sysdir $USR $R/lock; /usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1
mkconf $SYS $R/no-such-userdir $R/lock; /usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1
mkconf $SYS $USR $R/no-such-lockdir; /usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1
mkconf $SYS $USR $R/lock
echo garbage > $R/lock/incrond.pid; /usr/sbin/incrond -n -f $R/incron.conf >>$R/incrond.stderr 2>&1
echo 999999 > $R/lock/incrond.pid   # stale lock is cleaned up
start_incrond
fileops $((RANDOM % 60 + 80))
rm -f $USR/www-data $USR/daemon $USR/nosuchuser; sleep 0.3
fileops $((RANDOM % 40 + 40))
stop_incrond
# restart, then remove the system table directory under the daemon
start_incrond
fileops $((RANDOM % 40 + 40))
rm -f $SYS/main $SYS/.hidden; sleep 0.3
rmdir $SYS; sleep 0.5
fileops 5
stop_incrond
kill $RSYS; wait $RSYS
umount /dev
wc -l $D/incron.log
