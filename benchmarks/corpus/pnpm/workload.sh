#!/bin/bash
# Randomised pnpm workload against a private static registry (serve.py, tarballs from
# mkreg.py) on 127.0.0.1:47500. Runs itself inside private net+mount namespaces.
# Output of every pnpm command goes to raw.log; a contiguous stretch is cut into pnpm.log.
if [ -z "$R45_INNS" ]; then export R45_INNS=1; exec unshare -n -m bash "$0" "$@"; fi
set -m
mount --make-rprivate /
mount --bind /tmp/round45-r45d /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45d
mount --bind /mnt /tmp/round45-r45d
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
D=/work/round45/pnpm
H=/tmp/round45-r45d/home-pnpm
S=/tmp/round45-r45d/pnpm-state
rm -rf $H $S
mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state $H/run $S
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/run
export npm_config_registry=http://127.0.0.1:47500/ npm_config_store_dir=$S/store npm_config_cache_dir=$S/cache
export npm_config_state_dir=$S/state npm_config_global_dir=$S/global npm_config_fetch_retries=1
export npm_config_fetch_retry_mintimeout=200 npm_config_fetch_retry_maxtimeout=400 npm_config_fetch_timeout=8000
PN=/tmp/round45-r45d/pnpm/bin/pnpm
W=/tmp/round45-r45d/pnpmwork
RAW=$D/raw.log
: > $RAW
python3 $D/mkreg.py $S/reg 47500
python3 $D/serve.py $S/reg 47500 &
SP=$!
sleep 1
RANDOM=$$
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
p() { $PN --loglevel debug --reporter append-only "$@" >> $RAW 2>&1; }
GOOD=(r45-alpha r45-alpha@1.0.0 r45-alpha@^1.1.0 r45-beta r45-gamma r45-delta r45-epsilon r45-deprecated r45-peer r45-scripted)
BAD=(r45-ghost r45-badhash r45-broken-tgz r45-needsmissing r45-badrange r45-failscript r45-flaky r45-alpha@7.0.0)
newproj() { # newproj DIR : project with random deps and scripts
  rm -rf $1; mkdir -p $1
  local deps="" n=$((RANDOM % 3)) k
  for k in $(seq 0 $n); do
    case $((RANDOM % 5)) in
      0) deps="$deps\"r45-alpha\":\"^1.0.0\",";; 1) deps="$deps\"r45-beta\":\"^1.0.0\",";;
      2) deps="$deps\"r45-gamma\":\"*\",";; 3) deps="$deps\"r45-delta\":\"3.0.0\",";; 4) deps="$deps\"r45-deprecated\":\"1\",";;
    esac
  done
  printf '{"name":"%s","version":"1.%d.0","dependencies":{%s},"scripts":{"build":"node -e \\"1\\"","test":"node -e \\"process.exit(%d)\\"","pretest":"node -e 1"}}\n' \
    "$(basename $1)" $((RANDOM % 9)) "${deps%,}" $((RANDOM % 2)) > $1/package.json
}
newws() { # workspace with 2-3 packages, one depending on another
  rm -rf $1; mkdir -p $1/packages/a $1/packages/b $1/packages/c
  printf 'packages:\n  - "packages/*"\n' > $1/pnpm-workspace.yaml
  echo '{"name":"ws-root","private":true,"scripts":{"build":"node -e 1"}}' > $1/package.json
  echo '{"name":"ws-a","version":"1.0.0","dependencies":{"r45-alpha":"^1.0.0"},"scripts":{"build":"node -e \"1\""}}' > $1/packages/a/package.json
  echo '{"name":"ws-b","version":"1.0.0","dependencies":{"ws-a":"workspace:*","r45-delta":"3"},"scripts":{"build":"node -e \"process.exit(1)\""}}' > $1/packages/b/package.json
  echo '{"name":"ws-c","version":"0.0.1","devDependencies":{"r45-beta":"1"}}' > $1/packages/c/package.json
}
rm -rf $W; mkdir -p $W
for i in $(seq 1 ${RUNS:-230}); do
  d=$W/p$((RANDOM % 6))
  [ -f $d/package.json ] || newproj $d
  r=$((RANDOM % 100))
  if   [ $r -lt 14 ]; then (cd $d && p install)
  elif [ $r -lt 24 ]; then (cd $d && p add $(pick "${GOOD[@]}") $( [ $((RANDOM%2)) = 0 ] && echo -D ))
  elif [ $r -lt 34 ]; then (cd $d && p add $(pick "${BAD[@]}"))
  elif [ $r -lt 39 ]; then (cd $d && p remove $(pick r45-alpha r45-beta r45-gamma r45-delta r45-notthere))
  elif [ $r -lt 44 ]; then (cd $d && p update $(pick "" --latest r45-alpha))
  elif [ $r -lt 50 ]; then (cd $d && p run $(pick build test test nosuch))
  elif [ $r -lt 54 ]; then (cd $d && p pack --pack-destination $W/packed)
  elif [ $r -lt 57 ]; then (cd $d && p install --frozen-lockfile)
  elif [ $r -lt 60 ]; then (cd $d && p install --offline)
  elif [ $r -lt 63 ]; then (cd $d && npm_config_registry=http://127.0.0.1:47999/ p add r45-delta@3.0.1)
  elif [ $r -lt 66 ]; then (cd $d && p $(pick list why outdated audit) $(pick r45-alpha ""))
  elif [ $r -lt 70 ]; then newproj $d
  elif [ $r -lt 73 ]; then echo '{"name": "broken", "version": ' > $d/package.json; (cd $d && p $(pick install "run build" "add r45-alpha"))
  elif [ $r -lt 75 ]; then mkdir -p $W/empty$i; (cd $W/empty$i && p $(pick install "run build"))
  elif [ $r -lt 85 ]; then
    ws=$W/ws$((RANDOM % 2)); [ -f $ws/pnpm-workspace.yaml ] || newws $ws
    (cd $ws && p $(pick install install "-r run build" "--filter ws-a add r45-beta" "-r update" "--filter ws-c remove r45-beta" "-r pack --pack-destination $W/packed" "-r exec node -e 1" "--filter nomatch install"))
  elif [ $r -lt 88 ]; then (cd $d && p store $(pick status prune path))
  elif [ $r -lt 90 ]; then (cd $d && p $(pick rebuild prune dedupe))
  elif [ $r -lt 92 ]; then (cd $d && p $(pick exec dlx) $(pick "node -e 1" "nosuchbinary"))
  elif [ $r -lt 94 ]; then (cd $d && p --bogus-flag install)
  else (cd $d && p install --prefer-offline $(pick "" --ignore-scripts --prod))
  fi
done
kill $SP; wait $SP
rm -rf $W $H $S
sed -n '1,2500p' $RAW > $D/pnpm.log
rm -f $RAW
