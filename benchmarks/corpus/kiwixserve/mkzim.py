#!/usr/bin/python3
"""Builds the HTML directories (and a 48x48 PNG) that zimwriterfs packs into test ZIM files."""
import os, random, struct, sys, zlib

out, name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
os.makedirs(out + "/A", exist_ok=True)
os.makedirs(out + "/I", exist_ok=True)


def png(path):
    raw = b"".join(b"\x00" + bytes([rng.randint(0, 255), 80, 160] * 48) for _ in range(48))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 48, 48, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


WORDS = ("river mountain history science music city language animal planet ocean forest "
         "computer bridge castle garden energy island winter summer library").split()
titles = sorted({rng.choice(WORDS).title() + " " + rng.choice(WORDS) for _ in range(40)})
png(out + "/illustration.png")
png(out + "/I/photo.png")
links = "".join('<li><a href="A/%s.html">%s</a></li>' % (t.replace(" ", "_"), t) for t in titles)
open(out + "/index.html", "w").write("<html><head><title>%s</title></head><body><h1>%s</h1><ul>%s</ul></body></html>" % (name, name, links))
for t in titles:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(50, 400)))
    open(out + "/A/%s.html" % t.replace(" ", "_"), "w").write(
        '<html><head><title>%s</title></head><body><h1>%s</h1><img src="../I/photo.png"><p>%s</p>'
        '<a href="../index.html">home</a> <a href="https://example.org/%s">external</a></body></html>'
        % (t, t, body, t.replace(" ", "_")))
