const assert = require('assert');
describe('parallel 4', function () {
  it('ok 4', function () {});
  it('fail 4', function () { assert.deepStrictEqual({a: 4}, {a: 0}); });
  it('timeout 4', function (done) { this.timeout(20); setTimeout(done, 60); });
  it.skip('skip 4', function () {});
});
