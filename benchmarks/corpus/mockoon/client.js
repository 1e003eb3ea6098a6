// Randomised HTTP and WebSocket traffic against the mock servers (no logging of its own).
const WebSocket = require(process.env.MOCK_PREFIX + '/node_modules/ws');
const [port, count, seed, token] = process.argv.slice(2).map((v, i) => (i < 3 ? Number(v) : v));
let s = seed;
const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const wpick = (pairs) => { let t = pairs.reduce((x, p) => x + p[0], 0) * rnd(); for (const p of pairs) { if ((t -= p[0]) < 0) return p[1]; } return pairs[0][1]; };
const base = `http://127.0.0.1:${port}`;
const req = (method, path, opts = {}) => fetch(base + path, {method, ...opts}).then((r) => r.text()).catch(() => null);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function ws(path, msgs, stayMs) {
  return new Promise((resolve) => {
    const c = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    c.on('open', async () => {
      for (const m of msgs) { c.send(m); await sleep(30); }
      await sleep(stayMs);
      c.close(pick([1000, 1001, 4000]), pick(['bye', 'done', '']));
    });
    c.on('error', () => {});
    c.on('close', () => resolve());
    setTimeout(resolve, stayMs + 2000);
  });
}

const actions = [
  [14, () => req('GET', '/users')],
  [6, () => req('GET', `/users/${Math.floor(rnd() * 1e6)}`)],
  [5, () => req('POST', '/users', {headers: {'Content-Type': 'application/json'}, body: JSON.stringify({username: 'u' + Math.floor(rnd() * 100)})})],
  [3, () => req(pick(['PUT', 'PATCH', 'DELETE']), `/users/${Math.floor(rnd() * 100)}`, {headers: {'Content-Type': 'application/json'}, body: '{"x":1}'})],
  [8, () => req('GET', `/template?total=${Math.floor(rnd() * 4)}`)],
  [5, () => req('POST', `/content/${pick(['xyz', 'abc', 'q1'])}`)],
  [3, () => req('PUT', `/path/with/${pick(['pattern', 'patterns', 'patterns/x', 'nope'])}/`)],
  [5, () => req('GET', '/protected/path', rnd() < 0.5 ? {headers: {Authorization: 'Bearer t'}} : {})],
  [2, () => req('GET', '/forward-and-record')],
  [6, () => req('GET', '/files/ok')],
  [3, () => req('GET', `/files/missing?x=${Math.floor(rnd() * 9)}`)],
  [2, () => req('GET', '/broken')],
  [2, () => req('GET', '/badheader')],
  [6, () => req('POST', '/orders', {headers: {'Content-Type': pick(['application/json', 'application/json', 'application/xml', 'application/x-www-form-urlencoded'])},
                                    body: pick(['{"item":"pen","qty":"2"}', '{"qty":"0"}', '{broken', '<a><b>1</b></a>', '<a><b>', 'item=cup&qty=3'])})],
  [6, () => req('GET', `/orders/${Math.floor(rnd() * 120)}`)],
  [3, () => req('GET', '/slow')],
  [3, () => req(pick(['GET', 'POST', 'DELETE']), `/status/${Math.floor(rnd() * 600)}`)],
  [2, () => req('GET', '/legacy/1')],
  [5, () => req(pick(['GET', 'HEAD', 'OPTIONS']), pick(['/nothing', '/api/v1/x', '/favicon.ico', '/users/a/b']))],
  [3, () => req('GET', pick(['/mockoon-admin/logs', '/mockoon-admin/state', '/mockoon-admin/env-vars']),
                rnd() < 0.6 && token ? {headers: {Authorization: `Bearer ${token}`}} : {})],
  [1, () => req('POST', '/mockoon-admin/state/purge', token ? {headers: {Authorization: `Bearer ${token}`}} : {})],
  [3, () => ws('/ws/echo', Array.from({length: Math.floor(rnd() * 4)}, (_, i) => pick([`hello ${i}`, '{"a":1}', ''])), 100)],
  [2, () => ws('/ws/feed', [], 300 + Math.floor(rnd() * 400))],
  [1, () => ws('/ws/bad', ['x'], 400)],
  [1, () => ws(pick(['/ws/none', '/users']), ['hi'], 100)],
];

(async () => {
  for (let i = 0; i < count; i++) {
    await wpick(actions)();
    if (rnd() < 0.2) await sleep(Math.floor(rnd() * 50));
  }
})();
