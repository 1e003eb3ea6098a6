#!/usr/bin/env python3
"""Tiny TCP/UDP clients for the xinetd workload: connect from a chosen 127.0.0.x source."""
import socket, sys, random, time, os

SRC = os.environ.get("XSRC", "127.0.0.1")


def tcp(port, send=b"", read=True, hold=0.0):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3, source_address=(SRC, 0))
        if send:
            s.sendall(send)
        time.sleep(hold)
        if read:
            try:
                s.settimeout(3)
                print(s.recv(200))
            except socket.timeout:
                print("timeout")
        s.close()
    except Exception as e:
        print("error", e)


def udp(port, send=b"x"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((SRC, 0))
    s.settimeout(1)
    s.sendto(send, ("127.0.0.1", port))
    try:
        print(s.recvfrom(200))
    except socket.timeout:
        print("timeout")
    s.close()


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    arg = sys.argv[3].encode() + b"\n" if len(sys.argv) > 3 else b""
    hold = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    if kind == "tcp":
        tcp(port, arg, True, hold)
    elif kind == "hangup":
        tcp(port, b"", False)
    elif kind == "udp":
        udp(port, arg or b"ping")
