const lib = require('./lib');
setTimeout(() => { throw new Error('cannot connect to queue'); }, 300);
