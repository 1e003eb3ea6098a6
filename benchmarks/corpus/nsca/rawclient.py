"""Minimal NSCA 2.10 protocol client (XOR method) for packets send_nsca does not send:
shifted timestamps, a bad CRC, a truncated packet held open past the server's socket
timeout, zeroed (undecryptable) data, an early close."""
import socket, struct, sys, time, zlib

def main():
    port, mode, host, svc, rc, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
    shift = int(sys.argv[7]) if len(sys.argv) > 7 else 0
    pw = b"h3dgeh0g"
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=15)
    init = b""
    while len(init) < 132:
        chunk = s.recv(132 - len(init))
        if not chunk:
            return
        init += chunk
    iv, ts = init[:128], struct.unpack("!I", init[128:])[0]
    if mode == "close":
        s.close(); return
    def pack(crc):
        return struct.pack("!hxxIIh64s128s4096sxx", 3, crc, (ts + shift) & 0xffffffff, rc,
                           host.encode(), svc.encode(), out.encode())
    body = pack(0)
    body = pack((zlib.crc32(body) + (7 if mode == "badcrc" else 0)) & 0xffffffff)
    enc = bytes(b ^ iv[i % 128] ^ pw[i % len(pw)] for i, b in enumerate(body))
    if mode == "short":
        enc = enc[: 100 + abs(shift) % 3000]
    if mode == "garbage":
        enc = bytes(len(enc))
    s.sendall(enc)
    time.sleep(11 if mode == "short" else 0.2)
    s.close()

main()
