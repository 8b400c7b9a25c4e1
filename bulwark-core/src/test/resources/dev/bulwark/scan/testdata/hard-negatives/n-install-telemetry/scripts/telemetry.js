'use strict';
// Anonymous install statistics: package version, Node version, platform. Opt out with
// ACME_TELEMETRY_DISABLED=1 or DO_NOT_TRACK=1; never sent from CI.
const https = require('https');
const os = require('os');
const { version } = require('../package.json');

const env = process.env;
if (env.CI || env.DO_NOT_TRACK === '1' || env.ACME_TELEMETRY_DISABLED === '1') {
  process.exit(0);
}
const body = JSON.stringify({
  event: 'install',
  package: 'acme-ui-kit',
  version,
  node: process.version,
  platform: os.platform(),
  arch: os.arch(),
});
const req = https.request('https://telemetry.acme-ui.dev/v1/events', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  timeout: 1500,
}, (res) => res.resume());
req.on('error', () => {});
req.on('timeout', () => req.destroy());
req.end(body);
