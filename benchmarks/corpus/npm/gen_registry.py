"""Build a static npm registry (packuments + tarballs) and local package folders for the workload."""
import base64, hashlib, io, json, os, random, sys, tarfile

root, port, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
base = f"http://127.0.0.1:{port}"
os.makedirs(f"{root}/reg/tarballs", exist_ok=True)
names = ["leftpadx", "colorz", "tinyutil", "fmtlib", "deepmerge-r", "argy", "smallcli", "corelib", "badhash", "gonepkg"]


def tarball(name, version, deps, scripts=None, bin_=False):
    pkg = {"name": name, "version": version, "main": "index.js", "dependencies": deps}
    if scripts:
        pkg["scripts"] = scripts
    if bin_:
        pkg["bin"] = {name: "cli.js"}
    files = {"package/package.json": json.dumps(pkg, indent=2).encode(),
             "package/index.js": f"module.exports = '{name}@{version}'\n".encode(),
             "package/README.md": f"# {name}\n".encode()}
    if bin_:
        files["package/cli.js"] = b"#!/usr/bin/env node\nprocess.exit(0)\n"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for path, data in files.items():
            info = tarfile.TarInfo(path)
            info.size, info.mode, info.mtime = len(data), 0o755 if path.endswith("cli.js") else 0o644, 499162500
            tar.addfile(info, io.BytesIO(data))
    return pkg, buf.getvalue()


for i, name in enumerate(names):
    versions = {}
    doc = {"name": name, "dist-tags": {}, "versions": versions, "time": {}}
    nvers = rnd.randint(1, 4)
    for v in range(nvers):
        version = f"1.{v}.{rnd.randint(0, 3)}"
        deps = {}
        if i > 0 and rnd.random() < 0.6:
            dep = names[rnd.randrange(0, min(i, 8))]
            if dep not in ("badhash", "gonepkg"):
                deps[dep] = "^1.0.0"
        scripts = {"postinstall": "node -e 0"} if rnd.random() < 0.3 else None
        pkg, data = tarball(name, version, deps, scripts, bin_=(name == "smallcli"))
        fname = f"{name}-{version}.tgz"
        with open(f"{root}/reg/tarballs/{fname}", "wb") as f:
            f.write(data)
        sha512 = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        if name == "badhash":
            sha512 = "sha512-" + base64.b64encode(hashlib.sha512(b"x" + data).digest()).decode()
        pkg["dist"] = {"tarball": f"{base}/tarballs/{fname}" if name != "gonepkg" else f"{base}/tarballs/missing-{fname}",
                       "shasum": hashlib.sha1(data).hexdigest(), "integrity": sha512}
        pkg["_id"] = f"{name}@{version}"
        versions[version] = pkg
        doc["time"][version] = "2026-01-01T00:00:00.000Z"
    doc["dist-tags"]["latest"] = sorted(versions, key=lambda s: [int(x) for x in s.split(".")])[-1]
    with open(f"{root}/reg/{name}", "w") as f:
        json.dump(doc, f)
# a broken packument
with open(f"{root}/reg/brokenmeta", "w") as f:
    f.write("{not json")
# local folders and tarballs
for k in range(3):
    d = f"{root}/local/lib{k}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/package.json", "w") as f:
        json.dump({"name": f"locallib{k}", "version": f"0.{k}.1", "main": "index.js",
                   "dependencies": {names[k]: "^1.0.0"} if k else {}}, f)
    with open(f"{d}/index.js", "w") as f:
        f.write("module.exports = 1\n")
    pkg, data = tarball(f"localtar{k}", f"2.{k}.0", {})
    with open(f"{root}/local/localtar{k}.tgz", "wb") as f:
        f.write(data)
with open(f"{root}/local/corrupt.tgz", "wb") as f:
    f.write(b"this is not a gzip file")
