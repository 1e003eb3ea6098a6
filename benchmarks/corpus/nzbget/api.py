#!/usr/bin/env python3
"""JSON-RPC client for nzbget. usage: api.py [--user U --pass P] METHOD [JSON-ARGS...]"""
import base64, json, sys, urllib.request, urllib.error
user, pw = 'nzbget', 'secret'
a = sys.argv[1:]
if a and a[0] == '--user':
    user, pw, a = a[1], a[3], a[4:]
method, params = a[0], [json.loads(x) for x in a[1:]]
if method == 'append' and params and isinstance(params[1], str) and params[1].startswith('@'):
    params[1] = base64.b64encode(open(params[1][1:], 'rb').read()).decode()
req = urllib.request.Request('http://127.0.0.1:22510/jsonrpc', data=json.dumps({'method': method, 'params': params, 'id': 1}).encode())
req.add_header('Authorization', 'Basic ' + base64.b64encode(('%s:%s' % (user, pw)).encode()).decode())
try:
    r = urllib.request.urlopen(req, timeout=15).read().decode()
    print(r[:2000])
except (urllib.error.URLError, OSError) as e:
    print('ERR', e)
