// Websocket-style upgrade client: node wsclient.mjs port host path mode
import http from 'http'; import https from 'https';
const [port, host, path, mode] = process.argv.slice(2);
const mod = mode === 'tls' ? https : http;
const req = mod.request({ port: Number(port), host: '127.0.0.1', servername: host, path, rejectUnauthorized: false,
  headers: { Host: host, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
req.on('upgrade', (res, sock) => { sock.write('ping'); sock.once('data', () => { if (mode === 'abort') sock.destroy(); else sock.end(); setTimeout(() => process.exit(0), 50); }); });
req.on('response', r => { r.resume(); r.on('end', () => process.exit(0)); });
req.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), 1500);
req.end();
