#!/usr/bin/env python3
"""Small pyftpdlib server used by workload.sh (logs at DEBUG to stderr)."""
import logging
import signal
import os
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
from pyftpdlib.log import config_logging
from pyftpdlib.servers import FTPServer, ThreadedFTPServer

port = int(sys.argv[1])
root = sys.argv[2]
mode = sys.argv[3]          # async | thread | prefork
tls = sys.argv[4] == "tls"
cert = sys.argv[5] if len(sys.argv) > 5 else None

config_logging(level=logging.DEBUG)
# started in the background by a shell: restore the default SIGINT behaviour
signal.signal(signal.SIGINT, signal.default_int_handler)

auth = DummyAuthorizer()
for d in ("alice", "bob", "pub"):
    os.makedirs(os.path.join(root, d), exist_ok=True)
auth.add_user("alice", "wonder1", os.path.join(root, "alice"), perm="elradfmwMT",
              msg_login="Welcome alice.", msg_quit="Bye alice.")
auth.add_user("bob", "builder2", os.path.join(root, "bob"), perm="elr")
auth.add_anonymous(os.path.join(root, "pub"), perm="elr")

handler = TLS_FTPHandler if tls else FTPHandler
if tls:
    handler.certfile = cert
    handler.keyfile = cert
handler.authorizer = auth
handler.passive_ports = list(range(port + 100, port + 160))
handler.timeout = 20
handler.dtp_handler.timeout = 8
handler.max_login_attempts = 3
handler.banner = "pyftpdlib test server ready."

cls = ThreadedFTPServer if mode == "thread" else FTPServer
server = cls(("127.0.0.1", port), handler)
server.max_cons = 40
server.max_cons_per_ip = 12
try:
    if mode == "prefork":
        server.serve_forever(worker_processes=2)
    else:
        server.serve_forever()
except (KeyboardInterrupt, SystemExit):
    pass
finally:
    server.close_all()
