#!/bin/bash
# yt-dlp workload: private net+mount namespace, own HTTP server on 127.0.0.1:47010, randomised downloads.
if [ -z "$R44C_INNS" ]; then export R44C_INNS=1; exec unshare -n -m --propagation private /bin/bash "$0" "$@"; fi
set -m
ip link set lo up
mount --bind /tmp/round44-r44c /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44c; mount --bind /mnt /tmp/round44-r44c; umount -l /mnt
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
D=/work/round44/ytdlp; cd $D || exit 1
B=/tmp/round44-r44c/env-ytdlp; rm -rf $B; mkdir -p $B/home $B/tmp $B/config $B/cache $B/data $B/state $B/run; chmod 700 $B/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/config XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
YT=/tmp/round44-r44c/venv-ytdlp/bin/yt-dlp
W=/tmp/round44-r44c/yt-www; rm -rf $W; mkdir -p $W/hls $W/dash $W/pages
RUN=$D/work; rm -rf $RUN; mkdir -p $RUN/out $RUN/cache
RAW=$B/raw.log; : > $RAW
FF="ffmpeg -nostdin -loglevel error -y"
# media made with ffmpeg test sources
$FF -f lavfi -i testsrc=duration=4:size=160x120:rate=10 -f lavfi -i sine=frequency=440:duration=4 -c:v libx264 -c:a aac -shortest $W/clip1.mp4
$FF -f lavfi -i testsrc2=duration=3:size=320x240:rate=10 -f lavfi -i sine=frequency=660:duration=3 -c:v libx264 -c:a aac -shortest $W/clip2.mp4
$FF -f lavfi -i sine=frequency=550:duration=3 -c:a aac $W/tone.m4a
$FF -f lavfi -i testsrc=duration=3:size=160x120:rate=10 -f lavfi -i sine=duration=3 -c:v mpeg4 -c:a mp3 -shortest $W/clip3.avi 2>/dev/null || true
head -c 200000 /dev/urandom > $W/junk.mp4
$FF -f lavfi -i testsrc=duration=6:size=160x120:rate=10 -f lavfi -i sine=duration=6 -c:v libx264 -c:a aac -shortest -f hls -hls_time 1 -hls_list_size 0 -hls_segment_filename $W/hls/s%03d.ts $W/hls/low.m3u8
$FF -f lavfi -i testsrc2=duration=6:size=320x240:rate=10 -f lavfi -i sine=duration=6 -c:v libx264 -c:a aac -shortest -f hls -hls_time 1 -hls_list_size 0 -hls_segment_filename $W/hls/h%03d.ts $W/hls/high.m3u8
printf '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x120\nlow.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=600000,RESOLUTION=320x240\nhigh.m3u8\n' > $W/hls/master.m3u8
sed 's/s002.ts/gone002.ts/; s/s004.ts/gone004.ts/' $W/hls/low.m3u8 > $W/hls/holes.m3u8
printf '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x120\nholes.m3u8\n' > $W/hls/badmaster.m3u8
(cd $W/dash && $FF -f lavfi -i testsrc=duration=6:size=160x120:rate=10 -f lavfi -i sine=duration=6 -c:v libx264 -c:a aac -shortest -map 0:v -map 1:a -f dash -seg_duration 2 -use_template 1 -use_timeline 0 manifest.mpd)
sed 's/chunk-stream1/nochunk-stream1/g' $W/dash/manifest.mpd > $W/dash/broken.mpd
printf 'not a manifest at all\n' > $W/hls/garbage.m3u8
P=http://127.0.0.1:47010
page() { printf '<html><head><title>%s</title>%s</head><body>%s</body></html>\n' "$2" "$3" "$4" > $W/pages/$1.html; }
page single "Single clip" "" "<video src=\"/clip1.mp4\"></video>"
page sources "Two sources" "" "<video><source src=\"/clip1.mp4\" type=\"video/mp4\"><source src=\"/clip2.mp4\" type=\"video/mp4\"></video>"
page og "Open graph" "<meta property=\"og:video\" content=\"$P/clip2.mp4\"><meta property=\"og:image\" content=\"$P/nothumb.jpg\"><meta name=\"description\" content=\"a page\">" "<p>hi</p>"
page hlspage "HLS page" "" "<video src=\"/hls/master.m3u8\"></video>"
page dashpage "DASH page" "" "<video src=\"/dash/manifest.mpd\"></video>"
page multi "Many clips" "" "<video src=\"/clip1.mp4\"></video><video src=\"/clip2.mp4\"></video><video src=\"/status/404\"></video>"
page empty "Nothing here" "" "<p>no media on this page</p>"
page junkpage "Junk" "" "<video src=\"/junk.mp4\"></video>"
page cutpage "Cut" "" "<video src=\"/cut/clip2.mp4\"></video>"
python3 $D/srv.py 47010 $W > /dev/null 2>&1 & SRV=$!
sleep 1
URLS=( "$P/clip1.mp4" "$P/clip2.mp4" "$P/tone.m4a" "$P/clip3.avi" "$P/pages/single.html" "$P/pages/sources.html" "$P/pages/og.html"
  "$P/pages/hlspage.html" "$P/pages/dashpage.html" "$P/pages/multi.html" "$P/pages/empty.html" "$P/hls/master.m3u8" "$P/hls/low.m3u8"
  "$P/hls/badmaster.m3u8" "$P/hls/garbage.m3u8" "$P/dash/manifest.mpd" "$P/dash/broken.mpd" "$P/redir/clip1.mp4" "$P/redir/pages/single.html"
  "$P/status/404" "$P/status/403" "$P/status/500" "$P/status/503" "$P/missing.mp4" "$P/slow/4/clip1.mp4" "$P/slow/1/pages/og.html"
  "$P/cut/clip1.mp4" "$P/pages/cutpage.html" "$P/drop/x.mp4" "http://127.0.0.1:47011/clip1.mp4" "$P/junk.mp4" "$P/pages/junkpage.html"
  "htp:/bad url" "$P/redir/missing.mp4" )
WEIGHTS=( 5 3 2 1 5 3 3 4 3 2 3 4 2 2 1 3 1 2 2 3 1 2 1 2 1 1 2 1 1 1 1 1 1 1 )
pick() { local tot=0 w r i; for w in "${WEIGHTS[@]}"; do tot=$((tot+w)); done; r=$((RANDOM % tot)); for i in "${!WEIGHTS[@]}"; do r=$((r-WEIGHTS[i])); if [ $r -lt 0 ]; then echo "${URLS[$i]}"; return; fi; done; }
FMTS=( "" "" "" "-f best" "-f worst" "-f bestvideo+bestaudio" "-f bv*+ba/b" "-f 720p" "-f mp4" "-S res" )
EXTRA=( "" "" "" "--write-info-json" "--skip-download" "--no-overwrites" "--force-overwrites" "--restrict-filenames" "--write-thumbnail" "--no-part" "--limit-rate 300K" "--retries 3" "--fragment-retries 1" "--concurrent-fragments 3" "--no-playlist" "--playlist-items 1,3" "--rm-cache-dir" "--hls-use-mpegts" "--keep-video" "--simulate" "--get-title" "--dump-json" "--abort-on-error" "--print filename" )
N=${N:-60}
for i in $(seq 1 $N); do
  u=$(pick); f=${FMTS[$((RANDOM % ${#FMTS[@]}))]}; e=${EXTRA[$((RANDOM % ${#EXTRA[@]}))]}
  to=$((1 + RANDOM % 3))
  [ $((RANDOM % 6)) -eq 0 ] && rm -rf $RUN/out/*
  $YT -v --newline --no-colors --no-config --socket-timeout $to --retries 1 --cache-dir $RUN/cache -P $RUN/out -o '%(title)s [%(id)s].%(ext)s' $f $e "$u" >> $RAW 2>&1
  if [ $((RANDOM % 10)) -eq 0 ]; then printf '%s\n' "$P/clip1.mp4" "$P/pages/single.html" "$P/status/404" | $YT -v --newline --no-colors --no-config --socket-timeout 2 --cache-dir $RUN/cache -P $RUN/out -a - >> $RAW 2>&1; fi
  if [ $((RANDOM % 15)) -eq 0 ]; then $YT -v --newline --no-colors --no-config --cache-dir $RUN/cache -P $RUN/out --bogus-option "$u" >> $RAW 2>&1; fi
done
kill $SRV; wait $SRV 2>/dev/null
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $RAW > $D/ytdlp.log
rm -rf $RUN $W
