#!/usr/bin/env python3
"""Minimal infinote (XMPP over TCP, no TLS) client for the workload: connects, authenticates
with SASL ANONYMOUS, then sends random directory requests, some of them wrong on purpose."""
import random, re, socket, sys, time
HOST, PORT = '127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 44700
STREAM = (b'<stream:stream version="1.0" xmlns="jabber:client" '
          b'xmlns:stream="http://etherx.jabber.org/streams" to="localhost">')

def rd(s, t=0.08):
    s.settimeout(t); out = b''
    try:
        while True:
            d = s.recv(65536)
            if not d: break
            out += d
    except (socket.timeout, ConnectionError): pass
    return out

def session(kind):
    s = socket.create_connection((HOST, PORT))
    if kind == 'garbage':
        s.sendall(random.choice([b'<<<>>> not xml', b'\x00\x01\x02junk', b'GET / HTTP/1.0\r\n\r\n',
                                 b'<?xml version="1.0"?><?xml version="1.0"?>']))
        rd(s); s.close(); return
    if kind == 'drop':
        s.sendall(STREAM[:random.randint(5, len(STREAM) - 1)]); s.close(); return
    s.sendall(b'<?xml version="1.0" encoding="UTF-8"?>' + STREAM); rd(s)
    if kind == 'badauth':
        s.sendall(b'<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">AGZvbwBiYXI=</auth>'); rd(s); s.close(); return
    s.sendall(b'<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="ANONYMOUS"/>'); rd(s)
    s.sendall(b'<response xmlns="urn:ietf:params:xml:ns:xmpp-sasl">YW5vbg==</response>'); rd(s)
    s.sendall(STREAM); rd(s, 0.3)
    seq = 0
    for _ in range(random.randint(0, 6)):
        seq += 1
        n = random.randint(1, 9)
        req = random.choice([
            '<explore-node seq="%d" id="0"/>',
            '<explore-node seq="%d" id="999"/>',
            '<add-node seq="%%d" parent="0" type="InfSubdirectory" name="dir%d"/>' % n,
            '<add-node seq="%%d" parent="0" type="InfText" name="doc%d"/>' % n,
            '<add-node seq="%%d" parent="0" type="NoSuchType" name="x%d"/>' % n,
            '<add-node seq="%d" parent="0" type="InfText" name="a/b"/>',
            '<remove-node seq="%%d" id="%d"/>' % n,
            '<subscribe-session seq="%%d" id="%d"/>' % n,
            '<subscribe-chat seq="%d"/>',
            '<query-acl-account-list seq="%d"/>',
            '<no-such-request seq="%d"/>',
            '<explore-node id="0"/>',
        ])
        req = req % seq if '%d' in req else req
        s.sendall(('<group name="InfDirectory" publisher="you">%s</group>' % req).encode()); rd(s, 0.12)
    if kind == 'session':
        seq += 1
        s.sendall(('<group name="InfDirectory" publisher="you"><add-node seq="%d" parent="0" type="InfText" name="s%d"/></group>'
                   % (seq, random.randint(1, 30))).encode())
        r = rd(s, 0.12)
        m = re.search(rb'<add-node id="(\d+)"', r)
        node = m.group(1).decode() if m else str(random.randint(1, 40))
        seq += 1
        s.sendall(('<group name="InfDirectory" publisher="you"><subscribe-session seq="%d" id="%s"/></group>' % (seq, node)).encode())
        r = rd(s, 0.12)
        m = re.search(rb'group="(InfSession_\d+)"', r)
        if m:
            grp = m.group(1).decode()
            def g(x): s.sendall(('<group name="%s" publisher="you">%s</group>' % (grp, x)).encode()); return rd(s, 0.08)
            s.sendall(('<group name="InfDirectory" publisher="you"><subscribe-ack id="%s"/></group>' % node).encode()); rd(s)
            g('<sync-ack/>')
            r = g('<user-join name="u%d" seq="1" status="active" caret="0" selection="0" hue="0.5" time=""/>' % random.randint(1, 99))
            m = re.search(rb'<user-join[^>]* id="(\d+)"', r)
            uid = m.group(1).decode() if m else '1'
            for _ in range(random.randint(0, 8)):
                g(random.choice([
                    '<request user="%s" time=""><insert pos="0">hello %d</insert></request>' % (uid, random.randint(0, 999)),
                    '<request user="%s" time=""><delete pos="%d" len="5"/></request>' % (uid, random.randint(50, 500)),
                    '<request user="%s" time=""><insert pos="%d">x</insert></request>' % (uid, random.randint(1000, 2000)),
                    '<request user="%d" time=""><insert pos="0">x</insert></request>' % random.randint(100, 200),
                    '<request user="%s"><insert pos="0">x</insert></request>' % uid,
                    '<request user="%s" time=""><undo/></request>' % uid,
                    '<user-status-change id="%s" status="inactive"/>' % uid,
                    '<no-such-session-message/>',
                ]))
            if random.random() < 0.5: g('<session-unsubscribe/>')
    if random.random() < 0.2:
        s.sendall(b'<group name="InfDirectory" publisher="you"><broken'); rd(s, 0.12)
    if random.random() < 0.5:
        s.sendall(b'</stream:stream>'); rd(s, 0.12)
    s.close()

kinds = ['ok'] * 5 + ['session'] * 5 + ['garbage'] * 2 + ['drop'] * 2 + ['badauth']
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
    try: session(random.choice(kinds))
    except OSError: pass
