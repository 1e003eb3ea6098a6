#!/usr/bin/env python3
"""Minimal randomised LSP client driving clangd over stdio (no logging of its own)."""
import json, os, random, subprocess, sys, threading, time

proj, log, seed, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
extra = sys.argv[5:]
rng = random.Random(seed)
errf = open(log, "ab")
if not any(a.startswith("--compile-commands-dir") for a in extra):
    extra = [f"--compile-commands-dir={proj}"] + extra
p = subprocess.Popen(["clangd", "--log=verbose", "--pretty=false"] + extra,
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errf, cwd=proj)
lock = threading.Lock()
pending = {}
nid = [0]

def reader():
    f = p.stdout
    while True:
        hdr = {}
        while True:
            line = f.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            k, _, v = line.decode().partition(":")
            hdr[k.lower()] = v.strip()
        body = f.read(int(hdr.get("content-length", 0)))
        try:
            msg = json.loads(body)
        except ValueError:
            continue
        if "id" in msg and "method" in msg:  # server request: answer it
            send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif "id" in msg:
            ev = pending.pop(msg["id"], None)
            if ev:
                ev.set()

threading.Thread(target=reader, daemon=True).start()

def raw(data: bytes):
    with lock:
        p.stdin.write(data)
        p.stdin.flush()

def send(msg):
    b = json.dumps(msg).encode()
    raw(b"Content-Length: %d\r\n\r\n" % len(b) + b)

def request(method, params, wait=True, timeout=10):
    nid[0] += 1
    ev = threading.Event()
    pending[nid[0]] = ev
    send({"jsonrpc": "2.0", "id": nid[0], "method": method, "params": params})
    if wait:
        ev.wait(timeout)
    return nid[0]

def notify(method, params):
    send({"jsonrpc": "2.0", "method": method, "params": params})

def uri(rel):
    return "file://" + os.path.join(proj, rel)

files = {"src/main.c": "c", "src/util.c": "c", "src/shapes.cpp": "cpp", "include/util.h": "c", "src/extra.c": "c"}
texts = {f: open(os.path.join(proj, f)).read() for f in files}
versions = {f: 0 for f in files}
opened = set()

request("initialize", {"processId": os.getpid(), "rootUri": "file://" + proj,
                       "capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                                          "publishDiagnostics": {"relatedInformation": True}},
                                        "workspace": {"configuration": True, "didChangeWatchedFiles": {"dynamicRegistration": True}}},
                       "initializationOptions": {"clangdFileStatus": True}})
notify("initialized", {})

def pos(f):
    lines = texts[f].split("\n")
    l = rng.randrange(len(lines))
    return {"line": l, "character": rng.randrange(len(lines[l]) + 1)}

def op():
    f = rng.choice(list(files))
    td = {"uri": uri(f)}
    k = rng.random()
    if f not in opened and k < 0.7:
        versions[f] += 1
        notify("textDocument/didOpen", {"textDocument": {"uri": uri(f), "languageId": files[f], "version": versions[f], "text": texts[f]}})
        opened.add(f)
        return
    if k < 0.15:
        request("textDocument/hover", {"textDocument": td, "position": pos(f)})
    elif k < 0.25:
        request("textDocument/completion", {"textDocument": td, "position": pos(f)})
    elif k < 0.31:
        request("textDocument/definition", {"textDocument": td, "position": pos(f)})
    elif k < 0.35:
        request("textDocument/references", {"textDocument": td, "position": pos(f), "context": {"includeDeclaration": True}})
    elif k < 0.40:
        request("textDocument/documentSymbol", {"textDocument": td})
    elif k < 0.43:
        request("textDocument/formatting", {"textDocument": td, "options": {"tabSize": 2, "insertSpaces": True}})
    elif k < 0.46:
        request("textDocument/rename", {"textDocument": td, "position": pos(f), "newName": rng.choice(["renamed", "x y", "int"])})
    elif k < 0.49:
        request("textDocument/semanticTokens/full", {"textDocument": td})
    elif k < 0.52:
        request("textDocument/documentHighlight", {"textDocument": td, "position": pos(f)})
    elif k < 0.55:
        request("workspace/symbol", {"query": rng.choice(["add", "Rect", "point", "zz", ""])})
    elif k < 0.58:
        request("textDocument/signatureHelp", {"textDocument": td, "position": pos(f)})
    elif k < 0.60:
        request("textDocument/foldingRange", {"textDocument": td})
    elif k < 0.62:
        request("textDocument/codeAction", {"textDocument": td, "range": {"start": pos(f), "end": pos(f)}, "context": {"diagnostics": []}})
    elif k < 0.64:
        request("textDocument/switchSourceHeader", td)
    elif k < 0.66:
        request("textDocument/inlayHints", {"textDocument": td, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 50, "character": 0}}})
    elif k < 0.78:  # edit, sometimes breaking the code
        versions[f] += 1
        t = texts[f]
        if rng.random() < 0.5:
            t = t + rng.choice(["\nint broken(", "\nundefined_fn();\n", "\nstatic int unused_%d;\n" % rng.randrange(100), "\n#include \"missing.h\"\n", "\n"])
        notify("textDocument/didChange", {"textDocument": {"uri": uri(f), "version": versions[f]}, "contentChanges": [{"text": t}]})
    elif k < 0.82:
        if f in opened:
            notify("textDocument/didClose", {"textDocument": td})
            opened.discard(f)
    elif k < 0.84:
        request("textDocument/hover", {"textDocument": {"uri": uri("src/nosuch.c")}, "position": {"line": 0, "character": 0}})
    elif k < 0.86:
        request("textDocument/madeUpMethod", {"textDocument": td})
    elif k < 0.88:
        request("textDocument/hover", {"textDocument": td, "position": {"line": 9999, "character": 3}})
    elif k < 0.89:
        raw(b"Content-Length: 12\r\n\r\n{not json!!}")
    elif k < 0.90:
        i = request("textDocument/completion", {"textDocument": td, "position": pos(f)}, wait=False)
        notify("$/cancelRequest", {"id": i})
    elif k < 0.92:
        notify("workspace/didChangeConfiguration", {"settings": {"compilationDatabaseChanges": {}}})
    elif k < 0.94:
        notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri("compile_commands.json"), "type": 2}]})
    elif k < 0.96:
        request("workspace/executeCommand", {"command": rng.choice(["clangd.applyTweak", "bogus.command"]), "arguments": []})
    else:
        request("textDocument/prepareRename", {"textDocument": td, "position": pos(f)})

for _ in range(rounds):
    op()
    time.sleep(rng.choice([0, 0.01, 0.05, 0.2]))
time.sleep(1)
if os.environ.get("ABRUPT") == "1":
    p.stdin.close()
else:
    request("shutdown", None)
    notify("exit", None)
try:
    p.wait(15)
except subprocess.TimeoutExpired:
    p.kill(); p.wait()
