#!/usr/bin/env python3
"""Fake status peers for Monitorix: HTTP status pages on 38501, a redis-like INFO on 38502 and a
memcached-like stats on 38503. The mode file (argv[1]) picks good, zero or broken answers."""
import socketserver, sys, threading, random, http.server
MODE = sys.argv[1]
def mode():
    try:
        return open(MODE).read().strip()
    except OSError:
        return "good"
APACHE = "Total Accesses: {a}\nTotal kBytes: {b}\nCPULoad: .01\nUptime: {u}\nReqPerSec: 1.5\nBytesPerSec: 100\nBusyWorkers: {w}\nIdleWorkers: 5\nScoreboard: __W_K..\n"
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        m = mode()
        if m == "broken":
            self.send_response(random.choice([500, 503, 404]))
            self.end_headers()
            return
        n = 0 if m == "zero" else random.randint(1, 900)
        body = APACHE.format(a=n * 10, b=n * 3, u=n + 100 if n else 0, w=n % 7)
        if "fpm" in self.path:
            body = "pool: www\nprocess manager: dynamic\nstart since: %d\naccepted conn: %d\nlisten queue: 0\nmax listen queue: 0\nlisten queue len: 0\nidle processes: 2\nactive processes: 1\ntotal processes: 3\nmax active processes: 2\nmax children reached: 0\nslow requests: 0\n" % (n, n * 4)
        if "status.xsl" in self.path:
            body = "<html><body>Mount Point /stream1 Current Listeners: %d Bitrate: 128</body></html>" % n
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
class Redis(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(1024)
        if mode() == "broken":
            return
        n = random.randint(1, 5000)
        info = "# Server\r\nuptime_in_seconds:%d\r\n# Clients\r\nconnected_clients:%d\r\nblocked_clients:0\r\n# Memory\r\nused_memory:%d\r\nused_memory_rss:%d\r\nmem_fragmentation_ratio:1.2\r\n# Stats\r\ntotal_connections_received:%d\r\ntotal_commands_processed:%d\r\nkeyspace_hits:%d\r\nkeyspace_misses:3\r\n" % (n, n % 20, n * 1000, n * 1200, n, n * 3, n)
        self.request.sendall(("$%d\r\n%s\r\n" % (len(info), info)).encode())
        self.request.settimeout(10)
        try:
            while self.request.recv(1024):
                pass
        except OSError:
            pass
class Memc(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(1024)
        if mode() == "broken":
            return
        n = random.randint(1, 5000)
        self.request.sendall(("STAT uptime %d\r\nSTAT curr_connections %d\r\nSTAT total_connections %d\r\nSTAT cmd_get %d\r\nSTAT get_hits %d\r\nSTAT curr_items %d\r\nSTAT total_items %d\r\nEND\r\n" % (n, n % 9, n, n * 2, n, n % 50, n)).encode())
class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 38501), H), TS(("127.0.0.1", 38502), Redis), TS(("127.0.0.1", 38503), Memc)]
for s in servers[1:]:
    threading.Thread(target=s.serve_forever, daemon=True).start()
servers[0].serve_forever()
