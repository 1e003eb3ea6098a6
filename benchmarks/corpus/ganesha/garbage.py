#!/usr/bin/env python3
"""Send malformed ONC RPC traffic to an NFS-Ganesha TCP port."""
import random, socket, struct, sys, time

port = int(sys.argv[1]); n = int(sys.argv[2]); seed = int(sys.argv[3])
rnd = random.Random(seed)

def rec(payload, last=True):
    return struct.pack('>I', (0x80000000 if last else 0) | len(payload)) + payload

def call(prog, vers, proc, cred_flavor=0, body=b'', rpcvers=2):
    xid = rnd.getrandbits(32)
    cred = struct.pack('>II', cred_flavor, 0)
    if cred_flavor == 1:   # AUTH_SYS with uid 1000
        mach = b'evil'
        c = struct.pack('>I', 0) + struct.pack('>I', len(mach)) + mach + struct.pack('>III', 1000, 1000, 0)
        cred = struct.pack('>II', 1, len(c)) + c
    return struct.pack('>IIIIII', xid, 0, rpcvers, prog, vers, proc) + cred + struct.pack('>II', 0, 0) + body

KINDS = [
    lambda: bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 120))),            # noise
    lambda: rec(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(8, 60)))),         # framed noise
    lambda: rec(call(100003, 3, 0, rpcvers=3)),                                        # bad RPC version
    lambda: rec(call(100099, 1, 0)),                                                   # unknown program
    lambda: rec(call(100003, 7, 0)),                                                   # unsupported NFS version
    lambda: rec(call(100003, 3, 99)),                                                  # bad procedure
    lambda: rec(call(100005, 3, 1, 1, struct.pack('>I', 7) + b'/nosuch\0')),          # MNT of missing path
    lambda: rec(call(100003, 3, 1, 1, struct.pack('>I', 8) + b'\x01' * 8)),           # GETATTR of bogus handle
    lambda: rec(call(100003, 4, 1, 1, struct.pack('>III', 0, 0, 1) + struct.pack('>I', 99))),  # COMPOUND bad op
    lambda: rec(call(100003, 3, 0, cred_flavor=6)),                                    # RPCSEC_GSS (not active)
    lambda: struct.pack('>I', 0x80000000 | 0x7fffffff) + b'\0' * 12,                  # huge record
]

for i in range(n):
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=1.0)
        for _ in range(rnd.randint(1, 2)):
            s.sendall(rnd.choice(KINDS)())
            time.sleep(0.02)
        try:
            s.settimeout(0.3)
            s.recv(4096)
        except Exception:
            pass
        s.close()
    except Exception as e:
        print('garbage:', e)
    time.sleep(rnd.random() * 0.05)
