#!/usr/bin/env python3
"""Tiny local servers and clients for the Prometheus workload (127.0.0.1 only, stdlib only).

  fakes.py exporter PORT KIND     KIND: ok | garbage | slow | err | dupes | openmetrics | big
  fakes.py alertmanager PORT      answers POST /api/v2/alerts with 200, 500 or a stall
  fakes.py httpsd PORT PORTS...   http_sd endpoint: JSON target lists, sometimes broken
  fakes.py remotewrite PORT       remote-write sink: 204, 500, 400, 429 with Retry-After
  fakes.py rwclient URL KIND      one remote-write request to Prometheus' own receiver
"""
import json
import random
import socket
import struct
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

R = random.Random()
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def metrics_ok(port):
    out = []
    n = R.randint(2, 6)
    out.append("# HELP app_requests_total Requests served.\n# TYPE app_requests_total counter")
    for i in range(n):
        out.append('app_requests_total{path="/%s",code="%d"} %d' % (R.choice(WORDS), R.choice([200, 404, 500]), R.randint(0, 10**6)))
    out.append("# TYPE app_temperature_celsius gauge")
    out.append("app_temperature_celsius %.3f" % R.uniform(-10, 40))
    if R.random() < 0.5:
        out.append("app_%s_items{shard=\"%d\"} %d" % (R.choice(WORDS), R.randint(0, 9), R.randint(0, 500)))
    out.append("# TYPE app_latency_seconds histogram")
    c = 0
    for le in ["0.1", "0.5", "1", "+Inf"]:
        c += R.randint(0, 50)
        out.append('app_latency_seconds_bucket{le="%s"} %d' % (le, c))
    out.append("app_latency_seconds_sum %.2f" % R.uniform(0, 100))
    out.append("app_latency_seconds_count %d" % c)
    return "\n".join(out) + "\n"


def metrics_garbage():
    return R.choice([
        "this is not a metric at all %d\n" % R.randint(0, 999),
        'app_bad{label="unterminated} 1\n',
        "app_no_value{x=\"1\"}\n",
        "9metric_starts_with_digit 3\n",
        "app_value_nan_text notanumber\n",
        "<html><body><h1>Welcome to %s</h1></body></html>\n" % R.choice(WORDS),
        "# TYPE app_x counter\n# TYPE app_x gauge\napp_x 1\n",
        "app_ok 1\napp_ok{a=\"b\",a=\"c\"} 2\n",
        "app_comma{a=\"1\",,} 4\n",
        "app_ts 1 notatimestamp\n",
        '{"json": "instead of text", "n": %d}\n' % R.randint(0, 99),
    ])


def metrics_dupes():
    now = int(time.time() * 1000)
    kind = R.choice(["dup", "old", "future", "ooo"])
    name = "app_%s_value" % R.choice(WORDS)
    if kind == "dup":
        return "%s{k=\"v\"} %d\n%s{k=\"v\"} %d\n" % (name, R.randint(0, 9), name, R.randint(10, 99))
    if kind == "old":
        return "app_old_sample{src=\"%s\"} %d %d\n" % (R.choice(WORDS), R.randint(0, 9), now - R.randint(3600, 86400) * 1000)
    if kind == "future":
        return "app_future_sample %d %d\n" % (R.randint(0, 9), now + R.randint(3600, 86400) * 1000)
    return "app_ooo_sample %d %d\n" % (R.randint(0, 9), now - R.randint(40, 80) * 1000)


def metrics_openmetrics():
    now = time.time()
    tid = "%016x" % R.getrandbits(64)
    ex_ts = now - (R.randint(200, 900) if R.random() < 0.4 else 0)
    body = ("# TYPE om_requests counter\n"
            "om_requests_total{path=\"/%s\"} %d # {trace_id=\"%s\"} %.2f %.3f\n"
            % (R.choice(WORDS), R.randint(0, 9999), tid, R.uniform(0, 5), ex_ts))
    if R.random() < 0.2:
        return body  # missing "# EOF"
    return body + "# EOF\n"


def metrics_big():
    lines = []
    for i in range(R.randint(10, 60)):
        labels = ",".join('l%d="%s"' % (j, R.choice(WORDS)) for j in range(R.randint(1, 8)))
        lines.append("big_series_%d{%s} %d" % (i, labels, R.randint(0, 100)))
    return "\n".join(lines) + "\n"


class Handler(BaseHTTPRequestHandler):
    kind = "ok"
    ports = []

    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="text/plain; version=0.0.4"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        k = self.kind
        if k == "ok":
            self.reply(200, metrics_ok(self.server.server_port))
        elif k == "garbage":
            self.reply(200, metrics_garbage(), R.choice(["text/plain", "text/html", "application/json", "text/plain; version=0.0.4"]))
        elif k == "slow":
            time.sleep(R.uniform(3, 6))
            self.reply(200, "app_slow 1\n")
        elif k == "err":
            code = R.choice([500, 503, 404, 403, 302])
            if code == 302:
                self.send_response(302)
                self.send_header("Location", "http://127.0.0.1:19029/elsewhere")
                self.end_headers()
            else:
                self.reply(code, "error %d\n" % code)
        elif k == "dupes":
            self.reply(200, metrics_dupes())
        elif k == "openmetrics":
            self.reply(200, metrics_openmetrics(), "application/openmetrics-text; version=1.0.0; charset=utf-8")
        elif k == "big":
            self.reply(200, metrics_big())
        elif k == "httpsd":
            r = R.random()
            if r < 0.15:
                self.reply(500, "sd backend down\n")
            elif r < 0.3:
                self.reply(200, "[{\"targets\": [\"127.0.0.1:%d\"" % R.choice(self.ports), "application/json")
            elif r < 0.4:
                self.reply(200, "[]", "text/plain")
            else:
                groups = [{"targets": ["127.0.0.1:%d" % p for p in R.sample(self.ports, R.randint(1, len(self.ports)))],
                           "labels": {"team": R.choice(WORDS), "sd": "http"}}]
                self.reply(200, json.dumps(groups), "application/json")
        else:
            self.reply(404, "no\n")

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        if self.kind == "alertmanager":
            r = R.random()
            if r < 0.3:
                self.reply(500, "am internal error\n")
            elif r < 0.4:
                self.reply(400, "bad alerts\n")
            elif r < 0.5:
                time.sleep(12)
                self.reply(200, "")
            else:
                self.reply(200, "")
        elif self.kind == "remotewrite":
            r = R.random()
            if r < 0.55:
                self.send_response(204)
                self.end_headers()
            elif r < 0.75:
                self.reply(500, "sink overloaded\n")
            elif r < 0.85:
                self.send_response(429)
                self.send_header("Retry-After", str(R.randint(1, 4)))
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.reply(400, "sink rejects batch %d\n" % R.randint(1, 999))
        else:
            self.reply(405, "method not allowed\n")


def serve(port, kind, ports=()):
    Handler.kind = kind
    Handler.ports = list(ports)
    ThreadingHTTPServer.allow_reuse_address = True
    srv = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    srv.serve_forever()


# --- remote write client: protobuf by hand, snappy with literal-only blocks ---
def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, wt, payload):
    key = varint((num << 3) | wt)
    if wt == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def ts_proto(labels, samples):
    body = b""
    for k, v in labels:
        body += field(1, 2, field(1, 2, k.encode()) + field(2, 2, v.encode()))
    for val, ts in samples:
        body += field(2, 2, field(1, 1, struct.pack("<d", val)) + field(2, 0, varint(ts & 0xFFFFFFFFFFFFFFFF)))
    return field(1, 2, body)


def snappy_literal(data):
    out = bytearray(varint(len(data)))
    i = 0
    while i < len(data):
        chunk = data[i:i + 65536]
        n = len(chunk) - 1
        if n < 60:
            out.append(n << 2)
        elif n < 256:
            out.append(60 << 2)
            out.append(n)
        else:
            out.append(61 << 2)
            out += struct.pack("<H", n)
        out += chunk
        i += len(chunk)
    return bytes(out)


def rwclient(url, kind):
    now = int(time.time() * 1000)
    job = R.choice(WORDS)
    if kind == "good":
        msg = ts_proto([("__name__", "rw_pushed_value"), ("job", job)], [(R.uniform(0, 9), now)])
    elif kind == "old":
        msg = ts_proto([("__name__", "rw_old_value"), ("job", job)], [(1.0, now - R.randint(2, 48) * 3600 * 1000)])
    elif kind == "ooo":
        msg = ts_proto([("__name__", "rw_ooo_value"), ("job", "ooo")], [(1.0, now), (2.0, now - R.randint(1000, 20000))])
    elif kind == "dup":
        msg = ts_proto([("__name__", "rw_dup_value"), ("job", "dup")], [(1.0, now), (R.uniform(2, 9), now)])
    elif kind == "nolabels":
        msg = ts_proto([], [(1.0, now)])
    elif kind == "duplabel":
        msg = ts_proto([("__name__", "rw_dl"), ("a", "1"), ("a", "2")], [(1.0, now)])
    else:
        msg = None
    if kind == "garbage":
        body = bytes(R.getrandbits(8) for _ in range(R.randint(5, 80)))
    elif kind == "unsnappied":
        body = ts_proto([("__name__", "rw_plain"), ("job", job)], [(1.0, now)])
    elif kind == "badproto":
        body = snappy_literal(b"\x0a\xff\xff\x07" + bytes(R.getrandbits(8) for _ in range(12)))
    else:
        body = snappy_literal(msg)
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-protobuf", "Content-Encoding": "snappy",
        "X-Prometheus-Remote-Write-Version": "0.1.0"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            print(kind, r.status)
    except Exception as e:  # noqa: BLE001 - we expect errors
        print(kind, e)


def main():
    cmd = sys.argv[1]
    if cmd == "exporter":
        serve(int(sys.argv[2]), sys.argv[3])
    elif cmd == "alertmanager":
        serve(int(sys.argv[2]), "alertmanager")
    elif cmd == "httpsd":
        serve(int(sys.argv[2]), "httpsd", [int(p) for p in sys.argv[3:]])
    elif cmd == "remotewrite":
        serve(int(sys.argv[2]), "remotewrite")
    elif cmd == "rwclient":
        rwclient(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
