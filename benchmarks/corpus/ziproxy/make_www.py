#!/usr/bin/python3
"""Create the upstream test content (images, html, gzip bodies) in ./www (needs python3-pil)."""
import gzip
import os
import random
import sys

from PIL import Image, ImageDraw

os.makedirs(sys.argv[1] if len(sys.argv) > 1 else "www", exist_ok=True)
os.chdir(sys.argv[1] if len(sys.argv) > 1 else "www")
r = random.Random(7)


def noisy(w, h, mode="RGB"):
    im = Image.new(mode, (w, h))
    d = ImageDraw.Draw(im)
    for _ in range(300):
        x, y = r.randrange(w), r.randrange(h)
        col = tuple(r.randrange(256) for _ in range(len(mode)))
        d.ellipse([x, y, x + r.randrange(5, 80), y + r.randrange(5, 80)], fill=col)
    return im


noisy(640, 480).save("photo.jpg", quality=97)
noisy(200, 150).save("small.jpg", quality=90)
noisy(300, 200).save("pic.png")
noisy(256, 256, "RGBA").save("alpha.png")
noisy(120, 90).convert("P").save("pic.gif")
Image.new("L", (64, 64), 128).save("gray.png")
Image.new("RGB", (4000, 4000), (255, 255, 255)).save("bomb.png", optimize=True)
frames = [noisy(80, 60).convert("P") for _ in range(3)]
frames[0].save("anim.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
data = open("photo.jpg", "rb").read()
open("broken.jpg", "wb").write(data[: len(data) // 3])
open("garbage.png", "wb").write(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
html = ("<html><head><title>Test page</title><style>body { color: red; }</style><script>var x = 1;   // c\n"
        "</script></head><body>\n"
        + "\n".join("<p>   Paragraph %d with   some   text and <a href='/x%d'>link</a>   </p>" % (i, i) for i in range(400))
        + "\n<img src='/photo.jpg'></body></html>\n")
open("index.html", "w").write(html)
open("page.html.gz", "wb").write(gzip.compress(html.encode()))
open("style.css", "w").write("body {  margin: 0;   padding: 0; }\n" * 300)
open("app.js", "w").write("function f(a, b) {   return a + b; }   // comment\n" * 300)
open("data.txt", "w").write("lorem ipsum dolor sit amet " * 2000)
open("blob.bin", "wb").write(os.urandom(200000))
