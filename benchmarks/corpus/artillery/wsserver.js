// minimal websocket echo server for the workload (no logging)
const WebSocket = require('/tmp/round46-r46d/artillery/lib/node_modules/artillery/node_modules/ws');
const wss = new WebSocket.Server({ host: '127.0.0.1', port: Number(process.argv[2]) });
wss.on('connection', (ws) => {
  ws.on('message', (m) => {
    const s = m.toString();
    if (s.indexOf('close') >= 0) { ws.terminate(); return; }
    ws.send(s);
  });
});
