const hooks = require('hooks');
hooks.before('Items > List items', (t) => { throw new Error('hook exploded'); });
hooks.beforeEachValidation((t) => { t.real.body = t.real.body + ' '; });
