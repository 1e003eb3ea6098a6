# Minimal fake HTTP backends for the perlbal workload (no logging of their own).
# usage: backend.py PORT MODE   MODE: ok | slow | garbage | reset
import socket, sys, threading, time, random
port, mode = int(sys.argv[1]), sys.argv[2]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(64)
def handle(c):
    try:
        while True:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = c.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            lines = head.split(b"\r\n"); method, path = lines[0].split(b" ")[:2]
            clen = 0
            for l in lines[1:]:
                if l.lower().startswith(b"content-length:"):
                    clen = int(l.split(b":")[1])
            while len(rest) < clen:
                chunk = c.recv(65536)
                if not chunk:
                    return
                rest += chunk
            if mode == "reset" or (mode == "garbage" and random.random() < 0.5):
                c.send(b"NOT HTTP AT ALL\r\n\r\n" if random.random() < 0.5 else b""); return
            if mode == "slow":
                time.sleep(random.random() * 3)
            if path.startswith(b"/reproxyfile"):
                hdr = b"X-REPROXY-FILE: /nonexistent/file\r\n"
            elif path.startswith(b"/reproxy"):
                hdr = b"X-REPROXY-URL: http://127.0.0.1:42601/sub/a.txt\r\n"
            else:
                hdr = b""
            code = b"404 Not Found" if path.startswith(b"/missing") else b"200 OK"
            body = b"backend %d %s\n" % (port, path)
            c.send(b"HTTP/1.1 " + code + b"\r\nContent-Type: text/plain\r\n" + hdr +
                   b"Content-Length: %d\r\n\r\n" % len(body) + (b"" if method == b"HEAD" else body))
            if random.random() < 0.2:
                return
    except OSError:
        pass
    finally:
        c.close()
while True:
    conn, _ = srv.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
