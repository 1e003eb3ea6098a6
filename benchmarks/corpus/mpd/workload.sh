#!/bin/bash
# Round-13 corpus workload: Music Player Daemon 0.23 (Debian 12 package mpd, mpc, sox),
# own log_file at log_level verbose, on 127.0.0.1:27600 only (httpd output on 27601).
# Generates audio files of several formats (wav, flac, ogg, mp3, aiff, some broken ones),
# then runs randomised mpc/raw-socket clients for DURATION seconds: playlists, database
# updates and rescans, files added/removed, seeks, bad commands, wrong passwords, outputs
# enabled/disabled/toggled, httpd listeners, stickers, restarts; finally a clean stop.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION]
#   apt-get install -y mpd mpc sox libsox-fmt-all flac vorbis-tools lame python3 curl
# Writes OUT_DIR/mpd.log unchanged (the raw log; the corpus file is a head cut of it).
set -u
OUT=${1:?out dir}; DURATION=${2:-260}
W=/tmp/r13mpd
PORT=27600; HPORT=27601
PASS=sekrit
mkdir -p "$OUT"; rm -f "$OUT/mpd.log"
rm -rf "$W"; mkdir -p "$W/music" "$W/playlists"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }

artists=(Aurora Basalt Cobalt Dune Ember Fjord Garnet Helix Indigo Juniper)
words=(night river glass storm echo velvet orbit paper ember tide lantern cedar)
mkfile() {  # mkfile DIR -> creates one random audio file in DIR
  local dir=$1 a t ext len f
  a=$(pick "${artists[@]}"); t="$(pick "${words[@]}")_$(pick "${words[@]}")_$RANDOM"
  ext=$(pick wav flac ogg mp3 aiff flac ogg)
  len=$((2 + $(r 9)))
  f="$dir/$t.$ext"
  sox -q -n -r $(pick 22050 44100 48000) -c $(pick 1 2) "$f" synth $len sine $((200 + $(r 800))) fade 0.1 $len 0.1 2>/dev/null || return
  case $ext in
    flac) metaflac --set-tag="ARTIST=$a" --set-tag="TITLE=$t" --set-tag="ALBUM=$(pick "${words[@]}")" "$f" ;;
    ogg) vorbiscomment -w -t "ARTIST=$a" -t "TITLE=$t" "$f" 2>/dev/null ;;
  esac
}
for d in rock/Aurora rock/Basalt jazz/Cobalt jazz/Dune ambient/Ember ambient/Fjord misc; do
  mkdir -p "$W/music/$d"
  for _ in $(seq $((2 + $(r 4)))); do mkfile "$W/music/$d"; done
done
# broken files: garbage with audio extensions, truncated files, an unreadable file
head -c $((1000 + $(r 5000))) /dev/urandom > "$W/music/misc/garbage_$RANDOM.mp3"
head -c $((500 + $(r 3000))) /dev/urandom > "$W/music/misc/noise_$RANDOM.flac"
echo "not audio" > "$W/music/misc/readme_$RANDOM.ogg"
f=$(ls "$W"/music/rock/Aurora/* | head -1); head -c 3000 "$f" > "$W/music/misc/truncated_$RANDOM.${f##*.}"
echo "text" > "$W/music/misc/notes.txt"
chown -R mpd:audio "$W" 2>/dev/null

cat > "$W/mpd.conf" <<CONF
music_directory     "$W/music"
playlist_directory  "$W/playlists"
db_file             "$W/database"
state_file          "$W/state"
sticker_file        "$W/sticker.sql"
log_file            "$OUT/mpd.log"
log_level           "verbose"
pid_file            "$W/pid"
user                "mpd"
bind_to_address     "127.0.0.1"
port                "$PORT"
auto_update         "yes"
zeroconf_enabled    "no"
restore_paused      "yes"
connection_timeout  "8"
max_connections     "12"
password            "$PASS@read,add,control,admin"
default_permissions "read,add"
replaygain          "track"
decoder {
    plugin "ffmpeg"
    enabled "no"
}
decoder {
    plugin "mpg123"
    enabled "no"
}
decoder {
    plugin "wildmidi"
    enabled "no"
}
audio_output {
    type "null"
    name "Null Sink"
    mixer_type "software"
}
audio_output {
    type "httpd"
    name "HTTP Stream"
    encoder "wave"
    bind_to_address "127.0.0.1"
    port "$HPORT"
    max_clients "3"
    format "44100:16:2"
}
audio_output {
    type "pipe"
    name "Pipe Sink"
    command "cat > /dev/null"
    format "44100:16:2"
}
audio_output {
    type "pipe"
    name "Broken Pipe"
    command "exit 3"
    enabled "no"
}
audio_output {
    type "alsa"
    name "Dead ALSA"
    device "hw:7,0"
    enabled "no"
}
audio_output {
    type "recorder"
    name "Recorder"
    path "$W/recording.wav"
    encoder "wave"
    enabled "no"
}
audio_output {
    type "fifo"
    name "Fifo Sink"
    path "$W/mpd.fifo"
    enabled "no"
}
CONF
chown -R mpd:audio "$W" 2>/dev/null
touch "$OUT/mpd.log"; chown mpd "$OUT/mpd.log" 2>/dev/null; chmod 777 "$OUT"

start_mpd() { mpd "$W/mpd.conf"; sleep 1.5; }
stop_mpd() { mpd --kill "$W/mpd.conf" 2>/dev/null; sleep 1.5; }
M() { timeout 10 mpc -q -h "$PASS@127.0.0.1" -p $PORT "$@" >/dev/null 2>&1; }      # authorised
A() { timeout 10 mpc -q -h 127.0.0.1 -p $PORT "$@" >/dev/null 2>&1; }              # anonymous
raw() {  # raw protocol lines to the daemon
  timeout 5 python3 - "$PORT" "$@" <<'PY' >/dev/null 2>&1
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=4)
s.recv(100); s.settimeout(1)
for line in sys.argv[2:]:
    if line == "SLEEP":
        time.sleep(1.5); continue
    s.sendall(line.encode("latin-1", "replace") + b"\n")
    time.sleep(0.05)
    try:
        s.recv(65536)
    except Exception:
        pass
s.close()
PY
}
songs() { (cd "$W/music" && find . -type f | sed 's|^\./||'); }

start_mpd
M update --wait; M clear; M add /; M play
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1) M play $((1 + $(r 20))) ;;
    2) M next ;;
    3) M prev ;;
    4) M seek $(pick 10% 50% 90% +1 -1 0:0$(r 5) 3); ;;
    5) M pause; sleep 0.$(r 9); M play ;;
    6) M stop; sleep 0.$(r 5); M play ;;
    7) M clear; M add "$(pick rock jazz ambient misc rock/Aurora jazz/Dune)"; M shuffle; M play ;;
    8) M save "list_$(pick "${words[@]}")_$(r 20)" ;;
    9) pl=$(ls "$W/playlists" 2>/dev/null | sed 's/\.m3u$//' | shuf -n1); [ -n "$pl" ] && { M clear; M load "$pl"; M play; } ;;
    10) pl=$(ls "$W/playlists" 2>/dev/null | sed 's/\.m3u$//' | shuf -n1); [ -n "$pl" ] && M rm "$pl"; M rm "missing_$(r 99)" ;;
    11) M load "nosuchlist_$(r 50)"; M add "no/such/file_$RANDOM.flac" ;;
    12) mkfile "$W/music/$(pick rock/Aurora jazz/Cobalt ambient/Ember misc)"; chown -R mpd "$W/music"; sleep 0.$(r 9); M update "$(pick rock jazz ambient misc)" ;;
    13) f=$(songs | grep -v -e garbage -e noise -e readme | shuf -n1); [ -n "$f" ] && [ $(songs | wc -l) -gt 20 ] && rm -f "$W/music/$f"; M update ;;
    14) M $(pick update rescan) ;;
    15) o=$((1 + $(r 7))); M $(pick enable disable toggleoutput) $o ;;
    16) o=$(pick 4 5 6); M enable $o; sleep 0.5; M play; sleep 1; M disable $o ;;
    17) (timeout $((1 + $(r 4))) curl -s -o /dev/null "http://127.0.0.1:$HPORT/" &) ;;
    18) A play; A pause; A volume 50; A enable 1 ;;                       # permission denied
    19) timeout 5 mpc -q -h "wrong$RANDOM@127.0.0.1" -p $PORT status >/dev/null 2>&1 ;;
    20) raw "$(pick frobnicate 'play abc' 'seek x y' 'add' 'status extra arg' 'listall \"unterminated' "volume 400" "setvol -3" "playid 99999" "delete 9999" "move 1" "consume maybe" "crossfade foo")" ;;
    21) raw "password $PASS" "$(pick random repeat single consume) $(r 2)" "crossfade $(r 5)" "setvol $(r 101)" "replay_gain_mode $(pick off track album auto bogus)" ;;
    22) f=$(songs | shuf -n1); M sticker "$f" set rating $(r 10); M sticker "$f" get rating; M sticker "nosuch_$RANDOM.mp3" get rating ;;
    23) raw "idle" "SLEEP" "noidle" ;;
    24) raw "password $PASS" "command_list_begin" "play $(r 5)" "bogus$(r 9)" "command_list_end" ;;
    25) M single $(pick on off oneshot); M random $(pick on off); M repeat $(pick on off); M consume $(pick on off) ;;
    26) raw "password $PASS" "load nosuch_$(r 20)" "rename list_$(pick "${words[@]}")_$(r 20) renamed_$(r 99)" "playlistadd pl_$(r 9) $(songs | shuf -n1)" ;;
    27) (timeout 12 python3 -c "import socket,time; s=socket.create_connection(('127.0.0.1',$PORT)); time.sleep(11)" &) ;;   # idle client timeout
    28) M crossfade $(r 4); M volume $(r 101); M mixrampdb -$(r 30) ;;
    29) if [ $(r 2) = 0 ]; then stop_mpd; start_mpd; M play; else M add "$(songs | shuf -n1)"; M play $((1 + $(r 5))); fi ;;
  esac
  sleep $((1 + $(r 2))).$(r 10)
done
M stop
stop_mpd
sleep 1
