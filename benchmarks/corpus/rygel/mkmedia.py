import sys, struct, zlib, random, math, wave
# mkmedia.py KIND PATH : writes a small wav, png or junk file
kind, path = sys.argv[1], sys.argv[2]
if kind == 'wav':
    with wave.open(path, 'wb') as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        f = random.randint(200, 900)
        w.writeframes(b''.join(struct.pack('<h', int(8000*math.sin(2*math.pi*f*i/8000))) for i in range(8000*random.randint(1, 3))))
elif kind == 'png':
    wd, ht = random.randint(4, 64), random.randint(4, 64)
    raw = b''.join(b'\x00' + bytes(random.getrandbits(8) for _ in range(wd*3)) for _ in range(ht))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', wd, ht, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
else:
    open(path, 'wb').write(bytes(random.getrandbits(8) for _ in range(random.randint(10, 5000))))
