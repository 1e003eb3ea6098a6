#!/bin/bash
# Randomised lerna workload; run as root: bash /work/round45/lerna/workload.sh [ITERATIONS]
# Re-executes itself inside a private network + mount namespace.
set -m
D=/work/round45/lerna
P=/tmp/round45-r45g
if [ -z "$R45G_INNS" ]; then
  mkdir -p $P
  exec env R45G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd $D || exit 1
ip link set lo up
mount --make-rprivate /
mount --bind $P /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $P; mount --bind /mnt $P
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
export HOME=$P/home TMPDIR=$P/tmp XDG_CONFIG_HOME=$P/home/.config XDG_CACHE_HOME=$P/home/.cache \
  XDG_DATA_HOME=$P/home/.local/share XDG_STATE_HOME=$P/home/.local/state XDG_RUNTIME_DIR=$P/run
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
export GIT_CONFIG_GLOBAL=$D/gitconfig GIT_CONFIG_NOSYSTEM=1 npm_config_userconfig=$D/npmrc \
  npm_config_cache=$P/npmcache NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true DO_NOT_TRACK=1 CI=true
L=$P/lerna/node_modules/.bin/lerna
W=$P/lerna-work
RAW=$P/lerna-raw.log
: > $RAW
rm -rf $W; mkdir -p $W
RANDOM=$$
# fake registry of our own (answers GET with 404, PUT with 501) on 49301; 49302 stays closed
( cd $W && exec python3 -m http.server 49301 --bind 127.0.0.1 ) >/dev/null 2>&1 &
REG=$!
trap "kill \$REG 2>/dev/null" EXIT
git init -q --bare $W/remote.git
newrepo() {
  rm -rf $W/repo; mkdir -p $W/repo; cd $W/repo
  git init -q; git remote add origin $W/remote.git
  echo '{"name":"root","private":true,"workspaces":["packages/*"]}' > package.json
  echo '{"version":"1.0.0","$schema":"node_modules/lerna/schemas/lerna-schema.json"}' > lerna.json
  printf 'node_modules\n' > .gitignore
  for p in a b c d; do
    mkdir -p packages/$p
    case $p in
      a) echo '{"name":"@m/a","version":"1.0.0","scripts":{"test":"node -e 0","build":"node -e 0"}}' ;;
      b) echo '{"name":"@m/b","version":"1.0.0","dependencies":{"@m/a":"^1.0.0"},"scripts":{"test":"exit 3"}}' ;;
      c) echo '{"name":"@m/c","version":"1.0.0","dependencies":{"@m/b":"^1.0.0"},"scripts":{"build":"node -e 0"}}' ;;
      d) echo '{"name":"@m/d","version":"1.0.0","private":true}' ;;
    esac > packages/$p/package.json
  done
  git add -A; git commit -qm init
  [ $((RANDOM % 2)) = 0 ] && git tag v1.0.0
  git push -q origin HEAD:main --tags -f 2>/dev/null
}
touchpkg() { p=$(printf 'a\nb\nc\nd' | shuf -n1); echo "module.exports = $RANDOM;" > packages/$p/index.js; [ $((RANDOM % 2)) = 0 ] && { git add -A; git commit -qm "change $p"; }; }
lr() { timeout 90 $L "$@" --loglevel silly >>$RAW 2>&1 < /dev/null; }
newrepo
for i in $(seq 1 ${1:-130}); do
  cd $W/repo
  c=$((RANDOM % 20))
  case $c in
    0|1) lr list ;;
    2) lr list --all --long ;;
    3) lr changed ;;
    4) touchpkg; lr changed ;;
    5) lr diff ;;
    6|7) lr run test ;;
    8) lr run build --scope @m/c --include-dependencies ;;
    9) lr run nothing-here ;;
    10) lr exec -- true ;;
    11) lr exec --no-bail -- false ;;
    12) touchpkg; git add -A; git commit -qm wip; lr version patch --no-push --no-git-tag-version --yes; git add -A; git commit -qm bump ;;
    13) touchpkg; git add -A; git commit -qm wip; lr version minor --yes ;;
    14) lr publish from-package --yes --registry http://127.0.0.1:4930$((1 + RANDOM % 2)) ;;
    15) cp lerna.json $W/lerna.json.bak; echo '{"version": "1.0.0",' > lerna.json; lr list; cp $W/lerna.json.bak lerna.json ;;
    16) lr info ;;
    17) rm -rf $W/fresh; mkdir -p $W/fresh; cd $W/fresh; git init -q; lr init --skipInstall; cd $W/repo ;;
    18) lr clean --yes ;;
    19) newrepo ;;
  esac
done
kill $REG; wait $REG
# keep at most 2500 whole lines: the first stretch
head -n 2500 $RAW > $D/lerna.log
