#!/usr/bin/python3
"""WebSocket / HTTP clients for the websockify workload: client.py ACTION PORT [args]"""
import base64, os, random, socket, ssl, sys, time
import websockify.websocket as wsm
from websockify.websocket import WebSocket

_orig_urlparse = wsm.urlparse
def _urlparse_keep_query(u):   # the library client drops the query string; keep it for tokens
    p = _orig_urlparse(u)
    return p._replace(path=p.path + ("?" + p.query if p.query else ""))
wsm.urlparse = _urlparse_keep_query

HOST = "127.0.0.1"

def raw(port, data, wait=0.5, use_ssl=False):
    s = socket.create_connection((HOST, port), timeout=5)
    if use_ssl:
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        s = ctx.wrap_socket(s)
    if data:
        s.sendall(data)
    out = b""
    try:
        end = time.time() + wait
        while time.time() < end:
            d = s.recv(65536)
            if not d: break
            out += d
    except (socket.timeout, OSError):
        pass
    s.close()
    return out

def upgrade_req(path="/", extra=None, key=True, version="13", upgrade="websocket", host="127.0.0.1"):
    h = ["GET %s HTTP/1.1" % path, "Host: %s" % host, "Connection: Upgrade"]
    if upgrade: h.append("Upgrade: %s" % upgrade)
    if version: h.append("Sec-WebSocket-Version: %s" % version)
    if key: h.append("Sec-WebSocket-Key: %s" % base64.b64encode(os.urandom(16)).decode())
    h += extra or []
    return ("\r\n".join(h) + "\r\n\r\n").encode()

def ws_session(port, path="/", scheme="ws", msgs=None, close="normal", origin=None, extra_sleep=0):
    ws = WebSocket()
    try:
        ws.connect("%s://%s:%d%s" % (scheme, HOST, port, path), origin=origin, protocols=random.choice([[], ["binary"]]))
    except Exception as e:
        print("connect failed:", e); return
    ws.socket.settimeout(3)
    n = msgs if msgs is not None else random.randint(1, 6)
    for i in range(n):
        try:
            ws.sendmsg(os.urandom(random.randint(1, 200)))
            ws.recvmsg()
        except Exception as e:
            print("io:", e); break
        time.sleep(random.uniform(0, 0.2))
    time.sleep(extra_sleep)
    try:
        if close == "normal":
            ws.close(random.choice([1000, 1001, 4000]), random.choice(["bye", "done", ""]))
            try:
                while ws.recvmsg() is not None: pass
            except Exception: pass
    except Exception:
        pass
    drain(ws.socket)

def drain(s):
    """half-close, then read until the peer closes: never close with unread data (no RST)"""
    try:
        s.shutdown(socket.SHUT_WR)
        s.settimeout(5)
        while s.recv(65536):
            pass
    except Exception:
        pass
    s.close()

def main():
    act, port = sys.argv[1], int(sys.argv[2])
    arg = sys.argv[3:] 
    if act == "ws":
        ws_session(port, path=arg[0] if arg else "/")
    elif act == "ws_drop":      # drop TCP without a close frame
        ws_session(port, close="drop")
    elif act == "ws_wait":      # stay connected until the target goes away
        ws_session(port, msgs=0, close="drop", extra_sleep=float(arg[0]))
    elif act == "wss":
        ws_session(port, scheme="wss", path=arg[0] if arg else "/")
    elif act == "token":
        ws_session(port, path="/?token=%s" % arg[0])
    elif act == "notoken":
        ws_session(port, path=random.choice(["/", "/websockify", "/?tok=x"]))
    elif act == "origin":
        ws_session(port, origin=arg[0])
    elif act == "auth":
        cred = base64.b64encode(arg[0].encode()).decode()
        raw(port, upgrade_req(extra=["Authorization: Basic %s" % cred]), wait=0.5)
    elif act == "auth_bad_scheme":
        raw(port, upgrade_req(extra=["Authorization: Bearer abcdef"]))
    elif act == "auth_none":
        raw(port, upgrade_req())
    elif act == "get":
        raw(port, ("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % arg[0]).encode())
    elif act == "gets":
        raw(port, ("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % arg[0]).encode(), use_ssl=True)
    elif act == "head":
        raw(port, ("HEAD %s HTTP/1.0\r\n\r\n" % arg[0]).encode())
    elif act == "post":
        raw(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
    elif act == "garbage":
        raw(port, "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 /.:;!?-_~") for _ in range(random.randint(1, 40))).encode() + b"\r\n\r\n")
    elif act == "badline":
        raw(port, random.choice([b"HELLO\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /\r\n\r\n", b"FOO BAR BAZ QUX\r\n\r\n",
                                 b"GET / XTTP/1.1\r\n\r\n"]))
    elif act == "nokey":
        raw(port, upgrade_req(key=False))
    elif act == "badversion":
        raw(port, upgrade_req(version=random.choice(["8", "99", None])))
    elif act == "badupgrade":
        raw(port, upgrade_req(upgrade="websocket", extra=["Sec-WebSocket-Protocol: chat, superchat"]))
    elif act == "silent":
        raw(port, b"", wait=float(arg[0]) if arg else 0.2)
    elif act == "plain_to_ssl":
        raw(port, upgrade_req())
    elif act == "badssl":   # TLS ClientHello-looking garbage
        raw(port, b"\x16\x03\x01\x00\x05hello", wait=1)
    else:
        sys.exit("unknown action")

if __name__ == "__main__":
    main()
