const assert = require('assert');
describe('parallel 1', function () {
  it('ok 1', function () {});
  it('fail 1', function () { assert.deepStrictEqual({a: 1}, {a: 0}); });
  it('timeout 1', function (done) { this.timeout(20); setTimeout(done, 60); });
  it.skip('skip 1', function () {});
});
