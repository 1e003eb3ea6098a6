const keep = [];
setInterval(() => { keep.push(Buffer.alloc(4 * 1024 * 1024, 1)); }, 500);
