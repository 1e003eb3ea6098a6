"""Raw-socket and websocket clients for the Sanic workload."""
import asyncio
import random
import socket
import sys
import time

HOST, PORT = "127.0.0.1", 27200


def raw(payload, wait=0.3):
    try:
        with socket.create_connection((HOST, PORT), timeout=5) as s:
            s.sendall(payload)
            time.sleep(wait)
            try:
                s.recv(65536)
            except OSError:
                pass
    except OSError:
        pass


async def ws():
    import websockets
    msgs = [random.choice(["hello", "abc", "r31h", "quit", "boom"]) for _ in range(random.randint(1, 4))]
    try:
        async with websockets.connect(f"ws://{HOST}:{PORT}/ws", open_timeout=3, close_timeout=2) as conn:
            for m in msgs:
                await conn.send(m)
                await asyncio.wait_for(conn.recv(), 2)
    except Exception:
        pass


def main():
    kind = sys.argv[1]
    if kind == "garbage":
        raw(random.choice([b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n", b"NOT A REQUEST\r\n\r\n",
                           b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"]))
    elif kind == "timeout":  # headers never finished: request timeout
        raw(b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n", wait=random.uniform(2.5, 3.5))
    elif kind == "abort":  # client goes away while the handler sleeps
        raw(b"GET /slow?t=1.5 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", wait=0.2)
    elif kind == "keepalive":  # idle keep-alive connection
        raw(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", wait=random.uniform(2.5, 3.5))
    elif kind == "big":
        body = b"x" * 10000
        raw(b"POST /items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    elif kind == "ws":
        asyncio.run(ws())


main()
