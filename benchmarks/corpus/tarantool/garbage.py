#!/usr/bin/env python3
"""Send malformed and hostile traffic to a Tarantool binary or console port."""
import random, socket, struct, sys, time

port = int(sys.argv[1]); n = int(sys.argv[2]); seed = int(sys.argv[3])
rnd = random.Random(seed)

def mp_map(d):
    out = bytes([0x80 | len(d)])
    for k, v in d.items():
        out += bytes([k]) + v
    return out

def packet(header, body):
    payload = header + body
    return b'\xce' + struct.pack('>I', len(payload)) + payload

def kinds():
    return [
        lambda: bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 200))),
        lambda: b'\xce' + struct.pack('>I', rnd.randint(5, 50)) + b'\x81\x00',         # truncated
        lambda: packet(mp_map({0x00: b'\x01'}), b'\xc1\xc1\xc1'),                        # bad body msgpack
        lambda: packet(b'\x93\x01\x02', b'\x80'),                                        # header not a map
        lambda: packet(mp_map({0x00: b'\x7f', 0x01: b'\x05'}), b'\x80'),                 # unknown request type
        lambda: packet(mp_map({0x00: b'\x01', 0x01: b'\x06'}), mp_map({0x10: b'\xcd\x27\x0f'})),  # select bad space
        lambda: packet(mp_map({0x00: b'\x07', 0x01: b'\x07'}), mp_map({0x23: b'\xa5alice', 0x21: b'\x92\xa9chap-sha1\xb4' + b'A' * 20})),  # bad auth
        lambda: packet(mp_map({0x00: b'\x07', 0x01: b'\x08'}), mp_map({0x23: b'\xa7mallory', 0x21: b'\x92\xa9chap-sha1\xb4' + b'B' * 20})),  # unknown user
        lambda: packet(mp_map({0x00: b'\x07', 0x01: b'\x09'}), b'\x80'),                 # auth without body
        lambda: packet(mp_map({0x00: b'\x02', 0x01: b'\x0a'}), mp_map({0x10: b'\xcd\x02\x00', 0x21: b'\x91\x01'})),  # insert as guest
        lambda: b'\xce\xff\xff\xff\xff' + b'\x00' * 16,                                  # huge length
        lambda: b'GET / HTTP/1.0\r\n\r\n',
        lambda: packet(mp_map({0x00: b'\x41', 0x01: b'\x0b'}), mp_map({0x22: b'\x91\x01'})),  # VOTE
        lambda: packet(mp_map({0x00: b'\x42', 0x01: b'\x0c'}), b'\x80'),                 # JOIN without uuid
    ]

K = kinds()
for i in range(n):
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=1.0)
        try:
            s.recv(128)  # greeting
        except socket.timeout:
            pass
        for _ in range(rnd.randint(1, 3)):
            s.sendall(rnd.choice(K)())
            time.sleep(0.01)
        try:
            s.settimeout(0.2)
            s.recv(4096)
        except Exception:
            pass
        if rnd.random() < 0.5:
            s.shutdown(socket.SHUT_RDWR)
        s.close()
    except Exception as e:
        print('garbage:', e)
    time.sleep(rnd.random() * 0.05)
