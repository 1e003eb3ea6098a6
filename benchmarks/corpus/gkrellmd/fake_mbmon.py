#!/usr/bin/env python3
"""Fake mbmon daemon (mbmon -r output): answers each connection with sensor lines and closes."""
import random, socket, sys
port = int(sys.argv[1]); comma = len(sys.argv) > 2
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', port)); srv.listen(5)
while True:
    c, _ = srv.accept()
    lines = ['TEMP0 : %.1f' % random.uniform(30, 60), 'TEMP1 : %.1f' % random.uniform(30, 60),
             'FAN0  : %d' % random.randint(900, 3000), 'VC0   :  +%.2f' % random.uniform(1, 2),
             'V12P  : +%.2f' % random.uniform(11, 13)]
    text = '\n'.join(random.sample(lines, random.randint(2, len(lines)))) + '\n'
    if comma:
        text = text.replace('.', ',')
    try:
        c.sendall(text.encode())
    except OSError:
        pass
    c.close()
