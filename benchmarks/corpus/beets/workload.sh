#!/bin/bash
# beet -vv (beets) on generated audio files, in a private network + mount namespace.
set -u
D=/work/round42/beets
T=/tmp/round42-r42h/bt
if [ "${1:-}" != inner ]; then
  exec unshare -n -m --propagation private bash "$0" inner
fi
cd "$D" || exit 1
ip link set lo up
rm -rf $T/lib $T/src $T/home $T/tmp $T/library.db* $T/import.log $T/moved
mkdir -p $T/home/beetsdir $T/tmp $T/src $T/lib
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/home/.config XDG_CACHE_HOME=$T/home/.cache \
       XDG_DATA_HOME=$T/home/.local/share XDG_RUNTIME_DIR=$T/tmp BEETSDIR=$T/home/beetsdir PYTHONUNBUFFERED=1
B=/tmp/round42-r42h/venv-beets/bin/beet
RAW=$T/raw.log; : > $RAW
bt() { timeout 120 $B -vv -c $D/config.yaml "$@" >> $RAW 2>&1 < /dev/null; }

artists=("The Testers" "Sine Wave" "Mono Lake" "Quiet Room" "Low Hum")
albums=("First Light" "Second Hand" "Third Rail" "Fourth Wall" "Fifth Gear" "Sixth Sense")
titles=(Intro Outro Drift Pulse Echo Glow Static Tide Ember Fade)
exts=(mp3 flac ogg)
mkalbum() {  # dir artist album ntracks ext tagged
  mkdir -p "$1"
  for t in $(seq $4); do
    tt=${titles[RANDOM % 10]}
    if [ $((RANDOM % 4)) = 0 ]; then tt="$tt feat. Guest $((RANDOM % 3))"; fi
    if [ "$6" = yes ]; then
      ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=$((200 + RANDOM % 600)):duration=$((1 + RANDOM % 2))" \
        -metadata artist="$2" -metadata album_artist="$2" -metadata album="$3" -metadata title="$tt" -metadata track=$t \
        -metadata date=$((1990 + RANDOM % 30)) "$1/$(printf %02d $t) $tt.$5"
    else
      ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=$((200 + RANDOM % 600)):duration=1" "$1/$(printf %02d $t) - $2 - $tt.$5"
    fi
  done
}
n=0
for a in $(seq $((4 + RANDOM % 3))); do
  n=$((n + 1)); ar=${artists[RANDOM % 5]}; al=${albums[a - 1]}
  tagged=yes; [ $((RANDOM % 4)) = 0 ] && tagged=no
  mkalbum "$T/src/album$n" "$ar" "$al" $((2 + RANDOM % 4)) ${exts[RANDOM % 3]} $tagged
done
mkdir -p $T/src/singles $T/src/broken
for s in $(seq $((2 + RANDOM % 3))); do
  ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=$((300 + RANDOM % 300)):duration=1" -metadata artist="Solo $s" -metadata title="Single $s" $T/src/singles/single$s.mp3
done
echo "not really audio" > $T/src/broken/bad.mp3
echo "notes" > $T/src/broken/readme.txt

# one lookup against a refused MusicBrainz host
timeout 200 $B -vv -c $D/config-mb.yaml import -q $T/src/album1 >> $RAW 2>&1 < /dev/null
bt -c $D/broken.yaml ls
bt import -q /tmp/round42-r42h/bt/src/nonexistent
bt import -q $T/src/broken
for d in $(ls $T/src | grep album | shuf); do
  case $((RANDOM % 3)) in
    0) bt import -q -A $T/src/$d ;;
    *) bt import -q $T/src/$d ;;
  esac
done
bt import -q -s $T/src/singles
bt import -q $T/src/album2
queries=("artist:Sine" "album:First" "title:Echo" "year:1995..2010" "format:FLAC" "feat" "artist:Nobody" "title::^E" "format:MP3" "")
for r in $(seq $((40 + RANDOM % 10))); do
  q=${queries[RANDOM % 10]}
  case $((RANDOM % 16)) in
    0|1) bt ls $q ;;
    2) bt ls -a $q ;;
    3) bt modify -y $q genre="Test $((RANDOM % 5))" ;;
    4) bt stats -e $q ;;
    5) bt stats $q ;;
    6) bt duplicates ;;
    7) bt ftintitle $q ;;
    8) bt scrub $q ;;
    9) f=$(find $T/lib -type f | shuf -n 1); [ -n "$f" ] && rm -f "$f"; bt update ;;
    10) bt remove -f $q ;;
    11) bt move -d $T/moved $q ;;
    12) bt ls 'title::[' ;;
    13) bt modify -y $q year=notanumber ;;
    14) bt write $q ;;
    15) bt update $q ;;
  esac
done
bt stats
sed -n '1,2500p' $RAW > $D/beets.log
