module.exports = { Button: require('./button') };
