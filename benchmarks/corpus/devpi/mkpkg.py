"""Make a tiny sdist (.tar.gz) and wheel for the devpi workload: mkpkg.py NAME VERSION OUTDIR"""
import io, sys, tarfile, zipfile, os, base64, hashlib, random

name, version, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
meta = "Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: test package %s\nAuthor: tester\nLicense: MIT\n\n%s\n" % (
    name, version, random.randint(1, 9999), "Long description " * random.randint(1, 5))
base = "%s-%s" % (name, version)
sd = os.path.join(out, base + ".tar.gz")
with tarfile.open(sd, "w:gz") as t:
    for fn, data in [("PKG-INFO", meta), ("setup.py", "from setuptools import setup\nsetup(name=%r, version=%r)\n" % (name, version)),
                     ("%s/__init__.py" % name.replace("-", "_"), "VALUE = %d\n" % random.randint(0, 99))]:
        b = data.encode()
        ti = tarfile.TarInfo(base + "/" + fn); ti.size = len(b)
        t.addfile(ti, io.BytesIO(b))
wn = name.replace("-", "_")
whl = os.path.join(out, "%s-%s-py3-none-any.whl" % (wn, version))
di = "%s-%s.dist-info" % (wn, version)
files = {"%s/__init__.py" % wn: "VALUE = 1\n", di + "/METADATA": meta,
         di + "/WHEEL": "Wheel-Version: 1.0\nGenerator: mkpkg\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
rec = []
with zipfile.ZipFile(whl, "w") as z:
    for fn, data in files.items():
        z.writestr(fn, data)
        h = base64.urlsafe_b64encode(hashlib.sha256(data.encode()).digest()).rstrip(b"=").decode()
        rec.append("%s,sha256=%s,%d" % (fn, h, len(data)))
    rec.append(di + "/RECORD,,")
    z.writestr(di + "/RECORD", "\n".join(rec) + "\n")
print(sd); print(whl)
