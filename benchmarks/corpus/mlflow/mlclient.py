import random, sys, time, json, uuid
import requests
U = 'http://127.0.0.1:49800'
A = U + '/api/2.0/mlflow'
s = requests.Session()

def post(path, body, **kw):
    return s.post(A + path, json=body, timeout=20, **kw)

def get(path, **kw):
    return s.get(A + path, timeout=20, **kw)

def exp():
    name = 'exp-%d' % random.randint(0, 12)
    r = post('/experiments/create', {'name': name})
    if r.status_code != 200:
        r = get('/experiments/get-by-name', params={'experiment_name': name})
        return r.json().get('experiment', {}).get('experiment_id', '0')
    return r.json()['experiment_id']

def good_run():
    eid = exp()
    r = post('/runs/create', {'experiment_id': eid, 'start_time': int(time.time() * 1000), 'run_name': 'run-%d' % random.randint(0, 999)})
    rid = r.json()['run']['info']['run_id']
    for i in range(random.randint(0, 3)):
        post('/runs/log-parameter', {'run_id': rid, 'key': 'p%d' % i, 'value': str(random.random())})
    for step in range(random.randint(1, 8)):
        post('/runs/log-metric', {'run_id': rid, 'key': random.choice(['loss', 'acc']), 'value': random.random(), 'timestamp': int(time.time() * 1000), 'step': step})
    if random.random() < 0.5:
        post('/runs/log-batch', {'run_id': rid, 'metrics': [{'key': 'm%d' % i, 'value': i, 'timestamp': 0, 'step': 0} for i in range(5)], 'params': [], 'tags': [{'key': 'team', 'value': 'x'}]})
    if random.random() < 0.6:
        path = 'model/weights-%d.bin' % random.randint(0, 3)
        s.put(U + '/api/2.0/mlflow-artifacts/artifacts/%s/%s/artifacts/%s' % (eid, rid, path), data=bytes(random.randint(10, 3000)), timeout=20)
        s.get(U + '/api/2.0/mlflow-artifacts/artifacts', params={'path': '%s/%s/artifacts' % (eid, rid)}, timeout=20)
        get('/artifacts/list', params={'run_id': rid})
        s.get(U + '/get-artifact', params={'run_id': rid, 'path': path}, timeout=20)
    get('/metrics/get-history', params={'run_id': rid, 'metric_key': 'loss'})
    post('/runs/search', {'experiment_ids': [eid], 'max_results': 5})
    post('/runs/update', {'run_id': rid, 'status': random.choice(['FINISHED', 'FAILED', 'KILLED']), 'end_time': int(time.time() * 1000)})
    if random.random() < 0.15:
        post('/runs/delete', {'run_id': rid})
        post('/runs/log-metric', {'run_id': rid, 'key': 'late', 'value': 1, 'timestamp': 0, 'step': 0})
    return rid

def bad():
    k = random.choice(['norun', 'badjson', 'badmetric', 'badparam', 'filter', 'host', 'cors', '404', 'method', 'noartifact', 'dupexp', 'badstatus', 'delexp', 'bigparam', 'noexp', 'badartpath', 'ui'])
    if k == 'norun': get('/runs/get', params={'run_id': uuid.uuid4().hex})
    elif k == 'badjson': s.post(A + '/runs/create', data='{"experiment_id": ', headers={'Content-Type': 'application/json'}, timeout=20)
    elif k == 'badmetric': post('/runs/log-metric', {'run_id': good_run(), 'key': 'x', 'value': 'abc', 'timestamp': 0})
    elif k == 'badparam': post('/runs/log-parameter', {'run_id': uuid.uuid4().hex, 'key': '../bad key', 'value': '1'})
    elif k == 'filter': post('/runs/search', {'experiment_ids': ['0'], 'filter': random.choice(['metrics.loss <<< 3', 'bogus = 1', "params.x = 'a' AND"])})
    elif k == 'host': s.get(A + '/experiments/search', params={'max_results': 3}, headers={'Host': random.choice(['evil.example.com', 'attacker.test:8080'])}, timeout=20)
    elif k == 'cors': s.post(A + '/experiments/create', json={'name': 'cors'}, headers={'Origin': random.choice(['http://evil.example', 'https://phish.test'])}, timeout=20)
    elif k == '404': s.get(U + random.choice(['/api/2.0/mlflow/nothing', '/wp-login.php', '/api/2.0/mlflow/runs/gett', '/.env']), timeout=20)
    elif k == 'method': s.delete(A + '/runs/create', timeout=20)
    elif k == 'noartifact': s.get(U + '/get-artifact', params={'run_id': uuid.uuid4().hex, 'path': 'x.txt'}, timeout=20)
    elif k == 'dupexp': post('/experiments/create', {'name': 'exp-1'}); post('/experiments/create', {'name': 'exp-1'})
    elif k == 'badstatus': post('/runs/update', {'run_id': uuid.uuid4().hex, 'status': 'EXPLODED'})
    elif k == 'delexp':
        eid = exp(); post('/experiments/delete', {'experiment_id': eid}); post('/experiments/delete', {'experiment_id': eid}); post('/experiments/restore', {'experiment_id': eid})
    elif k == 'bigparam': post('/runs/log-parameter', {'run_id': good_run(), 'key': 'big', 'value': 'v' * 10000})
    elif k == 'noexp': get('/experiments/get', params={'experiment_id': str(random.randint(1000, 9999))})
    elif k == 'badartpath': s.get(U + '/api/2.0/mlflow-artifacts/artifacts/../../etc/passwd', timeout=20)
    else: s.get(U + random.choice(['/', '/static-files/nothing.js', '/version', '/ajax-api/2.0/mlflow/experiments/search?max_results=2']), timeout=20)

if __name__ == '__main__':
    n = int(sys.argv[1])
    for _ in range(n):
        try:
            if random.random() < 0.55: good_run()
            else: bad()
        except Exception as e:
            print('client:', type(e).__name__, e, file=sys.stderr)
