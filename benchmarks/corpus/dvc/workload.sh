#!/bin/bash
# dvc -v workload in a git repo of our own: add, pipelines (repro), push/pull to a local remote, status, gc,
# checkout, failing stages, missing files, bad configuration. stdout+stderr of every run go to the raw log;
# dvc.log is a contiguous stretch of it.
set -m
cd /work/round43/dvc || exit 1
B=/tmp/round43-r43h
W=$B/dvc-work
R=$W/repo
RAW=$B/dvc-raw.log
RANDOM=${SEED:-3343}
rm -rf "$W" "$RAW"; mkdir -p "$R" "$W/remote" "$W/vartmp" "$W/sitecache" $B/home $B/tmp $B/xdg/{cache,config,data,state}
export PATH=$B/venv-dvc/bin:/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp XDG_CACHE_HOME=$B/xdg/cache \
  XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state DVC_NO_ANALYTICS=1 \
  GIT_AUTHOR_NAME=r43h GIT_AUTHOR_EMAIL=r43h@localhost GIT_COMMITTER_NAME=r43h GIT_COMMITTER_EMAIL=r43h@localhost
# private net + mount namespace, /var/tmp replaced by a folder of ours
ns() { unshare -n -m bash -c "mount --bind '$W/vartmp' /var/tmp && cd '$R' && exec \"\$@\"" ns "$@"; }
d() { ns dvc "$@" -v >>"$RAW" 2>&1 < /dev/null; }
cd "$R" && git init -q . && ns dvc init -q && ns dvc config core.analytics false \
  && ns dvc config core.site_cache_dir "$W/sitecache" && ns dvc remote add -d store "$W/remote" \
  && git add -A && git commit -qm init || exit 1
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
mkdata() { mkdir -p data; for ((i=0;i<$1;i++)); do head -c $((100 + RANDOM % 5000)) /dev/urandom | base64 > data/f$RANDOM.txt; done; }
mkdata 3
cat > dvc.yaml <<'Y'
stages:
  prepare:
    cmd: mkdir -p out && cat data/*.txt | sort > out/prepared.txt
    deps:
    - data
    outs:
    - out/prepared.txt
  count:
    cmd: wc -l out/prepared.txt > metrics.txt && printf '{"lines"%s3}' ':' > metrics.json && touch metrics.txt
    deps:
    - out/prepared.txt
    outs:
    - metrics.txt
    metrics:
    - metrics.json:
        cache: false
  flaky:
    cmd: test $(od -An -N1 -tu1 /dev/urandom) -lt 128 && date > flaky.out
    deps:
    - metrics.txt
    outs:
    - flaky.out
  needs_missing:
    cmd: cat nothere.txt > copied.txt
    deps:
    - nothere.txt
    outs:
    - copied.txt
Y
cat > params.yaml <<'Y'
threshold: 3
Y
d add data
git add -A; git commit -qm pipeline
steps=$((70 + RANDOM % 20))
for ((s=0;s<steps;s++)); do
  cd "$R" || exit 1
  c=$((RANDOM % 40)); [ $c -ge 26 ] && c=$(( $(pick 0 2 3 5 7 8 10 11 12 15 20 23 25) ))
  case $c in
    0|1) mkdata $((1 + RANDOM % 3)); d add data ;;
    2) d status ;;
    3|4) d repro prepare count ;;
    5) d repro ;;                                   # flaky and missing-dependency stages fail
    6) d repro -f count ;;
    7) d push ;;
    8) d pull ;;
    9) d fetch ;;
    10) d status -c ;;
    11) d gc -w -f ;;
    12) rm -rf data; d checkout ;;
    13) d add "nosuch$RANDOM.txt" ;;                 # missing file
    14) find "$W/remote/files" -type f 2>/dev/null | head -n 2 | xargs -r rm -f; rm -rf .dvc/cache/files; d pull ;;  # objects missing on remote
    15) git add -A >/dev/null 2>&1; git commit -qm "step $s" >/dev/null 2>&1; d status ;;
    16) d repro nosuchstage ;;                      # unknown stage
    17) cp dvc.yaml dvc.yaml.ok; echo 'stages: [oops' >> dvc.yaml; d repro; mv dvc.yaml.ok dvc.yaml ;;
    18) d push -r nosuchremote ;;
    19) ns dvc remote add -f bad "$W/remote-file" >/dev/null 2>&1; : > "$W/remote-file"; d push -r bad ;;  # remote path is a file
    20) d metrics show ;;
    21) d params diff ;;
    22) d status ;;
    23) f=$(ls data 2>/dev/null | head -n 1); [ -n "$f" ] && echo "extra $RANDOM" >> "data/$f"; d commit -f ;;
    24) d remove count ;;  
    25) git checkout -q dvc.yaml 2>/dev/null; d repro -s prepare ;;
  esac
done
cd /work/round43/dvc
total=$(wc -l < "$RAW"); start=$(( total > 2500 ? 1 + RANDOM % (total - 2499) : 1 ))
sed -n "${start},$((start + 2499))p" "$RAW" > /work/round43/dvc/dvc.log
wc -l "$RAW" /work/round43/dvc/dvc.log
