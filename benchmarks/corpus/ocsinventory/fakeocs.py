# Minimal fake OCS Inventory server: behaviour chosen by the first path element.
import http.server, random, sys, zlib
R = random.Random(4409)
def reply(body):
    return zlib.compress(('<?xml version="1.0" encoding="UTF-8"?>\n<REPLY>\n' + body + '</REPLY>\n').encode())
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send(self, code, data, ctype="application/x-compress"):
        self.send_response(code); self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        self.send(404, b"not found", "text/plain")
    def do_POST(self):
        mode = self.path.strip("/").split("/")[0]
        data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            xml = zlib.decompress(data).decode("utf-8", "replace")
        except Exception:
            xml = ""
        prolog = "<QUERY>PROLOG</QUERY>" in xml
        freq = "<PROLOG_FREQ>%d</PROLOG_FREQ>\n" % R.choice([1, 10, 24, 48])
        if mode == "ok":
            if prolog:
                self.send(200, reply("<RESPONSE>SEND</RESPONSE>\n" + freq))
            elif R.random() < 0.5:
                self.send(200, reply("<RESPONSE>ACCOUNT_UPDATE</RESPONSE>\n<ACCOUNTINFO>\n<KEYNAME>TAG</KEYNAME>\n<KEYVALUE>R44-%d</KEYVALUE>\n</ACCOUNTINFO>\n" % R.randint(1, 99)))
            else:
                self.send(200, reply("<RESPONSE>no_account_update</RESPONSE>\n"))
        elif mode == "stop":
            self.send(200, reply("<RESPONSE>STOP</RESPONSE>\n" + freq))
        elif mode == "options":
            self.send(200, reply("<RESPONSE>OTHER</RESPONSE>\n" + freq +
                "<OPTION>\n<NAME>DOWNLOAD</NAME>\n<PARAM FRAG_LATENCY=\"1\" PERIOD_LATENCY=\"1\" TIMEOUT=\"2\" ON=\"1\" TYPE=\"CONF\" CYCLE_LATENCY=\"1\" PERIOD_LENGTH=\"2\" />\n"
                "<PARAM ID=\"%d\" CERT_PATH=\"INSTALL_PATH\" TYPE=\"PACK\" CERT_FILE=\"INSTALL_PATH/cacert.pem\" INFO_LOC=\"127.0.0.1:48103/download\" PACK_LOC=\"127.0.0.1:48103/download\" FORCE=\"0\" SCHEDULE=\"\" POSTCMD=\"\" />\n</OPTION>\n" % R.randint(1000000, 9999999)))
        elif mode == "noreply":
            self.send(200, reply("<RESPONSE></RESPONSE>\n"))
        elif mode == "garbage":
            self.send(200, b"this is not compressed at all")
        elif mode == "badxml":
            self.send(200, zlib.compress(b"<REPLY><RESPONSE>SEND</RESP"))
        elif mode == "err500":
            self.send(500, b"boom", "text/plain")
        elif mode == "auth":
            if self.headers.get("Authorization"):
                self.send(403, b"forbidden", "text/plain")
            else:
                self.send_response(401); self.send_header("WWW-Authenticate", 'Basic realm="OCS r44"')
                self.send_header("Content-Length", "0"); self.end_headers()
        else:
            self.send(404, b"not found", "text/plain")
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
