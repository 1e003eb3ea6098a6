#!/usr/bin/env python3
"""Build tiny pure-Python wheels and a PEP 503 simple index. Usage: mkpkgs.py OUTDIR"""
import base64, hashlib, os, sys, zipfile

out = sys.argv[1]
flat = os.path.join(out, "wheels")
simple = os.path.join(out, "simple")
os.makedirs(flat, exist_ok=True)
os.makedirs(simple, exist_ok=True)

# name, version, requires, requires_python
PKGS = [
    ("alpha", "1.0", [], None),
    ("alpha", "1.1", [], None),
    ("alpha", "2.0", [], None),
    ("beta", "1.0", ["alpha<2"], None),
    ("beta", "1.2", ["alpha<2", "gamma>=0.5"], None),
    ("gamma", "0.5", ["alpha>=2"], None),
    ("gamma", "0.9", [], None),
    ("delta", "3.0", [], ">=3.99"),
    ("epsilon", "0.1", ["alpha", "notexisting>=1"], None),
    ("zeta", "1.0", ['alpha ; python_version < "3"', "gamma"], None),
]


def rec(data):
    h = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "sha256=" + h, len(data)


def wheel(name, ver, reqs, rp):
    fn = f"{name}-{ver}-py3-none-any.whl"
    di = f"{name}-{ver}.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\nSummary: test package {name}\n"
    if rp:
        meta += f"Requires-Python: {rp}\n"
    for r in reqs:
        meta += f"Requires-Dist: {r}\n"
    files = {
        f"{name}/__init__.py": f"__version__ = '{ver}'\n",
        f"{di}/METADATA": meta,
        f"{di}/WHEEL": "Wheel-Version: 1.0\nGenerator: mkpkgs\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{di}/top_level.txt": name + "\n",
    }
    lines = []
    path = os.path.join(flat, fn)
    with zipfile.ZipFile(path, "w") as z:
        for k, v in files.items():
            b = v.encode()
            z.writestr(zipfile.ZipInfo(k, (2020, 1, 1, 0, 0, 0)), b)
            h, n = rec(b)
            lines.append(f"{k},{h},{n}")
        lines.append(f"{di}/RECORD,,")
        z.writestr(zipfile.ZipInfo(f"{di}/RECORD", (2020, 1, 1, 0, 0, 0)), "\n".join(lines) + "\n")
    return fn


byname = {}
for n, v, r, rp in PKGS:
    byname.setdefault(n, []).append((wheel(n, v, r, rp), rp))

links = []
for n, fns in byname.items():
    d = os.path.join(simple, n)
    os.makedirs(d, exist_ok=True)
    body = []
    for fn, rp in fns:
        sha = hashlib.sha256(open(os.path.join(flat, fn), "rb").read()).hexdigest()
        attr = f' data-requires-python="{rp.replace(">", "&gt;")}"' if rp else ""
        body.append(f'<a href="../../wheels/{fn}#sha256={sha}"{attr}>{fn}</a><br/>')
    with open(os.path.join(d, "index.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body>\n" + "\n".join(body) + "\n</body></html>\n")
    links.append(f'<a href="{n}/">{n}</a><br/>')
with open(os.path.join(simple, "index.html"), "w") as f:
    f.write("<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n")
