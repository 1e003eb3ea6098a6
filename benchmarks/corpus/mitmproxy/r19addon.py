"""Operator addon for the round-19 mitmproxy workload: logs and blocks a few things through mitmproxy's event log."""
import logging, time
from mitmproxy import http

BLOCKED = ("/admin", "/private")
VERSION = 1


class R19:
    def __init__(self):
        self.flows = 0

    def running(self):
        logging.info(f"r19 addon v{VERSION} running, blocking {len(BLOCKED)} path prefixes")

    def request(self, flow: http.HTTPFlow):
        self.flows += 1
        flow.metadata["r19_start"] = time.time()
        path = flow.request.path
        if path.startswith(BLOCKED):
            logging.warning(f"blocked {flow.request.method} {path} for client {flow.client_conn.peername[0]}")
            flow.response = http.Response.make(403, b"blocked by r19\n")
            return
        if "x-debug" in flow.request.headers:
            logging.debug(f"debug header on request to {flow.request.host}: {flow.request.headers['x-debug']}")
        if flow.request.method in ("POST", "PUT") and len(flow.request.raw_content or b"") > 20000:
            logging.info(f"large upload of {len(flow.request.raw_content)} bytes to {flow.request.pretty_host}")
        flow.request.headers["x-r19-seq"] = str(self.flows)

    def response(self, flow: http.HTTPFlow):
        ms = (time.time() - flow.metadata.get("r19_start", time.time())) * 1000
        size = len(flow.response.raw_content or b"")
        logging.info(f"{flow.response.status_code} {flow.request.method} {flow.request.pretty_url} ({size} bytes, {ms:.0f} ms)")
        if flow.response.status_code >= 500:
            logging.warning(f"upstream {flow.request.pretty_host} answered {flow.response.status_code} for {flow.request.path}")
        elif flow.response.status_code == 404:
            logging.info(f"not found upstream: {flow.request.path}")
        if ms > 2000:
            logging.warning(f"slow upstream {flow.request.pretty_host}: {ms:.0f} ms")

    def error(self, flow: http.HTTPFlow):
        logging.error(f"flow {flow.request.method} {flow.request.pretty_url} failed: {flow.error.msg}")

    def tls_failed_client(self, data):
        logging.warning(f"client TLS failure from {data.context.client.peername[0]} for sni {data.context.client.sni}")

    def server_connected(self, data):
        logging.debug(f"upstream connection ready: {data.server.address[0]} port {data.server.address[1]}")

    def done(self):
        logging.info(f"r19 addon done after {self.flows} requests")


addons = [R19()]
