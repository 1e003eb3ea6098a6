import time

def app(environ, start_response):
    path = environ["PATH_INFO"]
    body = environ["wsgi.input"].read()
    if path == "/boom":
        raise RuntimeError("boom requested")
    if path == "/slow":
        time.sleep(0.3)
    if path == "/nostart":
        return [b"never started"]
    status = "404 Not Found" if path.startswith("/missing") else ("201 Created" if environ["REQUEST_METHOD"] == "POST" else "200 OK")
    start_response(status, [("content-type", "text/plain")])
    return [b"ok %d\n" % len(body)]
