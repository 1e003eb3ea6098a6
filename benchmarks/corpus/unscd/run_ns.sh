#!/bin/bash
# Runs inside a private mount+network namespace (see workload.sh); writes nscd's stderr to $RAW.
D=/work/round41/unscd
RAW=$1
. $D/ns_setup.sh
export HOME=/tmp/round41-r41c/unscd/home TMPDIR=/tmp/round41-r41c/unscd/tmp XDG_RUNTIME_DIR=/tmp/round41-r41c/unscd/xdg XDG_CONFIG_HOME=/tmp/round41-r41c/unscd/xdg XDG_CACHE_HOME=/tmp/round41-r41c/unscd/xdg
NSCD="/usr/sbin/nscd -ddddd"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
q() {  # one random lookup, uneven weights
  local n=$(r 100)
  if   [ $n -lt 30 ]; then getent passwd $(pick alice bob carol alice dave erin root ghost mallory) ;
  elif [ $n -lt 40 ]; then getent passwd $(pick 1001 1002 0 65534 4242) ;
  elif [ $n -lt 55 ]; then getent group $(pick staff wheel devs staff nogroup missinggrp) ;
  elif [ $n -lt 60 ]; then getent group $(pick 50 10 2000 777) ;
  elif [ $n -lt 72 ]; then getent hosts $(pick alpha beta gamma.example.test localhost delta nohost.example) ;
  elif [ $n -lt 78 ]; then getent hosts $(pick 127.0.1.10 127.0.1.11 192.0.2.99 fd00::20) ;
  elif [ $n -lt 86 ]; then getent ahosts $(pick alpha gamma unknown.invalid) ;
  elif [ $n -lt 94 ]; then getent initgroups $(pick alice bob erin nobodyhere) ;
  else /usr/bin/python3 $D/rawclient.py $(pick badversion bogus partial overflow unterminated getstat eof hangup badinvalidate) $(pick alice carol); fi
} >/dev/null 2>&1
start() { $NSCD -f $1 2>>$RAW & NP=$!; sleep 0.5; }
touchfile() { local f=$D/etc/$1; cat $f > $TMPDIR/t; cat $TMPDIR/t > $f; echo "# edited $RANDOM" >> $f; }

# configurations that make nscd stop at start-up
for c in $(shuf -e bad-number long-line bad-user missing) $(pick bad-number missing long-line); do
  if [ $c = missing ]; then $NSCD -f $D/absent.conf 2>>$RAW; else $NSCD -f $D/$c.conf 2>>$RAW; fi
done

# first instance
start $D/nscd.conf
for i in $(seq $((5 + $(r 4)))); do q; [ $(r 5) = 0 ] && sleep 0.$(r 10); done
for k in $(shuf -n $((5 + $(r 4))) -e badversion bogus partial overflow unterminated getstat eof hangup badinvalidate); do /usr/bin/python3 $D/rawclient.py $k $(pick bob erin); done
touchfile passwd; q; getent passwd alice >/dev/null
sleep $((2 + $(r 3)))
for i in $(seq $((3 + $(r 3)))); do q; done
/usr/sbin/nscd -i passwd >/dev/null
setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 $D/rawclient.py invalidate group
/usr/bin/python3 $D/rawclient.py badinvalidate
for i in $(seq $((3 + $(r 4)))); do q; done
touchfile group; getent group staff >/dev/null
sleep 7
for i in $(seq $((2 + $(r 3)))); do q; done
setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 $D/rawclient.py shutdown
/usr/sbin/nscd -K >/dev/null
wait $NP

# second instance: hosts cache off, config warnings
start $D/nscd-nohosts.conf
for i in $(seq $((5 + $(r 4)))); do q; done
getent hosts beta >/dev/null; getent ahosts alpha >/dev/null
/usr/bin/python3 $D/rawclient.py shutdown
wait $NP

# third instance, stopped by a signal
start $D/nscd.conf
for i in $(seq $((6 + $(r 4)))); do q; [ $(r 4) = 0 ] && sleep 0.$(r 10); done
for i in $(seq $((2 + $(r 3)))); do n=$(pick ahosts initgroups); w=$(pick alpha alice); ps=""; for j in 1 2 3; do getent $n $w >/dev/null & ps="$ps $!"; done; wait $ps; done
touchfile hosts; getent hosts gamma >/dev/null
for i in $(seq $((3 + $(r 4)))); do q; done
sleep 3
kill -TERM $NP; wait $NP
