#!/bin/bash
# Runs inside `unshare -m -n` (private mounts, loopback-only network).
set -m
D=/work/round42/offlineimap
R=/tmp/round42-r42d/oi
LOG=$R/raw.log
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data
rm -rf $R/meta $R/local $R/dovecot/mail $R/dovecot/run $R/dovecot/state $HOME $TMPDIR $R/xdg
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $R/dovecot/mail $R/dovecot/run $R/dovecot/state
chown 65534:65534 $R/dovecot/mail
for a in alice bob carol dave erin frank ro; do mkdir -p $R/local/$a; done
echo alicepw > $R/alice.pass; echo bobpw > $R/bob.pass
: > $LOG
RANDOM=${SEED:-4242}
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
DPID=
start_dovecot() { dovecot -F -c $D/dovecot.conf >/dev/null 2>&1 & DPID=$!; sleep 1; }
stop_dovecot() { [ -n "$DPID" ] && kill $DPID && wait $DPID; DPID=; }
python3 $D/fakepeer.py & FPID=$!
start_dovecot
sync() {  # sync ARGS...
  local dbg=$(pick maildir maildir maildir maildir,thread)
  timeout 60 offlineimap -c $D/offlineimaprc -o -u basic -l $LOG -d $dbg "$@" </dev/null >/dev/null 2>&1
}
local_new() {
  local a=$(pick alice bob ro) f=$(ls $R/local/$1 2>/dev/null | shuf -n1 --random-source=<(yes $RANDOM))
  [ -z "$f" ] && return
  local u=$(pick alice bob ro)
  a=$1
  local dir=$R/local/$a/$f
  local name="$(date +%s).R$RANDOM.local"
  local sub=$(pick new cur cur)
  [ $sub = cur ] && name="$name:2,$(pick S FS '' RS)"
  printf 'From: me@example.org\nTo: peer@example.org\nSubject: local %s\nMessage-ID: <%s@local>\n\nhello\n' $RANDOM $RANDOM$RANDOM > $dir/tmp/x.$$ && mv $dir/tmp/x.$$ "$dir/$sub/$name"
}
local_del() { local m=$(find $R/local/$1 -path '*/cur/*' -type f 2>/dev/null | shuf -n1 --random-source=<(yes $RANDOM)); [ -n "$m" ] && rm -f "$m"; }
local_flag() { local m=$(find $R/local/$1 -path '*/cur/*' -type f 2>/dev/null | shuf -n1 --random-source=<(yes $RANDOM)); [ -n "$m" ] && mv "$m" "${m%%:2,*}:2,$(pick S FS RS T DS '')"; }
local_mkdir() { local f=$(pick Notes Drafts Local.Sub); mkdir -p $R/local/$1/$f/{cur,new,tmp}; }
for i in $(seq 1 ${ROUNDS:-60}); do
  acct=$(pick alice alice bob bob ro)
  c=$(r 100)
  if   [ $c -lt 14 ]; then u=$(pick alice bob); python3 $D/imapctl.py $u ${u}pw append $RANDOM >/dev/null 2>&1; true
  elif [ $c -lt 18 ]; then u=$(pick alice bob); python3 $D/imapctl.py $u ${u}pw flag $RANDOM >/dev/null 2>&1
  elif [ $c -lt 21 ]; then u=$(pick alice bob); python3 $D/imapctl.py $u ${u}pw delete $RANDOM >/dev/null 2>&1
  elif [ $c -lt 23 ]; then u=$(pick alice bob); python3 $D/imapctl.py $u ${u}pw $(pick mkfolder rmfolder) $RANDOM >/dev/null 2>&1
  elif [ $c -lt 30 ]; then for k in $(seq 0 $(r 4)); do local_new $acct; done
  elif [ $c -lt 33 ]; then local_del $acct
  elif [ $c -lt 37 ]; then local_flag $acct
  elif [ $c -lt 38 ]; then local_mkdir $acct
  fi
  c=$(r 100)
  if   [ $c -lt 40 ]; then sync -a $acct
  elif [ $c -lt 50 ]; then sync -a alice,bob
  elif [ $c -lt 55 ]; then sync -q -a $acct
  elif [ $c -lt 58 ]; then sync --dry-run -a $acct
  elif [ $c -lt 62 ]; then sync -a $acct -f INBOX,Work
  elif [ $c -lt 66 ]; then echo wrongpw$RANDOM > $R/alice.pass; sync -a alice; echo alicepw > $R/alice.pass
  elif [ $c -lt 70 ]; then stop_dovecot; sync -a $acct; start_dovecot
  elif [ $c -lt 76 ]; then sync -a $(pick carol dave erin frank)
  elif [ $c -lt 78 ]; then sync -a nosuchaccount
  elif [ $c -lt 80 ]; then mv $R/bob.pass $R/bob.pass.off; sync -a bob; mv $R/bob.pass.off $R/bob.pass
  elif [ $c -lt 82 ]; then sync -a $acct -c $D/missing.conf
  fi
done
stop_dovecot
kill $FPID; wait
