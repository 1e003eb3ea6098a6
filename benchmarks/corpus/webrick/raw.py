import socket, sys, time
# send raw bytes (argv[2], with \r\n escapes) to 127.0.0.1:argv[1]; argv[3] = "drop" closes without reading
port = int(sys.argv[1]); data = sys.argv[2].encode().decode('unicode_escape').encode('latin-1')
s = socket.create_connection(('127.0.0.1', port), timeout=6)
if data: s.sendall(data)
if len(sys.argv) > 3 and sys.argv[3] == 'drop':
    s.close(); sys.exit(0)
if len(sys.argv) > 3 and sys.argv[3] == 'idle':
    time.sleep(4)
try:
    while s.recv(65536): pass
except Exception: pass
s.close()
