const http = require('http');
const port = parseInt(process.env.PORT || '40010');
const srv = http.createServer((q, r) => r.end('ok\n'));
srv.listen(port, () => { if (process.send) process.send('ready'); });
process.on('SIGINT', () => srv.close(() => process.exit(0)));
process.on('message', m => { if (m === 'shutdown') srv.close(() => process.exit(0)); });
