module.exports = { summary: "broken", *beforeSendRequest( {
