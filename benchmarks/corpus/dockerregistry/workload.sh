#!/bin/bash
# Round-20 corpus workload: Docker registry (distribution) 2.8.2, Debian 12 package `docker-registry`
# (plus `apache2-utils` for htpasswd; python3-requests for the client).
# `docker-registry serve` on 127.0.0.1:23500 with htpasswd auth, deletes enabled, a notification
# endpoint pointing at a dead port, log level debug, text formatter, access log off; its stderr is
# the log file. Python clients speak the registry API v2 (pushes monolithic/chunked/mounted, pulls,
# bad manifests, missing blobs, wrong passwords, deletes, cancelled uploads, ...). Midway and at the
# end the registry is stopped and `docker-registry garbage-collect` runs with its output appended to
# the same log file (its stdout report goes to a separate file), then the registry is started again.
# Run as root:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (defaults: this folder, 200)
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-200}
D=/tmp/dreg20run
rm -rf $D; mkdir -p $D/storage
LOG=$D/registry.log
PORT=23500
htpasswd -Bbc $D/htpasswd alice wonderland >/dev/null 2>&1
htpasswd -Bb $D/htpasswd bob builder >/dev/null 2>&1
cat > $D/config.yml <<CONF
version: 0.1
log:
  level: debug
  formatter: text
  accesslog:
    disabled: true
  fields:
    service: registry
    environment: round20
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: $D/storage
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: true
      age: 168h
      interval: 24h
      dryrun: false
http:
  addr: 127.0.0.1:$PORT
  secret: round20secret
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: round20-realm
    path: $D/htpasswd
notifications:
  endpoints:
    - name: deadlistener
      url: http://127.0.0.1:23599/events
      timeout: 500ms
      threshold: 3
      backoff: 2s
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
CONF

cat > $D/client.py <<'PY'
import hashlib, json, os, random, socket, sys, time
import requests

BASE = "http://127.0.0.1:%s" % sys.argv[1]
GOOD = [("alice", "wonderland"), ("bob", "builder")]
REPOS = ["library/alpine", "library/busybox", "team/api", "team/web", "ops/tools", "ml/trainer", "edge/proxy"]
SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json"
OCI = "application/vnd.oci.image.manifest.v1+json"
LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
CFG = "application/vnd.docker.container.image.v1+json"
pushed = []  # (repo, tag, manifest digest, [blob digests])


def auth():
    return random.choice(GOOD)


def dg(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def s():
    x = requests.Session(); x.auth = auth(); return x


def upload(sess, repo, data, mode=None):
    d = dg(data)
    mode = mode or random.choice(["mono", "postput", "chunked", "chunked", "mount"])
    if mode == "mount" and pushed:
        src = random.choice(pushed)
        if src[0] != repo and src[3]:
            sess.post(f"{BASE}/v2/{repo}/blobs/uploads/", params={"mount": random.choice(src[3]), "from": src[0]})
        mode = "postput"
    r = sess.post(f"{BASE}/v2/{repo}/blobs/uploads/")
    if r.status_code != 202:
        return d
    loc = r.headers["Location"]
    if mode == "chunked":
        off = 0; n = random.randint(2, 4); step = max(1, len(data) // n)
        while off < len(data):
            chunk = data[off:off + step]
            r = sess.patch(loc, data=chunk, headers={"Content-Type": "application/octet-stream",
                                                     "Content-Range": f"{off}-{off + len(chunk) - 1}"})
            if r.status_code != 202:
                return d
            loc = r.headers["Location"]; off += len(chunk)
        if random.random() < 0.3:
            sess.get(loc)  # upload status
        sess.put(loc, params={"digest": d})
    else:
        sess.put(loc, params={"digest": d}, data=data, headers={"Content-Type": "application/octet-stream"})
    return d


def push(repo=None, tag=None, oci=False):
    sess = s(); repo = repo or random.choice(REPOS); tag = tag or random.choice(["latest", "v1", "v2", "stable", f"build-{random.randint(1, 999)}"])
    layers = []
    for _ in range(random.randint(1, 3)):
        data = os.urandom(random.randint(100, 200000))
        if sess.head(f"{BASE}/v2/{repo}/blobs/{dg(data)}").status_code == 404:
            pass
        layers.append((upload(sess, repo, data), len(data)))
    cfg = json.dumps({"architecture": "amd64", "os": "linux", "created": time.strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "rootfs": {"type": "layers", "diff_ids": [l[0] for l in layers]}}).encode()
    cd = upload(sess, repo, cfg, "mono")
    man = {"schemaVersion": 2, "mediaType": OCI if oci else SCHEMA2,
           "config": {"mediaType": "application/vnd.oci.image.config.v1+json" if oci else CFG, "size": len(cfg), "digest": cd},
           "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip" if oci else LAYER, "size": n, "digest": d} for d, n in layers]}
    body = json.dumps(man).encode()
    r = sess.put(f"{BASE}/v2/{repo}/manifests/{tag}", data=body, headers={"Content-Type": man["mediaType"]})
    if r.status_code == 201:
        pushed.append((repo, tag, r.headers.get("Docker-Content-Digest"), [d for d, _ in layers] + [cd]))


def pull():
    if not pushed:
        return push()
    repo, tag, md, blobs = random.choice(pushed)
    sess = s()
    ref = random.choice([tag, md])
    sess.head(f"{BASE}/v2/{repo}/manifests/{ref}", headers={"Accept": SCHEMA2})
    r = sess.get(f"{BASE}/v2/{repo}/manifests/{ref}", headers={"Accept": f"{SCHEMA2}, {OCI}"})
    for b in random.sample(blobs, k=random.randint(1, len(blobs))):
        if random.random() < 0.3:
            sess.get(f"{BASE}/v2/{repo}/blobs/{b}", headers={"Range": f"bytes=0-{random.randint(10, 500)}"})
        elif random.random() < 0.3:
            sess.head(f"{BASE}/v2/{repo}/blobs/{b}")
        else:
            sess.get(f"{BASE}/v2/{repo}/blobs/{b}")


def bad():
    sess = s(); repo = random.choice(REPOS); k = random.randint(0, 16)
    if k == 0:    # invalid JSON manifest
        sess.put(f"{BASE}/v2/{repo}/manifests/broken", data=b"{not json" + os.urandom(8).hex().encode(), headers={"Content-Type": SCHEMA2})
    elif k == 1:  # manifest pointing at missing blobs
        fake = dg(os.urandom(16))
        man = {"schemaVersion": 2, "mediaType": SCHEMA2, "config": {"mediaType": CFG, "size": 10, "digest": fake},
               "layers": [{"mediaType": LAYER, "size": 99, "digest": dg(os.urandom(8))}]}
        sess.put(f"{BASE}/v2/{repo}/manifests/missing-{random.randint(1, 99)}", data=json.dumps(man), headers={"Content-Type": SCHEMA2})
    elif k == 2:  # unknown media type
        sess.put(f"{BASE}/v2/{repo}/manifests/odd", data=b'{"schemaVersion": 2}', headers={"Content-Type": "application/x-weird"})
    elif k == 3:  # wrong digest on upload
        r = sess.post(f"{BASE}/v2/{repo}/blobs/uploads/")
        if r.status_code == 202:
            sess.put(r.headers["Location"], params={"digest": dg(b"other" + os.urandom(4))}, data=os.urandom(random.randint(10, 5000)))
    elif k == 4:  # missing blob / manifest / repo
        sess.get(f"{BASE}/v2/{repo}/blobs/{dg(os.urandom(8))}")
        sess.get(f"{BASE}/v2/nosuch/repo{random.randint(1, 50)}/manifests/latest")
        sess.get(f"{BASE}/v2/{repo}/manifests/{dg(os.urandom(8))}")
    elif k == 5:  # invalid names and digests
        sess.get(f"{BASE}/v2/Bad_Repo/UPPER/tags/list")
        sess.get(f"{BASE}/v2/{repo}/blobs/sha256:xyz{random.randint(1, 999)}")
        sess.put(f"{BASE}/v2/{repo}/manifests/bad tag!", data=b"{}")
    elif k == 6:  # wrong password / unknown user / no auth
        requests.get(f"{BASE}/v2/", auth=(random.choice(["alice", "bob"]), "wrong%d" % random.randint(1, 999)))
        requests.get(f"{BASE}/v2/_catalog", auth=("mallory%d" % random.randint(1, 99), "x"))
        requests.get(f"{BASE}/v2/{repo}/tags/list")
    elif k == 7:  # cancel an upload, then use the stale location
        r = sess.post(f"{BASE}/v2/{repo}/blobs/uploads/")
        if r.status_code == 202:
            loc = r.headers["Location"]
            sess.patch(loc, data=os.urandom(random.randint(10, 3000)), headers={"Content-Type": "application/octet-stream"})
            sess.delete(loc)
            sess.get(loc)
    elif k == 8:  # bogus upload uuid
        sess.patch(f"{BASE}/v2/{repo}/blobs/uploads/{os.urandom(8).hex()}", data=b"abc")
    elif k == 9:  # delete by tag (unsupported) and unknown digest
        sess.delete(f"{BASE}/v2/{repo}/manifests/latest")
        sess.delete(f"{BASE}/v2/{repo}/manifests/{dg(os.urandom(8))}")
    elif k == 10:  # out-of-order chunk
        r = sess.post(f"{BASE}/v2/{repo}/blobs/uploads/")
        if r.status_code == 202:
            sess.patch(r.headers["Location"], data=b"x" * 50, headers={"Content-Type": "application/octet-stream", "Content-Range": "100-149"})
    elif k == 11:  # client drops the connection mid-upload
        r = sess.post(f"{BASE}/v2/{repo}/blobs/uploads/")
        if r.status_code == 202:
            loc = r.headers["Location"].replace(BASE, "")
            c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            import base64
            tok = base64.b64encode(b"%s:%s" % tuple(x.encode() for x in auth())).decode()
            c.sendall(f"PATCH {loc} HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {tok}\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n".encode() + os.urandom(3000))
            time.sleep(0.2); c.close()
    elif k == 12:  # manifest with wrong digest reference
        sess.put(f"{BASE}/v2/{repo}/manifests/{dg(os.urandom(8))}", data=json.dumps({"schemaVersion": 2, "mediaType": SCHEMA2, "config": {}, "layers": []}), headers={"Content-Type": SCHEMA2})
    elif k == 13:  # garbage HTTP
        c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
        c.sendall(random.choice([b"HELLO\r\n\r\n", os.urandom(50), b"GET /v2/ HTTP/9.9\r\n\r\n"])); time.sleep(0.1); c.close()
    elif k == 14:  # schema1 manifest (unsigned, rejected)
        sess.put(f"{BASE}/v2/{repo}/manifests/old", data=json.dumps({"schemaVersion": 1, "name": repo, "tag": "old", "fsLayers": [], "history": []}),
                 headers={"Content-Type": "application/vnd.docker.distribution.manifest.v1+json"})
    elif k == 15:  # unsupported method
        sess.request("PATCH", f"{BASE}/v2/{repo}/manifests/latest", data=b"{}")
    else:  # blob upload of size zero with mismatched digest via monolithic
        sess.post(f"{BASE}/v2/{repo}/blobs/uploads/", params={"digest": "sha256:" + "0" * 64}, data=b"")


def listing():
    sess = s()
    r = random.randint(0, 3)
    if r == 0:
        sess.get(f"{BASE}/v2/_catalog", params={"n": random.randint(1, 5)})
    elif r == 1:
        sess.get(f"{BASE}/v2/{random.choice(REPOS)}/tags/list")
    elif r == 2:
        sess.get(f"{BASE}/v2/")
    else:
        sess.get(f"{BASE}/v2/_catalog")


def delete():
    if not pushed:
        return
    i = random.randrange(len(pushed)); repo, tag, md, blobs = pushed.pop(i)
    sess = s()
    if random.random() < 0.7:
        sess.delete(f"{BASE}/v2/{repo}/manifests/{md}")
    else:
        sess.delete(f"{BASE}/v2/{repo}/blobs/{random.choice(blobs)}")
    sess.get(f"{BASE}/v2/{repo}/manifests/{tag}", headers={"Accept": SCHEMA2})


end = time.time() + float(sys.argv[2])
while time.time() < end:
    try:
        random.choice([push, push, lambda: push(oci=True), pull, pull, pull, bad, bad, bad, listing, delete])()
    except Exception:
        pass
    time.sleep(random.uniform(1.5, 5.0))
PY

start() { docker-registry serve $D/config.yml >>$LOG 2>&1 & echo $! > $D/registry.pid; sleep 2; }
stop() { kill -TERM $(cat $D/registry.pid); sleep 3; }
gc() { docker-registry garbage-collect "$@" $D/config.yml >>$D/gc.out 2>>$LOG; }

start
python3 $D/client.py $PORT $((DURATION / 2))
stop; gc --dry-run; gc --delete-untagged; start
python3 $D/client.py $PORT $((DURATION / 2))
stop; gc
cp $LOG "$OUT/dockerregistry.log"
wc -l "$OUT/dockerregistry.log"
