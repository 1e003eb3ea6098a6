#!/usr/bin/env python3
"""Randomised clients for the twistd services of r20.tac (web 28480, backend 28481, ftp 28482,
ssh manhole 28483, portforward 28484), all on 127.0.0.1.
Run: python3 clients.py BASE_DIR SECONDS"""
import ftplib, io, os, random, socket, subprocess, sys, time, urllib.request, urllib.error

BASE, DUR = sys.argv[1], float(sys.argv[2])
R = random.Random()
H = '127.0.0.1'
WORDS = ['apple', 'berry', 'cloud', 'delta', 'ember', 'frost', 'grove', 'haze', 'iris', 'jade', 'koi', 'lumen']

def http(port, path, method='GET', data=None, headers=None, timeout=5):
    req = urllib.request.Request(f'http://{H}:{port}{path}', data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
    except urllib.error.HTTPError as e:
        e.read()
    except Exception:
        pass

def raw(port, data, wait=0.5, read=True):
    try:
        s = socket.create_connection((H, port), timeout=3)
        s.sendall(data)
        time.sleep(wait)
        if read:
            try: s.recv(4096)
            except Exception: pass
        s.close()
    except Exception:
        pass

def web():
    files = [os.path.relpath(os.path.join(dp, f), os.path.join(BASE, 'www')) for dp, dn, fn in os.walk(os.path.join(BASE, 'www')) for f in fn]
    c = R.randrange(15)
    port = R.choice([28480, 28480, 28480, 28484])
    if c < 4: http(port, '/' + R.choice(files))
    elif c == 4: http(port, '/' + R.choice(['music/', 'docs/', '', 'music']))
    elif c == 5: http(port, f'/{R.choice(WORDS)}{R.randint(1, 500)}.html')
    elif c == 6: http(port, '/proxy/' + R.choice(['index.html', 'data.txt', f'missing{R.randint(1, 99)}', '']))
    elif c == 7: http(port, '/dead/' + R.choice(WORDS))
    elif c == 8: http(port, R.choice(['/old', '/gone', '/private', '/private/x']))
    elif c == 9: http(port, '/' + R.choice(files), method=R.choice(['POST', 'PUT', 'DELETE']), data=os.urandom(R.randint(0, 2000)))
    elif c == 10: http(port, '/' + R.choice(files), method='HEAD')
    elif c == 11: http(port, '/' + R.choice(files), headers={'Range': f'bytes={R.randint(0, 50)}-{R.randint(51, 500)}'})
    elif c == 12: raw(port, R.choice([b'GARBAGE\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n', b'GET /' + b'x' * R.randint(100, 20000) + b' HTTP/1.1\r\nHost: a\r\n\r\n',
                                      b'GET / HTTP/1.1\r\n' + b'X-Long: ' + b'y' * 70000 + b'\r\n\r\n', os.urandom(R.randint(10, 200))]))
    elif c == 13: raw(port, b'GET /index.html HTTP/1.1\r\nHost: x\r\n', wait=R.uniform(0.2, 1.0), read=False)  # half request, hang up
    else: http(28481, '/' + R.choice(['index.html', 'nope', 'data.txt']))

def ftp_session():
    who = R.choice([('anonymous', 'guest@x'), ('alice', 'wonder'), ('bob', 'builder'), ('alice', 'wrong' + str(R.randint(1, 99))),
                    ('mallory' + str(R.randint(1, 9)), 'x'), ('bob', 'builder')])
    try:
        f = ftplib.FTP()
        f.connect(H, 28482, timeout=5)
        try:
            f.login(*who)
        except ftplib.all_errors:
            if R.random() < 0.5:
                f.close(); return
        for _ in range(R.randint(1, 5)):
            c = R.randrange(10)
            try:
                if c == 0: f.nlst()
                elif c == 1: f.retrlines('LIST', lambda l: None)
                elif c == 2: f.cwd(R.choice(['docs', '/', 'nowhere', '..', 'sub' + str(R.randint(1, 3))]))
                elif c == 3: f.retrbinary('RETR ' + R.choice(['readme.txt', 'big.bin', 'missing.txt', 'docs/notes.txt']), lambda b: None)
                elif c == 4: f.storbinary(f'STOR up_{R.randint(1, 999)}.dat', io.BytesIO(os.urandom(R.randint(10, 50000))))
                elif c == 5: f.mkd('dir' + str(R.randint(1, 50)))
                elif c == 6: f.delete(R.choice(['readme.txt', f'up_{R.randint(1, 999)}.dat', 'nothing']))
                elif c == 7: f.sendcmd(R.choice(['SITE HELP', 'FEAT', 'SYST', 'NOOP', 'BOGUS x', 'SIZE readme.txt', 'MDTM readme.txt', 'PWD', 'TYPE X']))
                elif c == 8: f.rename(R.choice(['readme.txt', 'nothere']), 'renamed' + str(R.randint(1, 9)))
                else: f.rmd(R.choice(['dir' + str(R.randint(1, 50)), 'docs']))
            except ftplib.all_errors:
                pass
        if R.random() < 0.7:
            f.quit()
        else:
            f.close()  # drop without QUIT
    except Exception:
        pass

def ftp_raw():
    c = R.randrange(3)
    if c == 0: raw(28482, b'USER anonymous\r\nPASS x\r\nPASV\r\nRETR x\r\nQUIT\r\n')
    elif c == 1: raw(28482, os.urandom(R.randint(5, 80)) + b'\r\n')
    else: raw(28482, b'', wait=R.uniform(0.1, 0.5))

def ssh():
    c = R.randrange(6)
    user, pw = R.choice([('admin', 'pw1'), ('admin', 'bad' + str(R.randint(1, 9))), ('root', 'toor'), ('admin', 'pw1')])
    try:
        if c < 3:
            sh = f"(printf 'greeting\\n{R.randint(1, 99)}*{R.randint(1, 99)}\\nundefined_{R.choice(WORDS)}\\n'; sleep 1.5; printf '\\004'; sleep 1.5) | " + ' '.join(['timeout', '6', 'sshpass', '-p', pw, 'ssh', '-tt', '-p', '28483', '-o', 'StrictHostKeyChecking=no',
                            '-o', 'UserKnownHostsFile=/dev/null', '-o', 'PreferredAuthentications=password', '-o', 'NumberOfPasswordPrompts=1',
                            '-o', 'LogLevel=ERROR', f'{user}@{H}'])
            subprocess.run(sh, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=9)
        elif c == 3:
            subprocess.run(['timeout', '5', 'ssh-keyscan', '-p', '28483', '-t', R.choice(['rsa', 'ecdsa', 'ed25519']), H],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=7)
        elif c == 4:
            raw(28483, R.choice([b'SSH-2.0-bogus\r\n' + os.urandom(R.randint(10, 300)), b'HELLO\r\n', b'SSH-1.5-old\r\n']))
        else:
            subprocess.run(['timeout', '5', 'ssh', '-p', '28483', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null',
                            '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR', f'nobody@{H}', 'true'],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=7)
    except Exception:
        pass

def telnet():
    user, pw = R.choice([('admin', 'pw1'), ('admin', 'nope'), ('guest', 'guest')])
    raw(28486, f'{user}\r\n{pw}\r\n{R.randint(1, 9)}+{R.randint(1, 9)}\r\n'.encode(), wait=R.uniform(0.5, 1.5))

def forward_dead():
    http(28485, '/' + R.choice(WORDS), timeout=3)

end = time.time() + DUR
while time.time() < end:
    c = R.random()
    if c < 0.45: web()
    elif c < 0.65: ftp_session()
    elif c < 0.70: ftp_raw()
    elif c < 0.85: ssh()
    else:
        p = os.path.join(BASE, 'www', R.choice(['music', 'docs']), f'{R.choice(WORDS)}_{R.randint(1, 99)}.txt')
        if R.random() < 0.6:
            with open(p, 'wb') as f: f.write(os.urandom(R.randint(1, 9000)))
        else:
            for dp, dn, fn in os.walk(os.path.join(BASE, 'www', 'music')):
                if fn: os.unlink(os.path.join(dp, R.choice(fn))); break
    time.sleep(R.uniform(0.05, 0.6))
