#!/bin/bash
# Round-16 corpus workload: Liquidsoap 2.1 (Debian 12 package `liquidsoap`), log file at level 4
# (info), telnet server on 127.0.0.1:35110, playlists of generated audio files (some corrupt, some
# missing), a request queue, fallbacks, output.file + output.dummy. Randomised telnet client with
# good and bad commands, skips, reloads, file changes; SIGTERM/SIGINT restarts.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_PER_RUN]   (needs: liquidsoap sox python3)
set -u
OUT=${1:-/work/round16/liquidsoap}; DUR=${2:-40}
W=/tmp/r16ls/work; rm -rf "$W"; mkdir -p "$W/music" "$W/extra" "$W/rec"
LOG="$OUT/liquidsoap.log"; rm -f "$LOG"
r() { echo $((RANDOM % $1)); }
names=(sunrise drift harbor neon velvet echo maple static orbit ember lagoon quartz)
gen() { # gen PATH : random tone file with tags
  local d=$((2 + $(r 5))) f=$((200 + $(r 800)))
  sox -n -r 44100 -c 2 "$1" synth $d sine $f fade 0.1 $d 0.1 2>/dev/null
}
for i in $(seq 1 8); do
  n=${names[$(r ${#names[@]})]}-$RANDOM
  case $(r 3) in 0) gen "$W/music/$n.wav";; 1) gen "$W/music/$n.flac";; 2) gen "$W/music/$n.ogg";; esac
done
for i in 1 2 3 4; do gen "$W/extra/jingle$i.wav"; done
head -c $((2000 + $(r 9000))) /dev/urandom > "$W/music/broken-$RANDOM.mp3"     # undecodable
: > "$W/extra/empty.ogg"
head -c 5000 /dev/urandom > "$W/extra/noise.flac"
{ echo "#EXTM3U"; ls "$W"/extra/jingle*.wav; echo "$W/extra/gone-$RANDOM.wav"; echo "$W/extra/empty.ogg"; } > "$W/list.m3u"
{ echo "$W/extra/jingle1.wav"; echo "/nowhere/x-$RANDOM.mp3"; } > "$W/list2.m3u"

cat > "$W/radio.liq" <<EOF
settings.log.file.path.set("$LOG")
settings.log.file.set(true)
settings.log.stdout.set(false)
settings.log.level.set(4)
settings.init.allow_root.set(true)
settings.server.telnet.set(true)
settings.server.telnet.bind_addr.set("127.0.0.1")
settings.server.telnet.port.set(35110)
vol = interactive.float("volume", 1.0)
main = playlist(id="music", mode="randomize", reload_mode="watch", "$W/music")
lst = playlist(id="backup", "$W/list.m3u")
q = request.queue(id="q")
radio = fallback(id="radio", track_sensitive=false, [q, main, lst])
radio = amplify(id="amp", vol, radio)
radio = mksafe(radio)
output.file(id="rec", %wav, "$W/rec/rec-%H%M%S.wav", reopen_on_metadata=true, radio)
output.dummy(id="dummy", radio)
server.register("ping", fun (s) -> "pong #{s}")
EOF

cat > "$W/client.py" <<'EOF'
import random, socket, sys, time, os, glob
W, dur = sys.argv[1], float(sys.argv[2])
end = time.time() + dur
def conn():
    for _ in range(50):
        try: return socket.create_connection(("127.0.0.1", 35110), timeout=5)
        except OSError: time.sleep(0.2)
    sys.exit("no server")
def talk(s, c):
    s.sendall((c + "\n").encode()); time.sleep(0.2)
    try: return s.recv(65536).decode(errors="replace")
    except socket.timeout: return ""
rids = [0, 1]
s = conn()
while time.time() < end:
    files = glob.glob(W + "/music/*") + glob.glob(W + "/extra/*")
    k = random.randrange(30)
    if k < 5:
        c = "q.push " + random.choice(files + [W + "/music/ghost-%d.wav" % random.randrange(999),
             "http://127.0.0.1:35999/live-%d.mp3" % random.randrange(99),
             'annotate:title="Track %d",artist="%s":%s' % (random.randrange(99), random.choice(["Ann","Bo","Cy"]), random.choice(files))])
    elif k < 8: c = random.choice(["music.skip", "backup.skip", "q.skip", "q.flush_and_skip", "rec.skip", "dummy.skip"])
    elif k < 10: c = random.choice(["music.reload", "backup.reload", "music.next", "backup.next", "q.queue"])
    elif k < 11: c = "backup.uri " + random.choice([W + "/list.m3u", W + "/list2.m3u", W + "/nolist-%d.m3u" % random.randrange(99)])
    elif k < 15: c = "request.%s %d" % (random.choice(["metadata", "trace"]), random.choice(rids + [random.randrange(5000)]))
    elif k < 17: c = random.choice(["request.alive", "request.on_air", "request.all", "request.resolving", "uptime", "version", "var.list", "dummy.remaining", "rec.metadata"])
    elif k < 19: c = random.choice(["var.get volume", "var.set volume = %.2f" % random.uniform(0.2, 1.5), "var.set vol = 1", "var.get nothing"])
    elif k < 21: c = random.choice(["frobnicate", "music.explode now", "help " + random.choice(["q.push", "nosuch", "var.set"]), "", "PING", "ping %d" % random.randrange(100)])
    elif k < 23:   # file system changes picked up by the watched playlist
        op = random.randrange(3)
        if op == 0:
            p = W + "/music/new-%d.wav" % random.randrange(9999)
            os.system("sox -n -r 44100 -c 2 %s synth %d sine %d 2>/dev/null" % (p, random.randint(2, 5), random.randint(200, 900)))
        elif op == 1:
            fs = glob.glob(W + "/music/new-*")
            if fs: os.remove(random.choice(fs))
        else:
            open(W + "/music/junk-%d.mp3" % random.randrange(999), "wb").write(os.urandom(random.randint(500, 4000)))
        time.sleep(0.5); continue
    elif k < 25:   # reconnect, sometimes rudely, sometimes with garbage
        if random.random() < 0.5: talk(s, random.choice(["quit", "exit"]))
        elif random.random() < 0.5:
            try: s.sendall(os.urandom(random.randint(5, 40)) + b"\n")
            except OSError: pass
        s.close(); time.sleep(0.3); s = conn(); continue
    else:
        time.sleep(random.uniform(0.5, 2.5)); continue
    out = talk(s, c)
    first = out.strip().split("\n")[0] if out else ""
    if c.startswith("q.push") and first.isdigit(): rids.append(int(first))
    time.sleep(random.uniform(0.2, 1.5))
try: talk(s, "quit")
except OSError: pass
EOF

for run in 1 2; do
  liquidsoap "$W/radio.liq" & LS=$!
  echo $LS > "$W/ls.pid"
  python3 "$W/client.py" "$W" "$DUR"
  if [ $run = 1 ]; then kill -TERM $LS; else kill -INT $LS; fi
  wait $LS
  sleep 1
done
