// Minimal fake browser: connects to the Browsersync socket namespace with a given
// User-Agent, stays connected for a while, then disconnects.  usage: node wsclient.js PORT UA MS
const { io } = require("/tmp/round34-r34h/npm/node_modules/socket.io-client");
const [port, ua, ms] = process.argv.slice(2);
const s = io(`http://127.0.0.1:${port}/browser-sync`, {
  path: "/browser-sync/socket.io", transports: ["websocket"], extraHeaders: { "User-Agent": ua },
  reconnection: false, timeout: 3000,
});
s.on("connect_error", () => process.exit(1));
s.on("connection", () => { if (Math.random() < 0.3) s.emit("scroll", { position: { raw: { x: 0, y: 120 } } }); });
setTimeout(() => { s.close(); process.exit(0); }, Number(ms || 1500));
