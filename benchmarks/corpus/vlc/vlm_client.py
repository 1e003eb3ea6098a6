#!/usr/bin/env python3
"""Randomised client for VLC's telnet (VLM) interface.  usage: vlm_client.py PORT PASSWORD ROLE"""
import random, socket, sys, time
port, pw, role = int(sys.argv[1]), sys.argv[2], sys.argv[3]
R = random.Random()
try:
    s = socket.create_connection(('127.0.0.1', port), timeout=3)
except OSError:
    sys.exit(0)
def rd():
    try:
        s.settimeout(0.4); s.recv(65536)
    except OSError: pass
def send(line, pause=0.15):
    try: s.sendall((line + '\r\n').encode())
    except OSError: sys.exit(0)
    time.sleep(pause); rd()
rd()
D = '/work/round30/vlc/run'
if role == 'badpw':
    for _ in range(R.randint(1, 3)):
        send(R.choice(['guess', 'admin', '123456', '', 'secret1']), 0.5)
    s.close(); sys.exit(0)
send(pw)
name = f'c{R.randint(10, 99)}'
if role == 'vlm':
    kind = R.choice(['broadcast', 'broadcast', 'vod'])
    send(f'new {name} {kind} enabled' + (' loop' if R.random() < .5 else ''))
    src = R.choice([f'{D}/tone1.wav', f'{D}/tone2.wav', f'{D}/tone3.wav', f'{D}/missing.wav'])
    send(f'setup {name} input {src}')
    if kind == 'broadcast':
        mux = R.choice(['wav', 'wav', 'ts', 'nosuchmux'])
        send(f'setup {name} output #standard{{access=http,mux={mux},dst=127.0.0.1:35400/{name}}}')
        send(f'control {name} play', 0.8)
        if R.random() < .5: send(f'control {name} pause', 0.5); send(f'control {name} play', 0.3)
        if R.random() < .4: send(f'control {name} seek {R.randint(10, 90)}', 0.3)
        send('show ' + name)
        time.sleep(R.uniform(1, 6))
        if R.random() < .6: send(f'control {name} stop')
    else:
        send(f'setup {name} output #transcode{{acodec=mpga}}')
        send('show')
    if R.random() < .7: send(f'del {name}')
elif role == 'bad':
    for _ in range(R.randint(3, 8)):
        send(R.choice(['frobnicate', 'new', 'new x broadcast', 'new ch1 broadcast', 'setup', 'setup nosuch input /x',
                       'control nosuch play', 'control ch1 jump', 'del nosuch', 'show nosuch', 'new media broadcast',
                       'setup ch1 bogus 1', 'load /nonexistent.vlm', 'save /proc/forbidden.vlm', 'help', 'show',
                       'new bad schedule enabled', 'setup bad date 2030/01/01-00:00:00', 'setup bad append control ch1 play',
                       'del bad', 'control ch1 seek x', 'setup ch1 input', 'new v vod', 'setup v mux ts', 'del v']))
elif role == 'cli':
    for _ in range(R.randint(2, 6)):
        send(R.choice(['help', 'show', 'show media', 'show schedule', 'description', 'status', 'info', 'stats']), 0.2)
send(R.choice(['logout', 'quit', 'exit', '']), 0.2)
s.close()
