"""Randomised JSON-RPC client for the trytond workload (no output of its own)."""
import base64
import json
import random
import sys
import urllib.error
import urllib.request

URL = sys.argv[1]  # http://127.0.0.1:44200
DB = sys.argv[2]
N = int(sys.argv[3])
PASSWORD = 'admin123'
ids = [0]


def post(path, method, params, session=None, raw=None, timeout=20, http_method='POST'):
    ids[0] += 1
    body = raw if raw is not None else json.dumps(
        {'id': ids[0], 'method': method, 'params': params}).encode()
    req = urllib.request.Request(URL + path, data=body if http_method != 'GET' else None,
                                 method=http_method)
    req.add_header('Content-Type', 'application/json')
    if session:
        token = base64.b64encode(('%s:%s:%s' % session).encode()).decode()
        req.add_header('Authorization', 'Session ' + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read()
            try:
                return json.loads(data)
            except ValueError:
                return None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def login(user='admin', password=PASSWORD, db=DB):
    res = post('/%s/' % db, 'common.db.login', [user, {'password': password}, 'en'])
    if res and 'result' in res:
        uid, key = res['result']
        return (user, uid, key)
    return None


session = login()
created = []


def call(model_method, *params, ctx=None, sess=None):
    return post('/%s/' % DB, model_method, list(params) + [ctx or {}], session=sess or session)


ACTIONS = [
    ('version', 6), ('dblist', 3), ('search_read', 14), ('read', 8), ('search_count', 5),
    ('fields_get', 3), ('create_user', 5), ('dup_user', 3), ('write_user', 4),
    ('bad_field', 3), ('delete_user', 2), ('forbidden', 2), ('bad_model', 2),
    ('preferences', 4), ('set_prefs', 2), ('bad_login', 3), ('unknown_user', 2),
    ('no_db', 2), ('bad_session', 3), ('relogin', 2), ('malformed', 2), ('get_root', 2),
    ('not_found', 2), ('list_methods', 1), ('method_help', 2), ('reset_password', 2),
    ('options', 1), ('bad_domain', 2), ('groups', 3), ('access', 2), ('no_auth', 2), ('burst', 1),
]
names = [a for a, _ in ACTIONS]
weights = [w for _, w in ACTIONS]

for _ in range(N):
    action = random.choices(names, weights)[0]
    if session is None and random.random() < 0.3:
        session = login()
    if action == 'version':
        post('/', 'common.server.version', [])
    elif action == 'dblist':
        post('/', 'common.db.list', [])
    elif action == 'search_read':
        model = random.choice(['res.user', 'ir.model', 'res.group', 'ir.lang', 'ir.module'])
        call('model.%s.search_read' % model, [], 0, random.randint(1, 5), None, ['id', 'rec_name'])
    elif action == 'read':
        call('model.res.user.read', [random.randint(0, 4)], ['login', 'name'])
    elif action == 'search_count':
        call('model.ir.model.search_count', [['model', 'like', 'ir.%']])
    elif action == 'fields_get':
        call('model.res.group.fields_get', None)
    elif action == 'create_user':
        login_name = 'user%d' % random.randint(1, 10 ** 6)
        res = call('model.res.user.create', [{'login': login_name, 'name': 'User ' + login_name}])
        if res and 'result' in res:
            created.extend(res['result'])
    elif action == 'dup_user':
        call('model.res.user.create', [{'login': 'admin', 'name': 'Dup'}])
    elif action == 'write_user' and created:
        call('model.res.user.write', [random.choice(created)], {'name': 'Renamed %d' % random.randint(1, 999)})
    elif action == 'bad_field':
        call('model.res.user.write', [1], {'no_such_field_%d' % random.randint(1, 9): 1})
    elif action == 'delete_user' and created:
        call('model.res.user.delete', [created.pop()])
    elif action == 'forbidden':
        call('model.res.user._get_login', 'admin')
    elif action == 'bad_model':
        call('model.no.such.model%d.search' % random.randint(1, 3), [])
    elif action == 'preferences':
        call('model.res.user.get_preferences', random.choice([True, False]))
    elif action == 'set_prefs':
        call('model.res.user.set_preferences', {'language': random.choice(['en', 'xx'])})
    elif action == 'bad_login':
        login(user='demo%d' % random.randint(1, 30), password='wrong%d' % random.randint(1, 99))
    elif action == 'unknown_user':
        login(user='ghost%d' % random.randint(1, 99))
    elif action == 'no_db':
        login(db='nodb%d' % random.randint(1, 9))
    elif action == 'bad_session':
        post('/%s/' % DB, 'model.res.user.search', [[], {}], session=('admin', 1, 'deadbeef%d' % random.randint(1, 999)))
    elif action == 'relogin':
        if session:
            post('/%s/' % DB, 'common.db.logout', [], session=session)
        session = login()
    elif action == 'malformed':
        post('/%s/' % DB, None, None, raw=b'{"id": 1, "method": ', session=session)
    elif action == 'get_root':
        post('/', None, None, http_method='GET')
    elif action == 'not_found':
        post('/%s/nothing/here' % DB, 'x', [], http_method='GET')
    elif action == 'list_methods':
        call('system.listMethods')
    elif action == 'method_help':
        call('system.methodHelp', 'model.res.user.read')
    elif action == 'reset_password':
        # never the admin (id 1): a reset would lock the workload out
        call('model.res.user.reset_password', [random.choice(created)] if created else [999])
    elif action == 'options':
        post('/%s/' % DB, None, None, http_method='OPTIONS')
    elif action == 'bad_domain':
        call('model.res.user.search', [['nonexistent', '=', 1]])
    elif action == 'groups':
        call('model.res.group.search', [])
    elif action == 'access':
        call('model.ir.model.access.get_access', ['res.user'])
    elif action == 'no_auth':
        post('/%s/' % DB, 'model.res.user.search', [[], {}])
    elif action == 'burst':
        name = 'locked%d' % random.randint(1, 10 ** 6)
        for _ in range(random.randint(3, 5)):
            login(user=name, password='nope')
