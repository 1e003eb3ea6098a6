#!/bin/bash
# Randomised cookiecutter workload. Runs itself inside a private network + mount namespace.
if [ -z "$R45C_INNER" ]; then exec unshare -n -m env R45C_INNER=1 bash "$0" "$@"; fi
set -m
D=/work/round45/cookiecutter
ip link set lo up
mount --make-rprivate /
mount --bind /tmp/round45-r45c /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45c
mount --bind /mnt /tmp/round45-r45c
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
H=/tmp/round45-r45c/cc-home
rm -rf $H; mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state $H/out $H/zips
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/tmp
export COOKIECUTTER_CONFIG=$D/config.yaml
export PYTHONUNBUFFERED=1
cd $H
RAW=$H/raw.log
CC=/tmp/round45-r45c/venv-cookiecutter/bin/cookiecutter
T=$D/templates
# local zip archives built from the templates (kept outside the folder)
python3 - "$T" "$H/zips" <<'PY'
import sys, os, zipfile
t, z = sys.argv[1], sys.argv[2]
for name in ('basic', 'hooks'):
    with zipfile.ZipFile(os.path.join(z, name + '.zip'), 'w') as f:
        for root, dirs, files in sorted(os.walk(os.path.join(t, name))):
            f.writestr(os.path.join(name, os.path.relpath(root, os.path.join(t, name)), '').replace('/./', '/'), '')
            for fn in files:
                full = os.path.join(root, fn)
                f.write(full, os.path.join(name, os.path.relpath(full, os.path.join(t, name))))
with zipfile.ZipFile(os.path.join(z, 'empty.zip'), 'w') as f:
    pass
with zipfile.ZipFile(os.path.join(z, 'flat.zip'), 'w') as f:
    f.writestr('cookiecutter.json', '{"a": 1}')
open(os.path.join(z, 'notzip.zip'), 'w').write('plain text, not a zip')
PY
RANDOM=4747
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
run() { timeout 60 $CC -v --no-input "$@" >> $RAW 2>&1; }
run_replay() { timeout 60 $CC -v "$@" < /dev/null >> $RAW 2>&1; }
: > $RAW
for i in $(seq 1 110); do
  c=$((RANDOM % 100))
  O=$H/out/o$((RANDOM % 6))
  if   [ $c -lt 18 ]; then run -o $O $(pick "" -f -f -s) $T/basic project_name="$(pick 'Alpha Tool' 'Beta Lib' 'Gamma' 'Delta App')" use_docker=$(pick y n n)
  elif [ $c -lt 25 ]; then run --config-file $D/config.yaml -o $O -f $T/basic license=$(pick MIT GPL-3.0)
  elif [ $c -lt 27 ]; then run --config-file $D/badconfig.yaml -o $O $T/basic
  elif [ $c -lt 28 ]; then run --config-file $H/nosuch.yaml -o $O $T/basic
  elif [ $c -lt 31 ]; then run --default-config -o $O -f $T/basic
  elif [ $c -lt 51 ]; then run -o $O -f $(pick "" "" --keep-project-on-failure) --accept-hooks $(pick yes yes yes no) $T/hooks name=h$((RANDOM % 9)) fail_pre=$(pick no no no yes) fail_post=$(pick no no no yes)
  elif [ $c -lt 54 ]; then run -o $O -f $T/jinjaerr
  elif [ $c -lt 57 ]; then run -o $O -f $T/undef
  elif [ $c -lt 60 ]; then run -o $O $T/badjson
  elif [ $c -lt 62 ]; then run -o $O $T/nojson
  elif [ $c -lt 63 ]; then run -o $O $T/nodir
  elif [ $c -lt 65 ]; then run -o $O $T/ext
  elif [ $c -lt 68 ]; then run -o $O $T/$(pick missing gone nothing-here)
  elif [ $c -lt 77 ]; then run -o $O $(pick -f -f "") $H/zips/$(pick basic.zip basic.zip hooks.zip empty.zip flat.zip notzip.zip missing.zip)
  elif [ $c -lt 82 ]; then run_replay -o $O -f --replay $T/$(pick basic basic hooks)
  elif [ $c -lt 87 ]; then run_replay -o $O -f --replay-file $(pick $D/replay-basic.json $D/replay-basic.json $D/replay-bad.json $H/none.json) $T/basic
  elif [ $c -lt 90 ]; then run -o $O -f loc:basic
  elif [ $c -lt 93 ]; then run -o $O -f --directory $(pick sub nothere) $T/basic
  elif [ $c -lt 95 ]; then run -o $O $T/basic $(pick badextra license) 
  elif [ $c -lt 97 ]; then run -o $O --frobnicate $T/basic
  else timeout 60 $CC -v --list-installed >> $RAW 2>&1
  fi
done
sed -n '1,2500p' $RAW > $D/cookiecutter.log
