#!/usr/bin/env python3
"""A misbehaving NNTP server (second news server for nzbget). usage: flaky_nntp.py PORT SECONDS"""
import random, socket, sys, threading, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + secs
def handle(c):
    f = c.makefile('rwb', buffering=0)
    r = random.random()
    try:
        if r < 0.1:
            f.write(b'400 too many connections\r\n'); return
        if r < 0.15:
            f.write(b'garbage banner\r\n'); return
        if r < 0.2:
            return  # close without banner
        if r < 0.25:
            time.sleep(8); return  # silent
        f.write(b'200 flaky news server ready\r\n')
        authok = random.random() < 0.6
        while time.time() < end:
            line = f.readline()
            if not line:
                break
            u = line.decode('latin1').strip().upper()
            if u.startswith('AUTHINFO USER'):
                f.write(b'381 more\r\n')
            elif u.startswith('AUTHINFO PASS'):
                f.write(b'281 ok\r\n' if authok else b'481 authentication failed\r\n')
                if not authok:
                    return
            elif u.startswith('GROUP'):
                f.write(b'211 5 1 5 alt.binaries.test\r\n' if random.random() < 0.7 else b'411 no such group\r\n')
            elif u.startswith(('BODY', 'ARTICLE')):
                x = random.random()
                if x < 0.6:
                    f.write(b'430 no such article\r\n')
                elif x < 0.7:
                    f.write(b'222 0 <x> body\r\n=ybegin part=1 line=128 size=100 name=x\r\nabc\r\n'); return
                elif x < 0.8:
                    f.write(b'502 access denied\r\n')
                elif x < 0.9:
                    f.write(b'222 0 <x> body\r\nnot yenc at all\r\n.\r\n')
                else:
                    f.write(b'999 weird\r\n')
            elif u.startswith('QUIT'):
                f.write(b'205 bye\r\n'); break
            else:
                f.write(b'500 unknown\r\n')
    except OSError:
        pass
    finally:
        try: c.close()
        except OSError: pass
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', port)); s.listen(16); s.settimeout(0.5)
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    threading.Thread(target=handle, args=(c,), daemon=True).start()
s.close()
