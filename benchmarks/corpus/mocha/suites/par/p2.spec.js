const assert = require('assert');
describe('parallel 2', function () {
  it('ok 2', function () {});
  it('fail 2', function () { assert.deepStrictEqual({a: 2}, {a: 0}); });
  it('timeout 2', function (done) { this.timeout(20); setTimeout(done, 60); });
  it.skip('skip 2', function () {});
});
