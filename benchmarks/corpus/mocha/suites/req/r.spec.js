const assert = require('assert');
describe('math', function () {
  before(function () {});
  it('adds', function () { assert.strictEqual(1 + 1, 2); });
  it('fails', function () { assert.strictEqual(1 + 1, 3); });
  it.skip('pending one');
  it('slow', function (done) { setTimeout(done, 50); });
  it('times out', function (done) { this.timeout(30); setTimeout(done, 100); });
});
