const debug = process.env.DEBUG === '1';
fetch('http://127.0.0.1:9/health');
module.exports = debug;
