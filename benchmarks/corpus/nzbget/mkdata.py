#!/usr/bin/env python3
"""Make random data files served by nzbget's own NServ and a set of NZB files pointing at them.
usage: mkdata.py DATADIR NZBDIR"""
import os, random, sys, html
data, out = sys.argv[1], sys.argv[2]
os.makedirs(data, exist_ok=True); os.makedirs(out, exist_ok=True)
rnd = random.Random()
SEG = 8000
def w(name, size):
    with open(os.path.join(data, name), 'wb') as f:
        f.write(os.urandom(size))
    return name, size
def filexml(name, size, missing=0.0, badgroup=False, drop_last=False, bogus=None):
    segs, n, off = [], 1, 0
    while off < size:
        ln = min(SEG, size - off)
        mid = '%s?%d=%d:%d' % (name, n, off, ln)
        if rnd.random() < missing:
            mid = 'missing-%d-%s?%d=%d:%d' % (rnd.randint(1, 10**6), name, n, off, ln)
        segs.append('<segment bytes="%d" number="%d">%s</segment>' % (ln + 800, n, html.escape(mid)))
        n += 1; off += ln
    if drop_last and len(segs) > 1:
        segs.pop()
    total = n - 1
    subj = bogus or '&quot;%s&quot; yEnc (1/%d)' % (html.escape(name), total)
    return ('<file poster="tester &lt;t@example.test&gt;" date="1700000000" subject="%s">\n<groups>\n<group>%s</group>\n</groups>\n<segments>\n%s\n</segments>\n</file>\n'
            % (subj, 'alt.binaries.test' if not badgroup else 'alt.binaries.nonexistent', '\n'.join(segs)))
def nzb(name, files, meta=None):
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.0//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.0.dtd">\n<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">\n'
    if meta:
        head += '<head>\n' + ''.join('<meta type="%s">%s</meta>\n' % kv for kv in meta) + '</head>\n'
    with open(os.path.join(out, name), 'w') as f:
        f.write(head + ''.join(files) + '</nzb>\n')
k = 0
for i in range(rnd.randint(12, 15)):
    k += 1
    base = 'set%02d_%s' % (k, ''.join(rnd.choice('abcdefghij') for _ in range(5)))
    kind = rnd.choice(['plain', 'plain', 'rar', 'missing', 'missing', 'multi', 'password', 'broken'])
    files = []
    if kind == 'rar':
        for p in range(1, rnd.randint(2, 4)):
            files.append(filexml(*w('%s.part%02d.rar' % (base, p), rnd.randint(40000, 120000))))
    elif kind == 'multi':
        for ext in rnd.sample(['mkv', 'nfo', 'sfv', 'txt', 'jpg', 'bin', 'iso'], rnd.randint(2, 4)):
            files.append(filexml(*w('%s.%s' % (base, ext), rnd.randint(5000, 90000))))
    elif kind == 'missing':
        for ext in ['bin', 'dat'][:rnd.randint(1, 2)]:
            files.append(filexml(*w('%s.%s' % (base, ext), rnd.randint(60000, 150000)), missing=rnd.choice([0.3, 0.6, 1.0])))
    elif kind == 'broken':
        files.append(filexml(*w('%s.7z' % base, rnd.randint(30000, 90000)), drop_last=True))
        files.append(filexml(*w('%s.zip' % base, rnd.randint(10000, 40000)), bogus='no quotes here at all'))
    else:
        files.append(filexml(*w('%s.bin' % base, rnd.randint(20000, 100000))))
    meta = [('password', 'secret%d' % k)] if kind == 'password' else ([('category', 'Movies')] if rnd.random() < 0.3 else None)
    nzb(base + '.nzb', files, meta)
# a duplicate of one nzb, an invalid one, an empty one
names = sorted(os.listdir(out))
dup = rnd.choice(names)
open(os.path.join(out, 'dupe_' + dup), 'w').write(open(os.path.join(out, dup)).read())
open(os.path.join(out, 'garbage_%d.nzb' % rnd.randint(1, 999)), 'w').write('this is <not an nzb file>\n' * rnd.randint(1, 5))
nzb('empty_%d.nzb' % rnd.randint(1, 999), [])
