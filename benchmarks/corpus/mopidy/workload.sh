#!/bin/bash
# Round-16 corpus workload: Mopidy 3.4 (Debian 12 packages mopidy, mopidy-local, mopidy-mpd),
# console log (color off, one line per record) redirected to the log file, verbosity 0 (info) with
# [loglevels] debug for mopidy.core/audio/listener/mixer/backend/stream/file/m3u/http.handlers,
# mopidy_mpd and mopidy_local (not mopidy_local.schema: its SQL dumps span several lines).
# The MPD client sticks to commands with one-line replies (mopidy_mpd.session logs whole replies);
# read-only queries go through JSON-RPC.
# Local backend over generated audio files (some corrupt), MPD on 127.0.0.1:35120 (password),
# HTTP JSON-RPC on 127.0.0.1:35121. Randomised MPD and JSON-RPC clients: playing, seeking,
# playlists, bad commands, wrong passwords, idle timeouts; library scans and restarts.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_PER_RUN]   (needs: mopidy mopidy-local mopidy-mpd sox python3)
set -u
OUT=${1:-/work/round16/mopidy}; DUR=${2:-120}
W=/tmp/r16mp/work; rm -rf "$W"; mkdir -p "$W/music/Album A" "$W/music/Album B" "$W/music/misc" "$W/pl"
LOG="$OUT/mopidy.log"; rm -f "$LOG"
r() { echo $((RANDOM % $1)); }
artists=(Aurora "The Tides" Kepler Nova "Low Sun" Mirela)
gen() { # gen PATH : tagged tone of 3-8 s
  local d=$((3 + $(r 6))) f=$((200 + $(r 800)))
  local a=${artists[$(r ${#artists[@]})]}
  sox -n -r 44100 -c 2 --comment "" "$1" synth $d sine $f fade 0.1 $d 0.1 2>/dev/null
  case "$1" in *.ogg|*.flac) sox -n -r 44100 -c 2 --add-comment "ARTIST=$a" --add-comment "TITLE=Song $RANDOM" --add-comment "ALBUM=$(basename "$(dirname "$1")")" --add-comment "TRACKNUMBER=$(r 12)" "$1" synth $d sine $f 2>/dev/null;; esac
}
for dir in "Album A" "Album B" misc; do
  for i in $(seq 1 $((3 + $(r 3)))); do
    case $(r 3) in 0) gen "$W/music/$dir/track$i-$RANDOM.ogg";; 1) gen "$W/music/$dir/track$i-$RANDOM.flac";; 2) gen "$W/music/$dir/track$i-$RANDOM.wav";; esac
  done
done
head -c $((3000 + $(r 9000))) /dev/urandom > "$W/music/misc/corrupt-$RANDOM.mp3"
: > "$W/music/misc/empty.ogg"
echo "not audio" > "$W/music/misc/notes.txt"

cat > "$W/mopidy.conf" <<EOF
[core]
cache_dir = $W/cache
config_dir = $W/conf
data_dir = $W/data
[logging]
verbosity = 0
color = false
format = %(levelname)-8s %(asctime)s [%(process)d:%(threadName)s] %(name)s %(message)s
[loglevels]
mopidy.core = debug
mopidy.audio = debug
mopidy.listener = debug
mopidy.mixer = debug
mopidy.backend = debug
mopidy.stream = debug
mopidy.file = debug
mopidy.m3u = debug
mopidy.http.handlers = debug
mopidy_mpd = debug
mopidy_local.actor = debug
mopidy_local.commands = debug
mopidy_local.library = debug
mopidy_local.storage = debug
mopidy_local.translator = debug
mopidy_local.playback = debug
[audio]
output = fakesink sync=true
mixer = software
[mpd]
hostname = 127.0.0.1
port = 35120
password = s3cret
connection_timeout = 8
[http]
hostname = 127.0.0.1
port = 35121
[local]
media_dir = $W/music
scan_timeout = 1500
excluded_file_extensions = .txt
[file]
media_dirs = $W/music|Music
[m3u]
playlists_dir = $W/pl
[stream]
enabled = true
timeout = 1500
EOF
echo "#EXTM3U" > "$W/pl/start.m3u"; find "$W/music" -name '*.ogg' | head -3 >> "$W/pl/start.m3u"; echo "$W/music/gone.ogg" >> "$W/pl/start.m3u"

cat > "$W/client.py" <<'EOF'
import json, os, random, socket, sys, time, urllib.request, glob
W, dur = sys.argv[1], float(sys.argv[2])
end = time.time() + dur
R = random.Random()
class Mpd:
    def __init__(self):
        for _ in range(60):
            try: self.s = socket.create_connection(("127.0.0.1", 35120), timeout=4); break
            except OSError: time.sleep(0.3)
        self.f = self.s.makefile("rb"); self.f.readline()
    def cmd(self, c):
        self.s.sendall(c.encode("utf-8", "surrogateescape") + b"\n") if isinstance(c, str) else self.s.sendall(c + b"\n")
        out = []
        while True:
            l = self.f.readline()
            if not l: raise OSError("closed")
            l = l.decode(errors="replace").rstrip("\n"); out.append(l)
            if l == "OK" or l.startswith("ACK"): return out
    def close(self): self.s.close()
def rpc(method, params=None, raw=None):
    body = raw if raw is not None else json.dumps({"jsonrpc": "2.0", "id": R.randrange(1000), "method": method, **({"params": params} if params is not None else {})}).encode()
    try:
        req = urllib.request.Request("http://127.0.0.1:35121/mopidy/rpc", data=body, headers={"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(req, timeout=5).read() or b"null")
    except Exception as e: return None
def uris():
    res = rpc("core.library.browse", {"uri": "local:directory?type=track"}) or {}
    return [x["uri"] for x in (res.get("result") or [])]
def mpd_session():
    m = Mpd()
    try:
        if R.random() < 0.15: m.cmd("password " + R.choice(["wrong", "S3CRET", "guess%d" % R.randrange(99)]))
        if R.random() < 0.1: m.cmd("status"); return            # not authenticated
        m.cmd("password s3cret")
        tracks = uris()
        for _ in range(R.randint(2, 9)):
            k = R.randrange(26)
            if k < 4 and tracks: m.cmd('add "%s"' % R.choice(tracks))
            elif k < 5: m.cmd('add "local:track:missing%d.ogg"' % R.randrange(99))
            elif k < 6: m.cmd('add "http://127.0.0.1:35999/stream%d.mp3"' % R.randrange(9))
            elif k < 10: m.cmd(R.choice(["play", "play %d" % R.randrange(6), "playid %d" % R.randrange(40), "pause 1", "pause 0", "stop", "next", "previous"]))
            elif k < 12: m.cmd(R.choice(["seek %d %d" % (R.randrange(4), R.randrange(6)), "seek %d %d" % (R.randrange(4), R.randrange(6)), "seekid %d %d" % (R.randrange(30), R.randrange(5))]))   # (seekcur while stopped crashes the session: avoided)
            elif k < 14: m.cmd(R.choice(["setvol %d" % R.randrange(101), "setvol 150", "random %d" % R.randrange(2), "repeat %d" % R.randrange(2), "consume %d" % R.randrange(2), "single %d" % R.randrange(2), "crossfade %d" % R.randrange(5)]))
            elif k < 15: m.cmd(R.choice(['find artist "Nobody%d"' % R.randrange(9), 'search any "zz%d"' % R.randrange(9), 'lsinfo "nope/dir%d"' % R.randrange(9), 'find "unknowntag" "x"']))
            elif k < 16: m.cmd(R.choice(['save "mix%d"' % R.randrange(20), 'load "start"', 'load "nolist%d"' % R.randrange(9), 'rm "mix%d"' % R.randrange(20), 'playlistadd "mix1" "local:track:x.ogg"', 'playlistclear "mix%d"' % R.randrange(20), 'rename "mix%d" "old%d"' % (R.randrange(20), R.randrange(9))]))
            elif k < 18: m.cmd(R.choice(["clear", "shuffle", "delete %d" % R.randrange(5), "move 0 %d" % R.randrange(4), "deleteid %d" % R.randrange(30)]))
            elif k < 21: m.cmd(R.choice(["frobnicate", "play abc", "setvol", "seek", "add", "status extra arg", "kill", "config", "ping", "sticker get song x y", "channels", "readmessages", "subscribe chan%d" % R.randrange(9), "mount /x y", "clearerror", "replay_gain_mode track", "enableoutput %d" % R.randrange(3), "disableoutput 7"]))
            elif k < 22: m.cmd(R.choice(["play -%d" % R.randrange(9), "setvol -5", 'add ""', "move 9 0", "password"]))
            elif k < 23: m.cmd('x' * R.randint(20, 60) + " " + str(R.randrange(999)))
            elif k < 24: m.cmd(R.choice(["password again%d" % R.randrange(9), "ping", "setvol %d" % R.randrange(101)]))
            else:
                time.sleep(R.uniform(0.3, 2))
        if R.random() < 0.15: time.sleep(9)                     # idle past connection_timeout
        elif R.random() < 0.5: m.s.sendall(b"close\n")
    except OSError: pass
    finally: m.close()
def http_round():
    tracks = uris()
    k = R.randrange(15)
    if k < 3 and tracks: rpc("core.tracklist.add", {"uris": R.sample(tracks, min(len(tracks), R.randint(1, 3)))})
    elif k < 5: rpc(R.choice(["core.playback.play", "core.playback.next", "core.playback.pause", "core.playback.resume", "core.playback.stop"]))
    elif k < 6: rpc("core.playback.seek", {"time_position": R.randrange(0, 9000)})
    elif k < 7: rpc(R.choice(["core.playback.get_time_position", "core.playback.get_current_track", "core.tracklist.get_length", "core.mixer.get_volume", "core.playback.get_state", "core.tracklist.get_tl_tracks", "core.playlists.as_list", "core.library.get_distinct"]))
    elif k < 8: rpc("core.mixer.set_volume", {"volume": R.randrange(101)})
    elif k < 9: rpc("core.library.search", {"query": {"any": [R.choice(["song", "aurora", "zz"])]}})
    elif k < 10: rpc("core.library.lookup", {"uris": ["local:track:nothing%d.ogg" % R.randrange(9)]})
    elif k < 11: rpc("core.no_such_method")
    elif k < 12: rpc("core.playback.seek", {"bogus": 1})
    elif k < 13: rpc(None, raw=b'{"jsonrpc": "2.0", "method": ' + os.urandom(4).hex().encode())
    elif k < 14: rpc("core.playlists.lookup", {"uri": R.choice(["m3u:start.m3u", "m3u:mix%d.m3u" % R.randrange(20), "m3u:none.m3u"])})
    else: rpc("core.tracklist.clear")
while time.time() < end:
    if R.random() < 0.6: mpd_session()
    else: http_round()
    time.sleep(R.uniform(0.1, 1.0))
EOF

scan() { mopidy --config "$W/mopidy.conf" local scan >> "$LOG" 2>&1; }
scan
for run in 1 2; do
  mopidy --config "$W/mopidy.conf" >> "$LOG" 2>&1 & MP=$!
  echo $MP > "$W/mopidy.pid"
  python3 "$W/client.py" "$W" "$DUR"
  kill -TERM $MP
  for i in $(seq 1 20); do kill -0 $MP 2>/dev/null || break; sleep 0.5; done
  kill -0 $MP 2>/dev/null && kill -KILL $MP    # a hung shutdown (seen with failing streams)
  wait $MP
  if [ $run = 1 ]; then   # change the library, rescan, then restart
    rm -f "$(find "$W/music" -name '*.wav' | head -1)"
    gen "$W/music/misc/added-$RANDOM.ogg"; head -c 4000 /dev/urandom > "$W/music/Album B/bad-$RANDOM.flac"
    scan
  fi
done
