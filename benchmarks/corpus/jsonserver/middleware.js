// Adds a response header; no output of its own.
module.exports = (req, res, next) => {
  res.header('X-Workload', 'r33a');
  next();
};
