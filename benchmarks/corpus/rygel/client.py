"""Randomised UPnP client for the Rygel workload: python3 client.py ROUNDS (run inside the netns)."""
import random, re, socket, sys, time, http.client, os, subprocess, threading, http.server
H, P = '127.0.0.1', 40100
CD = '/Control/MediaExport/RygelContentDirectory'
CM = '/Control/MediaExport/RygelSourceConnectionManager'
MR = '/Control/MediaExport/RygelMediaReceiverRegistrar'
EV = ['/Event/MediaExport/RygelContentDirectory', '/Event/MediaExport/RygelSourceConnectionManager',
      '/Event/MediaExport/RygelMediaReceiverRegistrar']
NS = {CD: 'urn:schemas-upnp-org:service:ContentDirectory:3', CM: 'urn:schemas-upnp-org:service:ConnectionManager:2',
      MR: 'urn:microsoft-com:service:X_MS_MediaReceiverRegistrar:1'}
MEDIA = '/tmp/round33-r33e/media'
HERE = os.path.dirname(os.path.abspath(__file__))
ids, urls, sids = ['0'], [], []
UA = ['Mozilla/5.0', 'Xbox/2.0.4548.0 UPnP/1.0 Xbox/2.0.4548.0', 'SEC_HHP_TV/1.0', 'PLAYSTATION 3', 'VLC/3.0.18 LibVLC/3.0.18',
      'Allegro-Software-WebClient/4.61', 'foobar/1.0', 'Linux UPnP/1.0 Sony-BDV/1.0', 'WMFSDK/12.0']

def req(method, path, body=None, headers=None, timeout=5):
    try:
        c = http.client.HTTPConnection(H, P, timeout=timeout)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read(random.choice([200000, 200000, 1000]))
        c.close()
        return r.status, dict(r.getheaders()), data.decode('utf-8', 'replace')
    except Exception:
        return 0, {}, ''

def soap(ctl, action, args, bad=False):
    body = ''.join(f'<{k}>{v}</{k}>' for k, v in args)
    env = (f'<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
           f's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body><u:{action} xmlns:u="{NS[ctl]}">'
           f'{body}</u:{action}></s:Body></s:Envelope>')
    if bad:
        env = random.choice([env[:len(env) // 2], 'garbage', ''])
    hdr = {'Content-Type': 'text/xml; charset="utf-8"', 'SOAPACTION': f'"{NS[ctl]}#{action}"',
           'User-Agent': random.choice(UA)}
    return req('POST', ctl, env.encode(), hdr)

def browse():
    oid = random.choice(ids + ['0', '0', 'nosuchid', '', 'virtual-container:upnp:class,object.item.audioItem', '1'])
    flag = random.choice(['BrowseDirectChildren'] * 4 + ['BrowseMetadata'] * 2 + ['BrowseBogus'])
    sort = random.choice(['', '', '+dc:title', '-dc:date', '+upnp:bogus', 'dc:title'])
    st, _, body = soap(CD, 'Browse', [('ObjectID', oid), ('BrowseFlag', flag), ('Filter', random.choice(['*', '', 'res,dc:date'])),
                                     ('StartingIndex', random.choice([0, 0, 1, 5, 100])), ('RequestedCount', random.choice([0, 2, 10])),
                                     ('SortCriteria', sort)])
    for m in re.findall(r'id=&quot;([^&]+)&quot;', body):
        if m not in ids: ids.append(m)
    for m in re.findall(r'http://127\.0\.0\.1:40100/[^&<]+', body):
        if m not in urls: urls.append(m)

def search():
    crit = random.choice(['*', 'upnp:class derivedfrom "object.item.audioItem"', 'dc:title contains "tone"',
                          'upnp:class = "object.item.imageItem.photo"', 'dc:title = ', '(dc:title exists true)',
                          'upnp:artist contains "x" and dc:title contains "y"', 'bogus ((', '@refID exists false'])
    soap(CD, 'Search', [('ContainerID', random.choice(['0', '0', 'nosuch'] + ids[:5])), ('SearchCriteria', crit), ('Filter', '*'),
                        ('StartingIndex', 0), ('RequestedCount', random.choice([0, 5])), ('SortCriteria', '')])

def misc_action():
    a = random.choice([(CD, 'GetSearchCapabilities', []), (CD, 'GetSortCapabilities', []), (CD, 'GetSystemUpdateID', []),
                       (CD, 'GetFeatureList', []), (CD, 'GetServiceResetToken', []), (CD, 'X_GetFeatureList', []),
                       (CM, 'GetProtocolInfo', []), (CM, 'GetCurrentConnectionIDs', []),
                       (CM, 'GetCurrentConnectionInfo', [('ConnectionID', random.choice([0, 1, 7]))]),
                       (MR, 'IsAuthorized', [('DeviceID', '')]), (MR, 'IsValidated', [('DeviceID', 'x')]),
                       (MR, 'RegisterDevice', [('RegistrationReqMsg', 'abc')]), (CD, 'NoSuchAction', []),
                       (CD, 'UpdateObject', [('ObjectID', random.choice(ids)), ('CurrentTagValue', ''), ('NewTagValue', '')]),
                       (CD, 'DestroyObject', [('ObjectID', random.choice(ids + ['nosuch']))]),
                       (CD, 'GetFreeFormQuery', [])])
    soap(a[0], a[1], a[2], bad=random.random() < 0.15)

def create():
    kind = random.choice(['object.item.audioItem.musicTrack', 'object.item.imageItem.photo', 'object.container', 'object.item.bogus'])
    title = f'up{random.randint(1, 9999)}'
    didl = (f'&lt;DIDL-Lite xmlns=&quot;urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/&quot; xmlns:dc=&quot;http://purl.org/dc/elements/1.1/&quot; '
            f'xmlns:upnp=&quot;urn:schemas-upnp-org:metadata-1-0/upnp/&quot;&gt;&lt;item id=&quot;&quot; parentID=&quot;DLNA.ORG_AnyContainer&quot; restricted=&quot;0&quot;&gt;'
            f'&lt;dc:title&gt;{title}&lt;/dc:title&gt;&lt;upnp:class&gt;{kind}&lt;/upnp:class&gt;&lt;res protocolInfo=&quot;*:*:audio/x-wav:*&quot;/&gt;&lt;/item&gt;&lt;/DIDL-Lite&gt;')
    if random.random() < 0.2: didl = 'not didl'
    st, _, body = soap(CD, 'CreateObject', [('ContainerID', random.choice(['DLNA.ORG_AnyContainer', '0', 'nosuch'] + ids[:4])), ('Elements', didl)])
    m = re.search(r'importURI=&quot;([^&]+)&quot;', body)
    if m and random.random() < 0.7:
        path = m.group(1).replace('http://127.0.0.1:40100', '')
        wavs = [n for n in os.listdir(os.path.join(MEDIA, 'music')) if n.endswith('.wav')]
        data = open(os.path.join(MEDIA, 'music', random.choice(wavs)), 'rb').read() if wavs and random.random() < 0.7 else os.urandom(100)
        req('POST', path, data, {'Content-Type': 'audio/x-wav'})

def fetch():
    if not urls: return browse()
    u = random.choice(urls).replace('http://127.0.0.1:40100', '')
    hdr = {'User-Agent': random.choice(UA)}
    r = random.random()
    if r < 0.3: hdr['Range'] = random.choice(['bytes=0-99', 'bytes=10-', 'bytes=999999-', 'bytes=abc'])
    elif r < 0.45: hdr['getcontentFeatures.dlna.org'] = '1'
    elif r < 0.55: hdr['TimeSeekRange.dlna.org'] = random.choice(['npt=0-', 'npt=1.0-2.0', 'npt=bogus'])
    elif r < 0.62: hdr['transferMode.dlna.org'] = random.choice(['Streaming', 'Interactive', 'Background', 'Bogus'])
    elif r < 0.7: u = u.split('?')[0] + random.choice(['/th/0', '/tr/MP3', '/tr/LPCM', '/sub/0', '/res/9', ''])
    elif r < 0.75: u = '/MediaExport/i/' + random.choice(['bm9zdWNo', '!!!', 'YWJj']) + '/res/0'
    req(random.choice(['GET'] * 5 + ['HEAD']), u, headers=hdr)

def other_http():
    p = random.choice(['/nosuch', '/xml/ContentDirectory.xml', '/xml/ConnectionManager.xml', '/xml/bogus.xml',
                       '/MediaExport/i/', '/Control/MediaExport/RygelContentDirectory', '/'])
    req(random.choice(['GET', 'GET', 'PUT', 'DELETE', 'OPTIONS']), p, headers={'User-Agent': random.choice(UA)})

class Sink(http.server.BaseHTTPRequestHandler):
    def do_NOTIFY(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0) or 0))
        self.send_response(random.choice([200, 200, 200, 412, 500])); self.end_headers()
    def log_message(self, *a): pass

def subscribe():
    ev = random.choice(EV + ['/Event/nosuch'])
    r = random.random()
    port = random.choice([40110, 40110, 40111])  # 40111 has no listener
    if r < 0.5 or not sids:
        hdr = {'CALLBACK': f'<http://127.0.0.1:{port}/cb>', 'NT': random.choice(['upnp:event'] * 5 + ['bogus']),
               'TIMEOUT': random.choice(['Second-300', 'Second-1800', 'infinite', 'Second-5'])}
        if random.random() < 0.1: del hdr['CALLBACK']
        st, h, _ = req('SUBSCRIBE', ev, headers=hdr)
        sid = {k.lower(): v for k, v in h.items()}.get('sid')
        if sid: sids.append((ev, sid))
    elif r < 0.75:
        ev, sid = random.choice(sids)
        req('SUBSCRIBE', ev, headers={'SID': random.choice([sid, sid, 'uuid:bogus']), 'TIMEOUT': 'Second-300'})
    else:
        ev, sid = sids.pop(random.randrange(len(sids)))
        req('UNSUBSCRIBE', ev, headers={'SID': random.choice([sid, sid, 'uuid:bogus'])})

def msearch():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
    st = random.choice(['ssdp:all', 'upnp:rootdevice', 'urn:schemas-upnp-org:device:MediaServer:1', 'urn:schemas-upnp-org:service:ContentDirectory:1', 'bogus:type'])
    msg = f'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: {random.choice([1, 2, 5])}\r\nST: {st}\r\n\r\n'
    if random.random() < 0.15: msg = 'garbage\r\n\r\n'
    s.sendto(msg.encode(), ('239.255.255.250', 1900))
    try:
        while True: s.recvfrom(4000)
    except Exception: pass

def files():
    d = random.choice(['music', 'pics', 'video'])
    folder = os.path.join(MEDIA, d)
    r = random.random()
    names = [n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n))]
    if r < 0.45 or not names:
        kind = {'music': 'wav', 'pics': 'png', 'video': 'junk'}[d]
        if random.random() < 0.15: kind = 'junk'
        ext = {'wav': '.wav', 'png': '.png', 'junk': random.choice(['.mp4', '.txt', '.ogg'])}[kind]
        subprocess.run([sys.executable, os.path.join(HERE, 'mkmedia.py'), kind, os.path.join(folder, f'f{random.randint(1, 99999)}{ext}')])
    elif r < 0.75:
        os.remove(os.path.join(folder, random.choice(names)))
    elif r < 0.85:
        sub = os.path.join(folder, f'sub{random.randint(1, 20)}')
        os.makedirs(sub, exist_ok=True)
    else:
        with open(os.path.join(folder, random.choice(names)), 'ab') as f: f.write(os.urandom(16))

def main():
    threading.Thread(target=lambda: http.server.HTTPServer((H, 40110), Sink).serve_forever(), daemon=True).start()
    acts = [browse] * 10 + [search] * 4 + [misc_action] * 6 + [create] * 2 + [fetch] * 8 + [other_http] * 2 + [subscribe] * 4 + [msearch] * 2 + [files] * 3
    for _ in range(int(sys.argv[1])):
        random.choice(acts)()
        time.sleep(random.choice([0.05, 0.2, 0.5, 1.0]))

main()
