// Writes the mock environments used by workload.sh (run once with node; no logging).
const c = require(process.env.MOCK_PREFIX + '/node_modules/@mockoon/commons');
const fs = require('fs');
const R = (o) => Object.assign(c.BuildRouteResponse(), o);
const H = (method, endpoint, responses, extra = {}) =>
  Object.assign(c.BuildHTTPRoute(false), {method, endpoint, responses}, extra);
const env = c.BuildDemoEnvironment();
env.name = 'Shop API';
env.data[0].value = env.data[0].value.replace('internet.userName', 'internet.username');
env.port = 61510;
const cbOk = Object.assign(c.BuildCallback(), {name: 'notify', uri: 'http://127.0.0.1:61510/hook', method: 'post', body: '{"event":"{{urlParam \'id\'}}"}'});
const cbDown = Object.assign(c.BuildCallback(), {name: 'audit', uri: 'http://127.0.0.1:61998/audit', method: 'put', body: 'x'});
const cbFile = Object.assign(c.BuildCallback(), {name: 'upload', uri: 'http://127.0.0.1:61510/hook', bodyType: 'FILE', filePath: 'no-such-attachment.bin', sendFileAsBody: true});
env.callbacks = [cbOk, cbDown, cbFile];
const extra = [
  H('get', 'files/ok', [R({default: true, bodyType: 'FILE', filePath: 'sample.txt', headers: [{key: 'Content-Type', value: 'text/plain'}]})]),
  H('get', 'files/missing', [R({default: true, bodyType: 'FILE', filePath: 'gone/{{urlParam "x"}}.json'})]),
  H('get', 'broken', [R({default: true, body: '{{#each}} {{/with}}'})]),
  H('get', 'badheader', [R({default: true, headers: [{key: 'X-Thing', value: '{{#if}}'}]})]),
  H('post', 'orders', [R({default: true, statusCode: 201, body: '{"id": "{{faker \'string.uuid\'}}", "item": "{{body \'item\' \'none\'}}"}'}),
                       R({statusCode: 422, body: '{"error":"bad qty"}', rules: [{target: 'body', modifier: 'qty', value: '0', invert: false, operator: 'equals'}]})]),
  H('get', 'orders/:id', [R({default: true, body: '{"id":"{{urlParam \'id\'}}"}', callbacks: [{uuid: cbOk.uuid, latency: 0}, {uuid: cbDown.uuid, latency: 0}]}),
                          R({statusCode: 404, rules: [{target: 'params', modifier: 'id', value: '^9', invert: false, operator: 'regex'}], callbacks: [{uuid: cbFile.uuid, latency: 0}]})]),
  H('post', 'hook', [R({default: true, statusCode: 204, body: ''})]),
  H('get', 'slow', [R({default: true, latency: 300, body: '{"slow":true}'})]),
  H('all', 'status/:code', [R({default: true, statusCode: 500, body: '{"err":"boom"}'})]),
  Object.assign(c.BuildWebSocketRoute(false), {endpoint: 'ws/echo', responses: [R({default: true, body: '{"echo": "{{body}}"}'})], responseMode: null}),
  Object.assign(c.BuildWebSocketRoute(false), {endpoint: 'ws/feed', streamingMode: 'BROADCAST', streamingInterval: 200, responses: [R({default: true, body: '{"tick": "{{faker \'number.int\'}}"}'})]}),
  Object.assign(c.BuildWebSocketRoute(false), {endpoint: 'ws/bad', streamingMode: 'UNICAST', streamingInterval: 300, responses: [R({default: true, bodyType: 'FILE', filePath: 'nowhere.json'})]}),
];
env.routes.push(...extra);
env.rootChildren.push(...extra.map((r) => ({type: 'route', uuid: r.uuid})));
fs.writeFileSync(process.argv[2] + '/shop.json', JSON.stringify(env, null, 1));
const px = c.BuildEnvironment({hasDefaultRoute: true, hasContentTypeHeader: true, hasCorsHeaders: false});
Object.assign(px, {name: 'Proxy API', port: 61511, proxyMode: true, proxyHost: 'http://127.0.0.1:61997'});
px.routes[0].endpoint = 'local';
const legacy = H('get', 'legacy/:(id', [R({default: true, body: '{}'})]);
px.routes.push(legacy);
px.rootChildren.push({type: 'route', uuid: legacy.uuid});
fs.writeFileSync(process.argv[2] + '/proxy.json', JSON.stringify(px, null, 1));
