#!/bin/bash
# Randomised workload for the MOC server debug log (mocp -S -D), in a private net+mount namespace.
# Usage: bash /work/round42/moc/workload.sh
if [ -z "$R42C_INNS" ]; then
  cd /work/round42/moc || exit 1
  R42C_INNS=1 exec unshare -n -m --propagation private bash /work/round42/moc/workload.sh "$@"
fi
ip link set lo up
B=/tmp/round42-r42c/moc
rm -rf $B/home $B/tmp $B/xdg $B/mocdir $B/music $B/run
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/data $B/xdg/cache $B/xdg/runtime $B/mocdir $B/music/album $B/music/more $B/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data \
  XDG_CACHE_HOME=$B/xdg/cache XDG_RUNTIME_DIR=$B/xdg/runtime TZ=UTC TERM=dumb LC_ALL=C.UTF-8
r() { echo $(( RANDOM % $1 )); }
q() { "$@" >/dev/null 2>&1 </dev/null; }

# audio files: short sine tones in several formats, plus damaged and empty files
M=$B/music
n=0
for ext in wav mp3 ogg flac; do
  for k in $(seq $((1 + $(r 3)))); do
    n=$((n+1)); d=0.$((2 + $(r 4))); f=$((200 + $(r 800)))
    dir=$M; [ $(r 2) = 0 ] && dir=$M/album
    q ffmpeg -nostdin -y -f lavfi -i "sine=frequency=$f:duration=$d" -ac 2 -ar 44100 \
      -metadata title="Tone $n" -metadata artist="Gen $((n % 3))" -metadata album="Set" $dir/t$n.$ext
  done
done
head -c 20000 /dev/urandom > $M/noise.mp3
head -c 5000 /dev/urandom > $M/noise.ogg
head -c 3000 /dev/urandom > $M/more/noise.flac
W=$(ls $M/t*.wav $M/album/t*.wav | head -1)
head -c 44 $W > $M/more/short.wav
: > $M/more/empty.wav
: > $M/more/empty.mp3
echo "not audio" > $M/more/readme.txt
cp $W $M/more/gone.wav
ls $M/*.* $M/album/* | shuf > $M/list.m3u
echo "$M/missing.ogg" >> $M/list.m3u
printf '#EXTM3U\n#EXTINF:2,Gen - Tone\n%s\n%s\n' "$W" "$M/nowhere.mp3" > $M/ext.m3u

CONF=$B/config
cat > $CONF <<EOC
SoundDriver = null
MusicDir = $M
OnSongChange = "/bin/true %f %a %t"
OnStop = /bin/true
EOC
RUN=$B/run
cd $RUN
MOC="mocp -M $B/mocdir -C $CONF"
srv() { q $MOC -S -D "$@"; sleep 0.5; }
c() { q timeout 10 $MOC "$@"; }
good() { ls $M/t*.* $M/album/t*.* 2>/dev/null | shuf -n1; }
someaudio() { if [ $(r 4) = 0 ]; then ls $M/*.* $M/album/* $M/more/* 2>/dev/null | grep -v m3u | shuf -n1; else good; fi; }

step() {
  case $(r 30) in
    0|1|2) c -a $(good) $(someaudio) ;;
    3) c -a $M/album ;;
    4) c -a $M/more $(good) ;;
    5) c -a $M/list.m3u ;;
    6) c -a $M/ext.m3u ;;
    7|8) c -p ;;
    9|10) c -f ;;
    11) c -r ;;
    12) c -P; sleep 0.$(r 9); c -U ;;
    13) c -G ;;
    14) c -s ;;
    15) c -k $(( $(r 5) - 2 )) ;;
    16) c -j $(r 100)% ;;
    17) c -v $(echo + -)$(r 30) ;;
    18) c -t $(echo shuffle repeat autonext | tr ' ' '\n' | shuf -n1) ;;
    19) c -o $(echo shuffle repeat autonext | tr ' ' '\n' | shuf -n1) ;;
    20) c -u $(echo shuffle repeat autonext | tr ' ' '\n' | shuf -n1) ;;
    21|22) c -i ;;
    23) c -Q '%state %file %title %tl %tt %ts %cs' ;;
    24) c -q $(good) ;;
    25) c -l $(good) ;;
    26) c -c; c -a $(good) ;;
    27) c -a $M/nonexistent.wav $M/more/readme.txt $(good) ;;
    28) c -v $(r 100) ;;
    29) c -j $(r 4)s ;;
  esac
  sleep 0.$(r 10)
}

# first session
srv
c -a $W $(someaudio); c -p
for i in $(seq 6); do step; done
rm -f $M/more/gone.wav
for i in $(seq 3); do step; done
srv                                   # second start while running
c -x; sleep 1
# a start with a sound driver that is not available here
q $MOC -S -D -R oss; sleep 1
c -x; sleep 0.5
# second session: settings overridden from the command line
srv -O Repeat=yes -O Shuffle=yes
c -c; c -a $M/album $M/list.m3u; c -p
for i in $(seq 7); do step; done
c -x; sleep 1
# third session: a failing song-change command
srv -O OnSongChange=/nonexistent/hook
c -a $M; c -p
for i in $(seq 5); do step; done
c -x; sleep 1
N=$(wc -l < $RUN/mocp_server_log)
echo "raw lines: $N"
FROM=1; [ $N -gt 2500 ] && FROM=$((N - 2499))
sed -n "${FROM},\$p" $RUN/mocp_server_log > /work/round42/moc/moc.log
[ -n "$R42C_KEEP" ] || rm -rf $B/run $B/music
wc -l /work/round42/moc/moc.log
