// Fake backends: plain HTTP servers with a raw websocket-style upgrade echo.
import http from 'http';
for (const port of process.argv.slice(2).map(Number)) {
  const s = http.createServer((req, res) => {
    if (req.url.includes('slow')) { setTimeout(() => { res.end('late'); }, 3000); return; }
    if (req.url.includes('drop')) { req.socket.destroy(); return; }
    if (req.url.includes('fail')) { res.writeHead(500); res.end('fail'); return; }
    res.writeHead(200, { 'content-type': 'text/plain' }); res.end('backend ' + port + ' ' + req.url + '\n');
  });
  s.on('upgrade', (req, sock) => {
    sock.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    sock.on('data', d => sock.write(d));
    sock.on('error', () => {});
  });
  s.listen(port, '127.0.0.1');
}
