// socket.io-client workload: random clients doing rooms, broadcasts, acks and disconnects
const { io } = require('/tmp/round42-r42g/npm/node_modules/socket.io-client')
const url = process.argv[2]
const nClients = Number(process.argv[3])
const rnd = n => Math.floor(Math.random() * n)
const pick = a => a[rnd(a.length)]
const sleep = ms => new Promise(r => setTimeout(r, ms))

async function client (k) {
  const nsp = pick(['/', '/', '/', '/chat', '/chat', '/room-' + rnd(50), '/admin', '/nope'])
  const transports = pick([undefined, undefined, ['websocket'], ['polling'], ['polling']])
  const s = io(url + nsp, {
    transports,
    reconnection: Math.random() < 0.3,
    reconnectionDelay: 200,
    reconnectionAttempts: 2,
    timeout: 3000,
    auth: Math.random() < 0.1 ? { token: 'bad' } : { token: 'ok' + k }
  })
  const answers = Math.random() < 0.6
  s.on('question', (n, cb) => { if (answers) cb('yes') })
  s.on('survey', (q, cb) => { if (Math.random() < 0.7) cb('a') })
  s.on('connect_error', () => {})
  await new Promise(resolve => { s.once('connect', resolve); s.once('connect_error', resolve); setTimeout(resolve, 3500) })
  if (!s.connected) { s.close(); return }
  const room = 'room' + rnd(4)
  for (let i = 0, n = 1 + rnd(8); i < n; i++) {
    const a = rnd(20)
    if (a < 3) s.emit('join', room, () => {})
    else if (a < 4) s.emit('join', 'r' + rnd(10))
    else if (a < 5) s.emit('leave', room)
    else if (a < 8) s.emit('say', room, 'hello ' + rnd(1000))
    else if (a < 9) s.emit('shout', 'all ' + rnd(100))
    else if (a < 12) s.emit('echo', { n: rnd(100), t: 'x'.repeat(rnd(40)) }, () => {})
    else if (a < 13) s.emit('ask', rnd(300))
    else if (a < 14) s.emit('poll')
    else if (a < 15) s.emit('vol', 1 + rnd(3))
    else if (a < 16) { if (transports && transports[0] === 'polling') s.emit('echo', 'b', () => {}); else s.emit('bin', Buffer.alloc(rnd(64), 0x2a), () => {}) }
    else if (a < 17) s.volatile.emit('echo', 'v')
    else if (a < 18) s.timeout(300).emit('nohandler', rnd(9), () => {})
    else if (a < 19) { s.emit('kickme'); break }
    else { s.emit('leaveonly'); break }
    await sleep(100 + rnd(250))
  }
  await sleep(rnd(1200))
  const end = rnd(6)
  if (end === 0 && s.io.engine) s.io.engine.close() // transport close, maybe reconnect
  else if (end === 1 && s.io.engine && s.io.engine.transport && s.io.engine.transport.ws) s.io.engine.transport.ws.terminate && s.io.engine.transport.ws.terminate()
  else s.disconnect()
  await sleep(800)
  s.close()
}

;(async () => {
  const all = []
  for (let k = 0; k < nClients; k++) {
    all.push(client(k))
    await sleep(rnd(300))
  }
  await Promise.all(all)
  process.exit(0)
})()
