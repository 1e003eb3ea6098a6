import os, sys, random, socket, struct, pickle, time, threading
import ZEO, transaction
from ZODB.POSException import ConflictError
from persistent.mapping import PersistentMapping
from ZODB.blob import Blob
ADDR = ('127.0.0.1', 49500)
BLOBS = os.environ['TMPDIR'] + '/zeoblob-%d' % os.getpid()

def frame(b):
    return struct.pack('>I', len(b)) + b

def raw(hs, msgs, wait=0.5):
    s = socket.create_connection(ADDR, timeout=3)
    try:
        s.recv(100)
        if hs is not None:
            s.sendall(frame(hs))
        for m in msgs:
            s.sendall(frame(m))
            time.sleep(0.1)
        time.sleep(wait)
        try:
            s.recv(10000)
        except Exception:
            pass
    finally:
        s.close()

def commits(n):
    db = ZEO.DB(ADDR, blob_dir=BLOBS, shared_blob_dir=False)
    c = db.open(); r = c.root()
    for i in range(n):
        k = 'k%d' % random.randint(0, 30)
        r[k] = PersistentMapping(v=random.random())
        if random.random() < 0.2:
            b = Blob(); f = b.open('w'); f.write(os.urandom(random.randint(10, 5000))); f.close()
            r['blob%d' % random.randint(0, 5)] = b
        transaction.commit()
    for k in list(r.keys())[:5]:
        if k.startswith('blob'):
            c.cacheMinimize(); db.storage._cache.clear() if hasattr(db.storage, '_cache') else None
            try:
                r[k].open('r').read()
            except Exception:
                pass
    db.close()

def conflict():
    db = ZEO.DB(ADDR)
    tm1, tm2 = transaction.TransactionManager(), transaction.TransactionManager()
    c1, c2 = db.open(tm1), db.open(tm2)
    c1.root()['shared'] = PersistentMapping(v=0); tm1.commit()
    c2.sync(); o2 = c2.root()['shared']; o2['v']
    o1 = c1.root()['shared']; o1['v'] = 1; tm1.commit()
    o2['v'] = 2
    try:
        tm2.commit()
    except ConflictError:
        tm2.abort()
    db.close()

def pack():
    db = ZEO.DB(ADDR)
    db.pack(time.time() - random.choice([0, 1, 5]))
    db.close()

def bad_storage():
    try:
        cs = ZEO.client(ADDR, storage=random.choice(['2', 'main', 'x']), wait_timeout=2)
        cs.close()
    except Exception:
        pass

def hang_vote(kill):
    from ZEO.ClientStorage import ClientStorage
    st = ClientStorage(ADDR)
    t = transaction.Transaction()
    st.tpc_begin(t)
    st.store(st.new_oid(), b'\0'*8, pickle.dumps({'a': 1}), '', t)
    st.tpc_vote(t)
    if kill:
        os._exit(0)
    time.sleep(5)
    try:
        st.tpc_abort(t)
    except Exception:
        pass
    st.close()

def rawbad():
    p = lambda *a: pickle.dumps(a, 3)
    kind = random.choice(['hs', 'garbage', 'method', 'ruok', 'unknown', 'exc', 'notx', 'dupreg', 'quit'])
    if kind == 'hs':
        raw(random.choice([b'Z9', b'XX', b'HELLO', b'Z3101']), [])
    elif kind == 'garbage':
        raw(b'Z5', [os.urandom(random.randint(3, 40))])
    elif kind == 'method':
        raw(b'Z5', [p(1, False, random.choice(['shutdown', 'exec', '__del__']), ())])
    elif kind == 'ruok':
        raw(b'ruok', [])
    elif kind == 'unknown':
        raw(b'Z5', [p(1, False, 'register', (random.choice(['9', 'nope']), False))])
    elif kind == 'exc':
        raw(b'Z5', [p(1, False, 'register', ('1', False)), p(2, False, 'loadBefore', (b'\0'*7 + bytes([random.randint(200, 255)]), b'\xff'*8))])
    elif kind == 'notx':
        raw(b'Z5', [p(1, False, 'register', ('1', False)), p(2, False, 'vote', (random.randint(1, 99),))])
    elif kind == 'dupreg':
        raw(b'Z5', [p(1, False, 'register', ('1', False)), p(2, False, 'register', ('1', False))])
    else:
        raw(b'Z5', [p(1, False, 'register', ('1', False))], wait=0)

if __name__ == '__main__':
    random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else None)
    mode = sys.argv[1]
    try:
        if mode == 'commits': commits(random.randint(1, 25))
        elif mode == 'conflict': conflict()
        elif mode == 'pack': pack()
        elif mode == 'badstorage': bad_storage()
        elif mode == 'hang': hang_vote(False)
        elif mode == 'kill': hang_vote(True)
        elif mode == 'raw':
            for _ in range(random.randint(1, 4)): rawbad()
    except Exception as e:
        print('client error', type(e).__name__, e, file=sys.stderr)
