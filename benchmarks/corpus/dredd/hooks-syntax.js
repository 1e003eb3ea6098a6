const hooks = require('hooks');
hooks.before('Items > List items', (t) => { 
