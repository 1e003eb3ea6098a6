# Scripted XML-RPC client for a Glances server: client.py PORT NCALLS [user:password]
import sys, random, hashlib, time, xmlrpc.client
port, n = sys.argv[1], int(sys.argv[2])
auth = ''
if len(sys.argv) > 3:
    u, p = sys.argv[3].split(':', 1)
    auth = '%s:%s@' % (u, hashlib.sha256(p.encode()).hexdigest())
s = xmlrpc.client.ServerProxy('http://%s127.0.0.1:%s/RPC2' % (auth, port))
calls = ['getAll'] * 4 + ['getAllPlugins', 'getAllLimits', 'getAllViews', 'getNow', 'getCpu', 'getMem', 'getLoad',
         'getNetwork', 'getProcessCount', 'getUptime', 'getFs', 'getFolders', 'getPorts', 'getAmps', 'getSensors',
         'getBogus', 'init', 'getAllFieldsDescription', 'system.listMethods', 'noSuchMethod']
for i in range(n):
    c = random.choice(calls)
    try:
        f = s
        for part in c.split('.'):
            f = getattr(f, part)
        f()
    except Exception as e:
        print(c, type(e).__name__)
    time.sleep(random.random() * 1.3)
