import assert from 'assert';
describe('esm', function () { it('ok', function () { assert.ok(true); }); it('bad', function () { assert.equal(2, 3); }); });
