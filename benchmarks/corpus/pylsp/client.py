import json
import os
import random
import subprocess
import sys
import threading
import time

seed = int(sys.argv[1])
workdir = sys.argv[2]
logfile = sys.argv[3]
pylsp = sys.argv[4]
mode = sys.argv[5] if len(sys.argv) > 5 else "normal"
rnd = random.Random(seed)

proc = subprocess.Popen([pylsp, "-vv", "--log-file", logfile],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)
pending = {}
lock = threading.Lock()


def reader():
    out = proc.stdout
    while True:
        headers = {}
        while True:
            line = out.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            k, _, v = line.decode().partition(":")
            headers[k.lower()] = v.strip()
        body = out.read(int(headers["content-length"]))
        try:
            msg = json.loads(body)
        except ValueError:
            continue
        if "id" in msg and "method" in msg:
            send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif "id" in msg:
            with lock:
                ev = pending.pop(msg["id"], None)
            if ev:
                ev.set()


def send_raw(data):
    try:
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        proc.stdin.flush()
    except (BrokenPipeError, OSError):
        pass


def send(obj):
    send_raw(json.dumps(obj).encode())


nid = [0]


def request(method, params, wait=True, timeout=20):
    nid[0] += 1
    i = nid[0]
    ev = threading.Event()
    with lock:
        pending[i] = ev
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    if wait:
        ev.wait(timeout)
    return i


def notify(method, params):
    send({"jsonrpc": "2.0", "method": method, "params": params})


threading.Thread(target=reader, daemon=True).start()

NAMES = ["alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma"]


def gen_source(n):
    lines = ["import os", "import json", "import collections", ""]
    for k in range(n):
        name = rnd.choice(NAMES) + str(k)
        kind = rnd.random()
        if kind < 0.4:
            lines += ["def %s(x, y=%d):" % (name, k),
                      '    """Compute %s."""' % name,
                      "    z = os.path.join(str(x), str(y))",
                      "    return json.dumps({'z': z})", "", ""]
        elif kind < 0.7:
            lines += ["class %s(object):" % name.capitalize(),
                      "    def method(self, a):",
                      "        return collections.Counter(a)", "", ""]
        elif kind < 0.85:
            # style problems and errors
            lines += ["def %s( a,b ):" % name, "  return undefined_name+a", "", ""]
        else:
            lines += ["%s = [1,2,3 ; 4]" % name, ""]
    lines.append("result = %s0" % "alpha")
    return "\n".join(lines) + "\n"


root = "file://" + workdir
init_opts = {
    "processId": os.getpid(), "rootUri": root, "rootPath": workdir,
    "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                      "completion": {"completionItem": {"snippetSupport": True}}},
                     "workspace": {"workspaceFolders": True, "didChangeConfiguration": {"dynamicRegistration": True}}},
    "workspaceFolders": [{"uri": root, "name": "ws"}],
}
if mode == "badinit":
    request("textDocument/hover", {"textDocument": {"uri": root + "/x.py"}, "position": {"line": 0, "character": 0}}, timeout=3)
request("initialize", init_opts)
notify("initialized", {})

plugins_cfg = {"pylsp": {"plugins": {
    "pycodestyle": {"enabled": rnd.random() < 0.7},
    "pyflakes": {"enabled": True},
    "mccabe": {"enabled": rnd.random() < 0.5, "threshold": 1},
    "pylint": {"enabled": rnd.random() < 0.3},
    "yapf": {"enabled": rnd.random() < 0.5},
    "autopep8": {"enabled": rnd.random() < 0.5},
    "rope_autoimport": {"enabled": False},
    "pydocstyle": {"enabled": rnd.random() < 0.4},
    "flake8": {"enabled": rnd.random() < 0.3},
}}}
notify("workspace/didChangeConfiguration", {"settings": plugins_cfg})

docs = {}
ndocs = rnd.randint(1, 4)
for d in range(ndocs):
    path = os.path.join(workdir, "mod_%d_%d.py" % (seed, d))
    text = gen_source(rnd.randint(2, 8))
    if rnd.random() < 0.6:
        with open(path, "w") as f:
            f.write(text)
    uri = "file://" + path
    docs[uri] = [text, 1]
    notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    time.sleep(0.3)

ops = ["completion", "hover", "definition", "references", "formatting", "rangeFormatting",
       "change", "save", "symbols", "signature", "highlight", "folding", "codeAction",
       "bad", "unknown", "closed", "rename", "config", "workspaceFolders", "cancel", "garbage",
       "executeCommand"]
weights = [10, 8, 6, 4, 2, 1, 8, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]
for step in range(rnd.randint(8, 25)):
    op = rnd.choices(ops, weights)[0]
    uri = rnd.choice(list(docs))
    text, ver = docs[uri]
    nl = text.count("\n")
    pos = {"line": rnd.randint(0, max(0, nl - 1)), "character": rnd.randint(0, 12)}
    td = {"uri": uri}
    if op == "completion":
        request("textDocument/completion", {"textDocument": td, "position": pos})
    elif op == "hover":
        request("textDocument/hover", {"textDocument": td, "position": pos})
    elif op == "definition":
        request("textDocument/definition", {"textDocument": td, "position": pos})
    elif op == "references":
        request("textDocument/references", {"textDocument": td, "position": pos, "context": {"includeDeclaration": True}})
    elif op == "formatting":
        request("textDocument/formatting", {"textDocument": td, "options": {"tabSize": 4, "insertSpaces": True}})
    elif op == "rangeFormatting":
        request("textDocument/rangeFormatting", {"textDocument": td, "range": {"start": {"line": 0, "character": 0}, "end": pos}, "options": {"tabSize": 4, "insertSpaces": True}})
    elif op == "change":
        ver += 1
        new = text + "\n" + gen_source(rnd.randint(1, 3))
        docs[uri] = [new, ver]
        if rnd.random() < 0.5:
            notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": ver}, "contentChanges": [{"text": new}]})
        else:
            notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": ver}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "import sys\n"}]})
            docs[uri] = ["import sys\n" + text, ver]
    elif op == "save":
        notify("textDocument/didSave", {"textDocument": td})
    elif op == "symbols":
        request("textDocument/documentSymbol", {"textDocument": td})
    elif op == "signature":
        request("textDocument/signatureHelp", {"textDocument": td, "position": pos})
    elif op == "highlight":
        request("textDocument/documentHighlight", {"textDocument": td, "position": pos})
    elif op == "folding":
        request("textDocument/foldingRange", {"textDocument": td})
    elif op == "codeAction":
        request("textDocument/codeAction", {"textDocument": td, "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}})
    elif op == "bad":
        request("textDocument/hover", {"textDocument": {"uri": uri}}, timeout=5)
    elif op == "unknown":
        request("textDocument/noSuchMethod%d" % rnd.randint(1, 9), {"textDocument": td}, timeout=5)
    elif op == "closed":
        request("textDocument/hover", {"textDocument": {"uri": "file:///tmp/round43-r43d/nothere%d.py" % rnd.randint(1, 99)}, "position": pos}, timeout=5)
    elif op == "rename":
        request("textDocument/rename", {"textDocument": td, "position": pos, "newName": "renamed%d" % step}, timeout=20)
    elif op == "config":
        plugins_cfg["pylsp"]["plugins"]["pycodestyle"]["enabled"] = rnd.random() < 0.5
        notify("workspace/didChangeConfiguration", {"settings": plugins_cfg})
    elif op == "workspaceFolders":
        extra = "file://" + workdir + "/sub%d" % rnd.randint(1, 3)
        notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [{"uri": extra, "name": "x"}], "removed": []}})
    elif op == "cancel":
        i = request("textDocument/completion", {"textDocument": td, "position": pos}, wait=False)
        notify("$/cancelRequest", {"id": i})
        time.sleep(0.5)
    elif op == "garbage":
        send_raw(b'{"jsonrpc": "2.0", "id": 9' + str(rnd.randint(0, 9)).encode() + b', "method": ')
        time.sleep(0.3)
    elif op == "executeCommand":
        request("workspace/executeCommand", {"command": "pylsp.nothing%d" % rnd.randint(1, 5), "arguments": []}, timeout=5)
    time.sleep(rnd.uniform(0.05, 0.4))

for uri in list(docs):
    if rnd.random() < 0.7:
        notify("textDocument/didClose", {"textDocument": {"uri": uri}})
if mode == "kill":
    proc.kill()
elif mode == "eof":
    proc.stdin.close()
else:
    request("shutdown", None, timeout=10)
    notify("exit", None)
try:
    proc.wait(15)
except subprocess.TimeoutExpired:
    proc.kill()
    proc.wait()
