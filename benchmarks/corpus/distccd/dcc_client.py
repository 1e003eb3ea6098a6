#!/usr/bin/python3
"""Raw distcc protocol client used by workload.sh to drive distccd.

usage: dcc_client.py ACTION PORT [SRCADDR]
Speaks protocol 1 (plain) and 3 (server-side cpp, lzo) and sends the
malformed requests the workload needs.  Only talks to 127.0.0.0/8.
"""
import os
import random
import socket
import subprocess
import sys
import time

import lzo

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "run", "src")

GOOD_C = """#include <stdio.h>
#include "util.h"
static int square(int x) { return x * x; }
int main(void) { printf("%%d %%d\\n", square(%d), UTIL_VALUE); return 0; }
"""
WARN_C = """int f(int a) { int unused_%d; if (a = %d) return 1; }
"""
BAD_C = """int main(void) { return undefined_symbol_%d + ; }
"""
HEAVY_C_FN = "int f%d(int x){int s=0;for(int i=0;i<x;i++){s+=i*%d^(s>>3);s=(s<<1)|(s>>30);}return s;}\n"


def tok(name, val):
    return ("%s%08x" % (name, val)).encode()


def tokstr(name, s):
    if isinstance(s, str):
        s = s.encode()
    return tok(name, len(s)) + s


def argv_tokens(argv):
    out = tok("ARGC", len(argv))
    for a in argv:
        out += tokstr("ARGV", a)
    return out


def connect(port, src=None, timeout=30):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    if src:
        s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    return s


def drain(s):
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError, OSError):
        pass
    return data


def preprocess(path):
    return subprocess.run(["gcc", "-E", path], capture_output=True,
                          cwd=os.path.dirname(path)).stdout


def write_sources():
    os.makedirs(WORK, exist_ok=True)
    n = random.randint(1, 999)
    with open(os.path.join(WORK, "util.h"), "w") as f:
        f.write("#define UTIL_VALUE %d\n" % n)
    good = os.path.join(WORK, "good%d.c" % random.randint(1, 5))
    with open(good, "w") as f:
        f.write(GOOD_C % n)
    warn = os.path.join(WORK, "warn.c")
    with open(warn, "w") as f:
        f.write(WARN_C % (n, n))
    bad = os.path.join(WORK, "bad.c")
    with open(bad, "w") as f:
        f.write(BAD_C % n)
    return good, warn, bad


def heavy_source(nfuncs):
    path = os.path.join(WORK, "heavy.c")
    with open(path, "w") as f:
        for i in range(nfuncs):
            f.write(HEAVY_C_FN % (i, i + 7))
    return path


def compiler():
    return random.choice(["gcc", "cc", "x86_64-linux-gnu-gcc", "gcc-12"])


def flags():
    pool = ["-O2", "-O0", "-g", "-Wall", "-DNDEBUG", "-DLEVEL=3", "-fPIC", "-std=c99", "-Os"]
    return random.sample(pool, random.randint(0, 3))


def proto1(port, src, path, cc=None, extra=None, argv=None, close_early=False):
    base = os.path.basename(path)
    obj = base[:-2] + ".o"
    if argv is None:
        argv = [cc or compiler()] + (extra if extra is not None else flags()) + ["-c", base, "-o", obj]
    body = preprocess(path)
    s = connect(port, src)
    s.sendall(tok("DIST", 1) + argv_tokens(argv) + tok("DOTI", len(body)) + body)
    if close_early:
        time.sleep(random.uniform(0.3, 1.2))
        s.close()
        return b""
    data = drain(s)
    s.close()
    return data


def proto3(port, src, path, cc=None, bad_token=False, add_link=False):
    base = os.path.basename(path)
    obj = base[:-2] + ".o"
    argv = [cc or compiler()] + flags() + ["-I" + WORK, "-c", base, "-o", obj]
    files = [path, os.path.join(WORK, "util.h")]
    req = tok("DIST", 3) + tokstr("CDIR", WORK) + argv_tokens(argv)
    entries = []
    for p in files:
        with open(p, "rb") as f:
            raw = f.read()
        comp = lzo.compress(raw, 1, False)
        entries.append(tokstr("NAME", p) + tok("FILE", len(comp)) + comp)
    if add_link:
        entries.append(tokstr("NAME", os.path.join(WORK, "util_link.h")) +
                       tokstr("LINK", "util.h"))
    if bad_token:
        entries.insert(1, tokstr("NAME", os.path.join(WORK, "weird.h")) + tok("JUNK", 4) + b"abcd")
    req += tok("NFIL", len(entries)) + b"".join(entries)
    s = connect(port, src)
    s.sendall(req)
    data = drain(s)
    s.close()
    return data


def raw(port, src, payload, wait=0.5):
    s = connect(port, src)
    try:
        s.sendall(payload)
        time.sleep(wait)
        s.shutdown(socket.SHUT_WR)
        drain(s)
    except OSError:
        pass
    s.close()


def main():
    action = sys.argv[1]
    port = int(sys.argv[2])
    src = sys.argv[3] if len(sys.argv) > 3 else None
    random.seed()
    good, warn, bad = write_sources()
    if action == "ok1":
        proto1(port, src, good)
    elif action == "ok3":
        proto3(port, src, good, add_link=random.random() < 0.5)
    elif action == "warn":
        proto1(port, src, warn, extra=["-Wall", "-Wextra"])
    elif action == "fail":
        proto1(port, src, bad)
    elif action == "fail3":
        proto3(port, src, bad)
    elif action == "bad3token":
        proto3(port, src, good, bad_token=True)
    elif action == "notwhite":
        proto1(port, src, good, cc=random.choice(["clang-99", "evilcc", "tcc", "icc"]))
    elif action == "abspath":
        proto1(port, src, good, cc=random.choice(["/opt/cross/bin/gcc", "/home/user/bin/cc", "./gcc"]))
    elif action == "plugin":
        proto1(port, src, good, extra=[random.choice(["-fplugin=./evil.so", "-specs=evil.specs"])])
    elif action == "nocompile":
        base = os.path.basename(good)
        variants = [
            ["gcc", base, "-o", "a.out"],
            ["gcc", "-E", base],
            ["gcc", "-c", base, "other.c", "-o", "x.o"],
            ["gcc", "-c", base],
            ["gcc", "-S", base, "-o", "-"],
            ["gcc", "-c", base, "-fprofile-arcs", "-o", "x.o"],
            ["gcc", "-c", "-x", "assembler", base, "-o", "x.o"],
            ["gcc", "-c", base, "-frepo", "-o", "x.o"],
            ["gcc", "-c", "-M", base, "-o", "x.o"],
            ["gcc", "-c", "-mtune=native", base, "-o", "x.o"],
            ["gcc", "-c", "-flto", base, "-o", "x.o"],
            ["gcc", "-c", "-drtl", base, "-o", "x.o"],
            ["gcc", "-c", base, "-o", "x.o", "y.o"],
            ["gcc", "-c", "-o", "x.o"],
            ["gcc", "-c", "-march=native", base, "-o", "x.o"],
        ]
        proto1(port, src, good, argv=random.choice(variants))
    elif action == "disconnect":
        proto1(port, src, heavy_source(random.randint(2500, 4000)), cc="gcc",
               extra=["-O2"], close_early=True)
    elif action == "timeout":
        proto1(port, src, heavy_source(random.randint(9000, 12000)), cc="gcc", extra=["-O2"])
    elif action == "badmagic":
        raw(port, src, random.choice([b"HELO00000001", b"GET / HTTP/1.0\r\n\r\n", b"dist00000001ARGC"]))
    elif action == "badversion":
        raw(port, src, tok("DIST", random.choice([4, 7, 42, 255])))
    elif action == "badhex":
        raw(port, src, b"DIST0000zz01ARGC00000002")
    elif action == "truncated":
        argv = ["gcc", "-c", "t.c", "-o", "t.o"]
        payload = tok("DIST", 1) + argv_tokens(argv)
        cut = random.randint(12, len(payload) - 1)
        raw(port, src, payload[:cut])
    elif action == "badargv":
        payload = tok("DIST", 1) + tok("ARGC", 3) + tokstr("ARGV", "gcc") + tokstr("ARGX", "-c")
        raw(port, src, payload)
    elif action == "shortdoti":
        base = os.path.basename(good)
        payload = tok("DIST", 1) + argv_tokens(["gcc", "-c", base, "-o", "g.o"]) + tok("DOTI", 5000) + b"int x;\n"
        raw(port, src, payload)
    elif action == "garbage":
        raw(port, src, bytes(random.getrandbits(8) for _ in range(random.randint(12, 200))))
    elif action == "idle":
        raw(port, src, b"", wait=random.uniform(0.2, 1.0))
    elif action == "refused":
        raw(port, src or "127.0.0.%d" % random.randint(2, 250), tok("DIST", 1))
    else:
        sys.exit("unknown action " + action)


if __name__ == "__main__":
    try:
        main()
    except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError, socket.timeout) as e:
        print("client:", e, file=sys.stderr)
