#!/usr/bin/env python3
"""Build small OCI image archives (busybox-static rootfs) for ctr import, plus some broken ones."""
import hashlib, io, json, os, sys, tarfile, gzip, time

OUT = sys.argv[1]
BB = '/bin/busybox'
APPLETS = ['sh', 'sleep', 'echo', 'cat', 'ls', 'true', 'false', 'ps', 'id', 'hostname', 'env', 'top',
           'kill', 'yes', 'head', 'dd', 'mkdir', 'touch', 'rm', 'wc', 'date', 'uname', 'seq']

def sha(b): return 'sha256:' + hashlib.sha256(b).hexdigest()

def layer_bytes(extra_files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w') as t:
        for d in ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'data']:
            ti = tarfile.TarInfo(d); ti.type = tarfile.DIRTYPE; ti.mode = 0o755; ti.mtime = 0; t.addfile(ti)
        data = open(BB, 'rb').read()
        ti = tarfile.TarInfo('bin/busybox'); ti.size = len(data); ti.mode = 0o755; ti.mtime = 0
        t.addfile(ti, io.BytesIO(data))
        for a in APPLETS:
            ti = tarfile.TarInfo('bin/' + a); ti.type = tarfile.SYMTYPE; ti.linkname = 'busybox'; ti.mtime = 0; t.addfile(ti)
        for name, content in extra_files.items():
            b = content.encode(); ti = tarfile.TarInfo(name); ti.size = len(b); ti.mode = 0o755; ti.mtime = 0
            t.addfile(ti, io.BytesIO(b))
    return buf.getvalue()

def build(name, ref, extra, cmd, gz=True, corrupt=None):
    blobs = {}
    raw = layer_bytes(extra)
    layer = gzip.compress(raw, mtime=0) if gz else raw
    cfg = {"architecture": "amd64", "os": "linux",
           "config": {"Cmd": cmd, "Env": ["PATH=/bin"], "WorkingDir": "/"},
           "rootfs": {"type": "layers", "diff_ids": [sha(raw)]}}
    cfgb = json.dumps(cfg).encode()
    lt = 'application/vnd.oci.image.layer.v1.tar+gzip' if gz else 'application/vnd.oci.image.layer.v1.tar'
    man = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": sha(cfgb), "size": len(cfgb)},
           "layers": [{"mediaType": lt, "digest": sha(layer), "size": len(layer)}]}
    manb = json.dumps(man).encode()
    if corrupt == 'layerdigest':
        layer = layer[:-10] + b'0123456789'  # content no longer matches its digest
    blobs[sha(cfgb)] = cfgb; blobs[man['layers'][0]['digest']] = layer; blobs[sha(manb)] = manb
    if corrupt == 'missinglayer':
        del blobs[man['layers'][0]['digest']]
    idx = {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
           "digest": sha(manb), "size": len(manb),
           "annotations": {"io.containerd.image.name": ref, "org.opencontainers.image.ref.name": ref.split(':')[-1]}}]}
    with tarfile.open(os.path.join(OUT, name), 'w') as t:
        def add(n, b):
            ti = tarfile.TarInfo(n); ti.size = len(b); ti.mtime = int(time.time()); t.addfile(ti, io.BytesIO(b))
        add('oci-layout', b'{"imageLayoutVersion": "1.0.0"}')
        add('index.json', json.dumps(idx).encode())
        for d, b in blobs.items():
            add('blobs/sha256/' + d.split(':')[1], b)

build('bb.tar', 'localhost/bb:1.0', {}, ['sh'])
build('bbsleep.tar', 'localhost/bbsleep:latest', {'bin/loop.sh': '#!/bin/sh\nwhile true; do echo tick $(date); sleep 1; done\n'}, ['/bin/loop.sh'], gz=False)
build('bbfail.tar', 'localhost/bbfail:2', {'bin/fail.sh': '#!/bin/sh\necho failing >&2\nexit 42\n'}, ['/bin/fail.sh'])
build('corrupt.tar', 'localhost/corrupt:1', {}, ['sh'], corrupt='layerdigest')
build('missing.tar', 'localhost/missing:1', {}, ['sh'], corrupt='missinglayer')
open(os.path.join(OUT, 'garbage.tar'), 'wb').write(os.urandom(4096))
open(os.path.join(OUT, 'notjson.tar'), 'wb').write(b'')
with tarfile.open(os.path.join(OUT, 'notjson.tar'), 'w') as t:
    b = b'{this is not json'; ti = tarfile.TarInfo('index.json'); ti.size = len(b); t.addfile(ti, io.BytesIO(b))
