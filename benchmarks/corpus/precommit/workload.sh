#!/bin/bash
# Randomised pre-commit workload; run as: bash /work/round46/precommit/workload.sh
SEED=4646
D=/work/round46/precommit
if [ -z "$R46G_INNS" ]; then
  export R46G_INNS=1
  exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
set -m
RANDOM=$SEED
mount --make-rprivate /
mount --bind /tmp/round46-r46g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round46-r46g
mount --bind /mnt /tmp/round46-r46g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
ip link set lo up
. /tmp/round46-r46g/env.sh
W=/tmp/round46-r46g/pc
rm -rf "$W" "$D/pchome"; mkdir -p "$W" "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
export PRE_COMMIT_HOME=$D/pchome PATH=/tmp/round46-r46g/venv-precommit/bin:/usr/bin:/bin:/usr/sbin:/sbin
export GIT_CONFIG_GLOBAL=$W/gitconfig GIT_CONFIG_NOSYSTEM=1 PIP_INDEX_URL=http://127.0.0.1:49010/ PIP_DISABLE_PIP_VERSION_CHECK=1 VIRTUALENV_NO_PERIODIC_UPDATE=1
git config --global user.name r46g; git config --global user.email r46g@example.invalid
git config --global init.defaultBranch main; git config --global advice.detachedHead false
RAW=$W/raw.log; : > "$RAW"
# simple index
IDX=$W/index; mkdir -p $IDX/setuptools $IDX/r46helper $IDX/r46lint
cp /tmp/round46-r46g/venv-precommit/lib/python3.11/site-packages/virtualenv/seed/wheels/embed/setuptools-84*.whl $IDX/setuptools/
mkwheel() { # name version dir-with-modules
  python3 - "$@" <<'PY'
import sys, zipfile, os, hashlib, base64
name, ver, src, out = sys.argv[1:5]
di = f'{name}-{ver}.dist-info'
files = {}
for fn in sorted(os.listdir(src)):
    if fn.endswith('.py') and fn != 'setup.py':
        files[fn] = open(os.path.join(src, fn), 'rb').read()
files[f'{di}/METADATA'] = f'Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\n'.encode() + (b'Requires-Dist: r46helper\n' if name == 'r46lint' else b'')
files[f'{di}/WHEEL'] = b'Wheel-Version: 1.0\nGenerator: r46g\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
if name == 'r46lint':
    files[f'{di}/entry_points.txt'] = b'[console_scripts]\nr46lint = r46lint:main\nr46fix = r46lint:fix\n'
rec = []
for k, v in files.items():
    h = base64.urlsafe_b64encode(hashlib.sha256(v).digest()).rstrip(b'=').decode()
    rec.append(f'{k},sha256={h},{len(v)}')
rec.append(f'{di}/RECORD,,')
files[f'{di}/RECORD'] = ('\n'.join(rec) + '\n').encode()
with zipfile.ZipFile(os.path.join(out, f'{name}-{ver}-py3-none-any.whl'), 'w') as z:
    for k, v in files.items():
        z.writestr(k, v)
PY
}
mkdir -p $W/helpersrc
printf 'def has_tab(data):\n    return b"\\t" in data\n' > $W/helpersrc/r46helper.py
mkwheel r46helper 1.0 $W/helpersrc $IDX/r46helper
mkwheel r46lint 1.0 $D/files $IDX/r46lint
python3 -m http.server 49010 --bind 127.0.0.1 --directory $IDX > /dev/null 2>&1 &
HTTP_PID=$!
sleep 1
# hook repository
HR=$W/hookrepo; mkdir -p $HR; cd $HR; git init -q .
cp $D/files/check-size.sh $D/files/strip-trailing.sh $D/files/setup.py $D/files/r46lint.py .
cp $D/files/hooks.yaml .pre-commit-hooks.yaml
git add -A; git commit -qm v1; git tag v1.0
# projects
mkcfg() { # project rev
  cat > $1/.pre-commit-config.yaml <<YAML
repos:
-   repo: $HR
    rev: $2
    hooks:
    -   id: check-size
    -   id: strip-trailing
    -   id: no-todo
    -   id: no-tabs
    -   id: fix-tabs
        stages: [manual]
    -   id: no-big-letters
-   repo: local
    hooks:
    -   id: shell-ok
        name: system true
        entry: 'true'
        language: system
        files: '\.(txt|py)$'
    -   id: shell-fail
        name: system test for marker
        entry: sh -c '! grep -q BROKEN "\$@"' --
        language: system
        files: '\.txt$'
    -   id: missing-tool
        name: tool that is not installed
        entry: r46-missing-tool
        language: system
        files: '\.cfg$'
    -   id: local-py
        name: local python lint
        entry: r46lint
        language: python
        additional_dependencies: [r46lint]
        files: '\.py$'
    -   id: never-matches
        name: no such files
        entry: 'true'
        language: system
        files: '\.nonexistent$'
-   repo: meta
    hooks:
    -   id: check-hooks-apply
    -   id: check-useless-excludes
YAML
}
words=(alpha beta gamma delta TODO FIXME omega kappa lambda sigma)
for p in p1 p2 p3; do
  mkdir -p $W/$p; cd $W/$p; git init -q .
  for i in 1 2 3; do echo "line $i of $p" > f$i.txt; done
  printf 'def f():\n    return 1\n' > m.py
  echo "[s]" > c.cfg
  mkcfg $W/$p v1.0
  git add -A; git commit -qm init
done
PC() { echo "+ pre-commit $*" >> $W/cmds.txt; pre-commit "$@" >> "$RAW" 2>&1; }
pick() { R=$((RANDOM % $1)); }
edit() {
  pick 8
  case $R in
    0) echo "text ${words[RANDOM%10]}   " >> f$((RANDOM%3+1)).txt;;
    1) printf '\tx = %d\n' $RANDOM >> m.py;;
    2) head -c $((RANDOM%900+100)) /dev/zero | tr '\0' 'a' > big$((RANDOM%2)).txt;;
    3) echo "${words[RANDOM%10]} note $RANDOM" >> f$((RANDOM%3+1)).txt;;
    4) echo "key = ABCDEFGHIJKLMNOP$RANDOM" >> c.cfg;;
    5) echo "BROKEN $RANDOM" >> f$((RANDOM%3+1)).txt;;
    6) git checkout -q -- . 2>/dev/null; git reset -q --hard 2>/dev/null;;
    7) echo "plain $RANDOM" > new$((RANDOM%4)).txt;;
  esac
  pick 4; [ $R -gt 0 ] && git add -A
}
newtag() {
  cd $HR; echo "# rev $RANDOM" >> check-size.sh; git commit -qam "rev"; T=$((T+1)); git tag v1.$T; cd - >/dev/null
}
T=0; HID=(no-todo check-size shell-fail local-py no-tabs check-hooks-apply)
N=${N:-140}
for ((it=0; it<N; it++)); do
  pick 3; P=p$((R+1)); cd $W/$P
  edit
  pick 27; R=$((R + 3))
  case $R in
    0|1|2|3|4|5) PC run --verbose;;
    6|7|8) PC run --verbose --all-files;;
    9) PC run --verbose --files f1.txt m.py c.cfg;;
    10) PC run --verbose ${HID[RANDOM%6]} --all-files;;
    11) SKIP=no-todo,shell-fail PC run --verbose --all-files;;
    12) PC run --verbose --hook-stage manual --all-files;;
    13) PC run --verbose --fail-fast --all-files;;
    14) PC run --verbose --from-ref HEAD~1;;
    15) PC run --verbose --from-ref HEAD --to-ref HEAD;;
    16) pick 3; case $R in 0) PC install;; 1) PC install -f --hook-type pre-push;; 2) PC uninstall;; esac;;
    17) if [ -x .git/hooks/pre-commit ]; then echo "+ hook" >> $W/cmds.txt; .git/hooks/pre-commit >> "$RAW" 2>&1; git commit -qm "c$it" --no-verify >/dev/null 2>&1; else PC install --install-hooks; fi;;
    18) newtag; pick 3; case $R in 0) PC autoupdate;; 1) PC autoupdate --freeze;; 2) PC autoupdate --repo /nonexistent/repo;; esac; pick 4; [ $R -gt 0 ] && git add .pre-commit-config.yaml;;
    19) pick 2; if [ $R = 0 ]; then echo "# dirty" >> $HR/strip-trailing.sh; fi; PC try-repo $HR ${HID[RANDOM%3]} --verbose --all-files; cd $HR; git checkout -q -- .; cd - >/dev/null;;
    20) PC gc;;
    21) pick 4; [ $R = 0 ] && PC clean;;
    22) cp .pre-commit-config.yaml /tmp/round46-r46g/cfg.bak; echo "repos: [ {repo: x" > .pre-commit-config.yaml; PC run --verbose; PC validate-config .pre-commit-config.yaml; cp /tmp/round46-r46g/cfg.bak .pre-commit-config.yaml;;
    23) cp .pre-commit-config.yaml /tmp/round46-r46g/cfg.bak; sed -i 's/id: no-todo/id: no-such-hook/' .pre-commit-config.yaml; PC run --verbose --all-files; cp /tmp/round46-r46g/cfg.bak .pre-commit-config.yaml;;
    24) cp .pre-commit-config.yaml /tmp/round46-r46g/cfg.bak; sed -i "s/rev: .*/rev: v9.$RANDOM/" .pre-commit-config.yaml; PC run --verbose --all-files; cp /tmp/round46-r46g/cfg.bak .pre-commit-config.yaml;;
    25) mv .pre-commit-config.yaml /tmp/round46-r46g/cfg.bak; PC run --verbose; if [ -x .git/hooks/pre-commit ]; then .git/hooks/pre-commit >> "$RAW" 2>&1; fi; mv /tmp/round46-r46g/cfg.bak .pre-commit-config.yaml;;
    26) cp .pre-commit-config.yaml /tmp/round46-r46g/cfg.bak; printf 'repos:\n-   repo: local\n    hooks:\n    -   id: x\n        name: x\n        entry: "true"\n        language: system\n        badkey: 1\n' > .pre-commit-config.yaml; echo "extra: 1" >> .pre-commit-config.yaml; PC run --verbose --all-files; cp /tmp/round46-r46g/cfg.bak .pre-commit-config.yaml;;
    27) echo "unstaged $RANDOM" >> f2.txt; PC run --verbose;;
    28) PC validate-manifest $HR/.pre-commit-hooks.yaml; PC validate-manifest $W/missing.yaml;;
    29) PC run --verbose --from-ref HEAD;;
  esac
done
kill $HTTP_PID
cd $D
L=$(wc -l < "$RAW")
if [ "$L" -gt 2500 ]; then sed -n "1,2500p" "$RAW" > $D/precommit.log; else cp "$RAW" $D/precommit.log; fi
rm -rf "$D/pchome"
