import base64, hashlib, io, os, sys, tarfile, zipfile
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def wheel(name, ver, deps=(), rp=None, extra=None):
    dist = f"{name}-{ver}.dist-info"
    files = {f"{name}/__init__.py": f"__version__ = '{ver}'\n"}
    if extra:
        files.update(extra)
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\nSummary: test package {name}\n"
    if rp:
        meta += f"Requires-Python: {rp}\n"
    for d in deps:
        meta += f"Requires-Dist: {d}\n"
    files[f"{dist}/METADATA"] = meta
    files[f"{dist}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: mkpkgs\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    if name == "kappa":
        files[f"{dist}/entry_points.txt"] = f"[console_scripts]\n{name}-cli = {name}:__version__\n"
    rec = []
    for p, c in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(c.encode()).digest()).rstrip(b"=").decode()
        rec.append(f"{p},sha256={h},{len(c.encode())}")
    rec.append(f"{dist}/RECORD,,")
    files[f"{dist}/RECORD"] = "\n".join(rec) + "\n"
    with zipfile.ZipFile(os.path.join(out, f"{name}-{ver}-py3-none-any.whl"), "w") as z:
        for p, c in files.items():
            z.writestr(p, c)

def sdist(name, ver, pyproject, more=None):
    base = f"{name}-{ver}"
    files = {"pyproject.toml": pyproject, f"{name}/__init__.py": f"__version__ = '{ver}'\n",
             "PKG-INFO": f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\n"}
    files.update(more or {})
    with tarfile.open(os.path.join(out, f"{base}.tar.gz"), "w:gz") as t:
        for p, c in files.items():
            b = c.encode()
            ti = tarfile.TarInfo(f"{base}/{p}")
            ti.size = len(b)
            t.addfile(ti, io.BytesIO(b))

for v in ("1.0", "1.1", "2.0"):
    wheel("alpha", v)
wheel("beta", "1.0", ["alpha<2"])
wheel("beta", "1.2", ["alpha<2", "kappa>=1; extra == 'full'"])
wheel("gamma", "1.0", ["alpha>=2"])
wheel("delta", "1.0", ["missingdep>=1"])
wheel("iota", "1.0", rp=">=4")
wheel("iota", "0.9")
wheel("kappa", "1.0", ["alpha"])
wheel("lam", "1.0", ["beta", "gamma"])
wheel("theta", "1.0")
wheel("theta", "1.1")
hatch = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n[project]\nname = "{n}"\nversion = "{v}"\n'
sdist("epsilon", "0.5", hatch.format(n="epsilon", v="0.5"))
sdist("zeta", "1.0", '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n',
      {"setup.py": "import nosuchmodule_for_zeta\n"})
sdist("omega", "1.0", '[build-system]\nrequires = ["nosuchbackend"]\nbuild-backend = "nosuchbackend.api"\n')
with open(os.path.join(out, "eta-1.0-py3-none-any.whl"), "wb") as f:
    f.write(b"this is not a zip archive\n")
