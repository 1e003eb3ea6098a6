const ms = 300 + Math.floor(Math.random() * 2500);
setTimeout(() => {
  const r = Math.random();
  if (r < 0.4) process.exit(1 + Math.floor(Math.random() * 3));
  if (r < 0.7) throw new Error('boom');
  process.kill(process.pid, 'SIGTERM');
}, ms);
setInterval(() => {}, 1000);
