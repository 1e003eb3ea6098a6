"""Raw-socket and websocket clients for the Hypercorn workload (run with the sanic venv's python,
which has the websockets library)."""
import asyncio
import random
import socket
import sys
import time

HOST = "127.0.0.1"


def raw(port, payload, wait=0.3):
    try:
        with socket.create_connection((HOST, port), timeout=3) as s:
            s.sendall(payload)
            time.sleep(wait)
            try:
                s.recv(65536)
            except OSError:
                pass
    except OSError:
        pass


async def ws(port, path, messages):
    import websockets
    try:
        async with websockets.connect(f"ws://{HOST}:{port}{path}", open_timeout=3, close_timeout=2) as conn:
            for m in messages:
                await conn.send(m)
                try:
                    await asyncio.wait_for(conn.recv(), 2)
                except Exception:
                    break
    except Exception:
        pass


def main():
    kind, port = sys.argv[1], int(sys.argv[2])
    if kind == "garbage":
        raw(port, random.choice([b"\x16\x03\x01\x00\xa5garbage\r\n\r\n", b"NOT A REQUEST\r\n\r\n",
                                 b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"]))
    elif kind == "partial":
        raw(port, b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n", wait=random.uniform(0.1, 1.5))
    elif kind == "abort":
        raw(port, b"GET /slow?t=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", wait=0.1)
    elif kind == "ws":
        path = random.choice(["/ws", "/ws", "/ws", "/ws/deny", "/ws/crash"])
        msgs = [random.choice(["hello", "world", "ping", "close", "bad"]) for _ in range(random.randint(1, 4))]
        asyncio.run(ws(port, path, msgs))


main()
