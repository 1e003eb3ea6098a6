const lib = require('./lib');
setInterval(() => lib.tick(), 100);
setTimeout(() => process.exit(1), 200 + Math.floor(Math.random() * 800));
