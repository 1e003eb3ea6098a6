// AnyProxy rule used by workload.sh: rewrites a few requests, fails on purpose on others.
module.exports = {
  summary: 'round37 test rule: tag, mock and fail',
  *beforeSendRequest(requestDetail) {
    const u = requestDetail.url;
    if (u.indexOf('/ruleboom') >= 0) {
      throw new Error('rule refused ' + u);
    }
    if (u.indexOf('/notyieldable') >= 0) {
      yield 42;
    }
    if (u.indexOf('/mock') >= 0) {
      return { response: { statusCode: 200, header: { 'content-type': 'text/plain' }, body: 'mocked' } };
    }
    return null;
  },
  *beforeSendResponse(requestDetail, responseDetail) {
    if (requestDetail.url.indexOf('/respboom') >= 0) {
      throw new TypeError('cannot rewrite response for ' + requestDetail.url);
    }
    return null;
  },
};
