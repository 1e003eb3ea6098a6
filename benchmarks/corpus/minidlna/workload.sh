#!/bin/bash
# Round-13 corpus workload: MiniDLNA 1.3.0 (Debian 12 package `minidlna`) writing its own log file
# $OUT/minidlna.log (log_dir=$OUT) with
#   log_level=general,artwork,database,inotify,scanner,metadata,ssdp=debug,http=info
# (http=debug dumps whole requests on several lines, so http stays at info). To keep everything
# local, minidlnad runs in a private network namespace (lo + a veth pair 10.213.0.1/24 for SSDP
# multicast); HTTP port 25650. Media directories (audio, video, pictures, mixed) of files made by
# ffmpeg, with files and folders added, changed, renamed and removed while it runs (inotify),
# broken files, playlists, album art and captions; clients (clients.py) doing SSDP M-SEARCH good
# and bad, description fetches, SOAP Browse/Search/other actions, streaming with ranges, art,
# thumbnails, event subscriptions, garbage; SIGHUP, restarts with and without rescans, stop.
# Run as root on Debian 12: apt-get install -y minidlna ffmpeg; bash workload.sh OUT_DIR [DURATION]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-240}
PORT=25650; NS=r13dlna
W=/tmp/r13dlna-work; M=$W/media
rm -rf "$W"; mkdir -p "$M/music" "$M/video" "$M/pictures" "$M/mixed" "$W/db" "$OUT"
rm -f "$OUT/minidlna.log"
r() { echo $((RANDOM % $1)); }
NSX() { ip netns exec $NS "$@"; }
ip netns del $NS 2>/dev/null
ip netns add $NS
NSX ip link set lo up
NSX ip link add dlna0 type veth peer name dlna1
NSX ip link set dlna0 multicast on up; NSX ip link set dlna1 up
NSX ip addr add 10.213.0.1/24 dev dlna0
NSX ip route add 239.0.0.0/8 dev dlna0

artists=(Arne Bodil Cecilie "Dag Erik" Frida Gunnar "Hilde & the Band" Ivar)
albums=("Northern Lights" "Blue Rooms" "Late Trains" "Spring $RANDOM" "Live at Oslo" "Demo Tapes")
genres=(Rock Jazz Folk Pop Classical Ambient)
words=(song tune night river clip trip walk party sunset beach field snow kitchen)
w() { echo "${words[$(r ${#words[@]})]}"; }
FF() { ffmpeg -nostdin -loglevel error -y "$@" 2>/dev/null; }

mk_audio() { # dir
  local d=$1 ext=$(shuf -n1 -e mp3 mp3 flac ogg m4a wav) t=$((1 + $(r 3)))
  local f="$d/$(w)_$(r 100).$ext"
  local codec=(); [ $ext = m4a ] && codec=(-c:a aac)
  FF -f lavfi -i "sine=frequency=$((200 + $(r 900))):duration=$t" "${codec[@]}" \
     -metadata title="$(w) $(w) $(r 50)" -metadata artist="${artists[$(r ${#artists[@]})]}" \
     -metadata album="${albums[$(r ${#albums[@]})]}" -metadata genre="${genres[$(r ${#genres[@]})]}" \
     -metadata track="$((1 + $(r 15)))" -metadata date="$((1970 + $(r 55)))" "$f"
}
mk_video() {
  local d=$1 ext=$(shuf -n1 -e mp4 mkv avi mpg mov) f
  f="$d/$(w)-$(r 1000).$ext"
  FF -f lavfi -i "testsrc=size=$(shuf -n1 -e 320x240 640x360 176x144):rate=$(shuf -n1 -e 15 25 30):duration=$((1 + $(r 2)))" \
     -f lavfi -i "sine=duration=2" -shortest -metadata title="$(w) clip" "$f"
  if [ $(r 3) = 0 ]; then printf '1\n00:00:00,000 --> 00:00:01,000\n%s\n' "$(w)" > "${f%.*}.srt"; fi
}
mk_image() {
  local d=$1 ext=$(shuf -n1 -e jpg jpg jpg png) f
  f="$d/IMG_$((1000 + $(r 9000))).$ext"
  FF -f lavfi -i "$(shuf -n1 -e testsrc mandelbrot smptebars rgbtestsrc)=size=$(shuf -n1 -e 640x480 1920x1080 320x240 3000x2000 100x100)" -frames:v 1 "$f"
}
mk_cover() { FF -f lavfi -i "smptebars=size=$(shuf -n1 -e 300x300 500x500 1200x1200)" -frames:v 1 "$1/$(shuf -n1 -e cover.jpg Folder.jpg AlbumArt.jpg)"; }
mk_broken() {
  local d=$1 ext=$(shuf -n1 -e mp3 flac jpg mp4 mkv ogg m4a avi png wav)
  case $(r 3) in
    0) head -c $((100 + $(r 5000))) /dev/urandom > "$d/broken_$(r 999).$ext";;
    1) : > "$d/empty_$(r 999).$ext";;
    2) echo "not media $(w)" > "$d/$(w)_text.$ext";;
  esac
}
mk_playlist() {
  local d=$1 f="$1/$(w)_list.$(shuf -n1 -e m3u pls)"
  if [[ $f == *.m3u ]]; then
    { echo "#EXTM3U"; ls "$M/music" | shuf -n $((1 + $(r 4))) | while read -r x; do echo "#EXTINF:2,$x"; echo "../music/$x"; done
      echo "missing_$(r 99).mp3"; } > "$f"
  else
    { echo "[playlist]"; n=0; while read -r x; do n=$((n+1)); echo "File$n=../music/$x"; done < <(ls "$M/music" | shuf -n $((1 + $(r 3))))
      echo "NumberOfEntries=$n"; } > "$f"
  fi
}
mk_album_dir() {
  local d="$M/music/${artists[$(r ${#artists[@]})]} - $(w) $(r 100)"; mkdir -p "$d"
  for i in $(seq 1 $((1 + $(r 3)))); do mk_audio "$d"; done
  [ $(r 2) = 0 ] && mk_cover "$d"
}

for i in $(seq 1 6); do mk_audio "$M/music"; done
mk_album_dir; mk_album_dir
for i in $(seq 1 3); do mk_video "$M/video"; done
for i in $(seq 1 5); do mk_image "$M/pictures"; done
mk_image "$M/mixed"; mk_audio "$M/mixed"; mk_video "$M/mixed"; mk_broken "$M/mixed"; mk_broken "$M/music"
mk_playlist "$M/mixed"
mkdir -p "$M/pictures/.hidden"; mk_image "$M/pictures/.hidden"
mkdir -p "$W/outside"; mk_audio "$W/outside"; ln -s "$W/outside" "$M/mixed/outside-link"
mkdir -p "$M/mixed/locked"; mk_audio "$M/mixed/locked"

cat > "$W/minidlna.conf" <<CONF
media_dir=A,$M/music
media_dir=V,$M/video
media_dir=P,$M/pictures
media_dir=$M/mixed
media_dir=$M/does-not-exist
db_dir=$W/db
log_dir=$OUT
log_level=general,artwork,database,inotify,scanner,metadata,ssdp=debug,http=info
port=$PORT
network_interface=dlna0
friendly_name=R13 Media $RANDOM
inotify=yes
notify_interval=$((10 + $(r 20)))
album_art_names=Cover.jpg/cover.jpg/AlbumArt.jpg/Folder.jpg/folder.jpg
strict_dlna=no
enable_subtitles=yes
wide_links=no
model_number=$((1 + $(r 9))).$(r 10)
CONF

start() { NSX minidlnad -f "$W/minidlna.conf" -P "$W/minidlna.pid" "$@"; sleep 2; }
stop() { [ -s "$W/minidlna.pid" ] && kill $(cat "$W/minidlna.pid") 2>/dev/null; sleep 2; }
C() { NSX python3 "$HERE/clients.py" $PORT "$1" 2>/dev/null; }

start
sleep 4
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1) mk_audio "$M/$(shuf -n1 -e music music mixed)";;
    2) mk_video "$M/$(shuf -n1 -e video mixed)";;
    3) mk_image "$M/$(shuf -n1 -e pictures pictures mixed)";;
    4) mk_album_dir;;
    5) mk_broken "$M/$(shuf -n1 -e music video pictures mixed)";;
    6) f=$(find "$M" -type f | shuf -n1); [ -n "$f" ] && rm -f "$f";;
    7) d=$(find "$M/music" -mindepth 1 -type d | shuf -n1); [ -n "$d" ] && rm -rf "$d";;
    8) f=$(find "$M" -type f \( -name '*.mp3' -o -name '*.jpg' -o -name '*.mkv' \) | shuf -n1)
       [ -n "$f" ] && mv "$f" "$(dirname "$f")/renamed_$(r 999)_$(basename "$f")";;
    9) f=$(find "$M/music" -maxdepth 1 -type f -name '*.mp3' | shuf -n1); [ -n "$f" ] && mv "$f" "$M/mixed/";;
    10) mk_playlist "$M/$(shuf -n1 -e music mixed)";;
    11) d="$M/pictures/trip-$(w)-$(r 99)"; mkdir -p "$d/day$(r 5)"; mk_image "$d"; mk_image "$d/day"*;;
    12) f=$(find "$M" -type f | shuf -n1); [ -n "$f" ] && touch "$f";;
    13) mk_cover "$(find "$M/music" -mindepth 1 -type d | shuf -n1)";;
    14) C ssdp;;
    15) C badssdp;;
    16) C desc;;
    17|18) C browse;;
    19) C search;;
    20) C misc;;
    21) C stream;;
    22) C art;;
    23) C subscribe;;
    24) C garbage;;
    25) C all; C all;;
    26) [ -s "$W/minidlna.pid" ] && kill -HUP $(cat "$W/minidlna.pid");;
    27) if [ $(r 3) = 0 ]; then stop; case $(r 3) in 0) start -R;; 1) start -r;; 2) start;; esac; sleep 2; fi;;
    28) f=$(find "$M" -type f -name '*.mp3' | shuf -n1); [ -n "$f" ] && head -c 300 /dev/urandom >> "$f";;
    29) d="$M/video/series-$(r 9)"; mkdir -p "$d"; mk_video "$d";;
  esac
  sleep 0.$((3 + $(r 7)))
done
stop
ip netns del $NS
rm -rf "$W"
