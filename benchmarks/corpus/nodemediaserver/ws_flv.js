// WebSocket-FLV client: play (read for a while) or push a FLV file over ws (127.0.0.1 only)
const WebSocket = require("ws");
const fs = require("fs");
const [, , url, mode, arg] = process.argv;
const ws = new WebSocket(url);
ws.on("error", () => {});
ws.on("open", () => {
  if (mode === "push") {
    const data = fs.readFileSync(arg);
    let off = 0;
    const t = setInterval(() => {
      if (off >= data.length || ws.readyState !== 1) { clearInterval(t); ws.close(); return; }
      ws.send(data.subarray(off, off + 32768)); off += 32768;
    }, 40);
  } else if (mode === "garbage") {
    ws.send(Buffer.from("this is not an flv stream at all, just junk bytes"));
    setTimeout(() => ws.close(), 500);
  } else {
    let n = 0;
    ws.on("message", (m) => { n += m.length; });
    setTimeout(() => ws.close(), (Number(arg) || 3) * 1000);
  }
});
setTimeout(() => process.exit(0), 20000);
