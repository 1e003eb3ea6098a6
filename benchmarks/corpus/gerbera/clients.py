#!/usr/bin/env python3
"""Randomised Gerbera clients (web UI interface + UPnP SOAP/HTTP/GENA/SSDP) and media changes.
Run inside the r20g network namespace: python3 clients.py BASE_URL MEDIA_DIR SECONDS [LOG MAXLINES]
(stops early once LOG has MAXLINES lines, to keep the log within the corpus size)"""
import hashlib, os, random, re, shutil, socket, sys, time, urllib.request, urllib.error, urllib.parse

BASE, MEDIA, DUR = sys.argv[1], sys.argv[2], float(sys.argv[3])
LOG, MAXL = (sys.argv[4], int(sys.argv[5])) if len(sys.argv) > 5 else (None, 0)

def log_full():
    if not LOG: return False
    with open(LOG, 'rb') as f: return f.read().count(b'\n') >= MAXL
HOST = urllib.parse.urlparse(BASE).hostname
PORT = urllib.parse.urlparse(BASE).port
R = random.Random()

def get(path, timeout=4):
    try:
        with urllib.request.urlopen(BASE + path, timeout=timeout) as r:
            return r.read().decode('utf-8', 'replace')
    except Exception as e:
        return ''

def iface(req_type, sid=None, **kw):
    q = {'req_type': req_type, 'return_type': 'xml'}
    if sid is not None:
        q['sid'] = sid
    q.update(kw)
    return get('/content/interface?' + urllib.parse.urlencode(q))

def session(user, pw):
    x = iface('auth', action='get_sid')
    m = re.search(r'sid="([^"]+)"', x)
    sid = m.group(1) if m else 'none'
    x = iface('auth', sid, action='get_token')
    m = re.search(r'<token>([^<]+)</token>', x)
    tok = m.group(1) if m else ''
    iface('auth', sid, action='login', username=user, password=hashlib.md5((tok + pw).encode()).hexdigest())
    return sid

def soap(service, action, body, bad=False):
    env = ('<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
           's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
           f'<u:{action} xmlns:u="urn:schemas-upnp-org:service:{service}:1">{body}</u:{action}></s:Body></s:Envelope>')
    if bad:
        env = env[:R.randint(20, len(env) - 10)]
    ctrl = {'ContentDirectory': 'cds', 'ConnectionManager': 'cm', 'X_MS_MediaReceiverRegistrar': 'mr_reg'}[service]
    req = urllib.request.Request(BASE + '/upnp/control/' + ctrl, data=env.encode(), method='POST',
                                 headers={'Content-Type': 'text/xml; charset="utf-8"',
                                          'SOAPACTION': f'"urn:schemas-upnp-org:service:{service}:1#{action}"'})
    try:
        with urllib.request.urlopen(req, timeout=4) as r:
            return r.read().decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        return e.read().decode('utf-8', 'replace')
    except Exception:
        return ''

def browse(oid, flag='BrowseDirectChildren', start=0, count=10, flt='*'):
    return soap('ContentDirectory', 'Browse', f'<ObjectID>{oid}</ObjectID><BrowseFlag>{flag}</BrowseFlag>'
                f'<Filter>{flt}</Filter><StartingIndex>{start}</StartingIndex><RequestedCount>{count}</RequestedCount>'
                '<SortCriteria></SortCriteria>')

def item_ids():
    ids = set()
    for oid in ('0', '1', '4', '5', '6', '7'):
        ids.update(re.findall(r'item id=&quot;(\d+)&quot;', browse(oid, count=50)))
    return sorted(ids, key=int)

def subscribe(svc):
    s = socket.create_connection((HOST, PORT), timeout=3)
    s.sendall(f'SUBSCRIBE /upnp/event/{svc} HTTP/1.1\r\nHOST: {HOST}:{PORT}\r\nCALLBACK: <http://{HOST}:28461/cb{R.randint(1,99)}>\r\n'
              f'NT: upnp:event\r\nTIMEOUT: Second-{R.choice([60, 300, 1800])}\r\n\r\n'.encode())
    try:
        d = s.recv(4096).decode('latin1')
    except Exception:
        d = ''
    s.close()
    m = re.search(r'SID: *(\S+)', d, re.I)
    if m and R.random() < 0.6:
        s = socket.create_connection((HOST, PORT), timeout=3)
        verb = R.choice(['UNSUBSCRIBE', 'SUBSCRIBE'])
        extra = '' if verb == 'UNSUBSCRIBE' else 'TIMEOUT: Second-120\r\n'
        s.sendall(f'{verb} /upnp/event/{svc} HTTP/1.1\r\nHOST: {HOST}:{PORT}\r\nSID: {m.group(1)}\r\n{extra}\r\n'.encode())
        try: s.recv(4096)
        except Exception: pass
        s.close()

def ssdp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1)
    st = R.choice(['ssdp:all', 'upnp:rootdevice', 'urn:schemas-upnp-org:device:MediaServer:1',
                   'urn:schemas-upnp-org:service:ContentDirectory:1', 'uuid:nonexistent-' + str(R.randint(1, 999))])
    s.sendto(f'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: {R.randint(1,3)}\r\nST: {st}\r\n\r\n'.encode(),
             ('239.255.255.250', 1900))
    try: s.recv(2048)
    except Exception: pass
    s.close()

def raw(data):
    try:
        s = socket.create_connection((HOST, PORT), timeout=2)
        s.sendall(data)
        try: s.recv(2048)
        except Exception: pass
        s.close()
    except Exception:
        pass

EXT = ['jpg', 'png', 'mkv', 'avi', 'mp4', 'ogg', 'txt', 'flac', 'mp3', 'm3u', 'xyz']
WORDS = ['alpha', 'beach', 'concert', 'dinner', 'echo', 'forest', 'garden', 'harbor', 'island', 'jazz', 'kite', 'lake']

def media_change():
    sub = os.path.join(MEDIA, R.choice(['inotify', 'inotify', 'timed']))
    files = [os.path.join(dp, f) for dp, dn, fn in os.walk(sub) for f in fn]
    c = R.random()
    if c < 0.40 or not files:
        d = sub
        if R.random() < 0.3:
            d = os.path.join(sub, R.choice(WORDS) + str(R.randint(1, 20)))
            os.makedirs(d, exist_ok=True)
        ext = R.choice(EXT)
        p = os.path.join(d, f'{R.choice(WORDS)}_{R.randint(100, 9999)}.{ext}')
        with open(p, 'wb') as f:
            if ext == 'm3u':
                f.write(('#EXTM3U\n' + ''.join(f'{R.choice(WORDS)}{i}.mp3\n' for i in range(R.randint(1, 3)))).encode())
            else:
                f.write(os.urandom(R.randint(10, 40000)))
    elif c < 0.65:
        with open(R.choice(files), 'ab') as f:
            f.write(os.urandom(R.randint(1, 5000)))
    elif c < 0.85:
        os.unlink(R.choice(files))
    elif c < 0.93:
        src = R.choice(files)
        os.rename(src, os.path.join(os.path.dirname(src), f'renamed_{R.randint(1, 999)}_' + os.path.basename(src)))
    else:
        dirs = [os.path.join(dp, d) for dp, dn, fn in os.walk(sub) for d in dn]
        if dirs:
            shutil.rmtree(R.choice(dirs))

def hexid(path):
    return path.encode().hex()

def fs_dirs():
    return [dp for dp, dn, fn in os.walk(MEDIA)] + [MEDIA + '/gone' + str(R.randint(1, 9))]

def web_action(sid):
    c = R.randrange(16)
    if c == 0: iface('containers', sid, parent_id=R.choice(['0', '1', '2', '4', str(R.randint(5, 60))]), select_it='0')
    elif c == 1: iface('items', sid, parent_id=R.choice(['1', '4', '5', '6', str(R.randint(5, 80))]), start='0', count=str(R.choice([10, 25, 50])))
    elif c == 2:
        d = R.choice(fs_dirs())
        iface('directories', sid, parent_id=hexid(d))
        iface('files', sid, parent_id=hexid(d))
    elif c == 3: iface('autoscan', sid, action='list')
    elif c == 4: iface('tasks', sid, action='current')
    elif c == 5: iface('void', sid, updates=R.choice(['check', 'get']))
    elif c == 6: iface('edit_load', sid, object_id=str(R.randint(1, 120)))
    elif c == 7: iface('remove', sid, object_id=str(R.randint(30, 200)), all=R.choice(['0', '1']))
    elif c == 8: iface('add_object', sid, parent_id=R.choice(['0', '1']), obj_type=R.choice(['1', '2', '3', 'x']),
                       title=R.choice(WORDS) + str(R.randint(1, 99)), location=f'http://10.28.28.9/{R.choice(WORDS)}.mp3',
                       protocol='http-get', mime_type=R.choice(['audio/mpeg', 'video/mp4']), description='test', **{'class': 'object.item'})
    elif c == 9: iface(R.choice(['bogus', 'nosuch', 'list_things']), sid)
    elif c == 10: iface('autoscan', sid, action='as_edit_load', object_id=R.choice(['5', '6', str(R.randint(1, 99))]), from_fs='0')
    elif c == 11:
        man = os.path.join(MEDIA, 'manual')
        cands = [os.path.join(dp, f) for dp, dn, fn in os.walk(man) for f in dn + fn] + [man, man + '/missing' + str(R.randint(1, 99))]
        iface('add', sid, object_id=hexid(R.choice(cands)))
    elif c == 12: iface('edit_save', sid, object_id=str(R.randint(1, 120)), title=R.choice(WORDS), description='d' + str(R.randint(1, 9)))
    elif c == 13: iface('auth', sid, action='get_config')
    elif c == 14: iface('tasks', sid, action='cancel', task_id=str(R.randint(1, 30)))
    else: iface('auth', sid, action='logout')

def upnp_action():
    c = R.randrange(14)
    if c < 4: browse(R.choice(['0', '0', '1', '4', '5', '6', str(R.randint(1, 150))]), R.choice(['BrowseDirectChildren', 'BrowseMetadata']),
                     R.randint(0, 3), R.choice([0, 5, 10, 50]))
    elif c == 4: browse(R.choice(['abc', '-5', '99999']), R.choice(['BrowseDirectChildren', 'BrowseMetadata', 'BrowseWrong']))
    elif c == 5: soap('ContentDirectory', R.choice(['GetSearchCapabilities', 'GetSortCapabilities', 'GetSystemUpdateID']), '')
    elif c == 6: soap('ConnectionManager', R.choice(['GetProtocolInfo', 'GetCurrentConnectionIDs', 'GetCurrentConnectionInfo']), '<ConnectionID>0</ConnectionID>')
    elif c == 7: soap(R.choice(['ContentDirectory', 'ConnectionManager']), R.choice(['DestroyObject', 'FooBar', 'Search']), '<ObjectID>1</ObjectID>')
    elif c == 8: soap('X_MS_MediaReceiverRegistrar', R.choice(['IsAuthorized', 'IsValidated', 'RegisterDevice']), '<DeviceID></DeviceID>')
    elif c == 9: soap('ContentDirectory', 'Browse', '<ObjectID>0</ObjectID>', bad=True)
    elif c == 10: subscribe(R.choice(['cds', 'cm', 'mr_reg']))
    elif c == 11: ssdp()
    elif c == 12:
        ids = item_ids()
        if ids:
            oid = R.choice(ids)
            get(f'/content/media/object_id/{oid}/res_id/0/ext/file.' + R.choice(['mp3', 'jpg', 'mkv']))
        get(f'/content/media/object_id/{R.randint(900, 9999)}/res_id/0')
    else:
        r = R.randrange(4)
        if r == 0: raw(b'GARBAGE ' + os.urandom(R.randint(5, 60)) + b'\r\n\r\n')
        elif r == 1: raw(b'GET /content/interface HTTP/1.1\r\nHost: x\r\n\r\n')
        elif r == 2: get(R.choice(['/content/interface?req_type=auth', '/content/media/', '/content/online/1', '/content/serve/x.txt', '/icons/mt-icon120.png', '/js/auth.js']))
        else: raw(b'GET /' + b'A' * R.randint(100, 3000) + b' HTTP/1.0\r\n\r\n')

end = time.time() + DUR
sessions = []
while time.time() < end and not log_full():
    c = R.random()
    if c < 0.05:
        media_change()
    elif c < 0.16:
        who = R.choice([('admin', 's3cret'), ('viewer', 'look'), ('admin', 'wrong' + str(R.randint(1, 99))),
                        ('nobody' + str(R.randint(1, 50)), 'x'), ('admin', 's3cret')])
        sessions.append(session(*who))
        sessions = sessions[-4:]
    elif c < 0.55:
        web_action(R.choice(sessions + ['bogus-sid-' + str(R.randint(1, 99))]) if sessions else None)
    else:
        upnp_action()
    time.sleep(R.uniform(0.3, 1.6))
