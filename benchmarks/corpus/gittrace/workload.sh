#!/bin/bash
# Randomised workload for Git's trace log (git daemon + clients), run in a private net+mount namespace.
# Usage: bash /work/round42/gittrace/workload.sh
if [ -z "$R42C_INNS" ]; then
  cd /work/round42/gittrace || exit 1
  R42C_INNS=1 exec unshare -n -m --propagation private bash /work/round42/gittrace/workload.sh "$@"
fi
set -m
cd /work/round42/gittrace || exit 1
ip link set lo up
B=/tmp/round42-r42c/git
rm -rf $B/home $B/tmp $B/xdg $B/srv $B/work
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/data $B/xdg/cache $B/xdg/runtime $B/srv $B/work
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data \
  XDG_CACHE_HOME=$B/xdg/cache XDG_RUNTIME_DIR=$B/xdg/runtime TZ=UTC GIT_CONFIG_NOSYSTEM=1 \
  GIT_TERMINAL_PROMPT=0 LC_ALL=C
RAW=/work/round42/gittrace/trace.raw
rm -f $RAW
export GIT_TRACE=$RAW GIT_TRACE_PACKET=$RAW GIT_TRACE_SETUP=$RAW
PORT=43000
URL=git://127.0.0.1:$PORT
r() { echo $(( RANDOM % $1 )); }
q() { "$@" >/dev/null 2>&1; }

git config --global user.name Worker
git config --global user.email worker@example.invalid
git config --global init.defaultBranch main
git config --global alias.st 'status --short'
git config --global alias.lg 'log --oneline -n 3'
git config --global alias.hello '!echo hello'
git config --global alias.cnt '!git rev-list --count HEAD'

# server repositories
for n in alpha beta gamma; do
  q git init --bare $B/srv/$n.git
  touch $B/srv/$n.git/git-daemon-export-ok
done
q git init --bare $B/srv/hidden.git           # not exported
git -C $B/srv/alpha.git config daemon.receivepack true
git -C $B/srv/beta.git config daemon.receivepack true
git -C $B/srv/beta.git config receive.denyNonFastForwards true
git -C $B/srv/beta.git config receive.denyDeletes true
# gamma: receive-pack not enabled (pushes refused)

# seed alpha, beta and gamma locally
q git clone $B/srv/gamma.git $B/work/seed
cd $B/work/seed
for i in $(seq $((3 + $(r 4)))); do echo "line $i $RANDOM" >> f$((i % 3)).txt; q git add .; q git commit -m "seed $i"; done
q git push $B/srv/gamma.git main
q git push $B/srv/alpha.git main
q git push $B/srv/beta.git main
cd $B/work

DPID=
start_daemon() {
  git daemon --reuseaddr --port=$PORT --listen=127.0.0.1 --base-path=$B/srv \
    --pid-file=$B/daemon.pid "$@" $B/srv >/dev/null 2>&1 &
  DPID=$!
  sleep 0.5
}
stop_daemon() { [ -n "$DPID" ] && kill $DPID 2>/dev/null; wait $DPID 2>/dev/null; DPID=; }

cid=0
op_clone() {
  cid=$((cid+1)); local repo=$(echo alpha beta gamma | tr ' ' '\n' | shuf -n1)
  case $(r 6) in
    0) q git clone -q --depth $((1 + $(r 3))) $URL/$repo.git c$cid ;;
    1) q git clone -q --bare $URL/$repo.git c$cid ;;
    2) q git clone -q --filter=blob:none $URL/$repo.git c$cid ;;
    3) q git clone -q --filter=tree:0 $URL/$repo.git c$cid ;;
    4) q git clone -q --filter=blob:none --filter=tree:$(r 3) $URL/$repo.git c$cid ;;
    *) q git clone -q $URL/$repo.git c$cid ;;
  esac
}
pick_clone() { ls -d c* 2>/dev/null | shuf -n1; }
op_commit_push() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit; [ -d .git ] || exit
    for i in $(seq $((1 + $(r 3)))); do echo "w $RANDOM" >> w$(r 4).txt; q git add -A; q git commit -qm "work $RANDOM"; done
    case $(r 5) in
      0) q git push -q origin HEAD:refs/heads/topic$(r 3) ;;
      1) q git push -q --force origin HEAD:main ;;
      2) q git push -q origin :refs/heads/topic$(r 3) ;;
      3) q git tag -f v$(r 5); q git push -q origin --tags ;;
      *) q git push -q origin HEAD:main ;;
    esac )
}
op_fetch() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit
    case $(r 5) in
      0) q git fetch -q origin ;;
      1) q git pull -q --rebase ;;
      2) q git fetch -q origin refs/heads/no-such-branch ;;
      3) q git fetch -q --prune origin ;;
      *) q git pull -q ;;
    esac )
}
op_lsremote() { q git ls-remote $URL/$(echo alpha beta gamma hidden missing | tr ' ' '\n' | shuf -n1).git; }
op_bad() {
  case $(r 6) in
    0) q git clone -q $URL/missing$(r 9).git bad$RANDOM ;;
    1) q git clone -q $URL/hidden.git bad$RANDOM ;;
    2) q git clone -q git://127.0.0.1:$((PORT + 1))/alpha.git bad$RANDOM ;;
    3) q git ls-remote $URL/../etc.git ;;
    4) q git clone -q "$URL/alpha.git" c1 ;;
    *) q git fetch -q $URL/alpha.git 'refs/heads/*:refs/bad:x' ;;
  esac
  rm -rf bad*
}
op_local() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit
    case $(r 11) in
      0) q git st ;;
      8) [ -d .git ] && { echo '*.u16 working-tree-encoding=UTF-16' > .gitattributes; echo "text $RANDOM" | iconv -f UTF-8 -t UTF-16 > e$(r 3).u16; q git -c core.checkRoundtripEncoding=UTF-16 add -A; q git commit -qm enc; } ;;
      9) q git rev-list --objects --filter=tree:$(r 2) --all ;;
      10) q git frobnicate ;;
      1) q git lg ;;
      2) q git hello ;;
      3) q git cnt ;;
      4) q git gc --quiet ;;
      5) q git notes add -f -m "note $RANDOM" HEAD ;;
      6) q git branch -q b$(r 4); q git checkout -q b$(r 4) ;;
      *) q git log -n 2 ;;
    esac )
}
op_localclone() { cid=$((cid+1)); q git clone -q --no-local file://$B/srv/$(echo alpha beta gamma | tr ' ' '\n' | shuf -n1).git c$cid; }
op_notes_merge() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit; [ -d .git ] || exit
    q git notes --ref=other add -f -m "other $RANDOM" HEAD
    q git notes add -f -m "mine $RANDOM" HEAD
    q git notes merge -s $(echo ours theirs union cat_sort_uniq | tr ' ' '\n' | shuf -n1) other )
}
op_multi() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit; [ -d .git ] || exit
    q git remote add r2 $URL/beta.git; q git remote add r3 $URL/gamma.git
    q git -c fetch.parallel=2 fetch -q --multiple origin r2 r3 )
}

op_special() {
  local c=$(pick_clone); [ -z "$c" ] && return
  ( cd $c || exit; [ -d .git ] || exit
    case $1 in
      enc) echo '*.u16 working-tree-encoding=UTF-16' > .gitattributes; echo "text $RANDOM" | iconv -f UTF-8 -t UTF-16 > e$(r 3).u16; q git -c core.checkRoundtripEncoding=UTF-16 add -A; q git commit -qm enc ;;
      revlist) q git rev-list --objects --filter=tree:$(r 2) --all ;;
      alias) q git lg; q git st ;;
      unknown) q git frobnicate ;;
    esac )
}
# each kind of step at least once, the rest drawn at random, all in random order
STEPS="combine clone clone clone push push fetch lsremote bad bad localclone notes multi enc revlist alias unknown restart"
for i in $(seq 8); do STEPS="$STEPS $(echo clone clone push push push fetch fetch lsremote bad bad local local local localclone notes multi restart enc revlist alias | tr ' ' '\n' | shuf -n1)"; done
start_daemon --export-all --enable=receive-pack --informative-errors
op_clone; op_commit_push
for step in $(echo $STEPS | tr ' ' '\n' | shuf); do
  case $step in
    clone) op_clone ;;
    combine) cid=$((cid+1)); q git clone -q --filter=blob:none --filter=tree:$(r 3) $URL/$(echo alpha beta | tr " " "\n" | shuf -n1).git c$cid ;;
    push) op_commit_push ;;
    fetch) op_fetch ;;
    lsremote) op_lsremote ;;
    bad) op_bad ;;
    local) op_local ;;
    localclone) op_localclone ;;
    notes) op_notes_merge ;;
    multi) op_multi ;;
    enc|revlist|alias|unknown) op_special $step ;;
    restart) stop_daemon; if [ $(r 2) = 0 ]; then start_daemon --informative-errors; else start_daemon --export-all --enable=receive-pack; fi ;;
  esac
done
stop_daemon
# a bad daemon configuration, then a short run without receive-pack
q git daemon --port=notaport --listen=127.0.0.1 $B/srv
start_daemon
for step in $(seq 5); do case $(r 3) in 0) op_clone ;; 1) op_commit_push ;; *) op_bad ;; esac; done
stop_daemon
cd /work/round42/gittrace
N=$(wc -l < $RAW)
FROM=1; [ $N -gt 2500 ] && FROM=$((N - 2499))
sed -n "${FROM},\$p" $RAW > /work/round42/gittrace/gittrace.log
[ -n "$R42C_KEEP" ] || rm -f $RAW
rm -rf $B/work $B/srv
wc -l /work/round42/gittrace/gittrace.log
