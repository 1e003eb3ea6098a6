'use strict'
// Scripted Signal K client: random REST, PUT and websocket traffic against the local server.
const WebSocket = require('/tmp/round43-r43g/npm-sk/node_modules/ws')
const net = require('net')
const BASE = 'http://127.0.0.1:49100'
const n = Number(process.argv[2] || 40)
const secure = process.argv[3] === 'secure'
let token = null
const pick = (a) => a[Math.floor(Math.random() * a.length)]
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function http(method, path, body, tok) {
  const headers = { 'content-type': 'application/json' }
  if (tok) headers.authorization = 'Bearer ' + tok
  try {
    const r = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)), signal: AbortSignal.timeout(4000) })
    const t = await r.text()
    return { status: r.status, text: t }
  } catch (e) {
    return { status: 0, text: String(e) }
  }
}

const paths = ['navigation.position', 'navigation.speedOverGround', 'navigation.courseOverGroundTrue', 'environment.depth.belowTransducer',
  'navigation.headingMagnetic', 'environment.wind.speedApparent', 'electrical.batteries.1.voltage', 'no.such.path', 'navigation.*', '*']

async function wsSession() {
  return new Promise((resolve) => {
    const q = pick(['?subscribe=none', '?subscribe=self', '?subscribe=all', '', '?sendCachedValues=false', '?subscribe=bogus'])
    const ws = new WebSocket('ws://127.0.0.1:49100/signalk/v1/stream' + q + (secure && token && Math.random() < 0.7 ? (q ? '&' : '?') + 'token=' + token : ''))
    let done = false
    const finish = () => { if (!done) { done = true; try { ws.terminate() } catch (e) {} resolve() } }
    ws.on('error', finish)
    ws.on('close', finish)
    ws.on('message', () => {})
    ws.on('open', async () => {
      const k = 1 + Math.floor(Math.random() * 5)
      for (let i = 0; i < k; i++) {
        const r = Math.random()
        if (r < 0.35) {
          ws.send(JSON.stringify({ context: pick(['vessels.self', 'vessels.*', '*', 'atons.*']), subscribe: [{ path: pick(paths), period: pick([500, 1000, 5000]), policy: pick(['instant', 'ideal', 'fixed', undefined]), minPeriod: pick([undefined, 200]) }] }))
        } else if (r < 0.5) {
          ws.send(JSON.stringify({ context: 'vessels.self', unsubscribe: [{ path: pick(paths) }] }))
        } else if (r < 0.62) {
          ws.send(JSON.stringify({ context: 'vessels.self', requestId: 'r' + Math.floor(Math.random() * 1e6), put: { path: pick(['steering.autopilot.state', 'electrical.switches.anchorLight.state', 'navigation.lights']), value: pick([1, 'auto', true]) } }))
        } else if (r < 0.7) {
          ws.send(pick(['{not json', 'hello', '[]', '{}']))
        } else if (r < 0.8) {
          ws.send(JSON.stringify({ context: 'vessels.self', updates: [{ source: { label: 'r43g-client' }, values: [{ path: pick(paths.slice(0, 7)), value: Math.random() * 10 }] }] }))
        } else if (r < 0.88) {
          ws.send(JSON.stringify({ requestId: 'l' + i, login: { username: pick(['admin', 'nobody']), password: pick(['wrong', 'r43g-pass']) } }))
        } else if (r < 0.94) {
          ws.send(JSON.stringify({ requestId: 'a' + i, accessRequest: { clientId: 'dev-' + Math.floor(Math.random() * 1000), description: 'r43g device', permissions: pick(['readonly', 'readwrite']) } }))
        } else {
          ws.send(JSON.stringify({ context: 'vessels.self', desubscribe: true }))
        }
        await sleep(100 + Math.random() * 600)
      }
      await sleep(Math.random() * 1200)
      if (Math.random() < 0.5) ws.close(); else finish()
    })
    setTimeout(finish, 8000)
  })
}

async function tcpSession(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1')
    s.on('error', () => resolve())
    s.on('data', () => {})
    s.on('connect', async () => {
      if (port === 49111) {
        s.write(JSON.stringify({ context: 'vessels.self', subscribe: [{ path: pick(paths) }] }) + '\n')
        await sleep(300)
        if (Math.random() < 0.4) s.write('not json at all\n')
        s.write(JSON.stringify({ context: 'vessels.self', updates: [{ values: [{ path: 'navigation.speedThroughWater', value: 3.1 }] }] }) + '\n')
      }
      await sleep(500 + Math.random() * 1500)
      s.end(); resolve()
    })
  })
}

async function restOp() {
  const r = Math.random()
  const tok = secure ? (Math.random() < 0.75 ? token : (Math.random() < 0.5 ? 'invalid.token.value' : null)) : null
  if (r < 0.18) return http('GET', pick(['/signalk', '/signalk/v1/api/', '/signalk/v1/api/vessels/self', '/signalk/v1/api/vessels/self/navigation/position',
    '/signalk/v1/api/vessels/self/navigation/speedOverGround/value', '/signalk/v1/api/vessels/self/nonexistent/path', '/signalk/v1/api/sources', '/signalk/v1/api/self']), undefined, tok)
  if (r < 0.28) return http('PUT', '/signalk/v1/api/vessels/self/' + pick(['steering/autopilot/state', 'electrical/switches/anchorLight/state', 'navigation/position', 'environment/depth']), pick([{ value: 'auto' }, { value: 1 }, '{bad json', {}]), tok)
  if (r < 0.40) return http(pick(['GET', 'POST', 'PUT', 'DELETE']), '/signalk/v2/api/resources/' + pick(['waypoints', 'routes', 'notes', 'regions', 'charts', 'bogus']) + pick(['', '/ac3a3b2d-07e8-4f25-92bc-98e7c92f7f1a', '/not-a-uuid']),
    pick([{ feature: { type: 'Feature', geometry: { type: 'Point', coordinates: [23.4, 59.9] }, properties: { name: 'wp' + Math.floor(Math.random() * 99) } } }, { name: 'x' }, '{oops']), tok)
  if (r < 0.52) return http(pick(['PUT', 'PUT', 'DELETE', 'GET', 'POST']), '/signalk/v2/api/vessels/self/navigation/course' + pick(['', '/destination', '/activeRoute', '/arrivalCircle', '/restart', '/targetArrivalTime', '/calcValues']),
    pick([{ position: { latitude: 60.1 + Math.random(), longitude: 24.9 } }, { value: 150 }, { href: '/resources/routes/bogus' }, { position: { latitude: 'north' } }, {}]), tok)
  if (r < 0.58) return http(pick(['GET', 'POST', 'PUT']), '/signalk/v2/api/vessels/self/autopilots' + pick(['', '/_default', '/_default/state', '/_default/engage', '/nope/target']), { value: 'auto' }, tok)
  if (r < 0.63) return http('GET', '/signalk/v2/api/' + pick(['features', 'notifications', 'vessels/self/radars', 'weather/observations?lat=1&lon=2', 'history/values?paths=navigation.position', 'unknown']), undefined, tok)
  if (r < 0.72) return http('GET', '/skServer/' + pick(['plugins', 'settings', 'loginStatus', 'vessel', 'webapps', 'serialports', 'providers', 'security/config', 'security/users', 'security/devices', 'security/access/requests', 'sourcePriorities', 'debugKeys', 'availablePaths', 'appstore/available', 'eventsRoutingData', 'nothere']), undefined, tok)
  if (r < 0.77) return http('PUT', '/skServer/plugins/' + pick(['resources-provider', 'course-provider', 'udp-nmea-plugin', 'no-such-plugin']) + '/config', pick([{ enabled: true, configuration: {} }, { enabled: false }, '{bad']), tok)
  if (r < 0.82) return http('POST', '/signalk/v1/auth/login', pick([{ username: 'admin', password: 'wrong' }, { username: 'ghost', password: 'x' }, { username: 'admin', password: 'r43g-pass' }, '{bad']))
  if (r < 0.86) return http('POST', '/signalk/v1/access/requests', pick([{ clientId: 'dev-' + Math.floor(Math.random() * 1000), description: 'r43g', permissions: 'readonly' }, {}, '{x']))
  if (r < 0.90) return http('PUT', '/skServer/debug', pick([{ value: 'signalk-server:put' }, { value: '' }]), tok)
  if (r < 0.95) return http('GET', pick(['/admin/', '/signalk/v1/api/vessels/self/navigation/position/meta', '/signalk/v1/applicationData/global/app/1.0', '/signalk/v1/snapshot/vessels/self?time=2020-01-01T00:00:00Z', '/does/not/exist']), undefined, tok)
  return http('POST', '/signalk/v1/api/vessels/self/notifications/test', { value: { state: 'alarm', message: 'x' } }, tok)
}

async function main() {
  if (secure) {
    const r = await http('POST', '/signalk/v1/auth/login', { username: 'admin', password: 'r43g-pass' })
    try { token = JSON.parse(r.text).token } catch (e) {}
  }
  for (let i = 0; i < n; i++) {
    const r = Math.random()
    if (r < 0.62) await restOp()
    else if (r < 0.9) await wsSession()
    else await tcpSession(pick([49110, 49111]))
    await sleep(Math.random() * 300)
  }
}
main()
