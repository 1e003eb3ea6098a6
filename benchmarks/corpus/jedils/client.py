import json, os, random, subprocess, sys, time, threading, select

LOG, SEED, ROOT, N = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
R = random.Random(SEED)
SRV = [os.path.join(os.path.dirname(sys.executable), "jedi-language-server"), "-vv", "--log-file", LOG]

MODS = {
 "shapes.py": 'import math\n\n\nclass Shape:\n    """A shape."""\n\n    def area(self) -> float:\n        return 0.0\n\n\nclass Circle(Shape):\n    def __init__(self, r):\n        self.r = r\n\n    def area(self) -> float:\n        return math.pi * self.r ** 2\n\n\ndef biggest(shapes):\n    return max(shapes, key=lambda s: s.area())\n',
 "util.py": 'import os\nimport json\n\nCONFIG_PATH = os.path.join("etc", "app.json")\n\n\ndef load(path=CONFIG_PATH):\n    with open(path) as fh:\n        return json.load(fh)\n\n\ndef greet(name: str) -> str:\n    """Say hello."""\n    return "hello " + name\n',
 "main.py": 'from shapes import Circle, biggest\nfrom util import greet, load\nimport collections\n\n\ndef run():\n    c = Circle(2)\n    items = [c, Circle(3)]\n    b = biggest(items)\n    print(greet("x"), b.area())\n    counter = collections.Counter()\n    return counter\n\n\nrun()\n',
 "broken.py": 'def oops(:\n    return 1\n\nclass X\n    pass\n',
}

class Conn:
    def __init__(self, root):
        env = dict(os.environ)
        self.p = subprocess.Popen(SRV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root, env=env)
        self.id = 0
        self.buf = b""
    def send(self, obj):
        data = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.p.stdin.flush()
    def raw(self, data):
        self.p.stdin.write(data); self.p.stdin.flush()
    def req(self, method, params, wait=True):
        self.id += 1
        self.send({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params})
        if wait:
            return self.read_until(self.id)
    def note(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})
    def read_msg(self, timeout):
        fd = self.p.stdout.fileno()
        end = time.time() + timeout
        while True:
            if b"\r\n\r\n" in self.buf:
                h, rest = self.buf.split(b"\r\n\r\n", 1)
                n = int([l for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
                if len(rest) >= n:
                    self.buf = rest[n:]
                    return json.loads(rest[:n])
            t = end - time.time()
            if t <= 0:
                return None
            r, _, _ = select.select([fd], [], [], t)
            if not r:
                return None
            d = os.read(fd, 65536)
            if not d:
                return None
            self.buf += d
    def read_until(self, rid, timeout=6):
        end = time.time() + timeout
        while time.time() < end:
            m = self.read_msg(end - time.time())
            if m is None:
                return None
            if m.get("id") == rid and "method" not in m:
                return m
            if "method" in m and "id" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
    def drain(self, t=0.3):
        while self.read_msg(t) is not None:
            pass

def uri(root, name):
    return "file://" + os.path.join(root, name)

def session(k):
    root = os.path.join(ROOT, "proj%d" % k)
    os.makedirs(root, exist_ok=True)
    for n, s in MODS.items():
        if R.random() < 0.85 or n == "main.py":
            open(os.path.join(root, n), "w").write(s)
    c = Conn(root)
    opts = {}
    if R.random() < 0.5:
        opts = {"diagnostics": {"enable": R.random() < 0.8, "didOpen": True, "didChange": True, "didSave": True},
                "completion": {"resolveEagerly": R.random() < 0.5},
                "hover": {"enable": True}, "workspace": {"symbols": {"maxSymbols": R.randint(5, 50)}}}
    if R.random() < 0.1:
        opts = {"diagnostics": "yes", "bogus": 1}
    c.req("initialize", {"processId": os.getpid(), "rootUri": "file://" + root, "rootPath": root,
                         "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                                           "completion": {"completionItem": {"snippetSupport": R.random() < 0.5}},
                                                           "publishDiagnostics": {}}},
                         "initializationOptions": opts,
                         "workspaceFolders": [{"uri": "file://" + root, "name": "proj%d" % k}]})
    c.note("initialized", {})
    c.drain(0.2)
    opened = {}
    for step in range(R.randint(15, 70)):
        a = R.random()
        names = list(MODS)
        n = R.choice(names)
        u = uri(root, n)
        if n not in opened or a < 0.1:
            opened[n] = 1
            c.note("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "python", "version": 1, "text": MODS[n]}})
            c.drain(0.2)
            continue
        lines = MODS[n].split("\n")
        ln = R.randrange(len(lines)); ch = R.randint(0, max(0, len(lines[ln])))
        pos = {"line": ln, "character": ch}
        td = {"uri": u}
        if a < 0.3:
            c.req("textDocument/completion", {"textDocument": td, "position": pos})
        elif a < 0.4:
            c.req("textDocument/hover", {"textDocument": td, "position": pos})
        elif a < 0.48:
            c.req("textDocument/definition", {"textDocument": td, "position": pos})
        elif a < 0.54:
            c.req("textDocument/references", {"textDocument": td, "position": pos, "context": {"includeDeclaration": True}})
        elif a < 0.58:
            c.req("textDocument/rename", {"textDocument": td, "position": pos, "newName": "renamed_%d" % R.randint(1, 99)})
        elif a < 0.62:
            c.req("textDocument/documentSymbol", {"textDocument": td})
        elif a < 0.65:
            c.req("workspace/symbol", {"query": R.choice(["Circ", "greet", "x", ""])})
        elif a < 0.68:
            c.req("textDocument/signatureHelp", {"textDocument": td, "position": pos})
        elif a < 0.71:
            c.req("textDocument/documentHighlight", {"textDocument": td, "position": pos})
        elif a < 0.8:
            opened[n] = opened[n] + 1
            ch2 = R.choice([{"text": MODS[n] + "\nx = %d\n" % R.randint(0, 9)},
                            {"range": {"start": pos, "end": pos}, "text": R.choice(["foo", "(", "\n", "import os\n"])}])
            c.note("textDocument/didChange", {"textDocument": {"uri": u, "version": opened[n]}, "contentChanges": [ch2]})
            c.drain(0.2)
        elif a < 0.83:
            c.note("textDocument/didSave", {"textDocument": td})
            c.drain(0.2)
        elif a < 0.87:
            c.note("textDocument/didClose", {"textDocument": td})
            opened.pop(n, None)
            c.drain(0.1)
        elif a < 0.9:
            # request on an unknown document
            c.req("textDocument/hover", {"textDocument": {"uri": uri(root, "missing%d.py" % R.randint(1, 9))}, "position": pos})
        elif a < 0.93:
            c.req(R.choice(["textDocument/bogus", "custom/thing", "workspace/unknownCmd"]), {"x": 1})
        elif a < 0.96:
            c.req("textDocument/completion", {"textDocument": td, "position": "bad"})
        elif a < 0.98:
            bad = R.choice([b"{not valid json!!!}", b"[1, 2", b"{\"jsonrpc\": \"2.0\", \"id\": \"x\"}"])
            c.raw(b"Content-Length: %d\r\n\r\n" % len(bad) + bad)
            c.drain(0.3)
        else:
            c.req("textDocument/definition", {"textDocument": td, "position": {"line": 9999, "character": 5}})
    c.drain(1.5)
    if R.random() < 0.85:
        c.req("shutdown", None)
        c.note("exit", None)
    else:
        c.p.stdin.close()
    try:
        c.p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        c.p.kill(); c.p.wait()

for k in range(N):
    session(k)
