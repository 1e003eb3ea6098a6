#!/bin/bash
# Round-5 corpus workload: memcached 1.6 (Debian 12 package) in the foreground with -vv on
# 127.0.0.1:15832 (TCP only), stderr captured unchanged to $OUT/memcached.log; DURATION seconds
# of randomised short raw-socket clients (text protocol, some meta and binary protocol commands).
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-100}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"; rm -f "$OUT/memcached.log"
PORT=15832
memcached -u memcache -l 127.0.0.1 -p $PORT -U 0 -vv -m 16 -I 1m -c 256 2> "$OUT/memcached.log" > /dev/null & MC=$!
sleep 1
python3 - "$PORT" "$DURATION" <<'PY'
import random, socket, struct, sys, time
port, duration = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + duration
prefixes = ["user", "session", "cart", "page", "cfg", "rate", "tok", "img"]
def key():
    return "%s:%d" % (random.choice(prefixes), random.randint(1, 12))
def val(n=None):
    n = n if n is not None else random.randint(1, 40)
    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))
def store(verb, k=None, data=None, exp=None):
    k = k or key(); data = data if data is not None else val()
    exp = exp if exp is not None else random.choice([0, 0, 30, 300, 3600])
    return f"{verb} {k} {random.randint(0, 65535)} {exp} {len(data)}\r\n{data}\r\n".encode()
def text_cmd():
    r = random.random()
    k = key()
    choices = [
        (0.14, lambda: store("set")),
        (0.16, lambda: f"get {' '.join(key() for _ in range(random.randint(1, 4)))}\r\n".encode()),
        (0.04, lambda: f"gets {k}\r\n".encode()),
        (0.05, lambda: store("add")),
        (0.04, lambda: store("replace")),
        (0.04, lambda: store("append")),
        (0.03, lambda: store("prepend")),
        (0.04, lambda: store("set", k, str(random.randint(0, 999))) + f"incr {k} {random.randint(1, 50)}\r\n".encode()),
        (0.04, lambda: f"incr {k} {random.randint(1, 9)}\r\n".encode()),
        (0.04, lambda: f"decr {k} {random.randint(1, 9)}\r\n".encode()),
        (0.05, lambda: f"delete {k}\r\n".encode()),
        (0.03, lambda: f"touch {k} {random.randint(10, 900)}\r\n".encode()),
        (0.03, lambda: f"gat {random.randint(10, 900)} {k}\r\n".encode()),
        (0.02, lambda: f"gats {random.randint(10, 900)} {k}\r\n".encode()),
        (0.04, lambda: f"cas {k} 0 0 1 {random.randint(1, 500)}\r\nx\r\n".encode()),
        (0.02, lambda: random.choice([b"stats\r\n", b"stats slabs\r\n", b"stats items\r\n", b"stats settings\r\n"])),
        (0.02, lambda: b"version\r\n"),
        (0.01, lambda: random.choice([b"verbosity 2\r\n", b"verbosity\r\n"])),
        (0.01, lambda: random.choice([b"flush_all\r\n", b"flush_all %d\r\n" % random.randint(60, 600)])),
        (0.04, lambda: random.choice([b"bogus\r\n", b"PUT foo\r\n", b"hello world\r\n", b"incr\r\n", b"set x 0 0 abc\r\n",
                                      b"shutdown\r\n", b"get " + b"k" * 260 + b"\r\n", b"delete\r\n", b"cas k 0 0\r\n"])),
        (0.03, lambda: f"set {k} 0 0 3\r\n{val(4)}\r\n".encode()),
        (0.02, lambda: f"mg {k} v t f\r\n".encode()),
        (0.02, lambda: f"ms {k} 2\r\nhi\r\n".encode()),
        (0.01, lambda: f"md {k}\r\n".encode()),
        (0.01, lambda: f"ma {k}\r\n".encode()),
        (0.01, lambda: b"mn\r\n"),
        (0.01, lambda: f"me {k}\r\n".encode()),
    ]
    acc = 0
    for p, f in choices:
        acc += p
        if r < acc:
            return f()
    return store("set")
def send(cmds, wait=0.03):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        for c in cmds:
            s.sendall(c); time.sleep(wait)
            try:
                s.settimeout(0.05); s.recv(1 << 20)
            except OSError:
                pass
        if random.random() < 0.3:
            s.sendall(b"quit\r\n"); time.sleep(0.02)
        s.close()
    except OSError:
        pass
def binary(op, k=b"", v=b"", extras=b""):
    return struct.pack(">BBHBBHIIQ", 0x80, op, len(k), len(extras), 0, 0, len(extras) + len(k) + len(v),
                       random.randint(0, 1 << 30), 0) + extras + k + v
while time.time() < end:
    r = random.random()
    if r < 0.03:
        k = key().encode()
        op = random.choice(["set", "get", "delete", "noop", "version"])
        if op == "set":
            pkt = binary(0x01, k, val().encode(), struct.pack(">II", 0, 0))
        elif op == "get":
            pkt = binary(0x00, k)
        elif op == "delete":
            pkt = binary(0x04, k)
        elif op == "noop":
            pkt = binary(0x0a)
        else:
            pkt = binary(0x0b)
        send([pkt])
    elif r < 0.05:
        send([f"set {key()} 0 0 2000000\r\n".encode() + b"a" * 2000000 + b"\r\n"], wait=0.2)
    elif r < 0.07:
        send([store("set", "blob:%d" % random.randint(1, 5), val(random.randint(2000, 200000)))])
    elif r < 0.09:
        send([])  # connect and leave
    else:
        send([text_cmd() for _ in range(random.randint(1, 5))])
    time.sleep(random.uniform(0.3, 1.0))
PY
sleep 1; kill $MC; wait $MC 2>/dev/null
