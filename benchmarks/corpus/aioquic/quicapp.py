import asyncio
import logging
import random
import ssl
import sys

from aioquic.asyncio import QuicConnectionProtocol, connect, serve
from aioquic.h3.connection import H3_ALPN, H3Connection
from aioquic.h3.events import DataReceived, HeadersReceived
from aioquic.quic.configuration import QuicConfiguration
from aioquic.quic.events import ConnectionTerminated, HandshakeCompleted, StreamDataReceived, StreamReset

logging.basicConfig(format="%(asctime)s %(process)d %(levelname)s %(name)s %(message)s", level=logging.WARNING)
for name in ("quic", "aioquic", "http3"):
    logging.getLogger(name).setLevel(logging.DEBUG)

CERTS = "/tmp/round46-r46a/aioquic/"


class Proto(QuicConnectionProtocol):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.h3 = None
        self.got = asyncio.Queue()

    def quic_event_received(self, event):
        if isinstance(event, HandshakeCompleted) and event.alpn_protocol in H3_ALPN:
            self.h3 = H3Connection(self._quic)
        if isinstance(event, ConnectionTerminated):
            self.got.put_nowait(("closed", event.error_code))
        if self.h3 is not None:
            for ev in self.h3.handle_event(event):
                self.h3_event(ev)
        elif isinstance(event, StreamDataReceived):
            self.raw_data(event)
        elif isinstance(event, StreamReset):
            self.got.put_nowait(("reset", event.stream_id))

    def h3_event(self, ev):
        if self._quic.configuration.is_client:
            if isinstance(ev, DataReceived) and ev.stream_ended:
                self.got.put_nowait(("done", ev.stream_id))
            return
        if isinstance(ev, HeadersReceived):
            path = dict(ev.headers).get(b":path", b"/")
            if path == b"/missing":
                self.h3.send_headers(ev.stream_id, [(b":status", b"404")], end_stream=True)
            else:
                size = int(path.strip(b"/") or b"10") if path.strip(b"/").isdigit() else 100
                self.h3.send_headers(ev.stream_id, [(b":status", b"200"), (b"content-type", b"text/plain")])
                self.h3.send_data(ev.stream_id, b"x" * size, end_stream=True)
            self.transmit()

    def raw_data(self, event):
        if self._quic.configuration.is_client:
            if event.end_stream:
                self.got.put_nowait(("done", event.stream_id))
            return
        if event.data.startswith(b"RESET"):
            self._quic.reset_stream(event.stream_id, 7)
        elif event.data.startswith(b"CLOSE"):
            self._quic.close(error_code=0x101, reason_phrase="asked to close")
        elif event.data.startswith(b"PING"):
            self._quic.send_ping(5)
        else:
            if event.stream_id % 4 in (0, 1):
                self._quic.send_stream_data(event.stream_id, event.data, end_stream=event.end_stream)
        self.transmit()


async def run_server(host, port, retry, idle):
    conf = QuicConfiguration(is_client=False, alpn_protocols=H3_ALPN + ["echo"], idle_timeout=idle)
    conf.load_cert_chain(CERTS + "cert.pem", CERTS + "key.pem")
    await serve(host, port, configuration=conf, create_protocol=Proto, retry=retry)
    await asyncio.Future()


async def wait_for(p, n, timeout):
    k = 0
    try:
        while k < n:
            await asyncio.wait_for(p.got.get(), timeout)
            k += 1
    except asyncio.TimeoutError:
        pass


async def run_client(host, port, mode, seed):
    rnd = random.Random(seed)
    conf = QuicConfiguration(is_client=True, alpn_protocols=["echo"], idle_timeout=rnd.choice([2.0, 5.0, 10.0]))
    conf.server_name = "localhost"
    conf.verify_mode = ssl.CERT_NONE
    if mode == "h3":
        conf.alpn_protocols = H3_ALPN
    elif mode == "badalpn":
        conf.alpn_protocols = ["nothing"]
    elif mode == "badcert":
        conf.verify_mode = ssl.CERT_REQUIRED
        if rnd.random() < 0.5:
            conf.load_verify_locations(CERTS + "cert2.pem")
    elif mode == "badname":
        conf.verify_mode = ssl.CERT_REQUIRED
        conf.load_verify_locations(CERTS + "cert.pem")
        conf.server_name = "wrong.example"
    elif mode == "goodcert":
        conf.verify_mode = ssl.CERT_REQUIRED
        conf.load_verify_locations(CERTS + "cert.pem")
    elif mode == "vneg":
        conf.supported_versions = [0x5A6A7A8A] + conf.supported_versions
    elif mode == "vnone":
        conf.supported_versions = [0x5A6A7A8A]
    elif mode == "v2":
        conf.supported_versions = list(reversed(conf.supported_versions))
    elif mode == "idle":
        conf.idle_timeout = rnd.choice([1.0, 2.0])
    try:
        async with connect(host, port, configuration=conf, create_protocol=Proto) as p:
            q = p._quic
            if mode == "h3":
                n = rnd.randint(1, 4)
                for _ in range(n):
                    sid = q.get_next_available_stream_id()
                    path = rnd.choice(["/", "/missing", "/%d" % rnd.randint(1, 200000)])
                    p.h3.send_headers(sid, [(b":method", b"GET"), (b":scheme", b"https"), (b":authority", b"localhost"), (b":path", path.encode())], end_stream=True)
                p.transmit()
                await wait_for(p, n, 4)
            elif mode in ("echo", "goodcert", "vneg", "v2", "lossy"):
                n = rnd.randint(1, 3)
                for _ in range(n):
                    uni = rnd.random() < 0.2
                    sid = q.get_next_available_stream_id(is_unidirectional=uni)
                    q.send_stream_data(sid, b"d" * rnd.randint(1, 150000), end_stream=True)
                p.transmit()
                await wait_for(p, n, 5)
                if rnd.random() < 0.5:
                    await asyncio.wait_for(p.ping(), 5)
                if rnd.random() < 0.4:
                    p.change_connection_id()
                    sid = q.get_next_available_stream_id()
                    q.send_stream_data(sid, b"after", end_stream=True)
                    p.transmit()
                    await wait_for(p, 1, 3)
                if rnd.random() < 0.3:
                    p.request_key_update()
                    sid = q.get_next_available_stream_id()
                    q.send_stream_data(sid, b"key", end_stream=True)
                    p.transmit()
                    await wait_for(p, 1, 3)
            elif mode == "reset":
                sid = q.get_next_available_stream_id()
                q.send_stream_data(sid, b"partial", end_stream=False)
                p.transmit()
                await asyncio.sleep(0.2)
                q.reset_stream(sid, rnd.randint(1, 30))
                sid = q.get_next_available_stream_id()
                q.send_stream_data(sid, b"RESET please", end_stream=False)
                p.transmit()
                await wait_for(p, 1, 3)
            elif mode == "close":
                sid = q.get_next_available_stream_id()
                q.send_stream_data(sid, b"CLOSE", end_stream=True)
                p.transmit()
                await wait_for(p, 1, 3)
            elif mode == "ping":
                sid = q.get_next_available_stream_id()
                q.send_stream_data(sid, b"PING", end_stream=True)
                p.transmit()
                await asyncio.sleep(0.5)
            elif mode == "idle":
                await asyncio.sleep(conf.idle_timeout * 3 + 5)
            elif mode == "abort":
                sid = q.get_next_available_stream_id()
                q.send_stream_data(sid, b"z" * 50000, end_stream=False)
                p.transmit()
                await asyncio.sleep(0.1)
                p._transport.abort() if rnd.random() < 0.5 else None
                return
            if rnd.random() < 0.3:
                p.close(error_code=rnd.choice([0, 0, 0x100, 42]), reason_phrase=rnd.choice(["", "bye", "done here"]))
    except (ConnectionError, asyncio.TimeoutError, OSError):
        pass


if __name__ == "__main__":
    if sys.argv[1] == "server":
        asyncio.run(run_server(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "retry", float(sys.argv[5])))
    else:
        asyncio.run(run_client(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])))
