'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const TOKEN_URL = 'https://oauth2.example-cloud.test/token';

async function refreshFromWellKnownFile() {
  const file = path.join(os.homedir(), '.config', 'gcloud', 'application_default_credentials.json');
  const creds = JSON.parse(fs.readFileSync(file, 'utf8'));
  const body = new URLSearchParams({
    client_id: creds.client_id,
    client_secret: creds.client_secret,
    refresh_token: creds.refresh_token,
    grant_type: 'refresh_token',
  });
  const res = await fetch(TOKEN_URL, { method: 'POST', body });
  if (!res.ok) throw new Error('token request failed: ' + res.status);
  return (await res.json()).access_token;
}

module.exports = { refreshFromWellKnownFile };
