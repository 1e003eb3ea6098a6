# Minimal misbehaving IMAP peers for the mbsync/imapfilter workloads (no logging).
import socket, sys, threading, time
MODES = {int(a.split('=')[0]): a.split('=')[1] for a in sys.argv[1:]}
def serve(port, mode):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(8)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, mode), daemon=True).start()
def handle(c, mode):
    try:
        if mode == 'silent':
            time.sleep(30)
        elif mode == 'close':
            pass
        elif mode == 'garbage':
            c.sendall(b'HELLO this is not imap\r\n'); time.sleep(3)
        elif mode == 'bye':
            c.sendall(b'* BYE Too many connections, try later\r\n'); time.sleep(1)
        elif mode == 'nocap':
            c.sendall(b'* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] fake ready\r\n')
            f = c.makefile('rb')
            for line in f:
                tag = line.split(b' ')[0]
                if b'LOGOUT' in line.upper():
                    c.sendall(b'* BYE bye\r\n' + tag + b' OK done\r\n'); break
                c.sendall(tag + b' BAD command unknown\r\n')
        elif mode == 'hang':
            c.sendall(b'* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n')
            c.recv(1000); time.sleep(30)
        elif mode == 'drop':
            c.sendall(b'* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n')
            c.recv(1000)
    except OSError:
        pass
    finally:
        c.close()
for p, m in MODES.items():
    threading.Thread(target=serve, args=(p, m), daemon=True).start()
while True:
    time.sleep(60)
