"""Randomised HTTP client for the Django dev server workload (no logging of its own)."""
import random, socket, sys, time, urllib.request, urllib.error, urllib.parse

HOST, PORT = '127.0.0.1', int(sys.argv[1])
N = int(sys.argv[2])
BASE = 'http://%s:%d' % (HOST, PORT)


def get(path, data=None, headers=None, method=None, timeout=5):
    req = urllib.request.Request(BASE + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
    except urllib.error.HTTPError as e:
        e.read()
    except Exception:
        pass


def raw(payload, read=True, timeout=3):
    try:
        s = socket.create_connection((HOST, PORT), timeout=timeout)
        s.sendall(payload)
        if read:
            try:
                s.recv(65536)
            except Exception:
                pass
        s.close()
    except Exception:
        pass


def rname():
    return random.choice(['u', 'alice', 'bob', 'carol', 'dave']) + str(random.randint(0, 40))


def a_index(): get('/')
def a_users(): get('/users/?p=' + random.choice(['u', 'a', 'b', 'zz']))
def a_add(): get('/users/add/', data=urllib.parse.urlencode({'name': rname()}).encode())
def a_del(): get('/users/del/%s/' % rname())
def a_page(): get('/page/')
def a_form_get(): get('/form/')
def a_missing(): get('/missing/')
def a_form_post_nocsrf(): get('/form/', data=b'q=1')
def a_form_post_badcookie():
    get('/form/', data=b'q=1&csrfmiddlewaretoken=abc', headers={'Cookie': 'csrftoken=' + 'x' * random.choice([10, 64])})
def a_form_referer():
    get('/form/', data=b'q=1', headers={'Cookie': 'csrftoken=' + 'A' * 64})
def a_boom(): get('/boom/?k=' + random.choice(['value', 'key', 'zero', 'type']))
def a_denied(): get('/denied/')
def a_susp(): get('/suspicious/')
def a_404(): get(random.choice(['/nope', '/missing/page/', '/static/none.css', '/robots.txt', '/favicon.ico']))
def a_static(): get('/static/site.css', headers=random.choice([{}, {'If-Modified-Since': 'Wed, 21 Oct 2099 07:28:00 GMT'}]))
def a_slash(): get(random.choice(['/users', '/page', '/form', '/admin']))
def a_admin(): get(random.choice(['/admin/', '/admin/login/', '/admin/auth/user/']))
def a_onlypost(): get('/onlypost/', method=random.choice(['GET', 'PUT', 'DELETE', 'POST']), data=b'' )
def a_badhost(): get('/', headers={'Host': random.choice(['evil.example.com', 'bad_host!', '10.0.0.%d' % random.randint(1, 254)])})
def a_big(): get('/upload/', data=b'a=' + b'x' * 6000)
def a_fields(): get('/upload/', data='&'.join('f%d=1' % i for i in range(30)).encode())
def a_head(): get('/', method='HEAD')
def a_options(): get('/users/', method='OPTIONS')
def a_slow_abort(): get('/slow/?s=%.1f' % random.uniform(1.5, 3), timeout=0.5)
def a_garbage(): raw(random.choice([b'GARBAGE\r\n\r\n', b'GET /\r\n', b'GET / HTTP/9.9\r\n\r\n', b'GET / HTTP/1.1 extra\r\n\r\n', b'\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03' + bytes(40), b'BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', b'GET /' + b'a' * 70000 + b' HTTP/1.1\r\n\r\n', b'GET / HTTP/1.1\r\n' + b'X-H: v\r\n' * 120 + b'\r\n']))
def a_drop(): raw(b'GET /slow/?s=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', read=False)
def a_empty(): raw(b'', read=False)


ACTIONS = [(a_index, 30), (a_users, 20), (a_add, 12), (a_del, 6), (a_page, 8), (a_form_get, 6),
           (a_form_post_nocsrf, 4), (a_form_post_badcookie, 3), (a_form_referer, 2), (a_boom, 3),
           (a_denied, 3), (a_susp, 2), (a_404, 10), (a_static, 6), (a_slash, 4), (a_admin, 1), (a_missing, 1),
           (a_onlypost, 4), (a_badhost, 3), (a_big, 2), (a_fields, 2), (a_head, 3), (a_options, 2),
           (a_slow_abort, 1), (a_garbage, 5), (a_drop, 1), (a_empty, 2)]
weights = [w * random.uniform(0.3, 1.7) for _, w in ACTIONS]
for _ in range(N):
    act = random.choices([a for a, _ in ACTIONS], weights)[0]
    act()
    time.sleep(random.uniform(0, 0.05))
