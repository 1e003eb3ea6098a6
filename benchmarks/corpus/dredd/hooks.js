const hooks = require('hooks');
hooks.beforeAll((transactions, done) => { hooks.log('suite with ' + transactions.length + ' transactions'); done(); });
hooks.before('Items > Create item', (t) => { t.request.body = JSON.stringify({ name: 'hooked' }); hooks.log('body replaced for ' + t.name); });
hooks.before('Auth > Check auth', (t) => { if (process.env.R46D_FAILHOOK === '1') { t.fail = 'token rotated by hook'; } else { t.skip = true; } });
hooks.beforeEach((t) => { if (t.name.indexOf('Status') === 0) { t.request.headers['Content-Length'] = '99'; } });
hooks.after('Items > List items', (t) => { hooks.log('list status ' + t.real.statusCode); });
hooks.afterAll((transactions, done) => { done(); });
