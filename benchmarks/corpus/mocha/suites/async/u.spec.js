describe('async', function () {
  it('uncaught later', function (done) { setTimeout(function () { throw new Error('uncaught async'); }, 5); });
  it('throws string', function (done) { setTimeout(function () { throw 'a string'; }, 5); });
  it('done twice', function (done) { done(); done(); });
  it('rejects', function () { return Promise.reject(new Error('rejected')); });
  it('pending by this.skip', function () { this.skip(); });
  it('passes after skip', function () {});
  it('slow async', function (done) { setTimeout(done, 120); });
});
