const lib = require('./lib');
setInterval(() => lib.tick(), 1000);
