#!/usr/bin/env python3
"""Fake upstream proxies and target servers for the redsocks workload.

All listeners live on 127.0.0.1 inside the private network namespace.
The behaviour of a proxy for one connection is chosen by the last octet of
the destination address the client asked for (127.0.0.N):
  10 ok, 11 error status, 12 bad reply version, 13 bad address type,
  14 refuse all auth methods, 15 bad method reply version, 16 unexpected
  method, 17 close at once, 18 short/garbage reply, 19 auth reply bad version,
  20 target down (connect refused), 21 ok with domain address type,
  22 ok but target closes at once, 23 stall, 24 reset.
A requested destination 127.0.0.N:P is served by the target at 127.0.0.1:P+100.
"""
import asyncio, os, random, socket, struct, sys, base64

SOCKS5_PORT, SOCKS5A_PORT, SOCKS4_PORT, HTTPC_PORT, HTTPR_PORT = 51110, 51111, 51112, 51113, 51115
LOGIN, PASSWORD = b"alice", b"s3cret"


def mode_of(ip):
    try:
        return int(ip.split(".")[-1])
    except Exception:
        return 10


def target_of(ip, port, mode):
    if mode == 20:
        return "127.0.0.1", 51199   # nothing listens there
    return "127.0.0.1", port + 100


async def pipe(r, w):
    try:
        while True:
            data = await r.read(65536)
            if not data:
                break
            w.write(data)
            await w.drain()
        if w.can_write_eof():
            w.write_eof()
    except Exception:
        pass


async def splice(cr, cw, tr, tw):
    await asyncio.gather(pipe(cr, tw), pipe(tr, cw))
    for w in (cw, tw):
        try:
            w.close()
        except Exception:
            pass


def reset(w):
    sock = w.get_extra_info("socket")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except Exception:
        pass
    w.transport.abort()


async def open_target(ip, port, mode):
    host, tport = target_of(ip, port, mode)
    return await asyncio.open_connection(host, tport)


async def after_connect_behaviour(mode, r, w, tr, tw):
    if mode == 22:
        tw.close()
        w.close()
        return
    if mode == 24:
        await asyncio.sleep(random.uniform(0.05, 0.3))
        tw.close()
        reset(w)
        return
    await splice(r, w, tr, tw)


# ---------------- SOCKS5 ----------------
async def socks5(r, w, need_auth):
    try:
        hdr = await r.readexactly(2)
        methods = await r.readexactly(hdr[1])
        # we do not know the destination yet; peek the mode from a map set by the client side
        mode = None
        # decide method reply; modes that act before the request use a random pick
        # keyed on the connection order (client chooses IP; we only know it later)
        # so early-failure modes are driven by the redsocks instance port instead:
        early = EARLY.get(w.get_extra_info("sockname")[1])
        if early is not None:
            mode = early()
        early_mode = mode
        if mode == 17:
            w.close(); return
        if mode == 14:
            w.write(b"\x05\xff"); await w.drain(); w.close(); return
        if mode == 15:
            w.write(b"\x04\x00"); await w.drain(); w.close(); return
        if mode == 16:
            w.write(b"\x05\x01"); await w.drain(); w.close(); return
        if mode == 18:
            w.write(random.choice([b"\x05", b"\x05\x00\x00", b"HTTP/1.0 400 Bad\r\n"])); await w.drain()
            await asyncio.sleep(0.2); w.close(); return
        if mode == 23:
            await asyncio.sleep(random.uniform(1, 3)); w.close(); return
        if need_auth:
            w.write(b"\x05\x02"); await w.drain()
            ver, ulen = await r.readexactly(2)
            user = await r.readexactly(ulen)
            plen = (await r.readexactly(1))[0]
            pw = await r.readexactly(plen)
            if mode == 19:
                w.write(b"\x02\x00"); await w.drain(); w.close(); return
            if mode == 25 or (user, pw) != (LOGIN, PASSWORD):
                w.write(b"\x01" + bytes([random.choice([1, 2, 255])])); await w.drain(); w.close(); return
            w.write(b"\x01\x00"); await w.drain()
        else:
            w.write(b"\x05\x00"); await w.drain()
        req = await r.readexactly(4)
        if req[3] == 1:
            ip = socket.inet_ntoa(await r.readexactly(4))
        elif req[3] == 3:
            ip = (await r.readexactly((await r.readexactly(1))[0])).decode()
        else:
            ip = socket.inet_ntop(socket.AF_INET6, await r.readexactly(16))
        port = struct.unpack("!H", await r.readexactly(2))[0]
        mode = mode_of(ip)
        if req[1] == 3:   # UDP ASSOCIATE
            await udp_associate(r, w, early_mode if early_mode else mode)
            return
        if mode == 11:
            w.write(bytes([5, random.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 42]), 0, 1]) + b"\0" * 6); await w.drain(); w.close(); return
        if mode == 12:
            w.write(b"\x04\x00\x00\x01" + b"\0" * 6); await w.drain(); w.close(); return
        if mode == 13:
            w.write(b"\x05\x00\x00\x07" + b"\0" * 6); await w.drain(); w.close(); return
        if mode == 18:
            w.write(b"\x05\x00"); await w.drain(); await asyncio.sleep(0.2); w.close(); return
        if mode == 23:
            await asyncio.sleep(random.uniform(1, 3)); w.close(); return
        try:
            tr, tw = await open_target(ip, port, mode)
        except OSError:
            w.write(b"\x05\x05\x00\x01" + b"\0" * 6); await w.drain(); w.close(); return
        if mode == 21:
            w.write(b"\x05\x00\x00\x03\x09localhost" + struct.pack("!H", port))
        elif mode == 26:
            w.write(b"\x05\x00\x00\x04" + b"\0" * 15 + b"\x01" + struct.pack("!H", port))
        else:
            w.write(b"\x05\x00\x00\x01\x7f\x00\x00\x01" + struct.pack("!H", port))
        await w.drain()
        await after_connect_behaviour(mode, r, w, tr, tw)
    except (asyncio.IncompleteReadError, ConnectionError):
        w.close()


class UdpRelay(asyncio.DatagramProtocol):
    def __init__(self, mode):
        self.mode = mode
        self.client = None

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if addr[1] == UDP_ECHO_PORT:
            if self.client:
                hdr = b"\0\0\0\x01" + socket.inet_aton(addr[0]) + struct.pack("!H", addr[1])
                if self.mode == 27:
                    hdr = b"\0\0\x01\x01" + hdr[4:]
                elif self.mode == 28:
                    hdr = b"\0\0\0\x04" + hdr[4:]
                elif self.mode == 29:
                    hdr = b"\0\0\0\x01" + socket.inet_aton("127.0.0.99") + struct.pack("!H", 9)
                self.transport.sendto(hdr + data, self.client)
            return
        self.client = addr
        if len(data) < 10:
            return
        dport = struct.unpack("!H", data[8:10])[0]
        self.transport.sendto(data[10:], ("127.0.0.1", UDP_ECHO_PORT))


UDP_ECHO_PORT = 51220


async def udp_associate(r, w, mode):
    loop = asyncio.get_running_loop()
    if mode == 11:
        w.write(bytes([5, random.choice([1, 2, 7])]) + b"\0\x01" + b"\0" * 6); await w.drain(); w.close(); return
    if mode == 12:
        w.write(b"\x04\x00\x00\x01" + b"\0" * 6); await w.drain(); w.close(); return
    if mode == 13:
        w.write(b"\x05\x00\x00\x03" + b"\0" * 6); await w.drain(); w.close(); return
    tr, proto = await loop.create_datagram_endpoint(lambda: UdpRelay(mode), local_addr=("127.0.0.1", 0))
    port = tr.get_extra_info("sockname")[1]
    w.write(b"\x05\x00\x00\x01\x7f\x00\x00\x01" + struct.pack("!H", port)); await w.drain()
    try:
        await r.read()
    except Exception:
        pass
    tr.close()
    w.close()


# ---------------- SOCKS4 ----------------
async def socks4(r, w):
    try:
        hdr = await r.readexactly(8)
        port = struct.unpack("!H", hdr[2:4])[0]
        ip = socket.inet_ntoa(hdr[4:8])
        while (await r.readexactly(1)) != b"\0":
            pass
        mode = mode_of(ip)
        if mode == 11:
            w.write(bytes([0, random.choice([91, 92, 93, 99])]) + b"\0" * 6); await w.drain(); w.close(); return
        if mode == 12:
            w.write(b"\x05\x5a" + b"\0" * 6); await w.drain(); w.close(); return
        if mode in (17, 14, 15, 16):
            w.close(); return
        if mode == 18:
            w.write(b"\x00\x5a\x00"); await w.drain(); await asyncio.sleep(0.2); w.close(); return
        if mode == 23:
            await asyncio.sleep(random.uniform(1, 3)); w.close(); return
        try:
            tr, tw = await open_target(ip, port, mode)
        except OSError:
            w.write(b"\x00\x5b" + b"\0" * 6); await w.drain(); w.close(); return
        w.write(b"\x00\x5a" + b"\0" * 6); await w.drain()
        await after_connect_behaviour(mode, r, w, tr, tw)
    except (asyncio.IncompleteReadError, ConnectionError):
        w.close()


# ---------------- HTTP CONNECT / relay ----------------
async def read_head(r):
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = await r.read(1)
        if not chunk:
            raise asyncio.IncompleteReadError(head, None)
        head += chunk
    return head.decode("latin1")


def authorized(head):
    want = "Basic " + base64.b64encode(LOGIN + b":" + PASSWORD).decode()
    for line in head.split("\r\n"):
        if line.lower().startswith("proxy-authorization:"):
            return line.split(":", 1)[1].strip() == want
    return False


async def http_connect(r, w):
    try:
        head = await read_head(r)
        first = head.split("\r\n", 1)[0]
        hostport = first.split(" ")[1]
        ip, port = hostport.rsplit(":", 1)
        port = int(port)
        mode = mode_of(ip)
        if mode == 17:
            w.close(); return
        if mode in (14, 25) and not authorized(head):
            w.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"fake\"\r\nContent-Length: 0\r\n\r\n")
            await w.drain(); w.close(); return
        if mode == 15:
            w.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"); await w.drain(); w.close(); return
        if mode == 11:
            code = random.choice([b"403 Forbidden", b"502 Bad Gateway", b"503 Service Unavailable", b"400 Bad Request"])
            body = b"<html><body>proxy says no</body></html>"
            w.write(b"HTTP/1.1 " + code + b"\r\nContent-Type: text/html\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            await w.drain(); w.close(); return
        if mode == 12:
            w.write(random.choice([b"SSH-2.0-OpenSSH_9.2\r\n", b"garbage reply here\r\n", b"ICY 200 OK\r\n"])); await w.drain(); w.close(); return
        if mode == 13:
            w.write(b"X" * 5000); await w.drain(); await asyncio.sleep(0.3); w.close(); return
        if mode == 23:
            await asyncio.sleep(random.uniform(1, 3)); w.close(); return
        try:
            tr, tw = await open_target(ip, port, mode)
        except OSError:
            w.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"); await w.drain(); w.close(); return
        w.write(b"HTTP/1.1 200 Connection established\r\nProxy-Agent: fake\r\n\r\n"); await w.drain()
        await after_connect_behaviour(mode, r, w, tr, tw)
    except (asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
        w.close()


async def http_relay(r, w):
    try:
        head = await read_head(r)
        first = head.split("\r\n", 1)[0]
        parts = first.split(" ")
        url = parts[1] if len(parts) > 1 else ""
        host = url.split("/")[2] if url.startswith("http://") else "127.0.0.10"
        ip = host.split(":")[0]
        mode = mode_of(ip)
        if mode == 17:
            w.close(); return
        if mode in (14, 25) and not authorized(head):
            w.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"fake\"\r\nContent-Length: 0\r\n\r\n")
            await w.drain(); w.close(); return
        if mode == 15:
            w.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"); await w.drain(); w.close(); return
        if mode == 11:
            w.write(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"); await w.drain(); w.close(); return
        if mode == 12:
            w.write(b"what is this\r\n\r\n"); await w.drain(); w.close(); return
        if mode == 13:
            w.write(b"Y" * 5000); await w.drain(); await asyncio.sleep(0.3); w.close(); return
        if mode == 23:
            await asyncio.sleep(random.uniform(1, 3)); w.close(); return
        body = ("you asked for %s\n" % url).encode()
        w.write(b"HTTP/1.0 200 OK\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        await w.drain()
        if mode == 24:
            reset(w); return
        w.close()
    except (asyncio.IncompleteReadError, ConnectionError, IndexError):
        w.close()


# ---------------- targets ----------------
async def echo(r, w):
    await pipe(r, w)
    w.close()


class UdpEcho(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data, addr)


EARLY = {}


def early_picker(modes):
    return lambda: random.choice(modes)


async def main():
    loop = asyncio.get_running_loop()
    servers = [
        await asyncio.start_server(lambda r, w: socks5(r, w, False), "127.0.0.1", SOCKS5_PORT),
        await asyncio.start_server(lambda r, w: socks5(r, w, True), "127.0.0.1", SOCKS5A_PORT),
        await asyncio.start_server(socks4, "127.0.0.1", SOCKS4_PORT),
        await asyncio.start_server(http_connect, "127.0.0.1", HTTPC_PORT),
        await asyncio.start_server(http_relay, "127.0.0.1", HTTPR_PORT),
        # socks5 that misbehaves in the method negotiation
        await asyncio.start_server(lambda r, w: socks5(r, w, False), "127.0.0.1", 51116),
    ]
    servers.append(await asyncio.start_server(lambda r, w: socks5(r, w, False), "127.0.0.1", 51117))
    EARLY[51117] = early_picker([11, 12, 13, 27, 28, 29, None, None, None])
    EARLY[51116] = early_picker([14, 15, 16, 17, 18, 23, None, None])
    EARLY[SOCKS5A_PORT] = early_picker([19, 25, None, None, None])
    for p in range(51300, 51310):
        servers.append(await asyncio.start_server(echo, "127.0.0.1", p))
    await loop.create_datagram_endpoint(UdpEcho, local_addr=("127.0.0.1", UDP_ECHO_PORT))
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    asyncio.run(main())
