// nodemailer client: a few messages through the server
const nodemailer = require('/tmp/round42-r42g/npm/node_modules/nodemailer')
const port = Number(process.argv[2]); const n = Number(process.argv[3]); const secure = process.argv[4] === 'secure'
const pick = a => a[Math.floor(Math.random() * a.length)]
;(async () => {
  for (let i = 0; i < n; i++) {
    const t = nodemailer.createTransport({
      host: '127.0.0.1', port, secure, ignoreTLS: Math.random() < 0.3, tls: { rejectUnauthorized: false },
      auth: Math.random() < 0.6 ? pick([{ user: 'alice', pass: 'secret' }, { user: 'bob', pass: 'nope' }, { user: 'eve', pass: 'x' }]) : undefined,
      name: pick(['nm.client.test', 'build-07.corp.test'])
    })
    try {
      await t.sendMail({
        from: pick(['ci@corp.test', 'alerts@spam.test', 'Report Bot <reports@mail.test>']),
        to: pick(['dev@corp.test', 'nobody@corp.test, dev@corp.test', 'full@mail.test']),
        subject: 'Build ' + i,
        text: 'x'.repeat(Math.floor(Math.random() * 5000)),
        attachments: Math.random() < 0.3 ? [{ filename: 'a.bin', content: Buffer.alloc(40000 + Math.floor(Math.random() * 40000), 7) }] : []
      })
    } catch (e) {}
    t.close()
  }
})()
