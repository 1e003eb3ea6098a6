#!/usr/bin/python3
"""Fake network cameras for motion: cams.py PORT MODE
MODE mjpeg  : multipart MJPEG stream (/stream.mjpg) and single JPEG (/snap.jpg), scene with bursts of movement
MODE jpeg   : single JPEG per request (any path)
MODE garbage: random broken answers (bad headers, junk bodies, corrupt JPEGs, errors)"""
import io, random, socket, sys, threading, time
from PIL import Image, ImageDraw

W, H = 320, 240

def frame(t, moving):
    img = Image.new("RGB", (W, H), (60, 90, 60))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 160, W, H), fill=(90, 80, 70))
    d.rectangle((200, 40, 260, 150), fill=(120, 120, 150))
    if moving:
        x = int((t * 37) % (W + 80)) - 80
        d.rectangle((x, 100, x + 70, 200), fill=(230, 40, 40))
        d.ellipse((W - x - 50, 20, W - x, 70), fill=(250, 250, 90))
    b = io.BytesIO()
    img.save(b, "JPEG", quality=70)
    return b.getvalue()

STILL = frame(0, False)
MOVING = [frame(i, True) for i in range(0, 400, 3)]

class Scene:
    def __init__(self):
        self.moving = False
        self.until = time.time() + random.uniform(3, 8)
        self.i = 0
    def next(self):
        now = time.time()
        if now > self.until:
            self.moving = not self.moving
            self.until = now + (random.uniform(2, 6) if self.moving else random.uniform(4, 12))
        if self.moving:
            self.i = (self.i + 1) % len(MOVING)
            return MOVING[self.i]
        return STILL

SCENE = Scene()

def read_request(c):
    data = b""
    while b"\r\n\r\n" not in data:
        d = c.recv(4096)
        if not d:
            return None
        data += d
        if len(data) > 65536:
            break
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split()
    return parts[1] if len(parts) > 1 else "/"

def send_jpeg(c, jpg):
    c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(jpg) + jpg)

def send_stream(c, fps=6):
    c.sendall(b"HTTP/1.0 200 OK\r\nServer: fakecam\r\nCache-Control: no-cache\r\n"
              b"Content-Type: multipart/x-mixed-replace; boundary=--myboundary\r\n\r\n")
    while True:
        jpg = SCENE.next()
        c.sendall(b"--myboundary\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(jpg) + jpg + b"\r\n")
        time.sleep(1.0 / fps)

def garbage(c, path):
    r = random.randrange(8)
    if r == 0:
        c.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(10, 3000))))
    elif r == 1:
        c.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>no camera here</h1>")
    elif r == 2:
        c.sendall(b"HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"cam\"\r\n\r\n")
    elif r == 3:
        c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nthis is not an image\r\n")
    elif r == 4:
        jpg = bytearray(random.choice(MOVING)); 
        for _ in range(200):
            jpg[random.randrange(20, len(jpg))] = random.getrandbits(8)
        send_jpeg(c, bytes(jpg))
    elif r == 5:
        c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=--xx\r\n\r\n")
        for _ in range(random.randint(1, 30)):
            junk = bytes(random.getrandbits(8) for _ in range(random.randint(100, 2000)))
            c.sendall(b"--xx\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(junk) + junk + b"\r\n")
            time.sleep(0.2)
    elif r == 6:
        jpg = STILL
        c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % (len(jpg) * 2) + jpg[: len(jpg) // 2])
    else:
        time.sleep(random.uniform(0.5, 3))

def handle(c, mode):
    try:
        path = read_request(c)
        if path is None:
            return
        if mode == "garbage":
            garbage(c, path)
        elif mode == "jpeg" or path.endswith(".jpg"):
            send_jpeg(c, SCENE.next())
        else:
            send_stream(c, FPS)
    except OSError:
        pass
    finally:
        c.close()

FPS = 6

def main():
    global FPS
    port, mode = int(sys.argv[1]), sys.argv[2]
    if len(sys.argv) > 3:
        FPS = float(sys.argv[3])
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(16)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, mode), daemon=True).start()

if __name__ == "__main__":
    main()
