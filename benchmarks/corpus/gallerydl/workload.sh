#!/bin/bash
# Randomised gallery-dl workload. Runs itself inside a private network + mount namespace.
if [ -z "$R45C_INNER" ]; then exec unshare -n -m env R45C_INNER=1 bash "$0" "$@"; fi
set -m
D=/work/round45/gallerydl
ip link set lo up
mount --make-rprivate /
mount --bind /tmp/round45-r45c /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round45-r45c
mount --bind /mnt /tmp/round45-r45c
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
H=/tmp/round45-r45c/home-gallerydl
rm -rf $H /tmp/round45-r45c/gdl-*; mkdir -p $H/tmp $H/.config $H/.cache $H/.local/share $H/.local/state
export HOME=$H TMPDIR=$H/tmp XDG_CONFIG_HOME=$H/.config XDG_CACHE_HOME=$H/.cache XDG_DATA_HOME=$H/.local/share XDG_STATE_HOME=$H/.local/state XDG_RUNTIME_DIR=$H/tmp
export PYTHONUNBUFFERED=1
cd $D
RAW=$H/raw.log
GDL=/tmp/round45-r45c/venv-gallerydl/bin/gallery-dl
python3 $D/server.py 47101 > /dev/null 2>&1 &
SRV=$!
sleep 1
echo '{"extractor": {"base-directory": ' > $H/broken.json
printf 'http://gallery.test/img/in1.jpg\nhttp://gallery.test/img/nf9.png\n# comment\nhttp://gallery.test/img/in2.gif\n' > $H/input.txt
RANDOM=4646
U=http://gallery.test
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
img() {
  local pre=$(pick a a a a a b c nf err forbid rd rd slow bad empty wrong cut)
  echo "$U/img/$pre$((RANDOM % 40)).$(pick jpg jpg png gif webm mp4)"
}
run() {
  local cfg=$D/config.json
  [ $((RANDOM % 30)) -eq 0 ] && cfg=$D/config-badproxy.json
  timeout 60 $GDL -v --config-ignore -c $cfg --no-colors "$@" >> $RAW 2>&1
}
: > $RAW
for i in $(seq 1 75); do
  c=$((RANDOM % 100))
  if   [ $c -lt 35 ]; then run $(img) $(img) $([ $((RANDOM%2)) -eq 0 ] && img)
  elif [ $c -lt 47 ]; then run "generic:$U/page/$((RANDOM % 12)).html"
  elif [ $c -lt 57 ]; then run "r:$U/list$((1 + RANDOM % 9)).txt"
  elif [ $c -lt 65 ]; then run --download-archive /tmp/round45-r45c/gdl-archive.sqlite3 $U/img/a$((RANDOM % 6)).jpg
  elif [ $c -lt 69 ]; then run $(pick --zip --write-metadata --mtime --write-info-json) $(img)
  elif [ $c -lt 72 ]; then run -g $(img) "generic:$U/page/$((RANDOM % 12)).html"
  elif [ $c -lt 75 ]; then run --simulate $(img)
  elif [ $c -lt 78 ]; then run --filter "$(pick "extension == 'png'" "extension ==" "width > 10")" "generic:$U/page/$((RANDOM % 12)).html"
  elif [ $c -lt 81 ]; then run "$(pick 'nosuch://x/y' 'http://' 'gallery.test' ':::')"
  elif [ $c -lt 84 ]; then run -i $(pick $H/input.txt $H/missing-input.txt)
  elif [ $c -lt 86 ]; then timeout 60 $GDL -v --config-ignore -c $(pick $H/broken.json $H/nosuch.json) --no-colors $(img) >> $RAW 2>&1
  elif [ $c -lt 88 ]; then run --range "$(pick 2-3 x-y 1)" "generic:$U/page/$((RANDOM % 12)).html"
  elif [ $c -lt 90 ]; then run --no-skip $U/img/a$((RANDOM % 6)).jpg
  elif [ $c -lt 92 ]; then run --frobnicate $(img)
  elif [ $c -lt 94 ]; then run -K $U/img/a1.jpg
  elif [ $c -lt 96 ]; then run --limit-rate 50k --retries 0 $(img)
  else run -o "extractor.timeout=0.2" $U/img/slow$((RANDOM % 5)).jpg
  fi
  if [ $i -eq 60 ]; then kill $SRV; wait $SRV 2>/dev/null; sleep 0.3; python3 $D/server.py 47101 > /dev/null 2>&1 & SRV=$!; sleep 1; fi
done
kill $SRV; wait $SRV 2>/dev/null
sed -n '1,2500p' $RAW > $D/gallerydl.log
