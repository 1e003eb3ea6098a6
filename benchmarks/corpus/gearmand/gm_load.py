#!/usr/bin/env python3
"""Randomised Gearman workload (raw binary and text protocol, plus the HTTP protocol module).

Used by workload.sh: python3 gm_load.py MAX_SECONDS [SEED [CARDS]] (one phase: a shuffled deck of
actions, the first CARDS of them)
Workers register functions (some with CAN_DO_TIMEOUT), grab jobs and complete, fail, raise,
send status/data/warnings, hang past their timeout or drop the connection mid-job; clients submit
foreground, background, prioritised, scheduled (epoch) and coalesced jobs, jobs for unknown
functions, poll job status, send garbage, admin text commands and HTTP requests.
"""
import os
import random
import socket
import struct
import sys
import threading
import time

HOST = "127.0.0.1"
PORT = int(os.environ.get("GM_PORT", "19730"))
HTTP_PORT = int(os.environ.get("GM_HTTP_PORT", "19731"))
REQ = b"\0REQ"

CAN_DO, CANT_DO, RESET_ABILITIES, PRE_SLEEP, NOOP = 1, 2, 3, 4, 6
SUBMIT_JOB, JOB_CREATED, GRAB_JOB, NO_JOB, JOB_ASSIGN = 7, 8, 9, 10, 11
WORK_STATUS, WORK_COMPLETE, WORK_FAIL, GET_STATUS, ECHO_REQ = 12, 13, 14, 15, 16
SUBMIT_JOB_BG, ERROR, STATUS_RES, SUBMIT_JOB_HIGH, SET_CLIENT_ID = 18, 19, 20, 21, 22
CAN_DO_TIMEOUT, WORK_EXCEPTION, OPTION_REQ, WORK_DATA, WORK_WARNING = 23, 25, 26, 28, 29
GRAB_JOB_UNIQ, JOB_ASSIGN_UNIQ, SUBMIT_JOB_HIGH_BG, SUBMIT_JOB_LOW = 30, 31, 32, 33
SUBMIT_JOB_LOW_BG, SUBMIT_JOB_EPOCH, GRAB_JOB_ALL, JOB_ASSIGN_ALL = 34, 36, 39, 40
GET_STATUS_UNIQUE = 41

FUNCS = ["reverse", "upper", "wc", "fail", "explode", "warn", "crash", "slow", "resize"]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
lock = threading.Lock()


def R(n):
    with lock:
        return rng.randrange(n)


def pick(seq):
    with lock:
        return rng.choice(seq)


def packet(cmd, *args):
    data = b"\0".join(a if isinstance(a, bytes) else str(a).encode() for a in args)
    return REQ + struct.pack(">II", cmd, len(data)) + data


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    return buf


def read_packet(sock):
    head = recv_exact(sock, 12)
    _magic, cmd, size = struct.unpack(">4sII", head)
    data = recv_exact(sock, size) if size else b""
    return cmd, data


def connect(timeout=5.0):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    return s


def payload():
    n = pick([1, 2, 3, 5, 8, 20, 60, 300])
    return " ".join(pick(WORDS) for _ in range(n)).encode()


# ---------------------------------------------------------------------------------------------
class Worker(threading.Thread):
    def __init__(self, stop, lifetime):
        super().__init__(daemon=True)
        self.stop, self.deadline = stop, time.time() + lifetime
        self.name_id = "w-%s-%d" % (pick(["img", "mail", "etl", "batch"]), R(1000))
        self.grab = pick([GRAB_JOB, GRAB_JOB, GRAB_JOB_UNIQ, GRAB_JOB_ALL])

    def run(self):
        try:
            self.work()
        except (OSError, ConnectionError):
            pass

    def work(self):
        s = connect(timeout=4.0)
        self.s = s
        if R(3):
            s.sendall(packet(SET_CLIENT_ID, self.name_id))
        with lock:
            funcs = rng.sample([f for f in FUNCS if f != "slow"], 5 + rng.randrange(3))
        for f in funcs:
            s.sendall(packet(CAN_DO, f))
        if R(2):
            s.sendall(packet(CAN_DO_TIMEOUT, "slow", 2))
        if R(5) == 0:
            s.sendall(packet(CAN_DO, "legacy_%d" % R(5)))
            s.sendall(packet(CANT_DO, "legacy_%d" % R(5)))
        while not self.stop.is_set() and time.time() < self.deadline:
            s.sendall(packet(self.grab))
            cmd, data = self.read()
            if cmd == NO_JOB:
                s.sendall(packet(PRE_SLEEP))
                s.settimeout(max(1.0, self.deadline - time.time()))
                try:
                    while True:
                        cmd, data = read_packet(s)
                        if cmd == NOOP:
                            break
                except socket.timeout:
                    pass
                s.settimeout(4.0)
                continue
            if cmd in (JOB_ASSIGN, JOB_ASSIGN_UNIQ, JOB_ASSIGN_ALL):
                args = data.split(b"\0")
                handle, func, body = args[0], args[1].decode(), args[-1]
                if not self.handle(handle, func, body):
                    s.close()  # dropped mid-job
                    return
        if R(4) == 0:
            s.sendall(packet(RESET_ABILITIES))
            time.sleep(0.1)
        s.close()

    def read(self):
        while True:
            try:
                return read_packet(self.s)
            except socket.timeout:
                if self.stop.is_set():
                    raise ConnectionError("stop")

    def handle(self, handle, func, body):
        s = self.s
        if func == "reverse":
            s.sendall(packet(WORK_COMPLETE, handle, body[::-1]))
        elif func == "upper":
            s.sendall(packet(WORK_DATA, handle, body[:10].upper()))
            s.sendall(packet(WORK_COMPLETE, handle, body.upper()))
        elif func == "wc":
            total = 2 + R(4)
            for i in range(1, total + 1):
                s.sendall(packet(WORK_STATUS, handle, i, total))
                time.sleep(0.1)
            s.sendall(packet(WORK_COMPLETE, handle, str(len(body.split()))))
        elif func == "fail":
            s.sendall(packet(WORK_FAIL, handle))
        elif func == "explode":
            s.sendall(packet(WORK_EXCEPTION, handle, "ValueError: bad input %d" % R(100)))
        elif func == "warn":
            s.sendall(packet(WORK_WARNING, handle, "low disk %d%%" % R(100)))
            s.sendall(packet(WORK_COMPLETE, handle, b"done"))
        elif func == "crash":
            if R(2):
                return False
            s.sendall(packet(WORK_COMPLETE, handle, b"survived"))
        elif func == "slow":
            time.sleep(2.5 + R(20) / 10)
            s.sendall(packet(WORK_COMPLETE, handle, b"late"))
        else:
            time.sleep(R(10) / 10)
            s.sendall(packet(WORK_COMPLETE, handle, str(len(body))))
        return True


# ---------------------------------------------------------------------------------------------
def uniq():
    return "%s-%d" % (pick(["u", "order", "img", "rep"]), R(100000))


def fg_job(func=None, prio=None, wait=6.0, unique=None, exceptions=False):
    func = func or pick(FUNCS)
    s = connect(timeout=wait)
    try:
        if exceptions:
            s.sendall(packet(OPTION_REQ, "exceptions"))
            read_packet(s)
        cmd = prio or pick([SUBMIT_JOB, SUBMIT_JOB, SUBMIT_JOB_HIGH, SUBMIT_JOB_LOW])
        s.sendall(packet(cmd, func, unique if unique is not None else uniq(), payload()))
        end = time.time() + wait
        while time.time() < end:
            c, _ = read_packet(s)
            if c in (WORK_COMPLETE, WORK_FAIL, ERROR) or (c == WORK_EXCEPTION and exceptions and R(2)):
                break
    except (OSError, ConnectionError):
        pass
    s.close()


def bg_job(func=None, status=True):
    func = func or pick(FUNCS)
    s = connect()
    try:
        u = uniq()
        s.sendall(packet(pick([SUBMIT_JOB_BG, SUBMIT_JOB_HIGH_BG, SUBMIT_JOB_LOW_BG]), func, u, payload()))
        c, data = read_packet(s)
        if status and c == JOB_CREATED:
            time.sleep(R(10) / 10)
            s.sendall(packet(GET_STATUS, data))
            read_packet(s)
            if R(2):
                s.sendall(packet(GET_STATUS_UNIQUE, u))
                read_packet(s)
    except (OSError, ConnectionError):
        pass
    s.close()


def epoch_job():
    s = connect()
    try:
        when = int(time.time()) + 2 + R(20)
        # scheduled jobs go to functions no worker serves: a future job at the head of a served
        # queue makes gearmand 1.1.20 answer NO_JOB/NOOP to its workers in a tight loop
        s.sendall(packet(SUBMIT_JOB_EPOCH, "report_%s" % pick(WORDS), uniq(), when, payload()))
        read_packet(s)
    except (OSError, ConnectionError):
        pass
    s.close()


def coalesce():
    u = "shared-%d" % R(50)
    f = pick(["slow", "wc", "reverse"])
    ts = [threading.Thread(target=fg_job, args=(f, SUBMIT_JOB, 5.0, u)) for _ in range(2 + R(2))]
    for t in ts:
        t.start()
        time.sleep(0.05)
    for t in ts:
        t.join()


def status_probe():
    s = connect()
    try:
        s.sendall(packet(GET_STATUS, "H:%s:%d" % (pick(["vm", "ghost", "box"]), R(5000))))
        read_packet(s)
        s.sendall(packet(ECHO_REQ, "ping-%d" % R(1000)))
        read_packet(s)
        if R(2):
            s.sendall(packet(OPTION_REQ, pick(["exceptions", "bogus_option", "nolog"])))
            read_packet(s)
    except (OSError, ConnectionError):
        pass
    s.close()


def garbage():
    s = connect(timeout=2)
    kind = R(6)
    try:
        if kind == 0:
            s.sendall(os.urandom(16 + R(40)))
        elif kind == 1:
            s.sendall(REQ + struct.pack(">II", 900 + R(99), 0))
        elif kind == 2:
            s.sendall(REQ + struct.pack(">II", SUBMIT_JOB, 200) + b"reverse\0x")
        elif kind == 3:
            s.sendall(packet(SUBMIT_JOB, "reverse"))
        elif kind == 4:
            s.sendall(b"\0RES" + struct.pack(">II", NOOP, 0))
        else:
            s.sendall(packet(pick([JOB_ASSIGN, NO_JOB, STATUS_RES])))
        s.recv(100)
    except (OSError, ConnectionError):
        pass
    s.close()


def admin(line):
    s = connect(timeout=2)
    try:
        s.sendall(line.encode() + b"\r\n")
        s.recv(4096)
    except (OSError, ConnectionError):
        pass
    s.close()


def admin_random():
    f = pick(FUNCS + ["nofunc_%d" % R(9)])
    admin(pick(["status", "workers", "version", "getpid", "verbose", "maxqueue %s %d" % (f, R(20)),
                "maxqueue", "show jobs", "show unique jobs", "show %s" % pick(WORDS),
                "cancel job H:vm:%d" % R(500), "create function %s_%d" % (pick(WORDS), R(99)),
                "%s" % pick(["help", "stats", "quit", "flush_all"]), "shutdown now"]))


def http_req():
    s = socket.create_connection((HOST, HTTP_PORT), timeout=3)
    # no "upper" here: a worker's WORK_DATA for an HTTP client can crash gearmand 1.1.20
    f = pick(["reverse", "resize", "nofunc_%d" % R(9)])
    body = payload()
    kind = R(6)
    if kind <= 1:
        req = b"POST /%s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n%s\r\n" % (
            f.encode(), len(body), b"X-Gearman-Background: true\r\n" if kind else b"")
        req += body
    elif kind == 2:
        req = b"GET /%s HTTP/1.0\r\nX-Gearman-Unique: %s\r\n\r\n" % (f.encode(), uniq().encode())
    elif kind == 3:
        req = b"PUT /%s HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" % f.encode()
    elif kind == 4:
        req = b"DELETE /x HTTP/1.1\r\n\r\n"
    else:
        req = pick([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"HEAD /reverse HTTP/1.1\r\n\r\n"])
    try:
        s.sendall(req)
        s.recv(4096)
    except (OSError, ConnectionError):
        pass
    s.close()


def main():
    duration = float(sys.argv[1])
    stop = threading.Event()
    workers = []
    end = time.time() + duration
    # one shuffled deck per phase: every kind of action (the cheap ones more than once)
    deck = [lambda: fg_job(), lambda: fg_job(exceptions=True),
            lambda: fg_job("nofunc_%s" % pick(WORDS), wait=1.0 + R(20) / 10),
            lambda: bg_job(), lambda: bg_job("queue_%s" % pick(WORDS), status=bool(R(2))),
            epoch_job, coalesce, status_probe, garbage, garbage, admin_random, admin_random,
            admin_random, http_req, http_req, http_req]
    with lock:
        rng.shuffle(deck)
    if len(sys.argv) > 3:
        deck = deck[:int(sys.argv[3])]
    while deck and time.time() < end:
        workers = [w for w in workers if w.is_alive()]
        while len(workers) < 2 + R(2):
            w = Worker(stop, 30 + R(90))
            w.start()
            workers.append(w)
        try:
            deck.pop()()
        except (OSError, ConnectionError):
            time.sleep(0.5)
        time.sleep(1.0 + R(20) / 10)
    time.sleep(3)
    stop.set()
    for w in workers:
        w.join(3)


if __name__ == "__main__":
    main()
