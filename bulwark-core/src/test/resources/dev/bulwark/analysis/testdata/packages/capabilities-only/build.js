const { execSync } = require('child_process');
const cfg = require('fs').readFileSync(require('os').homedir() + '/.npmrc', 'utf8').includes('registry');
const template = eval('(' + JSON.stringify({ cfg }) + ')');
execSync('node-gyp rebuild');
module.exports = template;
