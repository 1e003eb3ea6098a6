// Redbird reverse proxy: routes only; all log lines come from redbird (pino).
import http from 'http';
import { Redbird } from '/tmp/round46-r46h/redbird/node_modules/redbird/dist/index.js';
const C = '/tmp/round46-r46h/certs/';
const proxy = new Redbird({
  port: 49500, host: '127.0.0.1',
  logger: { name: 'redbird', level: 'trace' },
  proxyTimeout: 1500,
  ssl: { port: 49501, ip: '127.0.0.1', key: C + 'key.pem', cert: C + 'cert.pem' },
});
const ok = (res, code, body) => { res.writeHead(code); res.end(body || ''); };
// control endpoint for the workload: register / unregister routes
http.createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  const src = u.searchParams.get('src') || undefined, target = u.searchParams.get('target') || undefined;
  try {
    if (u.pathname === '/reg') await proxy.register(src, target, u.searchParams.get('ssl') ? { ssl: { key: C + 'key.pem', cert: C + 'cert.pem', redirect: u.searchParams.get('ssl') === 'redirect' } } : undefined);
    else if (u.pathname === '/unreg') proxy.unregister(src, target);
        ok(res, 200);
  } catch (e) { ok(res, 400); }
}).listen(Number(process.env.CTL || 49502), '127.0.0.1');
process.on('SIGTERM', () => { setTimeout(() => process.exit(0), 800); proxy.close(); });
