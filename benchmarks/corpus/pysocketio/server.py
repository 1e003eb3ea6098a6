import sys
import socketio
from aiohttp import web

port = int(sys.argv[1])
sio = socketio.AsyncServer(async_mode='aiohttp', logger=True, engineio_logger=True,
                           cors_allowed_origins=['http://good.example', 'http://127.0.0.1:%d' % port],
                           ping_interval=2, ping_timeout=3)
app = web.Application()
sio.attach(app)


@sio.event
async def connect(sid, environ, auth):
    if auth and auth.get('token') == 'bad':
        raise socketio.exceptions.ConnectionRefusedError('authentication failed')
    if auth and auth.get('token') == 'reject':
        return False
    if auth and auth.get('token') == 'crash':
        raise RuntimeError('connect handler crashed')
    await sio.enter_room(sid, 'lobby')


@sio.event
async def disconnect(sid, reason):
    pass


@sio.event
async def join(sid, room):
    await sio.enter_room(sid, room)
    await sio.emit('joined', {'sid': sid, 'room': room}, room=room)
    return 'ok'


@sio.event
async def leave(sid, room):
    await sio.leave_room(sid, room)


@sio.event
async def echo(sid, data):
    return data


@sio.event
async def shout(sid, data):
    await sio.emit('shout', data, skip_sid=sid)


@sio.event
async def ask(sid, data):
    await sio.emit('question', data, to=sid, callback=lambda *a: None)


@sio.event
async def close(sid, room):
    await sio.close_room(room)


@sio.event
async def boom(sid, data):
    raise ValueError('boom: ' + str(data))


@sio.event
async def kick(sid, data):
    await sio.disconnect(sid)


@sio.event
async def binary(sid, data):
    await sio.emit('binary', b'\x00\x01' + bytes(data), to=sid)


@sio.on('*', namespace='/chat')
async def chat_any(event, sid, data):
    await sio.emit(event, data, namespace='/chat', room=sid)


@sio.on('connect', namespace='/chat')
async def chat_connect(sid, environ, auth):
    await sio.enter_room(sid, 'chatroom', namespace='/chat')


async def on_shutdown(app):
    await sio.shutdown()


app.on_shutdown.append(on_shutdown)
web.run_app(app, host='127.0.0.1', port=port, print=None)
