describe('hooks', function () {
  beforeEach(function () { if (Math.random() < 0.5) throw new Error('beforeEach boom'); });
  it('one', function () {});
  it('two', function () {});
  describe('inner', function () {
    after(function () { throw new Error('after boom'); });
    it('three', function () {});
  });
});
describe('retry', function () {
  this.retries(2);
  it('flaky', function () { if (Math.random() < 0.7) throw new Error('flaky'); });
});
