#!/usr/bin/python3
# writes dists/<dist>/Release for a small archive: gen_release.py ARCHIVE DIST ARCHS
import hashlib, os, sys, time
root, dist, archs = sys.argv[1], sys.argv[2], sys.argv[3]
d = os.path.join(root, "dists", dist)
files = []
for base, _, names in os.walk(d):
    for n in sorted(names):
        p = os.path.join(base, n)
        rel = os.path.relpath(p, d)
        if rel in ("Release", "Release.gpg", "InRelease"):
            continue
        data = open(p, "rb").read()
        files.append((rel, len(data), hashlib.md5(data).hexdigest(), hashlib.sha256(data).hexdigest()))
out = ["Origin: Lab", "Label: Lab", "Suite: %s" % dist, "Codename: %s" % dist,
       "Date: %s" % time.strftime("%a, %d %b %Y %H:%M:%S UTC", time.gmtime()),
       "Architectures: %s" % archs, "Components: main contrib", "Description: lab archive", "MD5Sum:"]
out += [" %s %8d %s" % (m, s, r) for r, s, m, _ in files]
out.append("SHA256:")
out += [" %s %8d %s" % (h, s, r) for r, s, _, h in files]
open(os.path.join(d, "Release"), "w").write("\n".join(out) + "\n")
