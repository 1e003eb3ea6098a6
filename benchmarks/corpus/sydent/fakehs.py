# fake Matrix homeserver answering openid userinfo over TLS: fakehs.py PORT CERT KEY
import http.server, json, ssl, sys, urllib.parse
PORT, CERT, KEY = int(sys.argv[1]), sys.argv[2], sys.argv[3]
SRV = "127.0.0.1:%d" % PORT
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        tok = q.get("access_token", [""])[0]
        code, body = 200, {"sub": "@%s:%s" % (tok, SRV)}
        if tok.startswith("other"): body = {"sub": "@x:elsewhere.test"}
        elif tok.startswith("nosub"): body = {}
        elif tok.startswith("badjson"): body = None
        elif tok.startswith("nomxid"): body = {"sub": "nocolon"}
        elif tok.startswith("deny"): code, body = 401, {"errcode": "M_UNKNOWN_TOKEN"}
        data = b"{not json" if body is None else json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
s = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(CERT, KEY)
s.socket = ctx.wrap_socket(s.socket, server_side=True)
s.serve_forever()
