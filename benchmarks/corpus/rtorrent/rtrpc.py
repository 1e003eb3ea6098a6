#!/usr/bin/env python3
"""Call an rTorrent XML-RPC method over SCGI (TCP).
usage: rtrpc.py SOCKET METHOD [ARGS...]   (SOCKET: unix socket path or TCP port; args: i:<int> for integers, else strings)"""
import socket, sys, xmlrpc.client

def call(port, method, *args):
    conv = [int(a[2:]) if a.startswith("i:") else a for a in args]
    body = xmlrpc.client.dumps(tuple(conv), method).encode()
    hdr = b"CONTENT_LENGTH\x00%d\x00SCGI\x001\x00REQUEST_METHOD\x00POST\x00REQUEST_URI\x00/RPC2\x00" % len(body)
    req = b"%d:%s," % (len(hdr), hdr) + body
    if str(port).isdigit():
        s = socket.create_connection(("127.0.0.1", int(port)), timeout=20)
    else:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(20)
        s.connect(port)
    s.sendall(req)
    data = b""
    while True:
        d = s.recv(65536)
        if not d:
            break
        data += d
    s.close()
    payload = data.split(b"\r\n\r\n", 1)[-1]
    try:
        return xmlrpc.client.loads(payload)[0][0]
    except xmlrpc.client.Fault as f:
        return "FAULT %s %s" % (f.faultCode, f.faultString)

if __name__ == "__main__":
    try:
        print(call(sys.argv[1], sys.argv[2], *sys.argv[3:]))
    except Exception as e:
        print("rpc error:", e)
