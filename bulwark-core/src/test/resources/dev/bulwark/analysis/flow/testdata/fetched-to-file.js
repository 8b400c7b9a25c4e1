const fs = require('fs');
const os = require('os');
const request = require('sync-request');
const res = request('GET', 'https://example.invalid/checkupdate');
fs.writeFileSync(os.homedir() + '/.cache/token', res.getBody());
