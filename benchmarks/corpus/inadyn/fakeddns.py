#!/usr/bin/env python3
"""Fake dynamic-DNS provider + checkip server for inadyn, on 127.0.0.1 (ports given on the
command line).  Each request gets a randomly chosen answer: good, nochg, badauth, server errors,
garbage, empty replies, dropped connections and slow replies."""
import random
import socket
import sys
import threading
import time

IPS = ["203.0.113.%d" % i for i in (7, 8, 9, 42, 99)] + ["198.51.100.%d" % i for i in (3, 17)]


def reply(conn: socket.socket, code: int, reason: str, body: str, close_early: bool = False) -> None:
    head = "HTTP/1.0 %d %s\r\nContent-Type: text/plain\r\nServer: fakeddns\r\nContent-Length: %d\r\n\r\n" % (
        code, reason, len(body))
    data = (head + body).encode()
    if close_early:
        data = data[: random.randint(0, len(data) // 2)]
    conn.sendall(data)


def checkip(conn: socket.socket, path: str) -> None:
    r = random.random()
    ip = random.choice(IPS[:3]) if random.random() < 0.7 else random.choice(IPS)
    if r < 0.55:
        reply(conn, 200, "OK", "Current IP Address: %s\n" % ip)
    elif r < 0.7:
        reply(conn, 200, "OK", ip)
    elif r < 0.76:
        reply(conn, 200, "OK", random.choice(["10.1.2.3", "192.168.7.7", "127.0.0.5", "0.0.0.0", "172.16.0.9"]))
    elif r < 0.82:
        reply(conn, 200, "OK", random.choice(["no address here", "<html>busy</html>", "999.1.2.3", ""]))
    elif r < 0.88:
        reply(conn, random.choice([500, 503, 404, 429]), "Error", "try later\n")
    elif r < 0.93:
        pass  # close without answer
    else:
        time.sleep(random.choice([3, 12]))
        reply(conn, 200, "OK", ip)


def update(conn: socket.socket, path: str, req: str) -> None:
    r = random.random()
    ip = path.split("myip=")[-1].split("&")[0] if "myip=" in path else ""
    if "Authorization:" not in req and random.random() < 0.5:
        reply(conn, 401, "Unauthorized", "badauth\n")
        return
    if r < 0.40:
        reply(conn, 200, "OK", "good %s\n" % ip)
    elif r < 0.55:
        reply(conn, 200, "OK", "nochg %s\n" % ip)
    elif r < 0.62:
        reply(conn, 200, "OK", random.choice(["OK", "updated", "true"]))
    elif r < 0.68:
        reply(conn, 401, "Unauthorized", "badauth\n")
    elif r < 0.73:
        reply(conn, 200, "OK", random.choice(["nohost", "notfqdn", "abuse", "911", "dnserr", "badagent"]))
    elif r < 0.79:
        reply(conn, random.choice([500, 502, 503, 404, 400]), "Server Error", "internal error\n")
    elif r < 0.84:
        reply(conn, 200, "OK", random.choice(["", "garbage\x01\x02 response", "<html><body>maintenance</body></html>"]))
    elif r < 0.89:
        pass  # drop the connection
    elif r < 0.93:
        reply(conn, 200, "OK", "good %s\n" % ip, close_early=True)
    else:
        time.sleep(random.choice([2, 12]))
        reply(conn, 200, "OK", "good %s\n" % ip)


def handle(conn: socket.socket, role: str) -> None:
    try:
        conn.settimeout(15)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 8192:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        req = data.decode("latin-1", "replace")
        parts = req.split(" ")
        path = parts[1] if len(parts) > 1 else "/"
        if role == "checkip":
            checkip(conn, path)
        else:
            update(conn, path, req)
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def serve(port: int, role: str) -> None:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(20)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, role), daemon=True).start()


def main() -> None:
    for spec in sys.argv[1:]:
        role, port = spec.split(":")
        threading.Thread(target=serve, args=(int(port), role), daemon=True).start()
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
