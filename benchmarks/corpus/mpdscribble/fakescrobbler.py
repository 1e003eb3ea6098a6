# Minimal Audioscrobbler 1.2 stand-in; answers drawn at random (mode file chosen by workload.sh).
import random, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer
port, modefile = int(sys.argv[1]), sys.argv[2]
def mode():
    try:
        return open(modefile).read().strip()
    except OSError:
        return "ok"
class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def reply(self, code, body):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        m = mode()
        r = random.random()
        if m == "bad" and r < 0.9:
            self.reply(200, random.choice(["BANNED\n", "BADAUTH\n", "BADTIME\n", "FAILED Plugin bug\n", "HELLO\n", "OK\nsess\n"]))
        elif m == "http" and r < 0.8:
            self.reply(random.choice([404, 500, 503]), "nope\n")
        elif m == "slow":
            time.sleep(random.choice([0, 2, 70]))
            self.reply(200, "OK\nsess%d\nhttp://127.0.0.1:%d/np\nhttp://127.0.0.1:%d/sub\n" % (random.randrange(1000), port, port))
        else:
            self.reply(200, "OK\nsess%d\nhttp://127.0.0.1:%d/np\nhttp://127.0.0.1:%d/sub\n" % (random.randrange(1000), port, port))
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        m = mode()
        r = random.random()
        if m == "bad" and r < 0.8:
            self.reply(200, random.choice(["BADSESSION\n", "FAILED\n", "FAILED Database down\n", "WHAT\n"]))
        elif m == "http" and r < 0.8:
            self.reply(random.choice([404, 500]), "nope\n")
        else:
            self.reply(200, "OK\n")
HTTPServer(("127.0.0.1", port), H).serve_forever()
