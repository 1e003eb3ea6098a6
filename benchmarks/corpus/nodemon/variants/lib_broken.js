let n = 0;
exports.tick = () => { n++;
