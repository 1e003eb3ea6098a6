// Preload: make ftp-srv's default bunyan logger use the level in FTPSRV_LEVEL (default trace).
const bunyan = require(require.resolve('bunyan', {paths: [process.env.FTPSRV_PREFIX + '/node_modules/ftp-srv']}));
const create = bunyan.createLogger;
bunyan.createLogger = (opts) => create(Object.assign({level: process.env.FTPSRV_LEVEL || 'trace'}, opts));
