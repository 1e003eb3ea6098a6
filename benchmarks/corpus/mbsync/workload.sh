#!/bin/bash
# Randomised workload for mbsync (isync 1.4.4) against a private Dovecot, in private net+mount namespaces.
# Output of every mbsync run (stdout+stderr) is appended to $R/raw.log; a stretch is cut to mbsync.log.
HERE=/work/round40/mbsync
R=/tmp/round40-r40f/mb
if [ -z "$R40F_INNER" ]; then
  cd "$HERE" || exit 1
  exec unshare -n -m --fork env R40F_INNER=1 bash "$HERE/workload.sh" "$@"
fi
cd "$HERE" || exit 1
set -m
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
RANDOM=${SEED:-4040}
rm -rf "$R"; mkdir -p $R/{run,state,mail,home,tmp,local,xdg/config,xdg/data,xdg/cache,xdg/state}
chmod 755 $R
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data \
       XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/tmp
sed "s#D/#$R/#g" dovecot.conf > $R/dovecot.conf
printf 'alice:{PLAIN}secret1\nbob:{PLAIN}secret2\n' > $R/users
RAW=$R/raw.log; : > $RAW

DP=
start_dovecot() { /usr/sbin/dovecot -F -c $R/dovecot.conf & DP=$!; sleep 1; }
stop_dovecot() { [ -n "$DP" ] && kill $DP 2>/dev/null; wait $DP 2>/dev/null; DP=; }
python3 fakeimap.py 56510=silent 56511=close 56512=garbage 56513=bye 56514=nocap 56515=hang 56516=drop & FP=$!

N=0
mkmsg() { # dir size
  local d=$1; mkdir -p $d/new $d/cur $d/tmp; N=$((N+1))
  local f=$d/new/$(date +%s).R$RANDOM$N.host
  { echo "From: sender$((RANDOM%20))@example.org"; echo "To: alice@example.org"
    echo "Subject: message $N about topic $((RANDOM%50))"; echo "Message-ID: <m$N.$RANDOM@example.org>"
    echo "Date: $(date -R)"; echo; for i in $(seq $((1 + ${2:-RANDOM%20}))); do echo "line $i of the body text $RANDOM"; done; } > $f
}
srvbox() { [ "$1" = INBOX ] && echo $R/mail/alice || echo $R/mail/alice/.$1; }
FOLDERS="INBOX Work Lists Archive"
fixown() { chown -R nobody:nogroup $R/mail $R/home 2>/dev/null; }

DEFOPTS=$'Create Both\nRemove Both\nExpunge Both'
rc() { # name host port user pass extra-channel-lines...
  local f=$R/$1.rc; shift
  cat > $f <<EOC
IMAPAccount acc
Host $1
Port $2
User $3
Pass $4
SSLType None
AuthMechs LOGIN PLAIN
Timeout 3

IMAPStore far
Account acc

MaildirStore near
Path $R/local/
Inbox $R/local/INBOX
SubFolders Verbatim

Channel all
Far :far:
Near :near:
Patterns *
SyncState *
${5:-$DEFOPTS}

Channel inbox
Far :far:INBOX
Near :near:INBOX
SyncState *
$6

Group everything
Channel all
EOC
}
rc good 127.0.0.1 56501 alice secret1
rc badpass 127.0.0.1 56501 alice wrongpass
rc nouser 127.0.0.1 56501 mallory secret3
rc refused 127.0.0.1 56502 alice secret1
rc noresolve mail.r40f.invalid 56501 alice secret1
for m in 56510 56511 56512 56513 56514 56515 56516; do rc fake$m 127.0.0.1 $m alice secret1; done
rc pull 127.0.0.1 56501 alice secret1 $'Sync Pull\nMaxMessages 5\nExpireUnread yes\nCreate Near' $'MaxSize 2k'
rc push 127.0.0.1 56501 alice secret1 $'Sync Push Flags\nCopyArrivalDate yes\nCreate Far'
rc newonly 127.0.0.1 56501 alice secret1 $'Sync New ReNew\nCreate Near\nRemove None'
rc nocreate 127.0.0.1 56501 alice secret1 $'Create None\nRemove None'
rc exp 127.0.0.1 56501 alice secret1 $'Expunge Far\nCreate Both' $'Sync All\nExpunge Near'
# broken configurations
cp $R/good.rc $R/bad1.rc; sed -i 's/^Timeout 3/Timeout soon/' $R/bad1.rc
cp $R/good.rc $R/bad2.rc; sed -i 's/^Create Both/Create Sometimes/' $R/bad2.rc; sed -i 's/^SyncState \*$/SyncState */' $R/bad2.rc
cp $R/good.rc $R/bad3.rc; sed -i 's/^Far :far:INBOX/Far :faraway:INBOX/' $R/bad3.rc
cp $R/good.rc $R/bad4.rc; sed -i 's/^Expunge Both/Expunge Both\nFrobnicate yes/' $R/bad4.rc
cp $R/good.rc $R/bad5.rc; sed -i 's/^SSLType None/SSLType None\nCertificateFile \/nonexistent\/r40f.pem/' $R/bad5.rc
cp $R/good.rc $R/bad6.rc; echo 'FieldDelimiter ::' >> $R/bad6.rc
cp $R/good.rc $R/bad7.rc; sed -i 's/^Pass secret1/Pass "secret1/' $R/bad7.rc
cp $R/good.rc $R/bad8.rc; sed -i 's/^Channel inbox/Channel inbox extra/' $R/bad8.rc
cp $R/good.rc $R/bad9.rc; sed -i 's/^Near :near:$/Near near/' $R/bad9.rc
cp $R/good.rc $R/bad10.rc; sed -i 's/^Sync All/Sync All Pull/' $R/exp.rc; sed -i 's/^SyncState \*/SyncState *\nSync Pull Push Full/' $R/bad10.rc
cp $R/good.rc $R/bad11.rc; sed -i 's/^Pass secret1/PassCmd "exit 3"/' $R/bad11.rc
cp $R/good.rc $R/bad12.rc; sed -i 's/^Port 56501/Port 56501\nTunnel "exit 1"/' $R/bad12.rc
cp $R/good.rc $R/bad13.rc; sed -i 's/^Inbox .*/Inbox \/proc\/r40f-no-such-dir\/INBOX/' $R/bad13.rc
BADS="bad1 bad2 bad3 bad4 bad5 bad6 bad7 bad8 bad9 bad10 bad11 bad12 bad13"

mb() { timeout 40 mbsync "$@" >> $RAW 2>&1; }
pick() { local a=($@); echo ${a[RANDOM % ${#a[@]}]}; }

start_dovecot
for i in $(seq 5); do mkmsg $R/mail/alice; done; fixown
mb -V -c $R/good.rc -a
for it in $(seq ${ITER:-220}); do
  # change the mail on both sides
  for k in $(seq $((RANDOM % 4))); do f=$(pick $FOLDERS); mkmsg $(srvbox $f) $((RANDOM%3==0 ? 200 : RANDOM%20)); done
  for k in $(seq $((RANDOM % 3))); do mkmsg $R/local/$(pick $FOLDERS); done
  if ((RANDOM % 3 == 0)); then x=$(ls $R/mail/alice/cur/* 2>/dev/null | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$x" ] && mv "$x" "${x%%:2,*}:2,$(pick S FS RS ST DS)" 2>/dev/null; fi
  if ((RANDOM % 4 == 0)); then x=$(ls $R/mail/alice/cur/* 2>/dev/null | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$x" ] && rm -f "$x"; fi
  if ((RANDOM % 4 == 0)); then x=$(ls $R/local/*/cur/* 2>/dev/null | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$x" ] && mv "$x" "${x%%,U=*}$(echo "$x" | sed -n 's/.*\(,U=[0-9]*\).*/\1/p'):2,$(pick S FS RS T)" 2>/dev/null; fi
  if ((RANDOM % 5 == 0)); then x=$(ls $R/local/*/cur/* 2>/dev/null | shuf -n 1 --random-source=<(yes $RANDOM)); [ -n "$x" ] && rm -f "$x"; fi
  if ((RANDOM % 30 == 0)); then mkdir -p $R/local/Box$RANDOM/{cur,new,tmp}; fi
  if ((RANDOM % 12 == 0)); then d=$(ls -d $R/local/Box* 2>/dev/null | head -1); [ -n "$d" ] && rm -rf "$d"; fi
  if ((RANDOM % 15 == 0)); then d=$(ls -d $R/mail/alice/.Box* 2>/dev/null | head -1); [ -n "$d" ] && rm -rf "$d"; fi
  if ((RANDOM % 40 == 0)); then rm -rf $R/mail/alice/.Lists; fi
  if ((RANDOM % 4 == 0)) && [ ! -d $R/mail/alice/.Lists ]; then rm -rf $R/local/Lists; fi
  fixown
  r=$((RANDOM % 100))
  if   ((r < 34)); then mb -V -c $R/good.rc $(pick -a -a everything all inbox all:INBOX,Work 'all:Lists' 'all:NoSuchBox')
  elif ((r < 40)); then mb -V -c $R/pull.rc -a
  elif ((r < 45)); then mb -V -c $R/push.rc $(pick -a all inbox)
  elif ((r < 49)); then mb -V -c $R/newonly.rc -a
  elif ((r < 52)); then mb -V -c $R/nocreate.rc -a
  elif ((r < 56)); then mb -V -c $R/exp.rc -a
  elif ((r < 60)); then mb -V $(pick -n -N -d -L -H -C -R -X) -c $R/good.rc $(pick -a all inbox)
  elif ((r < 63)); then mb -V -l -c $R/good.rc $(pick -a all)
  elif ((r < 68)); then mb -V -c $R/badpass.rc $(pick -a inbox)
  elif ((r < 70)); then mb -V -c $R/nouser.rc -a
  elif ((r < 73)); then mb -V -c $R/refused.rc $(pick -a inbox)
  elif ((r < 75)); then mb -V -c $R/noresolve.rc -a
  elif ((r < 82)); then mb -V -c $R/fake$(pick 56510 56511 56512 56513 56514 56515 56516).rc $(pick -a inbox)
  elif ((r < 90)); then mb -V -c $R/$(pick $BADS).rc -a
  elif ((r < 91)); then mb -V -c $R/r40f-missing.rc -a
  elif ((r < 93)); then mb -V -c $R/good.rc $(pick nosuchchannel 'inbox:Extra' '' -Z)
  elif ((r < 96)); then # the server goes away in the middle of a run
    for k in $(seq 30); do mkmsg $(srvbox $(pick $FOLDERS)) 300; done; fixown
    timeout 40 mbsync -V -c $R/good.rc -a >> $RAW 2>&1 & MP=$!
    sleep 0.$((RANDOM % 6)); stop_dovecot; wait $MP; start_dovecot
  elif ((r < 98)); then # a locked channel
    timeout 40 mbsync -V -c $R/good.rc -a > $R/bg.out 2>&1 & MP=$!
    mb -V -c $R/good.rc -a; wait $MP; cat $R/bg.out >> $RAW
  else # restart the server
    stop_dovecot; mb -V -c $R/good.rc inbox; start_dovecot
  fi
done
stop_dovecot
kill $FP; wait $FP 2>/dev/null
wc -l < $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $HERE/mbsync.log
