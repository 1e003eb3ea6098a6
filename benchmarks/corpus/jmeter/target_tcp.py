#!/usr/bin/env python3
"""TCP target for the JMeter TCP sampler: echoes each line, sometimes stays silent or hangs up."""
import random, socketserver, sys

class H(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line:
                return
            r = random.random()
            if r < 0.05:
                return
            if r < 0.10:
                continue
            self.wfile.write(b"echo:" + line.rstrip(b"\r\n") + b"\n"); self.wfile.flush()

class S(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
