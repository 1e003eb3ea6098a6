#!/usr/bin/env python3
"""Minimal Taskserver protocol client: sends one raw message (argv[4] kind) over TLS.
usage: msgclient.py PORT CERT KEY CA KIND ORG USER UUID"""
import socket, ssl, struct, sys

port, cert, key, ca, kind, org, user, uuid = sys.argv[1:9]
hdr = {"org": org, "user": user, "key": uuid, "client": "r34-msgclient 0.1", "protocol": "v1"}
payload = ""
if kind == "statistics":
    hdr["type"] = "statistics"
elif kind == "badtype":
    hdr["type"] = "frobnicate"
elif kind == "badproto":
    hdr["type"] = "sync"; hdr["protocol"] = "v0"
elif kind == "noorg":
    hdr["type"] = "sync"; del hdr["org"]
elif kind == "badkey":
    hdr["type"] = "sync"; payload = "00000000-0000-0000-0000-000000000000\n"
elif kind == "badjson":
    hdr["type"] = "sync"; payload = '{"uuid":"x", "description": \n'
elif kind == "huge":
    hdr["type"] = "sync"; payload = ("{" + '"description":"' + "x" * 4000 + '"}\n') * 300
msg = "".join(f"{k}: {v}\n" for k, v in hdr.items()) + "\n" + payload
data = msg.encode()
if kind == "nul":
    data = b"\x00\x00\x00t" + data
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
if cert != "-":
    ctx.load_cert_chain(cert, key)
try:
    with socket.create_connection(("127.0.0.1", int(port)), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as s:
            if kind == "hangup":
                sys.exit(0)
            s.sendall(struct.pack(">I", len(data) + 4) + data)
            s.recv(65536)
except Exception as e:
    sys.exit(1)
