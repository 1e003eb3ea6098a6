"""Random request mix against a thumbor server: python client.py PORT COUNT."""
import base64, hashlib, hmac, random, sys, urllib.request, urllib.error

PORT, COUNT = int(sys.argv[1]), int(sys.argv[2])
BASE = f"http://127.0.0.1:{PORT}"
KEY = b"r41f-not-a-secret"
IMAGES = ["a.jpg"] * 6 + ["b.png"] * 4 + ["c.gif"] * 2 + ["big.jpg", "small.webp", "gray.jpg"] * 2 + \
         ["broken.jpg", "empty.png", "missing.jpg", "sub/none.png", "../../etc/passwd"]
SIZES = ["200x100", "100x100", "fit-in/300x300", "0x150", "-120x80", "10x10:300x200/120x0", "1x1",
         "2400x2400", "full-fit-in/64x64", "adaptive-fit-in/90x60", "smart/150x150", "trim/100x100", ""]
FILTERS = ["", "", "", "filters:grayscale()", "filters:quality(100):format(webp)", "filters:format(bmp)",
           "filters:format(png)", "filters:blur(3)", "filters:watermark(b.png,10,10,50)",
           "filters:watermark(nothere.png,0,0,0)", "filters:frame(missing.png)", "filters:max_bytes(2000)",
           "filters:fill(blue)", "filters:brightness(40):contrast(-20)", "filters:noise(20)",
           "filters:rotate(90)", "filters:strip_icc()", "filters:nosuch(1)", "filters:round_corner(20,255,255,255)",
           "filters:quality(100)", "filters:format(avif)", "filters:format(heic)", "filters:max_bytes(300)"]


def sign(path):
    return base64.urlsafe_b64encode(hmac.new(KEY, path.encode(), hashlib.sha1).digest()).decode()


def req(method, path, data=None, headers=None):
    r = urllib.request.Request(BASE + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(r, timeout=20) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, b""
    except Exception:
        return 0, {}, b""


uploaded = []
done = []
for _ in range(COUNT):
    kind = random.choices(["unsafe", "signed", "badsig", "nosig", "meta", "health", "upload", "getup",
                           "putup", "delup", "blacklist", "getbl", "junk"],
                          [40, 14, 4, 2, 4, 3, 3, 3, 1, 1, 1, 1, 2])[0]
    hdr = {"Accept": "image/webp,*/*"} if random.random() < 0.4 else {}
    if random.random() < 0.1:
        hdr["Origin"] = "http://example.test"
    parts = [p for p in (random.choice(SIZES), random.choice(FILTERS), random.choice(IMAGES)) if p]
    path = "/".join(parts)
    if kind == "unsafe":
        if done and random.random() < 0.3:
            path = random.choice(done)
        done.append(path)
        req("GET", "/unsafe/" + path, headers=hdr)
    elif kind == "signed":
        req("GET", "/" + sign(path) + "/" + path, headers=hdr)
    elif kind == "badsig":
        req("GET", "/" + sign(path)[:-4] + "AAAA/" + path)
    elif kind == "nosig":
        req("GET", "/" + path)
    elif kind == "meta":
        req("GET", "/unsafe/meta/" + path)
    elif kind == "health":
        req("GET", "/healthcheck")
    elif kind == "upload":
        body = open("/tmp/round41-r41f/thumbor/images/" + random.choice(["a.jpg", "b.png", "broken.jpg"]), "rb").read()
        st, h, _ = req("POST", "/image", body, {"Content-Type": "image/jpeg", "Slug": f"up{random.randint(1, 999)}.jpg"})
        if st == 201 and h.get("Location"):
            uploaded.append(h["Location"])
    elif kind == "getup":
        req("GET", random.choice(uploaded) if uploaded and random.random() < 0.7 else "/image/deadbeef")
    elif kind == "putup":
        req("PUT", random.choice(uploaded) if uploaded else "/image/deadbeef", b"x" * 10)
    elif kind == "delup":
        req("DELETE", uploaded.pop() if uploaded else "/image/deadbeef")
    elif kind == "blacklist":
        req("PUT", "/blacklist?" + random.choice(["gray.jpg", "small.webp"]))
    elif kind == "getbl":
        req("GET", "/blacklist")
    elif kind == "junk":
        req(random.choice(["GET", "POST", "OPTIONS"]), random.choice(["/", "/favicon.ico", "/unsafe/", "/admin?x=1"]))
