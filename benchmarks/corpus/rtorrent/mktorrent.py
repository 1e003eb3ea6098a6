#!/usr/bin/env python3
"""Create a .torrent (bencoded metainfo) for a file or directory.
usage: mktorrent.py PATH ANNOUNCE OUT [piece_kib] [extra announce urls...]"""
import hashlib, os, sys

def benc(x):
    if isinstance(x, int):
        return b"i%de" % x
    if isinstance(x, str):
        x = x.encode()
    if isinstance(x, bytes):
        return b"%d:%s" % (len(x), x)
    if isinstance(x, list):
        return b"l" + b"".join(benc(i) for i in x) + b"e"
    if isinstance(x, dict):
        return b"d" + b"".join(benc(k) + benc(x[k]) for k in sorted(x)) + b"e"
    raise TypeError(x)

def main():
    path, announce, out = sys.argv[1:4]
    plen = int(sys.argv[4]) * 1024 if len(sys.argv) > 4 else 32768
    extra = sys.argv[5:]
    name = os.path.basename(path.rstrip("/"))
    files = []
    if os.path.isdir(path):
        for root, _, fs in sorted(os.walk(path)):
            for f in sorted(fs):
                full = os.path.join(root, f)
                files.append((full, os.path.relpath(full, path).split(os.sep)))
    else:
        files.append((path, None))
    pieces, buf = [], b""
    for full, _ in files:
        with open(full, "rb") as fh:
            while True:
                chunk = fh.read(plen - len(buf))
                if not chunk:
                    break
                buf += chunk
                if len(buf) == plen:
                    pieces.append(hashlib.sha1(buf).digest()); buf = b""
    if buf:
        pieces.append(hashlib.sha1(buf).digest())
    info = {"name": name, "piece length": plen, "pieces": b"".join(pieces)}
    if files[0][1] is None:
        info["length"] = os.path.getsize(path)
    else:
        info["files"] = [{"length": os.path.getsize(f), "path": p} for f, p in files]
    meta = {"announce": announce, "info": info, "created by": "workload"}
    if extra:
        meta["announce-list"] = [[announce]] + [[u] for u in extra]
    with open(out, "wb") as fh:
        fh.write(benc(meta))
    print(hashlib.sha1(benc(info)).hexdigest().upper())

main()
