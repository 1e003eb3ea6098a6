'use strict'
// Minimal MQTT.js clients driven by a seeded PRNG; no logging of their own.
const mqtt = require('/tmp/round46-r46e/mq/node_modules/mqtt')
const [scenario, seedArg, idArg] = process.argv.slice(2)
let s = Number(seedArg) >>> 0
function rnd () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
const ri = (n) => Math.floor(rnd() * n)
const pick = (a) => a[ri(a.length)]
const HOST = '127.0.0.1'
const id = 'c' + (idArg || '0')
const topics = ['plant/line1/temp', 'plant/line2/pressure', 'office/door', 'office/light/3', 'sensors/hum', 'alerts/fire']
const quiet = () => {}
function done (c, ms) { setTimeout(() => { c.end(ri(2) === 0, () => process.exit(0)); setTimeout(() => process.exit(0), 3000) }, ms) }

function normal () {
  const v = pick([4, 4, 5, 3])
  const c = mqtt.connect({ host: HOST, port: 48001, clientId: id, protocolVersion: v, keepalive: pick([10, 30, 60]), clean: ri(4) !== 0, reconnectPeriod: 1000 })
  c.on('error', quiet)
  c.on('connect', () => {
    const subs = {}
    for (let i = 0; i <= ri(3); i++) subs[pick(topics.concat(['plant/#', 'office/+', '#']))] = { qos: ri(3) }
    c.subscribe(subs, () => {
      const n = 1 + ri(5)
      let k = 0
      const next = () => {
        if (k++ >= n) { if (ri(2)) c.unsubscribe(Object.keys(subs)[0]); return done(c, 300 + ri(700)) }
        const opts = { qos: ri(3), retain: ri(5) === 0 }
        c.publish(pick(topics), ri(6) === 0 ? '' : 'v=' + ri(1000), opts, () => setTimeout(next, ri(150)))
      }
      next()
    })
  })
}

function badauth () {
  const v = pick([4, 5, 3])
  const c = mqtt.connect({ host: HOST, port: 48002, clientId: id, protocolVersion: v, username: pick(['ops', 'guest', 'admin']), password: pick(['wrong', 'letmein', '']), reconnectPeriod: ri(2) ? 0 : 700 })
  c.on('error', quiet)
  done(c, 1500 + ri(1500))
}

function goodauth () {
  const c = mqtt.connect({ host: HOST, port: 48002, clientId: id, protocolVersion: pick([4, 5]), username: 'ops', password: 'S3cret-ops', reconnectPeriod: 0 })
  c.on('error', quiet)
  c.on('connect', () => c.publish('ops/audit', 'login ' + id, { qos: 1 }, () => done(c, 200)))
}

function will () {
  const c = mqtt.connect({ host: HOST, port: 48001, clientId: id, protocolVersion: pick([4, 5]), keepalive: 5, reconnectPeriod: 0,
    will: { topic: 'status/' + id, payload: Buffer.from('offline'), qos: ri(3), retain: ri(2) === 0 } })
  c.on('error', quiet)
  c.on('connect', () => c.publish('status/' + id, 'online', { qos: 1, retain: true }, () => {
    setTimeout(() => { c.stream.destroy(); setTimeout(() => process.exit(0), 500 + ri(500)) }, 200 + ri(500))
  }))
}

function refused () {
  const c = mqtt.connect({ host: HOST, port: 48009, clientId: id, reconnectPeriod: 400 + ri(400), connectTimeout: 2000 })
  c.on('error', quiet)
  done(c, 1000 + ri(2000))
}

function fake (port) {
  const c = mqtt.connect({ host: HOST, port, clientId: id, protocolVersion: pick([4, 5]), reconnectPeriod: 600, connectTimeout: 1000 + ri(1000) })
  c.on('error', quiet)
  done(c, 2500 + ri(2000))
}

function alias () {
  const c = mqtt.connect({ host: HOST, port: 48001, clientId: id, protocolVersion: 5, reconnectPeriod: 0,
    properties: { topicAliasMaximum: 10, receiveMaximum: pick([5, 70000, 20]), sessionExpiryInterval: 30 } , autoUseTopicAlias: ri(2) === 0, autoAssignTopicAlias: ri(2) === 0 })
  c.on('error', quiet)
  c.on('connect', () => {
    c.subscribe('alias/#', { qos: 1 }, () => {
      const n = 2 + ri(6); let k = 0
      const next = () => {
        if (k++ >= n) return done(c, 500)
        const p = ri(3) === 0 ? { topicAlias: 1 + ri(3) } : {}
        c.publish(ri(2) ? 'alias/a' : 'alias/b/c', 'x' + k, { qos: ri(3), properties: p }, () => setTimeout(next, 50))
      }
      next()
    })
  })
}

function longrun () {
  // long-lived client that rides over broker stops, pauses and restarts
  const c = mqtt.connect({ host: HOST, port: 48001, clientId: id, protocolVersion: pick([4, 5]), keepalive: 4, clean: false, reconnectPeriod: 1000, connectTimeout: 3000 })
  c.on('error', quiet)
  c.on('connect', () => c.subscribe({ 'plant/#': { qos: 2 }, 'status/#': { qos: 1 } }))
  const tick = () => { if (c.connected || ri(3) === 0) c.publish('plant/heartbeat/' + id, 'hb', { qos: ri(3) }); setTimeout(tick, 3000 + ri(5000)) }
  setTimeout(tick, 500)
  process.on('SIGTERM', () => c.end(false, () => process.exit(0)))
}

({ normal, badauth, goodauth, will, refused, alias, longrun, silent: () => fake(48004), garbage: () => fake(48005) })[scenario]()
