#!/bin/bash
# Randomised workload for streamlink --loglevel trace --logfile, against a local HLS/HTTP server.
# Re-executes itself in a private network + mount namespace (loopback only).
if [ -z "$R43E_INNER" ]; then
    exec env R43E_INNER=1 unshare -n -m "$0" "$@"
fi
set -m
cd /work/round43/streamlink || exit 1
ip link set lo up
W=/tmp/round43-r43e/sl
rm -rf $W/home $W/tmp $W/xdg $W/www
mkdir -p $W/home $W/tmp $W/xdg $W/www
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_STATE_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
B=/tmp/round43-r43e/venv-sl/bin
PORT=48200
BASE=http://127.0.0.1:$PORT
RAW=$W/raw.log
rm -f $RAW
SEED=${SEED:-$RANDOM}
RANDOM=$SEED

# media: 12 one-second MPEG-TS segments
ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc=size=160x120:rate=10 \
    -f lavfi -i sine=frequency=440:sample_rate=22050 -t 12 -c:v mpeg2video -b:v 100k \
    -c:a mp2 -b:a 32k -f hls -hls_time 1 -hls_list_size 0 \
    -hls_segment_filename "$W/www/seg%03d.ts" $W/www/ff.m3u8

start_srv() { $B/python hlsserver.py $PORT $W/www 2>/dev/null & HP=$!; sleep 1; }
stop_srv() { kill $HP; wait $HP; }

sl() {
    $B/streamlink --no-config --loglevel trace --logfile $RAW -f -o $W/tmp/out.ts \
        --stream-segment-timeout 2 --stream-timeout 4 --http-timeout 3 "$@" >/dev/null 2>&1
}
dur() { echo $((RANDOM % 4 + 2)); }

start_srv
KINDS=(master master vod vod live live live missing missing bad broken enc sample badkey
       empty stall drop plain plain plain404 nostream noplugin slow stopped_live refused
       worst offset)
N=$((RANDOM % 8 + 46))
for n in $(seq 1 $N); do
    k=${KINDS[$((RANDOM % ${#KINDS[@]}))]}
    case $k in
        master) sl hls://$BASE/master.m3u8 $(echo best 240p 120p | tr ' ' '\n' | sed -n "$((RANDOM % 3 + 1))p") --stream-segmented-duration $(dur) ;;
        worst) sl hls://$BASE/master.m3u8 worst --stream-segment-threads 2 ;;
        vod) sl hls://$BASE/vod/index.m3u8 best --stream-segment-threads $((RANDOM % 3 + 1)) ;;
        offset) sl hls://$BASE/vod/index.m3u8 best --hls-start-offset $((RANDOM % 4)) ;;
        live)
            if [ $((RANDOM % 2)) -eq 0 ]; then
                sl hls://$BASE/live/index.m3u8 best --hls-duration $(dur) --hls-live-edge $((RANDOM % 3 + 1))
            else
                sl hls://$BASE/live/index.m3u8 best --stream-segmented-duration $(dur) --hls-playlist-reload-time segment
            fi ;;
        missing) sl hls://$BASE/missing/index.m3u8 best ;;
        bad) sl hls://$BASE/bad/index.m3u8 best ;;
        broken) sl hls://$BASE/broken/index.m3u8 best ;;
        enc) sl hls://$BASE/enc/index.m3u8 best ;;
        sample) sl hls://$BASE/sample/index.m3u8 best ;;
        badkey) sl hls://$BASE/badkey/index.m3u8 best ;;
        empty) sl hls://$BASE/empty/index.m3u8 best ;;
        stall) sl hls://$BASE/stall/index.m3u8 best ;;
        drop) sl hls://$BASE/drop/index.m3u8 best ;;
        slow) sl hls://$BASE/slow/index.m3u8 best ;;
        plain) sl httpstream://$BASE/plain/video.ts best ;;
        plain404) sl httpstream://$BASE/plain/absent$RANDOM.ts best ;;
        nostream) sl hls://$BASE/master.m3u8 1080p ;;
        noplugin) sl "foo://127.0.0.1:$PORT/nothing$RANDOM" best ;;
        refused)
            stop_srv
            sl hls://$BASE/vod/index.m3u8 best --retry-open 2
            start_srv ;;
        stopped_live)
            sl hls://$BASE/live/index.m3u8 best --hls-playlist-reload-attempts 2 &
            SLP=$!
            sleep $((RANDOM % 3 + 2))
            stop_srv
            wait $SLP
            start_srv ;;
    esac
done
stop_srv
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > /work/round43/streamlink/streamlink.log
