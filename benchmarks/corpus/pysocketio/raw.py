import json
import random
import sys
import requests

base = sys.argv[1] + '/socket.io/'
rnd = random.Random(int(sys.argv[2]))


def handshake():
    r = requests.get(base, params={'EIO': '4', 'transport': 'polling'}, timeout=5)
    return json.loads(r.text[1:])['sid']


for _ in range(rnd.randint(1, 4)):
    kind = rnd.choice(['transport', 'version', 'badsid', 'badsidpost', 'origin', 'jsonp',
                       'wsnoupgrade', 'sidws', 'garbage', 'nonamespace', 'nosidpost',
                       'close', 'abandon'])
    try:
        if kind == 'transport':
            requests.get(base, params={'EIO': '4', 'transport': rnd.choice(['flash', 'xhr', 'tcp'])}, timeout=5)
        elif kind == 'version':
            requests.get(base, params={'EIO': rnd.choice(['2', '3', '5']), 'transport': 'polling'}, timeout=5)
        elif kind == 'badsid':
            requests.get(base, params={'EIO': '4', 'transport': 'polling', 'sid': 'x%06d' % rnd.randint(0, 999999)}, timeout=5)
        elif kind == 'badsidpost':
            requests.post(base, params={'EIO': '4', 'transport': 'polling', 'sid': 'y%06d' % rnd.randint(0, 999999)}, data='40', timeout=5)
        elif kind == 'nosidpost':
            requests.post(base, params={'EIO': '4', 'transport': 'polling'}, data='40', timeout=5)
        elif kind == 'origin':
            requests.get(base, params={'EIO': '4', 'transport': 'polling'}, headers={'Origin': rnd.choice(['http://evil.example', 'https://attacker.test', 'null'])}, timeout=5)
        elif kind == 'jsonp':
            requests.get(base, params={'EIO': '4', 'transport': 'polling', 'j': rnd.choice(['abc', 'x1', ''])}, timeout=5)
        elif kind == 'wsnoupgrade':
            requests.get(base, params={'EIO': '4', 'transport': 'websocket'}, timeout=5)
        elif kind == 'sidws':
            sid = handshake()
            requests.get(base, params={'EIO': '4', 'transport': 'websocket', 'sid': sid}, timeout=5)
        elif kind == 'garbage':
            sid = handshake()
            requests.post(base, params={'EIO': '4', 'transport': 'polling', 'sid': sid}, data=rnd.choice(['zz', '9', '4\x1e7x']), timeout=5)
        elif kind == 'nonamespace':
            sid = handshake()
            requests.post(base, params={'EIO': '4', 'transport': 'polling', 'sid': sid}, data='42["echo",%d]' % rnd.randint(0, 9), timeout=5)
        elif kind == 'close':
            sid = handshake()
            requests.post(base, params={'EIO': '4', 'transport': 'polling', 'sid': sid}, data='40', timeout=5)
            requests.post(base, params={'EIO': '4', 'transport': 'polling', 'sid': sid}, data='1', timeout=5)
        elif kind == 'abandon':
            handshake()
    except Exception:
        pass
