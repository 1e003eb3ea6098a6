import os
import random
import sys
import time
import socketio

url = sys.argv[1]
seed = int(sys.argv[2])
rnd = random.Random(seed)
transports = rnd.choice([['polling'], ['websocket'], ['polling', 'websocket']])
auth = rnd.choice([None, {'token': 'ok'}, {'token': 'ok'}, {'token': 'ok'}, {'token': 'bad'},
                   {'token': 'reject'}, {'token': 'crash'}])
ns = rnd.choice([['/'], ['/'], ['/', '/chat'], ['/chat'], ['/', '/nowhere']])
c = socketio.Client(reconnection=False)
c.on('question', lambda data: 'answer')
try:
    c.connect(url, transports=transports, auth=auth, namespaces=ns, wait_timeout=3)
except Exception:
    sys.exit(0)
for _ in range(rnd.randint(1, 8)):
    action = rnd.choice(['echo', 'echo', 'join', 'leave', 'shout', 'ask', 'close', 'boom',
                         'chat', 'binary', 'unknown', 'sleep'])
    try:
        if action == 'echo':
            c.call('echo', {'n': rnd.randint(0, 999)}, timeout=3)
        elif action == 'join':
            c.call('join', rnd.choice(['red', 'blue', 'green']), timeout=3)
        elif action == 'leave':
            c.emit('leave', rnd.choice(['red', 'blue', 'green', 'lobby']))
        elif action == 'shout':
            c.emit('shout', 'hello %d' % rnd.randint(0, 99))
        elif action == 'ask':
            c.emit('ask', 'q%d' % rnd.randint(0, 99))
        elif action == 'close':
            c.emit('close', rnd.choice(['red', 'blue', 'green']))
        elif action == 'boom':
            c.emit('boom', rnd.randint(0, 9))
        elif action == 'chat':
            c.emit('say', 'hi', namespace='/chat')
        elif action == 'binary':
            c.emit('binary', [1, 2, 3])
        elif action == 'unknown':
            c.emit('nothing_here', {})
        else:
            time.sleep(rnd.uniform(0.1, 3))
    except Exception:
        pass
    time.sleep(rnd.uniform(0, 0.3))
end = rnd.choice(['disconnect', 'disconnect', 'kick', 'drop'])
try:
    if end == 'kick':
        c.emit('kick', 1)
        time.sleep(0.5)
    elif end == 'drop':
        os._exit(0)
    c.disconnect()
except Exception:
    pass
