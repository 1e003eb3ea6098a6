module.exports = { spec: require("./nonexistent") };
