describe('watched', function () { it('works', function () {}); });
