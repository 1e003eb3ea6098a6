// Fake tunnel client: node fakeclient.mjs id nsock holdms mode [secret]
// asks the server for tunnel `id`, opens nsock sockets to its tunnel port, answers requests, then closes (mode end|rst|late).
import http from 'http'; import net from 'net';
const [id, nsock, hold, mode, secret] = process.argv.slice(2);
const path = '/' + id + (secret ? '?secret_token=' + secret : '');
http.get({ host: '127.0.0.1', port: 49600, path, headers: { Host: 'lt.test' } }, res => {
  let b = ''; res.on('data', d => b += d); res.on('end', () => {
    let info; try { info = JSON.parse(b); } catch (e) { process.exit(0); }
    if (!info.port) process.exit(0);
    const socks = [];
    const open = () => { for (let i = 0; i < Number(nsock); i++) {
      const s = net.connect(info.port, '127.0.0.1'); socks.push(s);
      s.on('data', () => s.write('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nok\n'));
      s.on('error', () => {});
    } };
    if (mode === 'late') setTimeout(open, 600); else open();
    setTimeout(() => { for (const s of socks) mode === 'rst' ? s.resetAndDestroy() : s.end(); setTimeout(() => process.exit(0), 200); }, Number(hold));
  });
}).on('error', () => process.exit(0));
