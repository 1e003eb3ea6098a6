#!/usr/bin/env python3
"""Scripted tsserver client: generates projects, sends random requests over stdio."""
import json, os, random, subprocess, sys, threading, time, shutil

TSSERVER = '/tmp/round43-r43g/npm-ts/node_modules/typescript/lib/tsserver.js'
ROOT = '/tmp/round43-r43g/ts-proj'
seed = int(os.environ.get('SEED', '4343'))
rnd = random.Random(seed)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
EXTRA = sys.argv[2:]

class Server:
    def __init__(self, args):
        self.p = subprocess.Popen(['node', TSSERVER] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.seq = 0
        self.pending = {}
        self.lock = threading.Lock()
        self.t = threading.Thread(target=self.reader, daemon=True); self.t.start()
    def reader(self):
        f = self.p.stdout
        while True:
            line = f.readline()
            if not line:
                return
            if line.startswith(b'Content-Length:'):
                n = int(line.split(b':')[1]); f.readline(); body = f.read(n)
                try:
                    msg = json.loads(body)
                except Exception:
                    continue
                if msg.get('type') == 'response':
                    ev = self.pending.pop(msg.get('request_seq'), None)
                    if ev: ev[1] = msg; ev[0].set()
    def raw(self, text):
        self.p.stdin.write(text.encode() + b'\n'); self.p.stdin.flush()
    def req(self, command, arguments=None, wait=True, timeout=20):
        self.seq += 1
        msg = {'seq': self.seq, 'type': 'request', 'command': command}
        if arguments is not None:
            msg['arguments'] = arguments
        ev = [threading.Event(), None]
        if wait:
            self.pending[self.seq] = ev
        self.raw(json.dumps(msg))
        if wait:
            ev[0].wait(timeout)
            return ev[1]
    def close(self):
        try:
            self.req('exit', wait=False)
            self.p.stdin.close()
        except Exception:
            pass
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill(); self.p.wait()

def gen_project(k, kind):
    d = os.path.join(ROOT, 'p%d' % k)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, 'src', 'util'))
    files = {}
    if kind == 'ts':
        cfg = {'compilerOptions': {'strict': rnd.choice([True, False]), 'target': rnd.choice(['es2019', 'es2022', 'esnext']),
                                   'module': rnd.choice(['commonjs', 'nodenext', 'esnext']), 'outDir': 'out', 'lib': ['es5']}, 'include': ['src']}
        if rnd.random() < 0.3:
            cfg['compilerOptions']['moduleResolution'] = 'bogus'
        if rnd.random() < 0.3:
            cfg['references'] = [{'path': '../missing%d' % k}]
        files['tsconfig.json'] = json.dumps(cfg, indent=1)
    elif kind == 'js':
        files['jsconfig.json'] = json.dumps({'compilerOptions': {'checkJs': True, 'allowJs': True, 'lib': ['es5']}})
    elif kind == 'badconfig':
        files['tsconfig.json'] = '{ "compilerOptions": { "strict": tru, }, "include": ["src" '
    ext = 'js' if kind == 'js' else 'ts'
    nf = rnd.randint(2, 5)
    names = []
    for i in range(nf):
        name = 'src/util/m%d.%s' % (i, ext) if i else 'src/index.%s' % ext
        names.append(name)
    for i, name in enumerate(names):
        body = []
        if i == 0:
            for j in range(1, nf):
                body.append("import { f%d } from './util/m%d';" % (j, j))
            body.append("import { nothing } from './util/absent';" if rnd.random() < 0.4 else '')
        else:
            body.append('export function f%d(a%s, b%s) { return a + b * %d; }' % (i, '' if ext == 'js' else ': number', '' if ext == 'js' else ': number', i))
            body.append('export const value%d = { name: "v%d", count: %d };' % (i, i, rnd.randint(1, 99)))
            body.append('export class C%d { x = %d; method(y%s) { return this.x + y; } }' % (i, i, '' if ext == 'js' else ': number'))
        if rnd.random() < 0.3:
            body.append('const broken%d: string = %d;' % (i, i) if ext == 'ts' else 'let broken%d = undefinedName%d;' % (i, i))
        if rnd.random() < 0.15:
            body.append('function syntax%d( { return ;' % i)
        body.append('const total%d = [1, 2, 3].map(n => n * %d).reduce((s, n) => s + n, 0);' % (i, i))
        body.append('console.log(total%d);' % i)
        files[name] = '\n'.join(body) + '\n'
    for name, text in files.items():
        with open(os.path.join(d, name), 'w') as fh:
            fh.write(text)
    return d, [os.path.join(d, n) for n in names], files

def pos_of(text):
    lines = text.split('\n')
    li = rnd.randrange(len(lines))
    return li + 1, rnd.randint(1, max(1, len(lines[li]) + 1))

def session(nops):
    s = Server(['--disableAutomaticTypingAcquisition'] + EXTRA)
    s.req('configure', {'hostInfo': 'r43g-client', 'preferences': {'includeCompletionsForModuleExports': rnd.choice([True, False])},
                        'watchOptions': {'watchFile': rnd.choice(['useFsEvents', 'priorityPollingInterval'])}})
    s.req('compilerOptionsForInferredProjects', {'options': {'allowJs': True, 'lib': ['es5']}})
    opened = {}
    changed = set()
    projects = [gen_project(k, kind) for k, kind in enumerate(['ts', 'badconfig', rnd.choice(['js', 'noconfig'])])]
    for _ in range(nops):
        d, names, files = rnd.choice(projects)
        f = rnd.choice(names)
        text = open(f).read()
        r = rnd.random()
        line, off = pos_of(text)
        if f not in opened or r < 0.08:
            oa = {'file': f, 'projectRootPath': d}
            if rnd.random() < 0.3:
                oa['fileContent'] = text + '// open\n'
            elif rnd.random() < 0.03:
                oa['fileContent'] = None
            s.req('open', oa, wait=False)
            opened[f] = True
            if rnd.random() < 0.4:
                s.req('geterr', {'files': [f], 'delay': 0}, wait=False)
            time.sleep(0.3)
        elif r < 0.20:
            i = text.find('this.')
            if i < 0 or f in changed:
                s.req('quickinfo', {'file': f, 'line': 1, 'offset': 10})
            else:
                ln = text[:i].count('\n'); col = i - (text.rfind('\n', 0, i) + 1) + 6
                s.req('completionInfo', {'file': f, 'line': ln + 1, 'offset': col, 'triggerCharacter': '.'})
        elif r < 0.30:
            s.req('quickinfo', {'file': f, 'line': line, 'offset': off})
        elif r < 0.38:
            changed.add(f)
            s.req('change', {'file': f, 'line': line, 'offset': 1, 'endLine': line, 'endOffset': 1,
                             'insertString': rnd.choice(['let q = 1;\n', 'q.', '// note\n', 'import x from "nowhere";\n', '}}'])}, wait=False)
        elif r < 0.45:
            s.req('semanticDiagnosticsSync', {'file': f})
            s.req('syntacticDiagnosticsSync', {'file': f})
        elif r < 0.52:
            s.req('rename', {'file': f, 'line': line, 'offset': off, 'findInStrings': False, 'findInComments': False})
        elif r < 0.57:
            s.req('definition', {'file': f, 'line': line, 'offset': off})
            s.req('references', {'file': f, 'line': line, 'offset': off})
        elif r < 0.61:
            s.req('navtree', {'file': f}); s.req('navto', {'searchValue': rnd.choice(['f1', 'C2', 'value3']), 'file': f, 'currentFileOnly': True})
        elif r < 0.65:
            s.req('getCodeFixes', {'file': f, 'startLine': line, 'startOffset': 1, 'endLine': line, 'endOffset': 5, 'errorCodes': [2322, 2304, 2307]})
        elif r < 0.68:
            s.req('format', {'file': f, 'line': 1, 'offset': 1, 'endLine': line, 'endOffset': 1})
        elif r < 0.71:
            s.req('projectInfo', {'file': f, 'needFileNameList': True})
        elif r < 0.74:
            s.req('geterr', {'files': [f], 'delay': 0}, wait=False); time.sleep(0.2)
        elif r < 0.78:
            s.req('close', {'file': f}, wait=False); opened.pop(f, None); changed.discard(f)
        elif r < 0.81:
            s.req('quickinfo', {'file': f, 'line': 9999, 'offset': 3})
        elif r < 0.84:
            s.req('quickinfo', {'file': os.path.join(d, 'src', 'ghost.ts'), 'line': 1, 'offset': 1})
        elif r < 0.86:
            s.req(rnd.choice(['noSuchCommand', 'frobnicate']), {'file': f})
        elif r < 0.88:
            s.raw(rnd.choice(['{not json', '{"seq": 1, "type": "request"}', 'garbage line']))
        elif r < 0.90:
            s.req('completionEntryDetails', {'file': f, 'line': line, 'offset': off, 'entryNames': ['f1', 'nothing']})
        elif r < 0.92:
            s.req('signatureHelp', {'file': f, 'line': line, 'offset': off})
        elif r < 0.94:
            s.req('reloadProjects', wait=False); time.sleep(0.3)
        elif r < 0.96:
            with open(f, 'a') as fh:
                fh.write('export const added%d = %d;\n' % (rnd.randint(1, 99), rnd.randint(1, 9)))
            time.sleep(0.6)
        elif r < 0.98:
            s.req('compilerOptionsForInferredProjects', {'options': {'allowJs': True, 'lib': ['es5'], 'target': rnd.choice(['es5', 'es2020', 'wrong'])}})
        else:
            s.req('organizeImports', {'scope': {'type': 'file', 'args': {'file': f}}})
    s.close()

os.makedirs(ROOT, exist_ok=True)
for k in range(int(os.environ.get('SESSIONS', '1'))):
    session(N)
