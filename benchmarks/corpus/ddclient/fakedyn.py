#!/usr/bin/env python3
"""Fake dynamic-DNS + IP-discovery server for the ddclient workload.
HTTP on 127.0.0.1:37180, HTTPS on 127.0.0.1:37443 (self-signed cert in run/).
Answers are chosen at random per request, shaped by the path the protocol uses."""
import random
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

D = "/work/round30/ddclient"


def cur_ip():
    try:
        return open(D + "/run/webip.txt").read().strip()
    except OSError:
        return "198.51.100.7"


def dyn_lines(hosts, ip):
    out = []
    for _ in hosts:
        out.append(random.choice([
            f"good {ip}", f"good {ip}", f"good {ip}", f"nochg {ip}", f"nochg {ip}", "badauth", "nohost",
            "notfqdn", "abuse", "!yours", "911", "dnserr", "numhost", "!donator", "badagent",
            "w5m", "w90s", "wobbly reply"]))
    return "\n".join(out) + "\n"


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeDyn/1.0"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="text/plain"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        ip = (q.get("myip") or q.get("ip") or q.get("dnsto") or [cur_ip()])[0] or cur_ip()
        r = random.random()
        if u.path == "/ip":
            if r < 0.1:
                return self.send(200, "no address here\n")
            if r < 0.15:
                return self.send(503, "busy\n")
            return self.send(200, f"Current IP Address: {cur_ip()}\n", "text/html")
        # generic trouble, independent of protocol
        if r < 0.05:
            return self.send(401, "unauthorized\n")
        if r < 0.09:
            return self.send(500, "internal error\n")
        if r < 0.11:
            return self.send(404, "not found\n")
        if r < 0.13:
            time.sleep(5)  # longer than ddclient's timeout
            return self.send(200, "late\n")
        if r < 0.15:
            self.close_connection = True
            return  # drop without a reply
        p = u.path
        if p == "/nic/update" and "system" in q:
            hosts = (q.get("hostname") or ["x"])[0].split(",")
            return self.send(200, dyn_lines(hosts, ip))
        if p == "/nic/update":  # changeip
            return self.send(200, random.choice(["200 Successful Update", "200 Successful Update", "401 Bad login"]) + "\n")
        if p.startswith("/nic/"):  # dyndns1 / dslreports1
            ok = random.random() < 0.6
            rc = "NOERROR" if ok else random.choice(["BADAUTH", "NOHOST"])
            return self.send(200, f"<HTML><HEAD><TITLE>{'Update ok' if ok else 'Update failed'}</TITLE></HEAD>\n"
                                  f"return code: {rc}\nerror code: {rc}\n</HTML>\n", "text/html")
        if p == "/update" and "domains" in q:  # duckdns
            return self.send(200, random.choice(["OK", "OK", "KO"]))
        if p == "/update" and "token" in q:  # freemyip
            return self.send(200, random.choice(["OK", "OK", "ERROR"]))
        if p == "/update" and "host" in q:  # namecheap
            if random.random() < 0.6:
                return self.send(200, "<?xml version=\"1.0\"?>\n<interface-response><ErrCount>0</ErrCount><Done>true</Done></interface-response>\n")
            return self.send(200, "<?xml version=\"1.0\"?>\n<interface-response><ErrCount>1</ErrCount><errors><Err1>Passwords do not match</Err1></errors></interface-response>\n")
        if p == "/auth/dynamic.html":  # zoneedit1
            hosts = (q.get("host") or ["x"])[0].split(",")
            lines = []
            for h in hosts:
                if random.random() < 0.6:
                    lines.append(f'<SUCCESS CODE="200" TEXT="Update succeeded." ZONE="{h}" IP="{ip}">')
                else:
                    lines.append(random.choice([f'<ERROR CODE="707" TEXT="Duplicate updates for the same host/ip, adjust client settings" ZONE="{h}">',
                                                f'<ERROR CODE="702" TEXT="Minimum 600 seconds between requests" ZONE="{h}">']))
            return self.send(200, "\n".join(lines) + "\n")
        if p == "/dyn/generic.php":  # easydns
            return self.send(200, random.choice(["NOERROR", "NOERROR", "NOACCESS", "NOSERVICE", "ILLEGAL INPUT", "TOOSOON", "NO_AUTH"]) + "\n")
        if p == "/servlet/updateip":  # dnsmadeeasy
            return self.send(200, random.choice(["success", "success", "error-auth", "error-record-invalid", "error-auth-suspend"]))
        if p == "/dnsup":  # sitelutions
            return self.send(200, random.choice(["success", "success", "failure"]) + "\n")
        return self.send(200, "unexpected path\n")


def serve(port, use_ssl):
    srv = ThreadingHTTPServer(("127.0.0.1", port), H)
    if use_ssl:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(D + "/run/cert.pem", D + "/run/key.pem")
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    srv.serve_forever()


if __name__ == "__main__":
    threading.Thread(target=serve, args=(37443, True), daemon=True).start()
    serve(37180, False)
