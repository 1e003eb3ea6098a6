const assert = require('assert');
describe('parallel 3', function () {
  it('ok 3', function () {});
  it('fail 3', function () { assert.deepStrictEqual({a: 3}, {a: 0}); });
  it('timeout 3', function (done) { this.timeout(20); setTimeout(done, 60); });
  it.skip('skip 3', function () {});
});
