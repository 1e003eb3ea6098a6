# Random JSON-IPC client for the mpv workload. Usage: drive.py SOCKET MEDIA_DIR STEPS
import json, os, random, socket, sys, time
sock_path, media, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = socket.socket(socket.AF_UNIX); s.connect(sock_path); s.settimeout(0.2)
def send(raw):
    s.sendall(raw if isinstance(raw, bytes) else (json.dumps(raw) + "\n").encode())
    try:
        while s.recv(65536):
            pass
    except (socket.timeout, BlockingIOError):
        pass
def cmd(*a):
    send({"command": list(a), "request_id": random.randint(1, 999)})
good = ["tone0.wav", "tone1.wav", "tone2.wav", "tone3.wav", "clip0.y4m", "clip1.y4m", "clip2.y4m"]
bad = ["junk.wav", "trunc.y4m", "empty.wav", "nothere.wav", "list.m3u"]
P = lambda f: os.path.join(media, f)
actions = [
    (14, lambda: cmd("loadfile", P(random.choice(good)), random.choice(["replace", "append", "append-play"]))),
    (4, lambda: cmd("loadfile", P(random.choice(bad)))),
    (5, lambda: cmd("seek", random.choice([1, -1, 2, 30, -30, 0.5]), random.choice(["relative", "absolute", "absolute-percent"]))),
    (5, lambda: cmd("set_property", "pause", random.choice([True, False]))),
    (3, lambda: cmd("cycle", "pause")),
    (4, lambda: cmd("set_property", random.choice(["volume", "speed"]), random.choice([50, 100, 1.5, 0.5, 2]))),
    (2, lambda: cmd("set_property", "mute", random.choice(["yes", "no"]))),
    (3, lambda: cmd("playlist-next")),
    (2, lambda: cmd("playlist-prev")),
    (1, lambda: cmd("playlist-clear")),
    (1, lambda: cmd("playlist-shuffle")),
    (4, lambda: cmd("get_property", random.choice(["time-pos", "duration", "filename", "path", "playlist-count", "no-such-prop"]))),
    (2, lambda: cmd("observe_property", random.randint(1, 9), random.choice(["pause", "time-pos", "volume"]))),
    (2, lambda: cmd("sub-add", P(random.choice(["subs.srt", "bad.srt", "gone.srt"])))),
    (1, lambda: cmd("sub-remove")),
    (2, lambda: cmd("af", random.choice(["add", "set", "remove"]), random.choice(["volume=0.5", "nosuchfilter", "lavfi=[bogus]"]))),
    (1, lambda: cmd("vf", "add", random.choice(["hflip", "scale=16:16", "nosuchvf"]))),
    (1, lambda: cmd("screenshot")),
    (2, lambda: cmd("set_property", random.choice(["aid", "vid", "sid"]), random.choice(["no", "auto", 1, 7]))),
    (1, lambda: cmd("set_property", "loop-file", random.choice(["no", "2", "inf"]))),
    (2, lambda: cmd("stop")),
    (1, lambda: cmd("no-such-command", 1)),
    (1, lambda: send(b"{ this is not json\n")),
    (1, lambda: send(b"set pause yes\n")),
    (1, lambda: cmd("set_property", "volume", "loud")),
    (1, lambda: cmd("show-text", "hello", 500)),
    (1, lambda: cmd("frame-step")),
    (1, lambda: cmd("ab-loop")),
    (1, lambda: cmd("set_property", "hr-seek", random.choice(["yes", "no"]))),
]
weights = [w for w, _ in actions]
for i in range(steps):
    random.choices(actions, weights)[0][1]()
    time.sleep(random.choice([0.05, 0.1, 0.3, 0.6, 1.0]))
s.close()
