'use strict'
const { Readable } = require('node:stream')
const fs = require('node:fs')

module.exports = async function (fastify, opts) {
  if (process.env.APP_BREAK === 'register') throw new Error('plugin registration failed: ' + (process.env.APP_BREAK_WHY || 'bad config'))
  if (process.env.APP_BREAK === 'hang') await new Promise(() => {})
  fastify.get('/', async () => ({ hello: 'world' }))
  fastify.get('/items/:id', { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } },
    async (req) => ({ id: req.params.id, name: 'item' + req.params.id }))
  fastify.post('/items', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 }, qty: { type: 'integer', minimum: 0 } } } } },
    async (req, reply) => { reply.code(201); return { ok: true, name: req.body.name } })
  fastify.get('/boom', async () => { throw new Error('database unavailable: ' + Math.floor(Math.random() * 1000)) })
  fastify.get('/teapot', async () => { const e = new Error('I refuse to brew coffee'); e.statusCode = 418; throw e })
  fastify.get('/twice', (req, reply) => { reply.send({ a: 1 }); reply.send({ b: 2 }) })
  fastify.get('/forgot', async (req, reply) => { setTimeout(() => reply.send({ late: true }), 10) })
  fastify.get('/stream', (req, reply) => {
    let n = 0
    const s = new Readable({ read () { setTimeout(() => { n++; if (n > 20) this.push(null); else this.push('chunk ' + n + '\n') }, 100) } })
    reply.type('text/plain').send(s)
  })
  fastify.get('/badstream', (req, reply) => {
    let n = 0
    const s = new Readable({ read () { setTimeout(() => { n++; if (n > 2) this.destroy(new Error('upstream disk read error')); else this.push('part ' + n + '\n') }, 50) } })
    reply.type('text/plain').send(s)
  })
  fastify.get('/file/:name', (req, reply) => {
    fs.readFile(__dirname + '/data/' + req.params.name, (err, buf) => { if (err) reply.send(err); else reply.type('text/plain').send(buf) })
  })
  fastify.get('/sent-throw', async (req, reply) => { reply.send({ ok: 1 }); throw new Error('cleanup failed after reply') })
  fastify.get('/slow', async () => { await new Promise(r => setTimeout(r, 1500)); return { slow: true } })
}
module.exports.options = { requestTimeout: 3000, return503OnClosing: true }
