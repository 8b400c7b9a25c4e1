// a template literal with a substitution is not a constant
const https = require('https');
https.get(process.argv[2], (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
  res.on('end', () => { eval(`${body}`); });
});
