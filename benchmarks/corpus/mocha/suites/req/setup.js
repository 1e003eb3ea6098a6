exports.mochaHooks = { beforeAll() {}, afterEach() {} };
exports.mochaGlobalSetup = async function () {};
exports.mochaGlobalTeardown = async function () {};
