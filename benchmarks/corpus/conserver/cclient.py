#!/usr/bin/env python3
"""Drive the `console` client through a pty.
usage: cclient.py USER PASSWORD [console-args...] -- [ACTION ...]
ACTION: 'send:TEXT' (\\n, \\x05 escapes allowed), 'sleep:SEC', 'esc:X' (^Ec then X), 'quit' (^Ec.)"""
import os, pty, sys, time, select, signal

def main():
    user, pw = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    if "--" in rest:
        i = rest.index("--"); cargs, actions = rest[:i], rest[i+1:]
    else:
        cargs, actions = rest, []
    argv = ["console", "-n", "-E", "-M", "127.0.0.1", "-p", "45300", "-l", user] + cargs
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    out = b""
    def pump(t):
        nonlocal out
        end = time.time() + t
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
            if not r: break
            try:
                d = os.read(fd, 4096)
            except OSError:
                return False
            if not d: return False
            out += d
        return True
    # password prompt (if any)
    end = time.time() + 4
    while time.time() < end and b"assword" not in out:
        if not pump(0.2): break
    if b"assword" in out:
        os.write(fd, pw.encode() + b"\r")
    pump(0.8)
    for a in actions:
        if a.startswith("send:"):
            os.write(fd, a[5:].encode().decode("unicode_escape").encode("latin-1"))
            pump(0.4)
        elif a.startswith("sleep:"):
            pump(float(a[6:]))
        elif a.startswith("esc:"):
            os.write(fd, b"\x05c" + a[4:].encode().decode("unicode_escape").encode("latin-1"))
            pump(0.6)
        elif a == "quit":
            os.write(fd, b"\x05c.")
            pump(0.8)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    sys.stdout.write(out.decode("latin-1", "replace")[-600:] + "\n")

main()
