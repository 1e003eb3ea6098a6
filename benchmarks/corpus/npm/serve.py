"""Static registry server (GET from a folder), plus a port that accepts and never answers."""
import functools, http.server, socket, sys, time, threading

root, port, hang_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def guess_type(self, path):
        return "application/json" if "." not in path.rsplit("/", 1)[-1] else "application/octet-stream"


def hang():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", hang_port))
    s.listen(50)
    conns = []
    while True:
        conns.append(s.accept())


threading.Thread(target=hang, daemon=True).start()
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root)).serve_forever()
