#!/usr/bin/env python3
"""Clients for twemproxy pools: redis (RESP) and memcache (text), good and bad."""
import random, socket, sys, time

def resp(*args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out

def talk(port, data, wait=0.3, close_early=False):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.sendall(data)
        if close_early:
            s.close(); return b""
        s.settimeout(wait)
        got = b""
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                got += d
        except socket.timeout:
            pass
        s.close()
        return got
    except OSError as e:
        return str(e).encode()

def key():
    return "user:%d" % random.randint(1, 500)

def redis_good(port, n):
    cmds = []
    for _ in range(n):
        k = key()
        c = random.choice(["set", "get", "incr", "del", "mget", "hset", "lpush", "exists", "expire", "ttl", "ping"])
        if c == "set": cmds.append(resp("SET", k, "v%d" % random.randint(0, 9999)))
        elif c == "get": cmds.append(resp("GET", k))
        elif c == "incr": cmds.append(resp("INCR", "cnt:%d" % random.randint(1, 20)))
        elif c == "del": cmds.append(resp("DEL", k))
        elif c == "mget": cmds.append(resp("MGET", k, key(), key()))
        elif c == "hset": cmds.append(resp("HSET", "h:" + k, "f", "1"))
        elif c == "lpush": cmds.append(resp("LPUSH", "l:" + k, "x"))
        elif c == "exists": cmds.append(resp("EXISTS", k))
        elif c == "expire": cmds.append(resp("EXPIRE", k, 60))
        elif c == "ttl": cmds.append(resp("TTL", k))
        else: cmds.append(resp("PING"))
    talk(port, b"".join(cmds))

UNSUPPORTED = ["KEYS", "FLUSHALL", "FLUSHDB", "SUBSCRIBE", "MULTI", "EXEC", "CLIENT", "CONFIG",
               "MONITOR", "SHUTDOWN", "WAIT", "SCAN", "RANDOMKEY", "DBSIZE", "BGSAVE", "SWAPDB", "MOVE"]

def redis_unsupported(port, n):
    for _ in range(n):
        talk(port, resp(random.choice(UNSUPPORTED), "*"), wait=0.1)

def redis_inline(port):
    talk(port, random.choice([b"PING\r\n", b"GET foo\r\n", b"hello world\r\n"]), wait=0.1)

def redis_longkey(port):
    talk(port, b"*2\r\n$3\r\nGET\r\n$%d\r\n" % random.randint(17000, 90000), wait=0.1)

def garbage(port):
    junk = bytes(random.getrandbits(8) for _ in range(random.randint(5, 200)))
    talk(port, random.choice([junk, b"*x\r\n", b"$$$\r\n", b"*2\r\n$3\r\nGETX\r\n", b"\x16\x03\x01\x00\xa5\x01\x00"]), wait=0.1)

def incomplete(port, proto):
    if proto == "redis":
        data = random.choice([b"*3\r\n$3\r\nSET\r\n$4\r\nab", b"*2\r\n$3\r\nGET\r\n", b"*1\r\n$4\r\nPI"])
    else:
        data = random.choice([b"set k 0 0 10\r\nabc", b"get k", b"incr cnt"])
    talk(port, data, close_early=True)
    time.sleep(0.02)

def mc_good(port, n):
    out = b""
    for _ in range(n):
        k = key().replace(":", "_")
        c = random.choice(["set", "get", "gets", "delete", "incr", "add", "append", "touch", "get2"])
        v = b"val%d" % random.randint(0, 9999)
        if c == "set": out += b"set %s 0 0 %d\r\n%s\r\n" % (k.encode(), len(v), v)
        elif c == "add": out += b"add %s 0 60 %d\r\n%s\r\n" % (k.encode(), len(v), v)
        elif c == "append": out += b"append %s 0 0 %d\r\n%s\r\n" % (k.encode(), len(v), v)
        elif c == "get": out += b"get %s\r\n" % k.encode()
        elif c == "get2": out += b"get %s %s\r\n" % (k.encode(), key().replace(":", "_").encode())
        elif c == "gets": out += b"gets %s\r\n" % k.encode()
        elif c == "delete": out += b"delete %s\r\n" % k.encode()
        elif c == "touch": out += b"touch %s 30\r\n" % k.encode()
        else: out += b"incr ctr_%d 1\r\n" % random.randint(1, 9)
    talk(port, out)

def mc_bad(port):
    r = random.random()
    if r < 0.5:
        talk(port, b"get %s\r\n" % (b"k" * random.randint(251, 600)), wait=0.1)
    elif r < 0.8:
        talk(port, random.choice([b"get \r\n", b"delete \r\n", b"set  0 0 1\r\nx\r\n"]), wait=0.1)
    else:
        talk(port, random.choice([b"stats\r\n", b"flush_all\r\n", b"version\r\n", b"bogus cmd\r\n"]), wait=0.1)

def stats(port):
    talk(port, b"", wait=0.3)

if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    if mode == "rgood": redis_good(port, n)
    elif mode == "runsup": redis_unsupported(port, n)
    elif mode == "rinline": redis_inline(port)
    elif mode == "rlong": redis_longkey(port)
    elif mode == "garbage": garbage(port)
    elif mode == "rinc": incomplete(port, "redis")
    elif mode == "minc": incomplete(port, "mc")
    elif mode == "mgood": mc_good(port, n)
    elif mode == "mbad": mc_bad(port)
    elif mode == "stats": stats(port)
