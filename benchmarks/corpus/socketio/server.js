// Minimal Socket.IO server for the workload (no logging of its own).
const http = require('http')
const { Server } = require('/tmp/round42-r42g/npm/node_modules/socket.io')
const port = Number(process.argv[2])
const recovery = process.argv[3] === 'recovery'

const httpServer = http.createServer()
const io = new Server(httpServer, {
  pingInterval: 3000,
  pingTimeout: 2000,
  upgradeTimeout: 2000,
  maxHttpBufferSize: 20000,
  httpCompression: { threshold: 512 },
  cors: { origin: ['http://app.r42g.test'] },
  allowRequest: (req, cb) => cb(null, req.headers['x-deny'] === undefined),
  connectionStateRecovery: recovery ? { maxDisconnectionDuration: 10000 } : undefined
})

io.use((socket, next) => {
  if (socket.handshake.auth && socket.handshake.auth.token === 'bad') return next(new Error('unauthorized'))
  next()
})

function wire (nsp) {
  nsp.on('connection', socket => {
    socket.on('join', (room, ack) => { socket.join(room); if (typeof ack === 'function') ack({ ok: true, room }) })
    socket.on('leave', room => socket.leave(room))
    socket.on('say', (room, text) => socket.to(room).emit('said', socket.id, text))
    socket.on('shout', text => nsp.emit('shout', text))
    socket.on('echo', (data, ack) => { if (typeof ack === 'function') ack(data) })
    socket.on('ask', n => {
      socket.timeout(400 + n).emit('question', n, () => {})
    })
    socket.on('poll', () => {
      nsp.timeout(500).emit('survey', 'q', () => {})
    })
    socket.on('vol', n => { for (let i = 0; i < n; i++) socket.volatile.emit('tick', i) })
    socket.on('kickme', () => socket.disconnect(true))
    socket.on('leaveonly', () => socket.disconnect())
    socket.on('bin', (buf, ack) => { if (typeof ack === 'function') ack(Buffer.from(buf).length) })
  })
}
wire(io.of('/'))
wire(io.of('/chat'))
const dyn = io.of(/^\/room-\d+$/)
dyn.on('connection', socket => {
  socket.on('echo', (data, ack) => { if (typeof ack === 'function') ack(data) })
})
io.of('/admin').use((socket, next) => next(new Error('admins only')))

httpServer.listen(port, '127.0.0.1')
process.on('SIGTERM', () => io.close(() => process.exit(0)))
