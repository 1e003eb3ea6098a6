#!/bin/bash
# Randomised workload for svnserve (Debian 12 subversion); everything stays in this folder.
F=/work/round27/svnserve
PORT=44390
cd $F
# stop any svnserve left from a previous run of this workload (by recorded pid)
[ -f run/svnserve.pid ] && kill "$(cat run/svnserve.pid)" 2>/dev/null
rm -rf repos run; mkdir -p repos run/home
LOG=$F/run/svnserve.log
export HOME=$F/run/home

for r in alpha beta gamma delta; do svnadmin create repos/$r; done
printf '[general]\nanon-access = none\nauth-access = write\nrealm = delta\n' > repos/delta/conf/svnserve.conf
cat > repos/passwd <<'P'
[users]
alice = alicepw
bob = bobpw
carol = carolpw
P
cat > repos/authz <<'P'
[groups]
devs = alice, bob
empty =

[/]
@empty = rw
* = r
@devs = rw

[/secret]
* =
alice = rw

[/trunk/private]
bob =
carol = r
P
cp repos/authz repos/authz.good
cat > repos/alpha/conf/svnserve.conf <<'P'
[general]
anon-access = read
auth-access = write
password-db = ../../passwd
realm = alpha
P
cat > repos/beta/conf/svnserve.conf <<'P'
[general]
anon-access = none
auth-access = write
password-db = ../../passwd
authz-db = ../../authz
realm = beta
P
cat > repos/gamma/conf/svnserve.conf <<'P'
[general]
anon-access = write
auth-access = write
password-db = ../../passwd
realm = gamma
P
for r in alpha beta gamma; do
  cat > repos/$r/hooks/pre-commit <<'H'
#!/bin/sh
LOG=$(svnlook log -t "$2" "$1")
case "$LOG" in *REJECT*) echo "commit message contains REJECT, refused" >&2; exit 1;; esac
exit 0
H
  cat > repos/$r/hooks/pre-revprop-change <<'H'
#!/bin/sh
[ "$5" = "M" ] && [ "$4" = "svn:log" ] && exit 0
echo "changing revision property $4 is not allowed" >&2
exit 1
H
  cat > repos/$r/hooks/pre-lock <<'H'
#!/bin/sh
case "$2" in *f5.txt) echo "f5.txt may not be locked" >&2; exit 1;; esac
exit 0
H
  cat > repos/$r/hooks/post-commit <<'H'
#!/bin/sh
[ $(( $2 % 7 )) -eq 0 ] && { echo "post-commit notification failed for r$2" >&2; exit 1; }
exit 0
H
  chmod +x repos/$r/hooks/*
done

start() {
  mode=$1
  svnserve -d --foreground $mode --listen-host 127.0.0.1 --listen-port $PORT -r $F/repos \
    --log-file $LOG --pid-file $F/run/svnserve.pid &
  SPID=$!
  echo $SPID > run/svnserve.pid
  for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.2; done
}
pickmode() { [ $((RANDOM%2)) = 0 ] && echo -T; }
stop() { kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; }

U=svn://127.0.0.1:$PORT
start "$(pickmode)"
# seed the repositories
for r in alpha beta gamma; do
  rm -rf run/seed; mkdir -p run/seed/trunk/private run/seed/branches run/seed/secret
  for i in 0 1 2 3 4 5; do echo "seed $i $RANDOM" > run/seed/trunk/f$i.txt; done
  echo private > run/seed/trunk/private/p.txt; echo secret > run/seed/secret/s.txt
  svn --non-interactive --no-auth-cache --username alice --password alicepw import -m "initial import" run/seed $U/$r >/dev/null 2>&1
  svn --non-interactive --no-auth-cache --username alice --password alicepw copy -m "branch b1" $U/$r/trunk $U/$r/branches/b1 >/dev/null 2>&1
done

order=($(shuf -e 0 1 2 3))
rounds=$((6 + RANDOM % 3))
for ((round=0; round<rounds; round++)); do
  nclients=$((2 + RANDOM % 3))
  pids=()
  for ((c=0; c<nclients; c++)); do
    ./client.sh r${round}c$c $PORT $((8 + RANDOM % 8)) & pids+=($!)
  done
  for ((g=0; g<1+RANDOM%3; g++)); do python3 ./client_garbage.py 127.0.0.1 $PORT >/dev/null 2>&1; done
  wait "${pids[@]}"
  c=$((RANDOM % 4)); [ $round -lt 4 ] && c=${order[$round]}
  case $c in
    0) # restart the server, possibly in another connection mode
       stop; start "$(pickmode)" ;;
    1) # break the authz file for a moment
       echo "[/broken" > repos/authz
       svn --non-interactive --no-auth-cache --username bob --password bobpw ls $U/beta/trunk >/dev/null 2>&1
       cp repos/authz.good repos/authz ;;
    2) # a password-db that does not exist and a broken config for alpha
       cp repos/alpha/conf/svnserve.conf run/alpha.conf
       printf '[general]\npassword-db = ../../nosuchpasswd\nauth-access = write\n' > repos/alpha/conf/svnserve.conf
       svn --non-interactive --no-auth-cache --username bob --password bobpw ls $U/alpha/trunk >/dev/null 2>&1
       printf '[general\nbroken\n' > repos/alpha/conf/svnserve.conf
       svn --non-interactive --no-auth-cache ls $U/alpha/trunk >/dev/null 2>&1
       cp run/alpha.conf repos/alpha/conf/svnserve.conf ;;
    3) # client killed in the middle of a checkout
       ( svn --non-interactive --no-auth-cache checkout $U/gamma run/killed >/dev/null 2>&1 & p=$!; sleep 0.0$((RANDOM%9)); kill -9 $p 2>/dev/null; wait $p 2>/dev/null ); rm -rf run/killed ;;
  esac
done
for k in $(shuf -e text binary badgreeting badversion close badcmd longstr badrepo badmech segs_end segs_start badlocks dontcare badpath); do
  python3 ./client_garbage.py 127.0.0.1 $PORT $k >/dev/null 2>&1
done
stop
cp $LOG $F/svnserve.full.log
