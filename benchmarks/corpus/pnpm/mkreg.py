"""Generate a tiny npm registry (packuments + tarballs) for the pnpm workload."""
import base64, hashlib, io, json, os, sys, tarfile

out, port = sys.argv[1], int(sys.argv[2])
base = 'http://127.0.0.1:%d' % port
PKGS = {
    'r45-alpha': {'1.0.0': {}, '1.1.0': {}, '1.2.0': {}, '2.0.0': {}},
    'r45-beta': {'1.0.0': {'r45-alpha': '^1.0.0'}, '1.5.0': {'r45-alpha': '^1.1.0'}},
    'r45-gamma': {'0.1.0': {'r45-beta': '^1.0.0', 'r45-delta': '~3.0.0'}},
    'r45-delta': {'3.0.0': {}, '3.0.1': {}},
    'r45-epsilon': {'1.0.0': {'r45-alpha': '^2.0.0'}},
    'r45-peer': {'1.0.0': {}},
    'r45-scripted': {'1.0.0': {}},
    'r45-failscript': {'1.0.0': {}},
    'r45-badhash': {'1.0.0': {}},
    'r45-needsmissing': {'1.0.0': {'r45-ghost': '^1.0.0'}},
    'r45-badrange': {'1.0.0': {'r45-alpha': '^9.0.0'}},
    'r45-deprecated': {'1.0.0': {}},
    'r45-broken-tgz': {'1.0.0': {}},
}
os.makedirs(out, exist_ok=True)
for name, versions in PKGS.items():
    doc = {'name': name, 'dist-tags': {'latest': sorted(versions)[-1]}, 'versions': {}}
    for ver, deps in versions.items():
        pj = {'name': name, 'version': ver, 'main': 'index.js', 'dependencies': deps}
        if name == 'r45-peer':
            pj['peerDependencies'] = {'r45-delta': '^4.0.0'}
        if name == 'r45-scripted':
            pj['scripts'] = {'postinstall': 'node -e "1"'}
        if name == 'r45-failscript':
            pj['scripts'] = {'postinstall': 'node -e "process.exit(3)"'}
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode='w:gz') as tf:
            for fn, data in (('package/package.json', json.dumps(pj)), ('package/index.js', 'module.exports = %r;\n' % ver)):
                b = data.encode()
                ti = tarfile.TarInfo(fn); ti.size = len(b); ti.mtime = 0
                tf.addfile(ti, io.BytesIO(b))
        tgz = buf.getvalue()
        if name == 'r45-broken-tgz':
            tgz = tgz[:40]
        integ = 'sha512-' + base64.b64encode(hashlib.sha512(tgz).digest()).decode()
        if name == 'r45-badhash':
            integ = 'sha512-' + base64.b64encode(hashlib.sha512(b'x').digest()).decode()
        fn = '%s-%s.tgz' % (name, ver)
        with open(os.path.join(out, fn), 'wb') as fh:
            fh.write(tgz)
        meta = dict(pj)
        meta['dist'] = {'tarball': '%s/%s/-/%s' % (base, name, fn), 'integrity': integ,
                        'shasum': hashlib.sha1(tgz).hexdigest()}
        if name == 'r45-deprecated':
            meta['deprecated'] = 'use r45-alpha instead'
        doc['versions'][ver] = meta
    with open(os.path.join(out, name + '.json'), 'w') as fh:
        json.dump(doc, fh)
