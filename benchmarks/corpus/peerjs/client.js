// Scripted PeerJS peers: one randomised session against a running server.
// usage: node client.js PORT KEY STEPS SEED [PATH]
const WebSocket = require("ws");
const http = require("http");
const net = require("net");

const [port, key, steps, seed0] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4]), Number(process.argv[5] || 1)];
const base = (process.argv[6] || "/").replace(/\/$/, "");
let seed = seed0 >>> 0 || 1;
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rid = () => pick(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"]) + "-" + Math.floor(rnd() * 100000).toString(36);

const peers = new Map(); // id -> {ws, token}
const gone = [];          // ids that left (targets for queued messages)

function open(id, token, k, cb) {
  const q = [];
  if (id !== null) q.push("id=" + encodeURIComponent(id));
  if (token !== null) q.push("token=" + encodeURIComponent(token));
  if (k !== null) q.push("key=" + encodeURIComponent(k));
  const ws = new WebSocket(`ws://127.0.0.1:${port}${base}/peerjs?${q.join("&")}`);
  ws.on("error", () => {});
  ws.on("message", () => {});
  ws.on("open", () => cb && cb(ws));
  return ws;
}

function get(path) {
  return new Promise((res) => {
    const r = http.get({ host: "127.0.0.1", port, path }, (resp) => { resp.resume(); resp.on("end", res); });
    r.on("error", res);
  });
}

function rawBadFrame() {
  // a websocket handshake followed by an unmasked frame (clients must mask)
  return new Promise((res) => {
    const s = net.connect(port, "127.0.0.1", () => {
      const id = rid();
      s.write(`GET ${base}/peerjs?id=${id}&token=t${Math.floor(rnd() * 1e6)}&key=${key} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      setTimeout(() => {
        const kind = rnd();
        if (kind < 0.5) s.write(Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]));      // unmasked text
        else if (kind < 0.75) s.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));                  // reserved opcode 3
        else s.write(Buffer.from([0xc1, 0x80, 1, 2, 3, 4]));                                   // RSV1 set
        setTimeout(() => { s.destroy(); res(); }, 100);
      }, 100);
    });
    s.on("error", () => res());
    s.on("data", () => {});
  });
}

async function main() {
  for (let i = 0; i < steps; i++) {
    const r = rnd();
    const ids = [...peers.keys()];
    if (r < 0.30 || ids.length < 2) {
      const id = rid(), token = "tk" + Math.floor(rnd() * 1e9).toString(36);
      const ws = open(id, token, key);
      peers.set(id, { ws, token });
    } else if (r < 0.42) {
      // signalling between peers, sometimes to peers that left or never existed
      const src = pick(ids);
      const dst = rnd() < 0.7 ? pick(ids) : (gone.length && rnd() < 0.5 ? pick(gone) : rid());
      const p = peers.get(src);
      if (p.ws.readyState === 1) p.ws.send(JSON.stringify({ type: pick(["OFFER", "ANSWER", "CANDIDATE", "CANDIDATE"]), dst, payload: { sdp: "v=0", n: i } }));
    } else if (r < 0.50) {
      const p = peers.get(pick(ids));
      if (p.ws.readyState === 1) p.ws.send(JSON.stringify({ type: "HEARTBEAT" }));
    } else if (r < 0.62) {
      const id = pick(ids), p = peers.get(id);
      peers.delete(id); gone.push(id);
      if (rnd() < 0.8) p.ws.close(); else p.ws.terminate();
    } else if (r < 0.66) {
      const id = pick(ids), p = peers.get(id);
      if (p.ws.readyState === 1) p.ws.send(JSON.stringify({ type: "LEAVE", dst: pick(ids) }));
    } else if (r < 0.71) {
      // garbage on an open socket
      const p = peers.get(pick(ids));
      if (p.ws.readyState === 1) p.ws.send(pick(["hello", "{bad json", "", "{\"type\":", "[1,2", "null}", "<xml/>", "undefined", "{'type':'OFFER'}"]));
    } else if (r < 0.75) {
      // reconnect an existing id with its token (takes over the socket)
      const id = pick(ids), p = peers.get(id);
      const old = p.ws;
      p.ws = open(id, p.token, key);
      setTimeout(() => old.terminate(), 200);
    } else if (r < 0.79) {
      // wrong key, missing parameters, taken id
      const c = rnd();
      const ws = c < 0.35 ? open(rid(), "x", "wrongkey") : c < 0.7 ? open(rnd() < 0.5 ? null : rid(), rnd() < 0.5 ? null : "t", key) : open(pick(ids), "other", key);
      setTimeout(() => ws.terminate(), 300);
    } else if (r < 0.90) {
      await get(pick([base + "/" + key + "/id", base + "/" + key + "/id", base + "/" + key + "/peers", base + "/", base + "/nokey/id", "/nothing"]));
    } else if (r < 0.93) {
      await rawBadFrame();
    } else {
      // a peer goes silent: stop heartbeats and keep the socket (alive_timeout will reap it)
      await sleep(Math.floor(rnd() * 400));
    }
    await sleep(10 + Math.floor(rnd() * 80));
    // heartbeats from most peers
    if (i % 10 === 0) for (const p of peers.values()) if (p.ws.readyState === 1 && rnd() < 0.8) p.ws.send(JSON.stringify({ type: "HEARTBEAT" }));
  }
  // leave: close most, keep some until the server goes away
  for (const [id, p] of peers) if (rnd() < 0.7) p.ws.close();
  await sleep(300);
  process.exit(0);
}
main();
