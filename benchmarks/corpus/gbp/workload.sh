#!/bin/bash
# Generates source packages and git repositories under /tmp/round45-r45e/gbp-work and runs gbp
# subcommands with --verbose over them (random choices, including failing ones).
# gbp's output (stdout+stderr) -> gbp.log. Run inside the r45e namespace wrapper (see run.sh).
set -m
F=/work/round45/gbp
W=/tmp/round45-r45e/gbp-work
rm -rf $W $F/home; mkdir -p $W $F/home; cd $W
export EDITOR=/bin/true VISUAL=/bin/true HOME=$F/home DEBEMAIL=lab@example.org DEBFULLNAME="Lab User" GIT_AUTHOR_DATE= TZ=UTC
git config --global user.name "Lab User"; git config --global user.email lab@example.org
git config --global init.defaultBranch master
RAW=$W/raw.log; : > $RAW
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
mkorig() { # name version
  local n=$1 v=$2; local d=$W/up/$n-$v
  mkdir -p $d/src; echo "v$v $RANDOM" > $d/README; printf 'int main(void){return %d;}\n' $((RANDOM%9)) > $d/src/main.c
  (cd $W/up && tar czf $W/${n}_$v.orig.tar.gz $n-$v)
}
mkdsc() { # name version debrev
  local n=$1 v=$2 r=$3; local d=$W/src/$n-$v
  rm -rf $d; mkdir -p $W/src; tar xzf $W/${n}_$v.orig.tar.gz -C $W/src
  mkdir -p $d/debian/source
  printf '%s (%s-%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Lab User <lab@example.org>  Mon, 07 Dec 2026 10:00:00 +0000\n' $n $v $r $v > $d/debian/changelog
  printf 'Source: %s\nMaintainer: Lab User <lab@example.org>\nStandards-Version: 4.6.2\n\nPackage: %s\nArchitecture: any\nDescription: lab %s\n x\n' $n $n $n > $d/debian/control
  printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' > $d/debian/rules; chmod 755 $d/debian/rules
  echo "3.0 (quilt)" > $d/debian/source/format
  (cd $W && cp ${n}_$v.orig.tar.gz $W/src/ && cd $W/src && dpkg-source -b $n-$v >/dev/null 2>&1 && mv ${n}_$v-$r.* $W/ )
}
g() { echo "+ gbp $*" >> $W/commands; timeout 60 gbp "$@" >> $RAW 2>&1 < /dev/null; }
BUILDER="--git-builder=$F/builder.sh"
for n in foo bar; do mkorig $n 1.0; mkdsc $n 1.0 1; mkorig $n 1.1; mkorig $n 1.2; done
g import-dsc --verbose $W/foo_1.0-1.dsc $W/foo
g import-dsc --verbose --pristine-tar $W/bar_1.0-1.dsc $W/bar
N=$((100 + RANDOM % 20))
for i in $(seq $N); do
  repo=$W/$(pick foo foo bar)
  cd $repo 2>/dev/null && git checkout -q -f master 2>/dev/null || cd $W
  case $((RANDOM % 22)) in
    0|1) g buildpackage --git-verbose $BUILDER --git-ignore-new $(pick --git-tag --git-no-create-orig "" --git-pristine-tar) ;;
    2) echo dirty$RANDOM >> README; g buildpackage --git-verbose $BUILDER; git checkout -q -- README ;;
    3) g dch --verbose --spawn-editor=never $(pick --auto --release --snapshot --bpo "--new-version=9.$RANDOM-1") --ignore-branch $(pick --commit "") ;;
    4) v=$(pick 1.1 1.2 1.3); g import-orig --verbose --no-interactive $(pick --pristine-tar --no-merge "") -u $v $W/$(basename $repo)_$v.orig.tar.gz ;;
    5) g export-orig --verbose --tarball-dir=$W/export $(pick --pristine-tar --compression=xz "") ;;
    6) g pq --verbose $(pick import export rebase drop switch) ;;
    7) echo "patch $RANDOM" >> src/main.c; git commit -qam "Change $RANDOM" 2>/dev/null; g pq --verbose $(pick import export) ;;
    8) rm -rf $W/clone$i; g clone --verbose $(pick file://$repo $repo file://$W/nothere) $W/clone$i; rm -rf $W/clone$i ;;
    9) rm -rf $W/cl; git clone -q $repo $W/cl 2>/dev/null; (cd $W/foo && git commit -q --allow-empty -m "up $RANDOM"); cd $W/cl && g pull --verbose $(pick --redo-pq --all --force "") ;;
    10) g import-dsc --verbose $W/$(pick missing_1.0-1.dsc foo_1.0-1.dsc) $(pick $W/newfoo "") ;;
    11) g $(pick frobnicate buildpackage\ --no-such-option "" --version help "dch --since=nosuchref" "tag --verbose" "push --verbose") ;;
    12) cd $W; g buildpackage --git-verbose $BUILDER ;;
    13) git checkout -q $(pick upstream master pristine-tar 2>/dev/null) 2>/dev/null; g buildpackage --git-verbose $BUILDER --git-ignore-new; git checkout -q master 2>/dev/null ;;
    14) g tag --verbose $(pick --ignore-new --retag "") ;;
    15) g import-orig --verbose --no-interactive $W/nothere_2.0.orig.tar.gz ;;
    16) g export-orig --verbose --upstream-tree=$(pick BRANCH TAG SLOPPY nosuchtree) --tarball-dir=$W/export ;;
    17) g buildpackage --git-verbose --git-builder=/bin/false --git-ignore-new ;;
    18) g dch --verbose --spawn-editor=never --distribution=$(pick unstable experimental) --urgency=$(pick low high) --ignore-branch --since=HEAD~1 ;;
    19) g pristine-tar --verbose commit $W/$(basename $repo)_1.1.orig.tar.gz ;;
    20) g import-dscs --verbose $W/bar_1.0-1.dsc ;;
    21) g push --verbose --dry-run ;;
  esac
  cd $W
done
sed -n '1,2500p' $RAW > $F/gbp.log
rm -rf $F/home
