import random, socket, sys, time
# misbehaving owserver-protocol client: short header, garbage header, or idle connection
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
k = sys.argv[2]
if k == "short": s.sendall(b"\x00\x00\x00")
elif k == "garbage": s.sendall(bytes(random.getrandbits(8) for _ in range(24)))
elif k == "bigpayload": s.sendall(b"\x00\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x02\x00\x00\x01\x0a\x00\x00\x00\x00\x00\x00\x00\x00")
time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 0.2)
s.close()
