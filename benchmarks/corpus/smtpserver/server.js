// Minimal SMTP server for the workload: smtp-server's built-in logger only.
const { SMTPServer } = require('/tmp/round42-r42g/npm/node_modules/smtp-server')
const mode = process.argv[2] || 'plain'
const port = Number(process.argv[3])
const users = { alice: 'secret', bob: 'hunter2' }
const reject = (msg, code) => Object.assign(new Error(msg), { responseCode: code })

const server = new SMTPServer({
  logger: true,
  name: 'mx.r42g.test',
  banner: 'r42g mail service',
  size: 60000,
  rejectOversized: true,
  lmtp: mode === 'lmtp',
  secure: mode === 'secure',
  useProxy: mode === 'proxy',
  useXClient: true,
  useXForward: true,
  authOptional: true,
  allowInsecureAuth: mode !== 'strict',
  authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2'],
  maxClients: 6,
  socketTimeout: 3000,
  closeTimeout: 2500,
  onConnect (session, cb) {
    if (session.remoteAddress === '127.0.0.66') return cb(reject('Your address is blocked', 554))
    cb()
  },
  onAuth (auth, session, cb) {
    if (auth.method === 'XOAUTH2') {
      if (auth.accessToken === 'tok-' + auth.username) return cb(null, { user: auth.username })
      return cb(null, { data: { status: '401', schemes: 'bearer', scope: 'mail' } })
    }
    if (auth.username === 'locked') return cb(reject('Account temporarily locked', 454))
    const pass = users[auth.username]
    if (auth.method === 'CRAM-MD5') {
      if (pass && auth.validatePassword(pass)) return cb(null, { user: auth.username })
      return cb(null, {})
    }
    if (pass && auth.password === pass) return cb(null, { user: auth.username })
    if (!pass) return cb(reject('Invalid username or password', 535))
    cb(null, {})
  },
  onMailFrom (address, session, cb) {
    if (/@spam\./.test(address.address)) return cb(reject('Sender domain rejected', 550))
    cb()
  },
  onRcptTo (address, session, cb) {
    if (/^nobody@/.test(address.address)) return cb(reject('No such user here', 550))
    if (/^full@/.test(address.address)) return cb(reject('Mailbox full', 452))
    cb()
  }
})
server.on('error', () => {})
server.listen(port, '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
