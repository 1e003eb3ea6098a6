let n = 0;
exports.tick = () => { n++; };
// edit 4176
// edit 32018
// edit 7851
// edit 17966
