"""Build a tiny PEP 503 package index (wheels made here) under the directory given."""
import hashlib, io, sys, zipfile, base64
from pathlib import Path

root = Path(sys.argv[1])
PKGS = [  # name, version, requires, requires_python
    ("alpha-lib", "1.0", [], None),
    ("alpha-lib", "1.1", [], None),
    ("alpha-lib", "2.0", ["beta-util>=0.5"], None),
    ("beta-util", "0.5", [], None),
    ("beta-util", "0.6", ["gamma-core"], None),
    ("gamma-core", "1.0", [], None),
    ("gamma-core", "1.2", [], None),
    ("delta-tool", "3.0", ["missing-dep-xyz>=1"], None),
    ("epsilon-new", "1.0", [], ">=3.99"),
    ("zeta-pin", "1.0", ["alpha-lib<1.1"], None),
    ("eta-app", "0.1", ["alpha-lib>=2", "zeta-pin"], None),
]


def wheel(name, ver, reqs, rp):
    mod = name.replace("-", "_")
    di = f"{mod}-{ver}.dist-info"
    files = {f"{mod}/__init__.py": f"VERSION = {ver!r}\n"}
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\n"
    if rp:
        meta += f"Requires-Python: {rp}\n"
    for r in reqs:
        meta += f"Requires-Dist: {r}\n"
    files[f"{di}/METADATA"] = meta
    files[f"{di}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: mkindex\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    rec = []
    for p, c in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(c.encode()).digest()).rstrip(b"=").decode()
        rec.append(f"{p},sha256={h},{len(c.encode())}")
    rec.append(f"{di}/RECORD,,")
    files[f"{di}/RECORD"] = "\n".join(rec) + "\n"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for p, c in files.items():
            z.writestr(p, c)
    return f"{mod}-{ver}-py3-none-any.whl", buf.getvalue(), meta


links = {}
for name, ver, reqs, rp in PKGS:
    fn, data, meta = wheel(name, ver, reqs, rp)
    d = root / "simple" / name
    d.mkdir(parents=True, exist_ok=True)
    (d / fn).write_bytes(data)
    (d / (fn + ".metadata")).write_text(meta)
    h = hashlib.sha256(data).hexdigest()
    attr = f' data-requires-python="{rp.replace(">", "&gt;")}"' if rp else ""
    links.setdefault(name, []).append(f'<a href="{fn}#sha256={h}"{attr}>{fn}</a><br/>')
# a broken archive whose listed hash does not match
d = root / "simple" / "theta-broken"
d.mkdir(parents=True, exist_ok=True)
(d / "theta_broken-1.0-py3-none-any.whl").write_bytes(b"not a zip")
links["theta-broken"] = ['<a href="theta_broken-1.0-py3-none-any.whl#sha256=' + "0" * 64 + '">theta_broken-1.0-py3-none-any.whl</a><br/>']
for name, ls in links.items():
    (root / "simple" / name / "index.html").write_text("<html><body>\n" + "\n".join(ls) + "\n</body></html>\n")
(root / "simple" / "index.html").write_text("<html><body>\n" + "\n".join(f'<a href="{n}/">{n}</a><br/>' for n in links) + "\n</body></html>\n")
