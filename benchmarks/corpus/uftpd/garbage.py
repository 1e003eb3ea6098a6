# sends a few malformed UDP datagrams to the receiver port
import os, random, socket, struct, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(random.randint(1, 4)):
    k = random.randrange(5)
    if k == 0:
        data = os.urandom(random.randint(1, 60))
    elif k == 1:   # right version, bad length/func
        data = struct.pack(">BBHII", 0x40, random.randrange(256), random.randrange(65536), random.getrandbits(32), 0) + os.urandom(random.randint(0, 30))
    elif k == 2:   # old protocol version
        data = struct.pack(">BBHII", 0x30, 1, 12, random.getrandbits(32), 0) + os.urandom(12)
    elif k == 3:   # short
        data = b"\x40\x01"
    else:          # header for an unknown group
        data = struct.pack(">BBHIIBBH", 0x40, random.choice([2, 4, 5, 6, 9, 11]), 0, random.getrandbits(32), 0x7f000001, 0, 0, 0) + os.urandom(random.randint(0, 40))
    s.sendto(data, ("127.0.0.1", port))
