#!/usr/bin/env python3
"""mon client for the workload.
  montalk.py session [--src IP] [--login USER PASS] CMD...   one TCP session with the mon server
  montalk.py trap [--src IP] key=value ...                   one UDP trap to the trap port"""
import socket, sys, time

HOST, PORT, TRAPPORT = '127.0.0.1', 36200, 36201
args = sys.argv[1:]
mode = args.pop(0)
src = '127.0.0.1'
if args and args[0] == '--src':
    src = args[1]; args = args[2:]

if mode == 'session':
    login = None
    if args and args[0] == '--login':
        login = args[1:3]; args = args[3:]
    s = socket.socket()
    s.settimeout(5)
    s.bind((src, 0))
    try:
        s.connect((HOST, PORT))
    except OSError as e:
        print('connect failed', e); sys.exit(0)
    f = s.makefile('rwb')
    cmds = (['login %s %s' % tuple(login)] if login else []) + args
    for c in cmds:
        try:
            f.write((c + '\n').encode('latin-1')); f.flush()
            # read the answer up to the status line (2xx/5xx)
            while True:
                line = f.readline()
                if not line or line[:1] in (b'2', b'5') and line[3:4] == b' ':
                    break
        except OSError:
            break
        time.sleep(0.05)
    s.close()
elif mode == 'trap':
    body = '\n'.join(a.replace('\\n', '\n') for a in args) + '\n'
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind((src, 0))
    u.sendto(body.encode('latin-1'), (HOST, TRAPPORT))
