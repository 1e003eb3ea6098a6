const fs = require('fs');
const flag = process.env.FLAG_FILE;
setTimeout(() => { if (!flag || !fs.existsSync(flag)) process.exit(5); }, 200);
setInterval(() => {}, 1000);
