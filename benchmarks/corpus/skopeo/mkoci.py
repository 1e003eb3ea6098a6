# build a small OCI image layout: mkoci.py OUTDIR NAME NLAYERS SEED
import hashlib, io, json, os, random, sys, tarfile, gzip
out, name, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
os.makedirs(os.path.join(out, "blobs", "sha256"), exist_ok=True)
def put(data):
    d = hashlib.sha256(data).hexdigest()
    with open(os.path.join(out, "blobs", "sha256", d), "wb") as f: f.write(data)
    return "sha256:" + d
layers, diffs = [], []
for i in range(n):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as t:
        for j in range(rnd.randint(1, 4)):
            data = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(10, 3000)))
            ti = tarfile.TarInfo("%s/l%d/f%d.bin" % (name, i, j)); ti.size = len(data); ti.mtime = 1700000000
            t.addfile(ti, io.BytesIO(data))
    rb = raw.getvalue(); diffs.append("sha256:" + hashlib.sha256(rb).hexdigest())
    gz = gzip.compress(rb, mtime=0)
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": put(gz), "size": len(gz)})
cfg = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/true"], "Labels": {"name": name}},
                  "rootfs": {"type": "layers", "diff_ids": diffs}, "history": [{"created_by": "mkoci %d" % k} for k in range(n)]}).encode()
m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(cfg), "size": len(cfg)},
                "layers": layers}).encode()
md = put(m)
with open(os.path.join(out, "oci-layout"), "w") as f: json.dump({"imageLayoutVersion": "1.0.0"}, f)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": len(m),
               "annotations": {"org.opencontainers.image.ref.name": name}}]}, f)
