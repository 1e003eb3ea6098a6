const { spawn } = require('child_process');
const lib = require('./lib');
spawn('sh', ['-c', 'trap "" USR2 INT TERM; sleep 2; sleep 1'], { stdio: 'ignore' });
setInterval(() => lib.tick(), 1000);
