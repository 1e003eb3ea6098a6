const lib = require('./lib');
lib.tick();
setTimeout(() => process.exit(0), 200);
