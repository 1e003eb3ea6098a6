import WebSocket from '/tmp/round42-r42g/npmbt/node_modules/ws/index.js'
import crypto from 'crypto'

const url = process.argv[2]
const rounds = Number(process.argv[3])
const rnd = n => Math.floor(Math.random() * n)
// printable latin1 only (no C1 controls)
const bin = n => String.fromCharCode(...Array.from(crypto.randomBytes(n), b => (b >= 0x7f && b < 0xa0) ? b - 0x50 : (b < 0x20 ? b + 0x40 : b)))
const sleep = ms => new Promise(r => setTimeout(r, ms))
const hashes = Array.from({ length: 1 + rnd(3) }, () => bin(20))

function open () {
  return new Promise(resolve => {
    const ws = new WebSocket(url)
    ws.peer = bin(20)
    ws.on('open', () => resolve(ws))
    ws.on('error', () => resolve(null))
    ws.on('message', m => {
      let d
      try { d = JSON.parse(m) } catch (e) { return }
      if (d.offer && Math.random() < 0.8) {
        ws.send(JSON.stringify({ action: 'announce', info_hash: d.info_hash, peer_id: ws.peer, to_peer_id: d.peer_id, answer: { type: 'answer', sdp: 'v=0' }, offer_id: d.offer_id }))
      }
    })
  })
}

const socks = []
for (let r = 0; r < rounds; r++) {
  const k = rnd(20)
  if (socks.length < 2 || k < 4) {
    const ws = await open()
    if (ws) socks.push(ws)
    continue
  }
  const ws = socks[rnd(socks.length)]
  const ih = hashes[rnd(hashes.length)]
  if (k < 11) {
    const n = rnd(4)
    const offers = Array.from({ length: n }, () => ({ offer: { type: 'offer', sdp: 'v=0' }, offer_id: crypto.randomBytes(10).toString('hex') }))
    const ev = ['started', 'started', 'completed', undefined, 'update', 'stopped'][rnd(6)]
    ws.send(JSON.stringify({ action: 'announce', event: ev, info_hash: ih, peer_id: ws.peer, numwant: n, uploaded: 0, downloaded: 0, left: rnd(2) ? 0 : 500, offers }))
  } else if (k < 13) {
    ws.send(JSON.stringify({ action: 'scrape', info_hash: rnd(2) ? ih : [ih, hashes[0]] }))
  } else if (k < 14) {
    ws.send(['{bad json', 'null', '[1,2', ''][rnd(4)])
  } else if (k < 15) {
    ws.send(JSON.stringify({ action: ['ping', 'connect', 'stats'][rnd(3)], info_hash: ih }))
  } else if (k < 16) {
    ws.send(JSON.stringify({ action: 'announce', info_hash: rnd(2) ? 'short' : ih, peer_id: rnd(2) ? 'x' : ws.peer, offers: [] }))
  } else if (k < 17) {
    ws.send(JSON.stringify({ action: 'announce', info_hash: rnd(2) ? bin(20) : ih, peer_id: ws.peer, to_peer_id: rnd(3) ? bin(20) : 'abc', answer: { type: 'answer', sdp: 'v=0' }, offer_id: 'x' }))
  } else {
    const i = socks.indexOf(ws)
    socks.splice(i, 1)
    if (rnd(2)) ws.close(); else ws.terminate()
  }
  await sleep(rnd(60))
}
await sleep(300)
for (const ws of socks) ws.close()
await sleep(200)
process.exit(0)
