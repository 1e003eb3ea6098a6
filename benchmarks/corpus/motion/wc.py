#!/usr/bin/env python3
"""Webcontrol / stream client for motion: wc.py PORT N -> N random commands (good, bad, unauthorised)."""
import base64, random, socket, sys, time, urllib.request, urllib.error

PORT = int(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 10
GOOD = "Basic " + base64.b64encode(b"admin:s3cret").decode()
BAD = "Basic " + base64.b64encode(b"admin:wrong%d" % random.randint(0, 99)).decode()

def get(path, auth=GOOD, timeout=4):
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (PORT, path))
    if auth:
        req.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(4000)
    except urllib.error.HTTPError as e:
        return e.code, b""
    except Exception as e:
        return 0, str(e).encode()

def raw(data):
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
        s.sendall(data)
        s.settimeout(1)
        try:
            s.recv(4000)
        except OSError:
            pass
        s.close()
    except OSError:
        pass

PARMS = {
    "threshold": lambda: random.choice([str(random.randint(300, 4000)), "-5", "lots"]),
    "noise_level": lambda: str(random.randint(10, 60)),
    "event_gap": lambda: str(random.randint(3, 20)),
    "text_left": lambda: random.choice(["CAM%t", "Yard", "%$-%q"]),
    "minimum_motion_frames": lambda: str(random.randint(1, 3)),
    "despeckle_filter": lambda: random.choice(["EedDl", "", "xyz"]),
    "picture_output": lambda: random.choice(["off", "first", "best", "maybe"]),
    "movie_output": lambda: random.choice(["on", "off"]),
    "snapshot_interval": lambda: random.choice(["0", "7"]),
    "lightswitch_percent": lambda: str(random.randint(0, 50)),
    "framerate": lambda: str(random.randint(2, 8)),
    "no_such_option": lambda: "1",
    "log_level": lambda: "9",
}

def one(cams):
    cam = random.choice(cams + [0])
    r = random.randrange(24)
    if r < 4:
        p = random.choice(list(PARMS)); get("/%d/config/set?%s=%s" % (cam, p, urllib.request.quote(PARMS[p]())))
    elif r < 6:
        get("/%d/config/get?query=%s" % (cam, random.choice(list(PARMS) + ["netcam_url", "camera_name"])))
    elif r == 6:
        get("/%d/config/list" % cam)
    elif r == 7:
        get("/%d/detection/status" % cam)
    elif r == 8:
        get("/%d/detection/pause" % cam)
    elif r == 9:
        get("/%d/detection/start" % cam)
    elif r == 10:
        get("/%d/detection/connection" % cam)
    elif r == 11:
        get("/%d/action/snapshot" % cam)
    elif r == 12:
        get("/%d/action/eventstart" % cam); time.sleep(random.uniform(0.5, 2)); get("/%d/action/eventend" % cam)
    elif r == 13:
        get("/%d/action/restart" % random.choice(cams))
    elif r == 14:
        get(random.choice(["/%d/action/bogus", "/%d/nothing/here", "/%d/config/set?", "/%d/detection/jump", "/%d/config/get?query=",
                           "/%d/../../etc/passwd", "/%d/track/center"]) % cam)
    elif r == 15:
        get("/%d/detection/status" % random.choice([77, 999, 123456]))
    elif r == 16:
        get("/%d/detection/status" % cam, auth=BAD)
    elif r == 17:
        get("/%d/config/list" % cam, auth=None)
    elif r == 18:
        raw(random.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", bytes(random.getrandbits(8) for _ in range(300)),
                           b"POST /1/config/set HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", b"GET /" + b"A" * 5000 + b" HTTP/1.0\r\n\r\n"]))
    elif r == 19:
        get("/")
    elif r == 20:
        get("/%d/" % cam)
    elif r == 21:
        get("/%d/config/writeyes" % cam) if random.random() < 0.3 else get("/%d/config/write" % cam)
    elif r == 22:
        get("/%d/action/eventend" % cam)
    else:
        get("/%d/detection/status" % cam)

if __name__ == "__main__":
    cams = [1, 2, 3, 4, 5, 6]
    if len(sys.argv) > 3 and sys.argv[3] == "restartall":
        get("/0/action/restart")
    for _ in range(N):
        one(cams)
        time.sleep(random.uniform(0.05, 0.6))
